/**
 * Details of the selected node or edge: metadata, the source quote of each edge highlighted in the
 * document text, assigned tasks with timing, expand / collapse; with nothing selected, "copy GraphQL query" and the
 * download of every task assigned under the root (CSV).
 */
import { useMemo, useState } from 'react';
import { absoluteEndpoint, exportUrl } from '../api/client';
import { fetchDirective } from '../api/operations';
import { CASCADE_QUERY, DIRECTIVE_QUERY, formatForCopy } from '../api/queries';
import type { RootRef } from '../api/types';
import type { GEdge, GraphModel } from '../graph/model';
import { formatDate, formatDays, levelName, typeName, useI18n } from '../i18n';
import { AssignmentList } from './AssignmentList';
import { CopyButton } from './CopyButton';
import { DocumentText, type Highlight } from './DocumentText';
import type { Selection } from './GraphCanvas';
import { ErrorMessage, Loading } from './StatusMessage';
import { useAsync } from './useAsync';
import { useEdgeEvidence } from './useEdgeEvidence';

interface Props {
  model: GraphModel;
  selection: Selection | null;
  rootRef: RootRef;
  /** The provinces the shown cascade was narrowed to by the server (copied queries ask the same). */
  provinces?: string[];
  expanded: boolean;
  expanding: boolean;
  onSelect: (id: string) => void;
  onToggleExpand: (id: string) => void;
  onClose: () => void;
  /** Opens an organisation's page (its tasks under every directive) by its key: the organisation node's id. */
  onOrganization?: (key: string) => void;
}

/** The variables of the cascade shown, for "copy GraphQL query". */
function cascadeVariables(props: Pick<Props, 'rootRef' | 'provinces'>) {
  return { ...props.rootRef, depth: 4, direction: 'DOWN', provinces: props.provinces?.length ? props.provinces : undefined };
}

