/**
 * Writes extracted documents to Neo4j, one batch per transaction, idempotently: a document owns the edges whose
 * evidenceUid is its uid; re-ingesting deletes and recreates exactly those, so running it again leaves the
 * same graph. Mentioned documents absent from the corpus become stub nodes, completed when their text arrives.
 */
import { createHash } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { GraphRows } from './rows.js';
import { BUMP_GRAPH_VERSION } from './graph-version.js';
import { STUB_ON_MATCH } from './stub-merge.js';
import { UNDATED_TARGET } from './undated-target.js';

export interface WriteStats {
  nodes: number;
  relationships: number;
}

const SET_CATEGORY = `
  FOREACH (_ IN CASE WHEN row.category = 'regulation' THEN [1] ELSE [] END | SET d:Regulation REMOVE d:Document)
  FOREACH (_ IN CASE WHEN row.category = 'regulation' THEN [] ELSE [1] END | SET d:Document REMOVE d:Regulation)`;

// Every statement below takes the whole batch (UNWIND), so a batch of any size costs the same few round trips.
// A row's evidenceUid is the document that states it.
// Look-ups that planned badly name their index in a hint (the uid one of ABSORB_UNDATED too). Planned on a small graph
// (the first batches into a fresh or seed-only database), Neo4j chose to scan a whole index for every row instead, and
// such a plan is kept until the statistics are looked at again (≥ 10 s later, Neo4j's min_replan_interval) — by then
// the graph is large: 4 of 11 ingests of the bench's 2 400-text slice into a fresh database took 134–368 s instead of
// 22–27 s, one batch of 200 texts spending up to 314 s in ABSORB_UNDATED. `USING INDEX SEEK` fixes the plan whatever
// the statistics (an index the bulk loader has dropped for a while only turns the hint into a notification).

const UPSERT_DIRECTIVES = `
UNWIND $rows AS row
// The same text ingested earlier under another identity (e.g. before the corpus gave it a code): replace it.
CALL (row) {
  OPTIONAL MATCH (old:Directive {contentHash: row.contentHash}) USING INDEX SEEK old:Directive(contentHash) WHERE old.uid <> row.uid
  DETACH DELETE old
}
MERGE (d:Directive {uid: row.uid})
SET d += row { .code, .issuedOn, .type, .typeName, .title, .province, .unit, .level, .levelRank, .issuerName, .synthetic,
               .searchText, .sourceFile, .codeSource, .text, .contentHash, .signerName, .signerCapacity, .recipients, .place,
               .assigneeCount, .rowsDigest },
    d.issuedOn = CASE WHEN row.issuedOn IS NULL THEN null ELSE date(row.issuedOn) END,
    d.stub = false
${SET_CATEGORY}
WITH d, row
// Remove what this document stated last time.
// Its own edges start at it; the third-party links it stated are found through the evidenceUid index.
CALL (d, row) {
  MATCH (d)-[r:IMPLEMENTS|CITES|ASSIGNED_TO|ISSUED_BY]->(b) WHERE r.evidenceUid = row.uid
  RETURN r, d AS a, b
  UNION
  MATCH (a)-[r:IMPLEMENTS]->(b) USING INDEX SEEK r:IMPLEMENTS(evidenceUid) WHERE r.evidenceUid = row.uid
  RETURN r, a, b
}
WITH collect(r) AS rs, collect(DISTINCT a) + collect(DISTINCT b) AS touched
FOREACH (r IN rs | DELETE r)
RETURN [n IN touched WHERE n:Organization OR n.stub = true | elementId(n)] AS touched`;

/** An undated stub of this code in this province (and unit below it): its edges move to the dated document, then it goes. */
const ABSORB_UNDATED = `
UNWIND $uids AS uid
MATCH (d:Directive {uid: uid}) USING INDEX SEEK d:Directive(uid) WHERE d.code IS NOT NULL AND d.issuedOn IS NOT NULL
MATCH (s:Directive {stub: true, code: d.code}) USING INDEX SEEK s:Directive(code) WHERE s.issuedOn IS NULL AND coalesce(s.province, '') = coalesce(d.province, '')
  AND coalesce(s.unit, '') = coalesce(d.unit, '')
  AND COUNT { MATCH (x:Directive {code: d.code}) USING INDEX SEEK x:Directive(code) WHERE x.issuedOn IS NOT NULL AND coalesce(x.province, '') = coalesce(d.province, '')
    AND coalesce(x.unit, '') = coalesce(d.unit, '') } = 1
CALL (s, d) {
  MATCH (a)-[r:IMPLEMENTS|CITES]->(s) WHERE a <> d
  CALL apoc.create.relationship(a, type(r), properties(r), d) YIELD rel
  DELETE r
}
CALL (s, d) {
  MATCH (s)-[r:IMPLEMENTS|CITES]->(b) WHERE b <> d
  CALL apoc.create.relationship(d, type(r), properties(r), b) YIELD rel
  DELETE r
}
DETACH DELETE s`;

