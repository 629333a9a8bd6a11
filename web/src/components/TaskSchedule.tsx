/**
 * The root's tasks by when they are due ("Tiến độ nhiệm vụ"; API taskSchedule): a row per period — by a year, from a
 * year, recurring, waiting for guidance, none — with where it stands today; a row opens its tasks, a page at a time
 * (API scheduledTasks), each leading to its organisation and to the text that assigned it.
 */
import { useCallback } from 'react';
import { fetchScheduledTasks, SCHEDULE_PAGE } from '../api/operations';
import type { Gap, RootRef, ScheduledTask, TaskPeriod } from '../api/types';
import { formatCount, formatDate, periodLabel, periodStatusName, useI18n } from '../i18n';
import type { GapTarget } from '../state/gap-target';
import { errorText } from './StatusMessage';
import { SidebarSection } from './SidebarSection';
import type { AsyncState } from './useAsync';
import { usePages } from './usePages';

interface Props {
  rootRef: RootRef;
  schedule: AsyncState<TaskPeriod[] | undefined>;
  /** The period whose tasks are listed (a taskSchedule key), or none. */
  period: string | null;
  onPeriod: (period: string | null) => void;
  /** Provinces the view is narrowed to: only their organisations' tasks are counted and listed. */
  provinces: string[];
  provinceLabel: (province: string) => string;
  /** Where an organisation leads (as a row of the gap list does: state/gap-target.ts). */
  targetFor: (gap: Gap) => GapTarget;
  onOpen: (target: NonNullable<GapTarget>) => void;
  /** The assigning text's node when the graph draws it. */
  documentNode: (uid: string) => string | null;
  onDocument: (id: string) => void;
  /** Every task under the root as a CSV file, with its period and due day (/export/assignments.csv). */
  csvUrl: string;
}

export function TaskSchedule({ rootRef, schedule, period, onPeriod, provinces, provinceLabel, targetFor, onOpen, documentNode, onDocument, csvUrl }: Props) {
  const { t, lang } = useI18n();
  const rows = schedule.data;
  const chosen = rows?.find((p) => p.period === period) ?? null;
  const key = `${JSON.stringify(rootRef)}:${JSON.stringify(provinces)}:${period}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback((offset: number, signal: AbortSignal) => fetchScheduledTasks(rootRef, period!, offset, provinces, signal).then((p) => ({ total: p.total, rows: p.tasks })), [key]);
  const tasks = usePages<ScheduledTask>(chosen ? load : null, key);
  const rest = tasks.total - (tasks.rows?.length ?? 0);
  return (
    <SidebarSection className="schedule" testId="task-schedule" title={t('dueTitle')} loading={schedule.loading} error={schedule.error} retry={schedule.retry} empty={rows?.length === 0 ? t('dueNone') : null} csvUrl={rows?.length ? csvUrl : undefined}>
      {rows && rows.length > 0 && (
        <>
          <p className="muted small">{t('dueHint')}</p>
          {provinces.length > 0 && (
            <p className="muted small" data-testid="due-province">
              {t('dueInProvince', { where: provinces.map(provinceLabel).join(', ') })}
            </p>
          )}
          <table>
            <thead>
              <tr>
                <th>{t('duePeriod')}</th>
                <th className="num">{t('dueTasks')}</th>
                <th className="num">{t('dueOrganizations')}</th>
                <th className="num" title={t('lagDocumentsHint')}>{t('lagDocuments')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.period} className={p.period === period ? 'on' : undefined} data-testid="due-row">
                  <td>
                    <button type="button" className="link" aria-expanded={p.period === period} onClick={() => onPeriod(p.period === period ? null : p.period)} data-testid="due-period">
                      {periodLabel(t, p)}
                    </button>
                    {p.status && <span className={`due-status due-${p.status.toLowerCase()}`} data-testid="due-status">{periodStatusName(t, p.status)}</span>}
                  </td>
                  <td className="num">
                    {formatCount(lang, p.tasks)}
                    {p.conditional > 0 && p.kind !== 'CONDITIONAL' && (
                      <span className="muted small" title={t('dueConditionalHint')}>
                        {' '}
                        ({t('dueConditionalCount', { n: formatCount(lang, p.conditional) })})
                      </span>
                    )}
                  </td>
                  <td className="num">{formatCount(lang, p.organizations)}</td>
                  <td className="num">{formatCount(lang, p.documents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {chosen && (
        <div className="due-tasks" data-testid="due-tasks">
          <h4>
            {periodLabel(t, chosen)} · {t('gapTasks', { n: formatCount(lang, chosen.tasks) })}
          </h4>
          {tasks.loading && <p className="muted small">{t('loading')}</p>}
          {tasks.error != null && (
            <p className="muted small" role="alert">
              {errorText(tasks.error, t)}{' '}
              <button type="button" className="link" onClick={tasks.retry}>
                {t('retry')}
              </button>
            </p>
          )}
          <ol>
            {tasks.rows?.map((task, i) => {
              const target = targetFor({ organization: task.organization, unit: null, key: task.organizationKey, province: task.province, level: null, tasks: 0 });
              const docNode = documentNode(task.documentUid);
              const code = task.code ?? t('dueNoCode');
              return (
                <li key={`${task.documentUid}|${task.organizationKey}|${i}`} data-testid="due-task">
                  {target ? (
                    <button type="button" className="link" onClick={() => onOpen(target)} data-testid="due-organization">
                      {task.organization}
                    </button>
                  ) : (
                    <strong>{task.organization}</strong>
                  )}
                  <span className="muted small">
                    {' · '}
                    {docNode ? (
                      <button type="button" className="link" onClick={() => onDocument(docNode)} data-testid="due-document">
                        {code}
                      </button>
                    ) : (
                      code
                    )}
                    {task.province ? ` (${task.province})` : ''}
                    {task.dueOn ? ` · ${t('dueOn', { date: formatDate(lang, task.dueOn) })}` : ''}
                  </span>
                  <p className="due-text">{task.task}</p>
                </li>
              );
            })}
          </ol>
          {tasks.moreError != null && <p className="muted small" role="alert">{errorText(tasks.moreError, t)}</p>}
          {tasks.rows && rest > 0 && (
            <button type="button" className="link" onClick={tasks.more} disabled={tasks.loadingMore} aria-busy={tasks.loadingMore} data-testid="due-more">
              {t('showMore', { n: Math.min(rest, SCHEDULE_PAGE), rest: formatCount(lang, rest) })}
            </button>
          )}
        </div>
      )}
    </SidebarSection>
  );
}
