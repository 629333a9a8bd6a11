/** Organizations assigned tasks with no implementing plan found (highlighted in the graph too). */
import { useEffect, useState } from 'react';
import type { Gap } from '../api/types';
import { formatCount, levelName, useI18n } from '../i18n';
import { SidebarSection } from './SidebarSection';

interface Props {
  gaps: Gap[] | undefined;
  loading: boolean;
  error: unknown;
  retry: () => void;
  nodeFor: (gap: Gap) => string | null;
  onSelect: (id: string) => void;
}

/** Rows drawn at first and per "show more": a national root has tens of thousands of gaps. */
const GAP_PAGE = 200;

export function GapList({ gaps, loading, error, retry, nodeFor, onSelect }: Props) {
  const { t, lang } = useI18n();
  const [shown, setShown] = useState(GAP_PAGE);
  useEffect(() => setShown(GAP_PAGE), [gaps]);
  const rest = (gaps?.length ?? 0) - shown;
  return (
    <SidebarSection className="gaps" testId="gap-list" title={t('gapsTitle')} loading={loading} error={error} retry={retry} empty={gaps?.length === 0 ? t('gapsNone') : null}>
      {gaps && gaps.length > GAP_PAGE && (
        <p className="muted small" data-testid="gap-count">
          {t('gapsCount', { n: formatCount(lang, gaps.length) })}
        </p>
      )}
      <ul>
        {gaps?.slice(0, shown).map((g) => {
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
      {rest > 0 && (
        <button type="button" className="link" onClick={() => setShown((n) => n + GAP_PAGE)} data-testid="gaps-more">
          {t('showMore', { n: Math.min(rest, GAP_PAGE), rest: formatCount(lang, rest) })}
        </button>
      )}
    </SidebarSection>
  );
}
