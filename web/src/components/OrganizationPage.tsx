/**
 * An organisation's page (`?org=<key>`; API organizationOverview): every text giving it tasks, across every directive,
 * newest first — each task with its period, where that stands today and its due day — and the organisation's answer to
 * each text (its earliest own text implementing it, and the days it took) or the gap; then the texts it issued. A
 * text opens its cascade; the province, its page.
 */
import { useEffect } from 'react';
import { ApiError, exportUrl } from '../api/client';
import { fetchOrganizationOverview } from '../api/operations';
import type { OrganizationOverview, RootRef } from '../api/types';
import { formatCount, formatDate, formatDays, levelName, periodLabel, periodStatusName, typeName, useI18n } from '../i18n';
import { EmptyMessage, ErrorMessage, Loading } from './StatusMessage';
import { useAsync } from './useAsync';

interface Props {
  orgKey: string;
  onOpen: (ref: RootRef) => void;
  onProvince: (province: string) => void;
  onHome: () => void;
  /** The organisation's name once loaded (the tab's title). */
  onName: (name: string) => void;
}

type Assignment = OrganizationOverview['assignments'][number];
type Task = Assignment['tasks'][number];

export function OrganizationPage({ orgKey, onOpen, onProvince, onHome, onName }: Props) {
  const { t, lang } = useI18n();
  const org = useAsync((signal) => fetchOrganizationOverview(orgKey, signal), `organization:${orgKey}`);
  const o = org.data;
  useEffect(() => {
    if (o) onName(o.name);
  }, [o, onName]);

  return (
    <main className="province-page organization-page" data-testid="organization-page">
      <p>
        <button type="button" onClick={onHome} data-testid="home">
          {t('back')}
        </button>
      </p>
      {org.loading && <Loading />}
      {org.error != null &&
        (org.error instanceof ApiError && org.error.code === 'NOT_FOUND' ? (
          <EmptyMessage text={t('orgNotFound')} />
        ) : (
          <ErrorMessage error={org.error} onRetry={org.retry} />
        ))}
      {o && (
        <>
          <h2 data-testid="organization-name">{o.name}</h2>
          <p className="muted" data-testid="organization-place">
            {[o.unit, levelName(t, o.level)].filter(Boolean).join(' · ')}
            {o.province && (
              <>
                {' · '}
                <button type="button" className="link" onClick={() => onProvince(o.province!)} title={t('orgProvinceHint', { province: o.province })} data-testid="organization-province">
                  {o.province}
                </button>
              </>
            )}
          </p>
          <p data-testid="organization-summary">
            {o.assignments.length > 0
              ? t('orgSummary', { docs: formatCount(lang, o.assignments.length), tasks: formatCount(lang, o.tasks), answered: formatCount(lang, o.answered) })
              : t('orgNoTasks')}
          </p>
          {o.assignments.length > 0 && (
            <>
              <p>
                <a href={exportUrl('organization.csv', null, { key: o.key, lang })} download title={t('downloadCsvHint')} data-testid="organization-csv">
                  {t('downloadCsv')}
                </a>
              </p>
              <h3>{t('orgAssigned')}</h3>
              <table className="province-table organization-table" data-testid="organization-table">
                <thead>
                  <tr>
                    <th>{t('orgAssigningText')}</th>
                    <th>{t('orgTasks')}</th>
                    <th>{t('orgAnswer')}</th>
                  </tr>
                </thead>
                <tbody>{o.assignments.map(assignmentRow)}</tbody>
              </table>
            </>
          )}
          <h3>{t('orgIssued')}</h3>
          {o.issued.length === 0 ? (
            <p className="muted" data-testid="organization-issued-none">{t('orgIssuedNone')}</p>
          ) : (
            <ul className="organization-issued" data-testid="organization-issued">
              {o.issued.map((d) => (
                <li key={d.uid} data-testid="organization-issued-text">
                  {textButton(d)} <span className="muted small">{typeName(lang, d.type, d.typeName)} · {formatDate(lang, d.issuedOn) || t('undated')}</span>
                  {d.implements.length > 0 && <div className="small muted">{t('orgImplements', { codes: d.implements.join(', ') })}</div>}
                  {d.title && <div className="small province-title">{d.title}</div>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  );

  function textButton(d: { uid: string; code: string | null; type: string | null; typeName: string | null }) {
    return (
      <button type="button" className="link" onClick={() => onOpen({ code: d.uid })} title={t('orgOpenHint')} data-testid="organization-open">
        {d.code ?? typeName(lang, d.type, d.typeName) ?? d.uid}
      </button>
    );
  }

  function assignmentRow(a: Assignment) {
    return (
      <tr key={a.uid} data-testid="organization-row" data-gap={a.answer ? 'false' : 'true'}>
        <td>
          {textButton(a)} <span className="muted small">{formatDate(lang, a.issuedOn) || t('undated')}</span>
          {a.stub && <span className="badge" title={t('stub')}>{t('provinceStub')}</span>}
          {a.synthetic && (
            <span className="badge synthetic" title={t('syntheticHint')} data-testid="synthetic-badge">
              {t('syntheticBadge')}
            </span>
          )}
          <div className="muted small">{[typeName(lang, a.type, a.typeName), levelName(t, a.level), a.province].filter(Boolean).join(' · ')}</div>
          {a.title && <div className="small province-title">{a.title}</div>}
        </td>
        <td>
          <ol className="organization-tasks">{a.tasks.map(taskItem)}</ol>
        </td>
        <td data-testid="organization-answer">
          {a.answer ? (
            <>
              <button type="button" className="link" onClick={() => onOpen({ code: a.answer!.uid })} title={t('orgOpenHint')} data-testid="organization-answer-open">
                {a.answer.code ?? t('orgUncodedAnswer')}
              </button>{' '}
              <span className="muted small">{formatDate(lang, a.answer.issuedOn)}</span>
              {a.answer.lagDays !== null && <div className="small">{t('deckLag', { n: formatDays(t, lang, a.answer.lagDays) })}</div>}
            </>
          ) : (
            <span className="badge gap" title={t('orgGapHint')}>{t('orgGap')}</span>
          )}
        </td>
      </tr>
    );
  }

  function taskItem(task: Task, i: number) {
    const [kind, year] = task.period.split(':');
    return (
      <li key={i} className="small" data-testid="organization-task">
        {task.text}
        <div className="muted">
          {periodLabel(t, { kind: kind!, year: year ? Number(year) : null })}
          {task.status && <span className={`due-status due-${task.status.toLowerCase()}`} data-testid="due-status">{periodStatusName(t, task.status)}</span>}
          {task.dueOn ? ` · ${t('dueOn', { date: formatDate(lang, task.dueOn) })}` : ''}
        </div>
      </li>
    );
  }
}
