/** What the server read in a previewed file: the text's own facts, its links and assignments, each matched in the graph. */
import type { ReactNode } from 'react';
import { directiveRef, type DocumentPreview, type PreviewReference, type RootRef, type StoredDirective } from '../api/types';
import { formatCount, formatDate, levelName, typeName, useI18n } from '../i18n';

/** Lists longer than this start closed. */
const OPEN_UP_TO = 8;

export function PreviewFacts({ preview: p, onShow, onOpen }: { preview: DocumentPreview; onShow: (id: string) => void; onOpen: (ref: RootRef) => void }) {
  const { t, lang } = useI18n();
  // The cascades the text would join: the texts it implements that the graph holds, each once.
  const joins = [...new Map(p.implements.flatMap((r) => (r.inGraph ? [[r.inGraph.id, r.inGraph] as const] : []))).values()];
  const own = p.inGraph === 'NEW' ? null : directiveRef({ id: p.id, code: p.resolvedCode, issuedOn: p.issuedOn, province: p.province });
  return (
    <section className="read-facts" data-testid="read-facts" aria-label={t('readFacts')}>
      <h3 className="read-heading">
        <span data-testid="read-code">{p.resolvedCode ?? t('readNoCode')}</span>
        <span className="muted"> · {typeName(lang, p.type, p.typeName)}</span>
      </h3>
      {p.title && <p className="read-title">{p.title}</p>}
      <dl className="facts">
        <dt>{t('issuedOn')}</dt>
        <dd>{p.issuedOn ? formatDate(lang, p.issuedOn) : '—'}</dd>
        <dt>{t('issuer')}</dt>
        <dd>{p.issuer ?? '—'}</dd>
        <dt>{t('province')}</dt>
        <dd>{[p.province, levelName(t, p.level)].filter(Boolean).join(' · ')}</dd>
        {p.signer && (
          <>
            <dt>{t('signer')}</dt>
            <dd>{[p.signerCapacity, p.signer].filter(Boolean).join(' ')}</dd>
          </>
        )}
      </dl>
      <p className={`read-status status-${p.inGraph.toLowerCase()}`} data-testid="read-status" data-status={p.inGraph}>
        {t(`readStatus_${p.inGraph}`)}
        {own && (
          <button type="button" className="link" onClick={() => onOpen(own)}>
            {t('readOpenCascade')}
          </button>
        )}
      </p>
      {p.warnings.length > 0 && (
        <div className="read-warnings" data-testid="read-warnings">
          <strong>{t('readWarnings')}</strong>
          <ul>
            {p.warnings.map((w) => (
              <li key={w} data-warning={w}>{t(`readWarn_${w}`)}</li>
            ))}
          </ul>
        </div>
      )}
      {joins.length > 0 && (
        <p className="read-joins" data-testid="read-joins">
          {t(p.inGraph === 'SAME_TEXT' ? 'readJoined' : 'readJoins')}{' '}
          {joins.map((d, i) => (
            <span key={d.id}>
              {i > 0 && ', '}
              <button type="button" className="link" onClick={() => onOpen(directiveRef(d))}>
                {d.code ?? d.id}
              </button>
            </span>
          ))}
        </p>
      )}
      <Section title={t('readImplements', { n: formatCount(lang, p.implements.length) })} count={p.implements.length} testId="read-implements">
        {p.implements.map((r, i) => <ReferenceItem key={i} r={r} onShow={() => onShow(`impl-${i}`)} onOpen={onOpen} />)}
      </Section>
      <Section title={t('readImplementedBy', { n: formatCount(lang, p.implementedByCount) })} count={p.implementedBy.length} testId="read-implemented-by">
        {p.implementedBy.map((d) => (
          <li key={d.id}>
            <Stored d={d} onOpen={onOpen} />
          </li>
        ))}
      </Section>
      <Section title={t('readAssignments', { n: formatCount(lang, p.assignments.length) })} count={p.assignments.length} testId="read-assignments">
        {p.assignments.map((a, i) => (
          <li key={i}>
            <strong>{a.organization}</strong>{' '}
            <span className={`badge${a.assignedByTexts ? '' : ' new'}`}>{a.assignedByTexts ? t('readOrgKnown', { n: formatCount(lang, a.assignedByTexts) }) : t('readOrgNew')}</span>{' '}
            <ShowInText onShow={() => onShow(`asg-${i}`)} />
            {a.tasks.length > 0 && (
              <ol className="tasks">
                {a.tasks.map((task, k) => (
                  <li key={k}>
                    {task.text}
                    <span className="timing">
                      {t('timing')}: {task.timing ?? t('noTiming')}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </Section>
      <Section title={t('readCites', { n: formatCount(lang, p.cites.length) })} count={p.cites.length} testId="read-cites">
        {p.cites.map((r, i) => <ReferenceItem key={i} r={r} onShow={() => onShow(`cite-${i}`)} onOpen={onOpen} />)}
      </Section>
      <Section title={t('readStated', { n: formatCount(lang, p.statedLinks.length) })} count={p.statedLinks.length} testId="read-stated">
        {p.statedLinks.map((l, i) => (
          <li key={i}>
            {l.from} → {l.to} <span className="muted">({l.verb})</span> <ShowInText onShow={() => onShow(`stated-${i}`)} />
          </li>
        ))}
      </Section>
    </section>
  );
}

function Section({ title, count, testId, children }: { title: string; count: number; testId: string; children: ReactNode }) {
  if (!count) return null;
  return (
    <details className="panel-section read-section" open={count <= OPEN_UP_TO} data-testid={testId}>
      <summary>
        <h3>{title}</h3>
      </summary>
      <ul className="read-list">{children}</ul>
    </details>
  );
}

function ReferenceItem({ r, onShow, onOpen }: { r: PreviewReference; onShow: () => void; onOpen: (ref: RootRef) => void }) {
  const { t, lang } = useI18n();
  const date = r.issuedOn ?? r.resolvedIssuedOn;
  return (
    <li data-code={r.code}>
      <strong>{r.code}</strong>
      <span className="muted">
        {' '}· {date ? formatDate(lang, date) : t('undated')}
        {r.mentions > 1 ? ` · ${t('readMentions', { n: formatCount(lang, r.mentions) })}` : ''}
      </span>
      {r.subject && <span className="read-subject"> — {r.subject}</span>}
      <div className="read-match">
        {r.inGraph ? <Stored d={r.inGraph} onOpen={onOpen} /> : <span className="badge new">{t('readNotInGraph')}</span>} <ShowInText onShow={onShow} />
      </div>
    </li>
  );
}

/** A directive of the graph: whether the graph has its text, and a link to its cascade. */
function Stored({ d, onOpen }: { d: StoredDirective; onOpen: (ref: RootRef) => void }) {
  const { t, lang } = useI18n();
  return (
    <span className="read-stored" data-id={d.id}>
      <span className="badge">{d.stub ? t('readInGraphStub') : t('readInGraph')}</span>{' '}
      {d.code ?? typeName(lang, d.type)}
      {d.issuedOn ? ` (${formatDate(lang, d.issuedOn)}${d.province ? `, ${d.province}` : ''})` : d.province ? ` (${d.province})` : ''}{' '}
      <button type="button" className="link" onClick={() => onOpen(directiveRef(d))}>
        {t('readOpenCascade')}
      </button>
    </span>
  );
}

function ShowInText({ onShow }: { onShow: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="link show-in-text" onClick={onShow}>
      {t('showInText')}
    </button>
  );
}
