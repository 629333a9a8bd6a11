/** Tasks assigned through ASSIGNED_TO edges, with their timing annotations. */
import type { GEdge, GraphModel } from '../graph/model';
import { useI18n } from '../i18n';

export function AssignmentList({ model, edges, side, onSelect }: {
  model: GraphModel;
  edges: GEdge[];
  /** Which end to name: the organization (for a directive) or the assigner (for an organization). */
  side: 'organization' | 'assigner';
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  if (!edges.length) return null;
  return (
    <section className="panel-section">
      <h3>{t('assignedTasks')}</h3>
      <ul className="assignments" data-testid="assignments">
        {edges.map((e) => {
          const otherId = side === 'organization' ? e.target : e.source;
          const other = model.nodes.get(otherId);
          const tasks = e.tasks ?? [];
          return (
            <li key={e.id}>
              <button type="button" className="link" onClick={() => onSelect(otherId)}>
                {side === 'assigner' ? `${t('assignedBy')}: ` : ''}
                {other?.code ?? other?.label ?? otherId}
              </button>
              {tasks.length > 0 && (
                <ol className="tasks">
                  {tasks.map((task, i) => (
                    <li key={i}>
                      {task}
                      <span className="timing">
                        {t('timing')}: {e.timings?.[i] ? e.timings[i] : t('noTiming')}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