const UPSERT_STUBS = `
UNWIND $stubs AS row
MERGE (d:Directive {uid: row.uid})
ON CREATE SET d += row { .code, .type, .typeName, .title, .province, .unit, .level, .levelRank, .issuerName, .searchText },
              d.issuedOn = CASE WHEN row.issuedOn IS NULL THEN null ELSE date(row.issuedOn) END,
              d.stub = true, d.synthetic = row.synthetic,
              d:$(CASE WHEN row.category = 'regulation' THEN 'Regulation' ELSE 'Document' END)
ON MATCH SET ${STUB_ON_MATCH}`;

const LINKS = `
UNWIND $links AS row
MATCH (a:Directive {uid: row.from})
// An undated mention resolves to the one dated document of that code in that province and unit below it, if there is
// exactly one (of the term the mention names, if it names one: undatedSpans).
${UNDATED_TARGET}
MATCH (b:Directive {uid: row.to})
WITH a, row, coalesce(resolved, b) AS target
CALL apoc.create.relationship(a, row.kind, row { .verb, .quote, .start, .end, .inferred, .mentionedCode, .mentions, .evidenceUid }, target) YIELD rel
RETURN count(rel) AS n`;

const ORGANIZATIONS = `
UNWIND $organizations AS row
MERGE (o:Organization {key: row.key})
SET o += row { .name, .province, .level, .levelRank, .kind, .unit, .searchText, .sortKey }`;

const ASSIGNMENTS = `
UNWIND $assignments AS a
MATCH (d:Directive {uid: a.uid})
MATCH (o:Organization {key: a.orgKey})
CREATE (d)-[r:ASSIGNED_TO]->(o)
SET r += a { .tasks, .timings, .fromYear, .toYear, .quote, .start, .end, .order }, r.evidenceUid = a.uid
RETURN count(r) AS n`;

const ISSUERS = `
UNWIND $issuers AS i
MATCH (d:Directive {uid: i.uid}), (o:Organization {key: i.key})
CREATE (d)-[r:ISSUED_BY {evidenceUid: i.uid, signerName: i.signerName, signerCapacity: i.signerCapacity}]->(o)
RETURN count(r) AS n`;

/** Stubs and organizations that nothing points at any more (after a re-ingest changed a text). */
const CLEAN_ORPHANS = `
UNWIND $touched AS id
MATCH (n) WHERE elementId(n) = id AND NOT (n)--()
DELETE n
WITH count(*) AS _
UNWIND $stubs AS uid
MATCH (s:Directive {uid: uid, stub: true}) WHERE NOT (s)--()
DELETE s`;

/** Every statement a text's rows go through (exported for the plan tests). */
export const WRITER_STATEMENTS = { UPSERT_DIRECTIVES, ABSORB_UNDATED, UPSERT_STUBS, LINKS, ORGANIZATIONS, ASSIGNMENTS, ISSUERS, CLEAN_ORPHANS };
/** A change to any of them changes what the same rows would write. */
const WRITER = createHash('sha256').update(Object.values(WRITER_STATEMENTS).join('\0')).digest();
const digests = new WeakMap<GraphRows, string>();

/**
 * What a text was written from: its rows and this writer's statements. Stored on the directive (`rowsDigest`), so
 * ingesting the same text again with the same extractor and writer can be skipped (`storedUnchanged`). The text
 * itself is left out of the JSON: the row carries its SHA-256 (`contentHash`), and the text is most of the bytes
 * (the national corpus's digests: 4.3–4.5 s with it, 3.0–3.7 s without).
 */
export function rowsDigest(rows: GraphRows): string {
  let d = digests.get(rows);
  if (d === undefined) {
    const json = JSON.stringify({ ...rows, directive: { ...rows.directive, text: undefined } });
    d = createHash('sha256').update(WRITER).update(json).digest('base64url');
    digests.set(rows, d);
  }
  return d;
}

const UNCHANGED = `
UNWIND $docs AS doc
MATCH (d:Directive {uid: doc.uid}) WHERE d.rowsDigest = doc.digest AND d.stub = false
RETURN collect(d.uid) AS uids`;

