/** Organizations assigned tasks with no implementing plan found (highlighted in the graph too), a page at a time. */
import type { Gap } from '../api/types';
import { GAP_PAGE } from '../api/operations';
import { formatCount, levelName, useI18n } from '../i18n';
import type { GapTarget } from '../state/gap-target';
import { errorText } from './StatusMessage';
import { SidebarSection } from './SidebarSection';
import type { GapListState } from './useGapList';

interface Props {
  list: GapListState;
  /** Where a row leads (state/gap-target.ts): its node, a view that draws it, or nowhere. */
  targetFor: (gap: Gap) => GapTarget;
  onOpen: (target: NonNullable<GapTarget>) => void;
  /** Provinces the view is narrowed to: only their rows are listed (a new province's with those it took over). */
  provinces: string[];
  /** How the filter bar names a chosen province: "Lâm Đồng (gồm Bình Thuận)" when the cascade names both. */
  provinceLabel: (province: string) => string;
  /** The whole list as a CSV file. */
  csvUrl: string;
  /** Opens an organisation's page (what it was given under every directive) by its key. */
  onOrganization?: (key: string) => void;
}

export function GapList({ list, targetFor, onOpen, provinces, provinceLabel, csvUrl, onOrganization }: Props) {
  const { t, lang } = useI18n();
  // With provinces chosen, the server lists only theirs: the total is theirs too.
  const { rows, total } = list;
  const rest = total - (rows?.length ?? 0);
  const where = provinces.map(provinceLabel).join(', ');
  return (
    <SidebarSection className="gaps" testId="gap-list" title={t('gapsTitle')} loading={list.loading} error={list.error} retry={list.retry} empty={rows && total === 0 ? t('gapsNone') : null} csvUrl={rows && total > 0 ? csvUrl : undefined}>
      {rows && total > 0 && provinces.length > 0 && (
        <p className="muted small" data-testid="gap-province">
          {t('gapsInProvince', { n: formatCount(lang, total), where })}
        </p>
      )}
      {rows && total > GAP_PAGE && !provinces.length && (
        <p className="muted small" data-testid="gap-count">
          {t('gapsCount', { n: formatCount(lang, total) })}
        </p>
      )}
      <ul>
        {rows?.map((g) => {
          const target = targetFor(g);
          // The unit below the province, when the name does not say which ("Cấp ủy cơ sở" of a bloc).
          const meta = [g.unit, g.province, levelName(t, g.level), t('gapTasks', { n: g.tasks })].filter(Boolean).join(' · ');
          return (
            <li key={g.key}>
              {target ? (
                <button
                  type="button"
                  className="link"
                  onClick={() => onOpen(target)}
                  title={target.kind === 'view' ? t(target.patch.filters ? 'gapOpensProvince' : target.patch.levels ? 'gapOpensLevels' : 'gapOpensOrganizations', { province: g.province ?? '' }) : undefined}
                  data-testid="gap-link"
                >
                  {g.organization}
                </button>
              ) : (
                // Not drawn and no view would draw it: named, not offered as a link that does nothing.
                <span className="gap-name" title={t('gapNotDrawn')} data-testid="gap-text">
                  {g.organization}
                </span>
              )}
              <span className="muted small"> {meta}</span>
              {onOrganization && (
                <>
                  {' · '}
                  <button type="button" className="link small" onClick={() => onOrganization(g.key)} title={t('orgPageHint')} data-testid="gap-organization-page">
                    {t('orgPageShort')}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {list.moreError != null && <p className="muted small" role="alert">{errorText(list.moreError, t)}</p>}
      {rows && rest > 0 && (
        <button type="button" className="link" onClick={list.more} disabled={list.loadingMore} aria-busy={list.loadingMore} data-testid="gaps-more">
          {t('showMore', { n: Math.min(rest, GAP_PAGE), rest: formatCount(lang, rest) })}
        </button>
      )}
    </SidebarSection>
  );
}
