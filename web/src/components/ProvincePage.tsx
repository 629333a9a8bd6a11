/**
 * A province's page (`?province=Bình Thuận`; API provinceOverview): the central directives its texts implement, latest
 * first — how many of its texts and of which levels, its first direct answer and the days it took, its organisations
 * given tasks —, each opening its cascade narrowed to the province. A province merged in 2025 says where it went; one
 * of the 2025 map, whose texts it covers too.
 */
import { exportUrl } from '../api/client';
import { fetchAllProvinces, fetchProvinceOverview } from '../api/operations';
import type { ProvinceDirective, RootRef } from '../api/types';
import { provinceKey } from '../graph/provinces';
import { formatCount, formatDate, formatDays, levelName, useI18n } from '../i18n';
import { EmptyMessage, ErrorMessage, Loading } from './StatusMessage';
import { useAsync } from './useAsync';

interface Props {
  province: string;
  /** Opens a central directive's cascade narrowed to these provinces. */
  onOpen: (ref: RootRef, provinces: string[]) => void;
  onProvince: (province: string) => void;
  onHome: () => void;
}

export function ProvincePage({ province, onOpen, onProvince, onHome }: Props) {
  const { t, lang } = useI18n();
  const rows = useAsync((signal) => fetchProvinceOverview(province, signal), `overview:${province}`);
  const all = useAsync(() => fetchAllProvinces(), 'all-provinces');
  // The address may spell it any way ("binh thuan"): the page names it as the map does.
  const entry = all.data?.find((p) => provinceKey(p.name) === provinceKey(province)) ?? null;
  const name = entry?.name ?? province;
  return (
    <main className="province-page" data-testid="province-page">
      <p>
        <button type="button" onClick={onHome} data-testid="home">
          {t('back')}
        </button>
      </p>
      <h2 data-testid="province-name">{name}</h2>
      {entry?.mergedInto && (
        <p className="muted" data-testid="province-merged">
          {t('provinceMergedInto')}{' '}
          <button type="button" className="link" onClick={() => onProvince(entry.mergedInto!)}>
            {entry.mergedInto}
          </button>
          .
        </p>
      )}
      {entry && entry.tookOver.length > 0 && (
        <p className="muted" data-testid="province-took-over">
          {t('provinceTookOver', { others: entry.tookOver.join(', ') })}
        </p>
      )}
      <p className="muted">{t('provinceIntro', { province: name })}</p>
      {rows.loading && <Loading />}
      {rows.error != null && <ErrorMessage error={rows.error} onRetry={rows.retry} />}
      {rows.data?.length === 0 && <EmptyMessage text={t('provinceNone', { province: name })} />}
      {rows.data && rows.data.length > 0 && (
        <p>
          <a href={exportUrl('province.csv', null, { province: name, lang })} download title={t('downloadCsvHint')} data-testid="province-csv">
            {t('downloadCsv')}
          </a>
        </p>
      )}
      {rows.data && rows.data.length > 0 && (
        <table className="province-table" data-testid="province-table">
          <thead>
            <tr>
              <th>{t('provinceCentral')}</th>
              <th className="num">{t('provinceTexts')}</th>
              <th>{t('provinceFirst')}</th>
              <th className="num">{t('provinceOrgs')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map((r) => row(r, () => onOpen({ code: r.uid }, [name])))}
          </tbody>
        </table>
      )}
    </main>
  );

  function row(row: ProvinceDirective, open: () => void) {
    return (
      <tr key={row.uid} data-testid="province-row">
        <td>
          <button type="button" className="link" onClick={open} title={t('provinceOpenHint', { province: name })} data-testid="province-open">
            {row.code ?? row.uid}
          </button>{' '}
          <span className="muted small">{formatDate(lang, row.issuedOn)}</span>
          {row.stub && <span className="badge" title={t('stub')} data-testid="province-stub">{t('provinceStub')}</span>}
          {row.synthetic && (
            <span className="badge synthetic" title={t('syntheticHint')} data-testid="synthetic-badge">
              {t('syntheticBadge')}
            </span>
          )}
          {row.title && <div className="small province-title">{row.title}</div>}
        </td>
        <td className="num">
          <strong>{formatCount(lang, row.texts)}</strong>
          <div className="muted small">{row.levels.map((l) => `${levelName(t, l.level)} ${formatCount(lang, l.texts)}`).join(' · ')}</div>
        </td>
        <td data-testid="province-first">
          {row.first ? (
            <>
              {row.first.code ?? t('undated')} <span className="muted small">{formatDate(lang, row.first.issuedOn)}</span>
              {row.first.stub && <span className="badge" title={t('stub')}>{t('provinceStub')}</span>}
              {row.first.lagDays !== null && <div className="small">{t('deckLag', { n: formatDays(t, lang, row.first.lagDays) })}</div>}
            </>
          ) : (
            <span className="muted small">{t('provinceNoFirst')}</span>
          )}
        </td>
        <td className="num">
          {formatCount(lang, row.organizations)}
          <div className="muted small">{t('provinceTasks', { n: formatCount(lang, row.tasks) })}</div>
        </td>
      </tr>
    );
  }
}
