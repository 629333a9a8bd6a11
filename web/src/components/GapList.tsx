/** Organizations assigned tasks with no implementing plan found (highlighted in the graph too), a page at a time. */
import type { Gap } from '../api/types';
import { GAP_PAGE } from '../api/operations';
import { formatCount, levelName, useI18n } from '../i18n';
import { errorText } from './StatusMessage';
import { SidebarSection } from './SidebarSection';
import type { GapListState } from './useGapList';

interface Props {
  list: GapListState;
  nodeFor: (gap: Gap) => string | null;
  onSelect: (id: string) => void;
  /** The whole list as a CSV file. */
  csvUrl: string;
}

export function GapList({ list, nodeFor, onSelect, csvUrl }: Props) {
  const { t, lang } = useI18n();
  const { rows, total } = list;
  const rest = total - (rows?.length ?? 0);
  return (
    <SidebarSection className="gaps" testId="gap-list" title={t('gapsTitle')} loading={list.loading} error={list.error} retry={list.retry} empty={rows && total === 0 ? t('gapsNone') : null} csvUrl={rows && total > 0 ? csvUrl : undefined}>
      {rows && total > GAP_PAGE && (
        <p className="muted small" data-testid="gap-count">
          {t('gapsCount', { n: formatCount(lang, total) })}
        </p>
      )}
      <ul>
        {rows?.map((g) => {
          const id = nodeFor(g);
          return (
            <li key={g.key}>
              <button type="button" className="link" disabled={!id} onClick={() => id && onSelect(id)}>
                {g.organization}
              </button>
              <span className="muted small">
                {' '}
                {[g.province, levelName(t, g.level), t('gapTasks', { n: g.tasks })].filter(Boolean).join(' · ')}
              </span>
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
