/**
 * `previewDocument`: a text read as `ingestDocument` reads it, and where it would join the graph — stores nothing.
 * What each mention would link to comes from the writer's own resolution (graph/queries/preview.ts).
 */
import type { Reference } from '../extract/types.js';
import { recordWarnings } from '../extract/warnings.js';
import { previewMatches, type StoredDirective } from '../graph/queries/preview.js';
import { referenceUid } from '../graph/rows.js';
import { textRows } from '../ingest/ingest.js';
import type { ApiContext } from './context.js';
import { givenText, type GivenText } from './given-text.js';

export async function previewDocument(args: GivenText, ctx: ApiContext) {
  const { fileName, text } = await givenText(args);
  const database = ctx.config.neo4jDatabase;
  const { record, rows } = await textRows(ctx.driver, fileName, text, database);
  const matches = await previewMatches(ctx.driver, rows, { database, timeoutMs: ctx.config.txTimeoutMs });
  const uid = rows.directive.uid;
  // A mention's link: the text's own (never an inferred one), to the directive the mention stands for; a document that
  // implements and cites one text links it once, as implementing.
  const targetOf = (ref: Reference): StoredDirective | null => {
    const to = referenceUid(ref, record);
    const i = rows.links.findIndex((l) => !l.inferred && l.from === uid && l.to === to);
    return i >= 0 ? (matches.linkTargets[i] ?? null) : null;
  };
  const reference = (ref: Reference) => ({
    code: ref.code,
    issuedOn: ref.issuedOn,
    resolvedIssuedOn: ref.issuedOn ?? ref.resolvedIssuedOn ?? null,
    verb: ref.verb,
    subject: ref.subject ?? null,
    quote: ref.quote,
    start: ref.start,
    end: ref.end,
    mentions: ref.mentions ?? 1,
    inGraph: targetOf(ref),
  });
  const orgKeys = rows.assignments.map((a) => a.orgKey);
  return {
    fileName,
    text: record.text,
    id: uid,
    code: record.code,
    resolvedCode: record.resolvedCode,
    type: record.type,
    typeName: record.typeName,
    title: record.title,
    issuedOn: record.issuedOn ?? record.resolvedIssuedOn ?? null,
    province: record.issuer.province,
    level: record.issuer.level,
    issuer: record.issuer.name,
    signer: record.signer?.name ?? null,
    signerCapacity: record.signer?.capacity ?? null,
    place: record.place,
    inGraph: matches.status,
    implementedBy: matches.implementedBy,
    implementedByCount: matches.implementedByCount,
    implements: record.implements.map(reference),
    cites: record.cites.map(reference),
    statedLinks: record.inferred.map((l) => ({ from: l.from.code, fromIssuedOn: l.from.issuedOn, to: l.to.code, toIssuedOn: l.to.issuedOn, verb: l.verb, quote: l.quote, start: l.start, end: l.end })),
    assignments: record.assignments.map((a, i) => ({
      organization: a.organization,
      organizationKey: orgKeys[i]!,
      province: a.province,
      level: a.level,
      kind: a.kind,
      quote: a.quote,
      start: a.start,
      end: a.end,
      tasks: a.tasks.map((t) => ({ text: t.text, timing: t.timing?.text ?? null, quote: t.quote, start: t.start, end: t.end })),
      assignedByTexts: matches.assignedByTexts.get(orgKeys[i]!) ?? 0,
    })),
    warnings: recordWarnings(record),
  };
}