function Meta({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** Directive text with the quotes of the given edges marked. */
function EvidenceText({ uid, edges, focus }: { uid: string; edges: GEdge[]; focus: string | null }) {
  const { t } = useI18n();
  const details = useAsync((signal) => fetchDirective(uid, signal), uid);
  const highlights: Highlight[] = useMemo(
    () => edges.filter((e) => e.quote).map((e) => ({ id: e.id, quote: e.quote!, start: e.start ?? null, end: e.end ?? null })),
    [edges],
  );
  if (details.loading) return <Loading />;
  if (details.error != null) return <ErrorMessage error={details.error} onRetry={details.retry} />;
  if (!details.data?.text) return <p className="muted">{t('noText')}</p>;
  // An edge's evidence is what its details are about: the text box is brought into view with the quote in it.
  return <DocumentText text={details.data.text} highlights={highlights} focus={focus} reveal={1} />;
}

export function DetailsPanel(props: Props) {
  const { t, lang } = useI18n();
  const { model, selection } = props;
  if (!selection) {
    return (
      <aside className="panel" data-testid="details-panel">
        <p className="muted">{t('selectHint')}</p>
        <CopyButton text={formatForCopy(CASCADE_QUERY, cascadeVariables(props), absoluteEndpoint())} />
        <p className="small">
          <a href={exportUrl('assignments.csv', props.rootRef, { lang })} download title={t('downloadAssignmentsHint')} data-testid="assignments-csv">
            {t('downloadAssignments')}
          </a>
        </p>
      </aside>
    );
  }
  return (
    <aside className="panel" data-testid="details-panel">
      <button type="button" className="panel-close" onClick={props.onClose} aria-label={t('close')}>
        ×
      </button>
      {selection.group === 'edges' ? <EdgeDetails key={selection.id} {...props} edgeId={selection.id} /> : <NodeDetails key={selection.id} {...props} nodeId={selection.id} />}
    </aside>
  );
}

function NodeDetails(props: Props & { nodeId: string }) {
  const { t, lang } = useI18n();
  const { model, nodeId } = props;
  const node = model.nodes.get(nodeId);
  // The quote asked for by "show in text", counted so that asking again for the same one shows it again.
  const [focus, setFocus] = useState<{ id: string; n: number } | null>(null);
  const around = useMemo(() => [...model.edges.values()].filter((e) => e.source === nodeId || e.target === nodeId), [model, nodeId]);
  const evidence = useEdgeEvidence(around);
  const incident = evidence.edges;
  const details = useAsync(
    (signal) => (node?.kind === 'DIRECTIVE' ? fetchDirective(nodeId, signal) : Promise.resolve(null)),
    `${node?.kind}:${nodeId}`,
  );
  if (!node) return null;
  // Quotes found in this document's own text vs. stated by other documents.
  const own = incident.filter((e) => e.quote && (e.evidenceUid === nodeId || (!e.evidenceUid && e.apiSource === nodeId)));
  const elsewhere = incident.filter((e) => e.quote && e.kind !== 'ASSIGNED_TO' && !own.includes(e));
  const assignments = incident.filter((e) => e.kind === 'ASSIGNED_TO');
  const d = details.data;
  const highlights: Highlight[] = own.map((e) => ({ id: e.id, quote: e.quote!, start: e.start ?? null, end: e.end ?? null }));
  const other = (e: GEdge) => model.nodes.get(e.source === nodeId ? e.target : e.source);

  return (
    <div className="details" data-testid="node-details" data-node={nodeId}>
      <h2>
        {node.kind === 'ORGANIZATION' ? node.label : (node.code ?? node.label)}
        {node.isRoot && <span className="badge">{t('rootLabel')}</span>}
        {(d?.synthetic ?? node.synthetic) && (
          <span className="badge synthetic" title={t('syntheticHint')} data-testid="synthetic-badge">
            {t('syntheticBadge')}
          </span>
        )}
      </h2>
      <dl className="meta">
        <Meta label={t('type')} value={node.kind === 'ORGANIZATION' ? t('organizationNode') : typeName(lang, node.type, node.typeName)} />
        <Meta label={t('title')} value={d?.title ?? node.title} />
        <Meta label={t('issuedOn')} value={formatDate(lang, node.issuedOn)} />
        <Meta label={t('province')} value={node.province} />
        {node.kind === 'DIRECTIVE' && <Meta label={t('unit')} value={node.unit} />}
        <Meta label={t('level')} value={levelName(t, node.level)} />
        <Meta label={t('issuer')} value={d?.issuerName} />
        <Meta label={t('signer')} value={[d?.signerCapacity, d?.signerName].filter(Boolean).join(' ') || null} />
        <Meta label={t('lag')} value={node.lagDays !== null && node.lagDays !== undefined ? formatDays(t, lang, node.lagDays) : null} />
        <Meta label={t('sourceFile')} value={d?.sourceFile} />
      </dl>
      {d?.recipients && d.recipients.length > 0 && (
        <details className="recipients">
          <summary>
            {t('recipients')} ({d.recipients.length})
          </summary>
          <ul>
            {d.recipients.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="panel-actions">
        {node.kind === 'DIRECTIVE' && (
          <button type="button" onClick={() => props.onToggleExpand(nodeId)} disabled={props.expanding} data-testid="expand">
            {props.expanded ? t('collapse') : t('expand')}
          </button>
        )}
        {node.kind === 'ORGANIZATION' && props.onOrganization && (
          <button type="button" onClick={() => props.onOrganization!(nodeId)} title={t('orgPageHint')} data-testid="organization-page-link">
            {t('orgPage')}
          </button>
        )}
        <CopyButton
          text={
            node.kind === 'DIRECTIVE'
              ? formatForCopy(DIRECTIVE_QUERY, { uid: nodeId }, absoluteEndpoint())
              : formatForCopy(CASCADE_QUERY, cascadeVariables(props), absoluteEndpoint())
          }
        />
      </div>
      {evidence.loading && <Loading />}
      {evidence.error != null && <ErrorMessage error={evidence.error} onRetry={evidence.retry} />}
      {(own.length > 0 || elsewhere.length > 0) && (
        <section className="panel-section">
          <h3>{t('links')}</h3>
          <ul className="quotes">
            {[...own, ...elsewhere].map((e) => (
              <li key={e.id} className={e.inferred ? 'inferred' : ''}>
                <span className={`rel rel-${e.kind.toLowerCase()}`}>
                  {t(e.kind)}
                  {e.inferred ? ` (${t('inferred')})` : ''}
                </span>{' '}
                <button type="button" className="link" onClick={() => props.onSelect(other(e)?.id ?? '')}>
                  {other(e)?.code ?? other(e)?.label}
                </button>
                <blockquote>{e.quote}</blockquote>
                {own.includes(e) ? (
                  <button type="button" className="link small" onClick={() => setFocus((f) => ({ id: e.id, n: (f?.n ?? 0) + 1 }))} data-testid="show-in-text">
                    {t('showInText')}
                  </button>
                ) : (
                  <span className="muted small">{t('linkFromOther', { code: model.nodes.get(e.evidenceUid ?? '')?.code ?? e.evidenceUid ?? '?' })}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <AssignmentList model={model} edges={assignments} side={node.kind === 'ORGANIZATION' ? 'assigner' : 'organization'} onSelect={props.onSelect} />
      {node.kind === 'DIRECTIVE' && (
        <section className="panel-section">
          <h3>{t('documentText')}</h3>
          {details.loading && <Loading />}
          {details.error != null && <ErrorMessage error={details.error} onRetry={details.retry} />}
          {!details.loading && details.error == null && (d?.text ? <DocumentText text={d.text} highlights={highlights} focus={focus?.id ?? null} reveal={focus?.n ?? 0} /> : <p className="muted">{t('noText')}</p>)}
        </section>
      )}
    </div>
  );
}

function EdgeDetails(props: Props & { edgeId: string }) {
  const { t, lang } = useI18n();
  const found = props.model.edges.get(props.edgeId);
  const one = useMemo(() => (found ? [found] : []), [found]);
  const loaded = useEdgeEvidence(one);
  const edge = loaded.edges[0];
  if (!edge) return null;
  const from = props.model.nodes.get(edge.apiSource);
  const to = props.model.nodes.get(edge.apiTarget);
  const evidence = edge.evidenceUid ?? edge.apiSource;
  return (
    <div className="details" data-testid="edge-details">
      <h2>
        {t(edge.kind)}
        {edge.inferred ? ` (${t('inferred')})` : ''}
      </h2>
      <p>
        <button type="button" className="link" onClick={() => props.onSelect(edge.apiSource)}>{from?.code ?? from?.label}</button>
        {' → '}
        <button type="button" className="link" onClick={() => props.onSelect(edge.apiTarget)}>{to?.code ?? to?.label}</button>
      </p>
      <dl className="meta">
        <Meta label={t('verb')} value={edge.verb} />
        <Meta label={t('lag')} value={edge.lagDays !== null && edge.lagDays !== undefined ? formatDays(t, lang, edge.lagDays) : null} />
      </dl>
      {(edge.statements ?? 1) > 1 && (
        <p className="muted small" data-testid="stated-also">
          {t('statedAlso', { n: (edge.statements ?? 1) - 1 })}
        </p>
      )}
      <div className="panel-actions">
        <CopyButton text={formatForCopy(DIRECTIVE_QUERY, { uid: evidence }, absoluteEndpoint())} />
      </div>
      {loaded.loading && <Loading />}
      {loaded.error != null && <ErrorMessage error={loaded.error} onRetry={loaded.retry} />}
      {edge.kind === 'ASSIGNED_TO' && <AssignmentList model={props.model} edges={[edge]} side="organization" onSelect={props.onSelect} />}
      {edge.quote && (
        <section className="panel-section">
          <h3>{t('evidence')}</h3>
          <EvidenceText uid={evidence} edges={[edge]} focus={edge.id} />
        </section>
      )}
    </div>
  );
}
