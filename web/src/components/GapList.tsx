/** Organizations assigned tasks with no implementing plan found (highlighted in the graph too). */
import type { Gap } from '../api/types';
import { levelName, useI18n } from '../i18n';
import { ErrorMessage, Loading } from './StatusMessage';

interface Props {
  gaps: Gap[] | undefined;
  loading: boolean;
  error: unknown;
  retry: () => void;
  nodeFor: (gap: Gap) => string | null;
  onSelect: (id: string) => void;
}

export function GapList({ gaps, loading, error, retry, nodeFor, onSelect }: Props) {
  const { t } = useI18n();
  return (
    <section className="gaps" data-testid="gap-list">
      <h3>{t('gapsTitle')}</h3>
      {loading && <Loading />}
      {error != null && <ErrorMessage error={error} onRetry={retry} />}
      {gaps?.length === 0 && <p className="muted">{t('gapsNone')}</p>}
      <ul>
        {gaps?.map((g) => {
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
    </section>
  );
}