/** The uids of those texts the graph already holds as these rows would write them (same rows, same writer). */
export async function storedUnchanged(driver: Driver, batch: GraphRows[], database?: string): Promise<Set<string>> {
  const docs = batch.map((r) => ({ uid: r.directive.uid, digest: rowsDigest(r) }));
  // From the writer (a cluster's leader), not a follower that may not have the latest version of a text yet.
  const res = await driver.executeQuery(UNCHANGED, { docs }, { database });
  return new Set((res.records[0]?.get('uids') as string[] | undefined) ?? []);
}

/**
 * One text per uid and per content hash: a later version replaces an earlier one in the earlier one's place, so
 * the order of first appearance (which decides whose wording a stub keeps when wordings disagree: stub-merge.ts) is
 * that of writing them one by one.
 */
export function lastVersions(batch: GraphRows[]): GraphRows[] {
  const out: Array<GraphRows | null> = [];
  const byUid = new Map<string, number>();
  const byHash = new Map<string, number>();
  const drop = (i: number) => {
    const old = out[i]!;
    byUid.delete(old.directive.uid);
    byHash.delete(old.directive.contentHash);
  };
  for (const r of batch) {
    const u = byUid.get(r.directive.uid);
    const h = byHash.get(r.directive.contentHash);
    const at = u ?? h ?? out.length;
    if (u !== undefined) drop(u);
    if (h !== undefined && h !== u) {
      drop(h);
      if (u !== undefined) out[h] = null;
    }
    out[at] = r;
    byUid.set(r.directive.uid, at);
    byHash.set(r.directive.contentHash, at);
  }
  return out.filter((r): r is GraphRows => r !== null);
}

const count = (res: { records: Array<{ get(k: string): unknown }> }) => Number(res.records[0]?.get('n') ?? 0);

async function writeInTx(tx: ManagedTransaction, batch: GraphRows[]): Promise<WriteStats> {
  const docs = lastVersions(batch);
  const stubs = docs.flatMap((d) => d.stubs.map((s) => ({ ...s, synthetic: d.directive.synthetic })));
  const organizations = [...new Map(docs.flatMap((d) => d.organizations.map((o) => [o.key, o] as const))).values()];
  const issuers = docs.flatMap((d) => (d.issuer ? [{ uid: d.directive.uid, key: d.issuer.key, signerName: d.directive.signerName, signerCapacity: d.directive.signerCapacity }] : []));
  // Pipelined: the statements go out one after the other without waiting for each answer (Neo4j runs them in
  // order on the transaction), so a document costs two round trips before COMMIT instead of seven.
  const [upsert, , , links, , assigned, issued] = await Promise.all([
    tx.run(UPSERT_DIRECTIVES, { rows: docs.map((d) => ({ ...d.directive, rowsDigest: rowsDigest(d) })) }),
    tx.run(UPSERT_STUBS, { stubs }),
    tx.run(ABSORB_UNDATED, { uids: docs.map((d) => d.directive.uid) }),
    tx.run(LINKS, { links: docs.flatMap((d) => d.links.map((l) => ({ ...l, evidenceUid: d.directive.uid }))) }),
    tx.run(ORGANIZATIONS, { organizations }),
    tx.run(ASSIGNMENTS, { assignments: docs.flatMap((d) => d.assignments.map((a) => ({ ...a, uid: d.directive.uid }))) }),
    tx.run(ISSUERS, { issuers }),
  ]);
  const touched: string[] = upsert.records[0]?.get('touched') ?? [];
  // Stubs nothing points at: left over from the previous version of a text, or undated mentions that
  // resolved to a dated document.
  // …and the graph version, last, so its lock is held only until COMMIT.
  await Promise.all([tx.run(CLEAN_ORPHANS, { touched, stubs: stubs.map((s) => s.uid) }), tx.run(BUMP_GRAPH_VERSION)]);
  return { nodes: docs.reduce((n, d) => n + 1 + d.stubs.length + d.organizations.length, 0), relationships: count(links) + count(assigned) + count(issued) };
}

/** Several documents in one transaction: the same seven statements, each over the whole batch. */
export async function writeDocuments(driver: Driver, batch: GraphRows[], database?: string): Promise<WriteStats> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite((tx) => writeInTx(tx, batch));
  } finally {
    await session.close();
  }
}

export function writeDocument(driver: Driver, rows: GraphRows, database?: string): Promise<WriteStats> {
  return writeDocuments(driver, [rows], database);
}
