/** Implementation lag under the root: days each level took, per province and level (API implementationLag). */
import type { LagRow } from '../api/types';
import { formatCount, formatDayCount, levelName, useI18n } from '../i18n';
import { SidebarSection } from './SidebarSection';

interface Props {
  rows: LagRow[] | undefined;
  loading: boolean;
  error: unknown;
  retry: () => void;
  /** Narrow the view to one province (the filter bar's province filter). */
  onProvince: (province: string) => void;
  /** Whether the view's province filter covers a province (a new province those it took over too): its rows are marked. */
  current: (province: string) => boolean;
  /** The table as a CSV file. */
  csvUrl: string;
}

export function LagTable({ rows, loading, error, retry, onProvince, current, csvUrl }: Props) {
  const { t, lang } = useI18n();
  const days = (n: number | null) => formatDayCount(lang, n);
  return (
    <SidebarSection className="lag" testId="lag-table" title={t('lagTitle')} loading={loading} error={error} retry={retry} empty={rows?.length === 0 ? t('lagNone') : null} csvUrl={rows?.length ? csvUrl : undefined}>
      {rows && rows.length > 0 && (
        <>
          {rows.some((r) => r.province) && <p className="muted small">{t('lagHint')}</p>}
          <div className="lag-scroll">
            <table>
              <thead>
                <tr>
                  <th>{t('lagProvince')}</th>
                  <th>{t('lagLevel')}</th>
                  <th className="num" title={t('lagDocumentsHint')}>{t('lagDocuments')}</th>
                  <th className="num" title={t('lagMedianHint')}>{t('lagMedian')}</th>
                  <th className="num" title={t('lagRangeHint')}>{t('lagRange')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.province ?? ''}|${r.level ?? ''}|${r.parentLevel ?? ''}`} className={r.province && current(r.province) ? 'on' : undefined}>
                    <td>
                      {r.province ? (
                        <button type="button" className="link" onClick={() => onProvince(r.province!)}>
                          {r.province}
                        </button>
                      ) : (
                        '—'
                      )}
                    </td>
                    {/* A level's texts implementing their own level's (a province's departments carrying out its programme): a row apart, said briefly (in full on hover). */}
                    {r.level && r.parentLevel === r.level ? (
                      <td data-testid="lag-level" title={t('levelSameLevel', { level: levelName(t, r.level) })}>
                        <span className="nowrap">{levelName(t, r.level)}</span> <span className="muted small nowrap">({t('lagSameLevel')})</span>
                      </td>
                    ) : (
                      <td className="nowrap" data-testid="lag-level">{levelName(t, r.level)}</td>
                    )}
                    <td className="num" title={t('lagDated', { n: formatCount(lang, r.dated) })}>
                      {formatCount(lang, r.documents)}
                      {r.dated < r.documents && <span className="muted small"> ({t('lagDated', { n: formatCount(lang, r.dated) })})</span>}
                    </td>
                    <td className="num">{days(r.medianDays)}</td>
                    {/* One text, or all alike: the number, not "1.021 – 1.021". */}
                    <td className="num">{r.minDays === null ? '–' : r.minDays === r.maxDays ? days(r.minDays) : `${days(r.minDays)} – ${days(r.maxDays)}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </SidebarSection>
  );
}
