/**
 * Writes one extracted document to Neo4j in one transaction, idempotently: a document owns the edges whose
 * evidenceUid is its uid; re-ingesting deletes and recreates exactly those, so running it again leaves the
 * same graph. Mentioned documents absent from the corpus become stub nodes, completed when their text arrives.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { GraphRows } from './rows.js';

export interface WriteStats {
  nodes: number;
  relationships: number;
}

const SET_CATEGORY = `
  FOREACH (_ IN CASE WHEN row.category = 'regulation' THEN [1] ELSE [] END | SET d:Regulation REMOVE d:Document)
  FOREACH (_ IN CASE WHEN row.category = 'regulation' THEN [] ELSE [1] END | SET d:Document REMOVE d:Regulation)`;

const UPSERT_DIRECTIVE = `
WITH $row AS row
// The same text ingested earlier under another identity (e.g. before the corpus gave it a code): replace it.
OPTIONAL MATCH (old:Directive {contentHash: row.contentHash}) WHERE old.uid <> row.uid
DETACH DELETE old
WITH row
MERGE (d:Directive {uid: row.uid})
SET d += row { .code, .issuedOn, .type, .typeName, .title, .province, .level, .levelRank, .issuerName, .synthetic,
               .searchText, .sourceFile, .codeSource, .text, .contentHash, .signerName, .signerCapacity, .recipients, .place },
    d.issuedOn = CASE WHEN row.issuedOn IS NULL THEN null ELSE date(row.issuedOn) END,
    d.stub = false
${SET_CATEGORY}
WITH d
// Remove what this document stated last time.
// Its own edges start at it; the third-party links it stated are found through the evidenceUid index.
CALL (d) {
  MATCH (d)-[r:IMPLEMENTS|CITES|ASSIGNED_TO|ISSUED_BY]->(b) WHERE r.evidenceUid = $row.uid
  RETURN r, d AS a, b
  UNION
  MATCH (a)-[r:IMPLEMENTS]->(b) WHERE r.evidenceUid = $row.uid
  RETURN r, a, b
}
WITH collect(r) AS rs, collect(DISTINCT a) + collect(DISTINCT b) AS touched
FOREACH (r IN rs | DELETE r)
RETURN [n IN touched WHERE n:Organization OR n.stub = true | elementId(n)] AS touched`;

/** An undated stub of this code in this province: its edges move to the dated document, then it goes. */
const ABSORB_UNDATED = `
MATCH (d:Directive {uid: $uid}) WHERE d.code IS NOT NULL AND d.issuedOn IS NOT NULL
MATCH (s:Directive {stub: true, code: d.code}) WHERE s.issuedOn IS NULL AND coalesce(s.province, '') = coalesce(d.province, '')
  AND COUNT { MATCH (x:Directive {code: d.code}) WHERE x.issuedOn IS NOT NULL AND coalesce(x.province, '') = coalesce(d.province, '') } = 1
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
ON CREATE SET d += row { .code, .type, .typeName, .title, .province, .level, .levelRank, .issuerName, .searchText },
              d.issuedOn = CASE WHEN row.issuedOn IS NULL THEN null ELSE date(row.issuedOn) END,
              d.stub = true, d.synthetic = row.synthetic,
              d:$(CASE WHEN row.category = 'regulation' THEN 'Regulation' ELSE 'Document' END)`;

const LINKS = `
UNWIND $links AS row
MATCH (a:Directive {uid: row.from})
// An undated mention resolves to the one dated document of that code in that province, if there is exactly one.
OPTIONAL CALL (row) {
  MATCH (x:Directive {code: row.undatedCode}) WHERE row.undatedCode IS NOT NULL AND x.issuedOn IS NOT NULL
    AND (x.level = 'central' OR coalesce(x.province, '') = coalesce(row.undatedProvince, ''))
  WITH collect(x) AS xs WHERE size(xs) = 1
  RETURN xs[0] AS resolved
}
MATCH (b:Directive {uid: row.to})
WITH a, row, coalesce(resolved, b) AS target
CALL apoc.create.relationship(a, row.kind, row { .verb, .quote, .start, .end, .inferred, .mentionedCode, .mentions, evidenceUid: $uid }, target) YIELD rel
RETURN count(rel) AS n`;

const ORGS_AND_ASSIGNMENTS = `
UNWIND $organizations AS row
MERGE (o:Organization {key: row.key})
SET o += row { .name, .province, .level, .levelRank, .kind, .searchText }
WITH count(*) AS _
MATCH (d:Directive {uid: $uid})
UNWIND $assignments AS a
MATCH (o:Organization {key: a.orgKey})
CREATE (d)-[r:ASSIGNED_TO]->(o)
SET r += a { .tasks, .timings, .fromYear, .toYear, .quote, .start, .end, .order }, r.evidenceUid = $uid
RETURN count(r) AS n`;

const ISSUER = `
MATCH (d:Directive {uid: $uid}), (o:Organization {key: $issuerKey})
CREATE (d)-[r:ISSUED_BY {evidenceUid: $uid, signerName: $signerName, signerCapacity: $signerCapacity}]->(o)`;

/** Stubs and organizations that nothing points at any more (after a re-ingest changed a text). */
const CLEAN_ORPHANS = `
UNWIND $touched AS id
MATCH (n) WHERE elementId(n) = id AND NOT (n)--()
DELETE n
WITH count(*) AS _
UNWIND $stubs AS uid
MATCH (s:Directive {uid: uid, stub: true}) WHERE NOT (s)--()
DELETE s`;

async function writeInTx(tx: ManagedTransaction, rows: GraphRows): Promise<WriteStats> {
  const uid = rows.directive.uid;
  const upsert = await tx.run(UPSERT_DIRECTIVE, { row: rows.directive });
  const touched: string[] = upsert.records[0]?.get('touched') ?? [];
  await tx.run(UPSERT_STUBS, { stubs: rows.stubs.map((s) => ({ ...s, synthetic: rows.directive.synthetic })) });
  await tx.run(ABSORB_UNDATED, { uid });
  const links = await tx.run(LINKS, { links: rows.links, uid });
  let rels = links.records[0]?.get('n').toNumber?.() ?? 0;
  if (rows.organizations.length) {
    const a = await tx.run(ORGS_AND_ASSIGNMENTS, { organizations: rows.organizations, assignments: rows.assignments, uid });
    rels += a.records[0]?.get('n').toNumber?.() ?? 0;
  }
  if (rows.issuer) {
    await tx.run(ISSUER, { uid, issuerKey: rows.issuer.key, signerName: rows.directive.signerName, signerCapacity: rows.directive.signerCapacity });
    rels += 1;
  }
  // Stubs nothing points at: left over from the previous version of this text, or undated mentions that
  // resolved to a dated document.
  await tx.run(CLEAN_ORPHANS, { touched, stubs: rows.stubs.map((s) => s.uid) });
  return { nodes: 1 + rows.stubs.length + rows.organizations.length, relationships: rels };
}

export async function writeDocument(driver: Driver, rows: GraphRows, database?: string): Promise<WriteStats> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite((tx) => writeInTx(tx, rows));
  } finally {
    await session.close();
  }
}

/** Several documents in one transaction (bulk loads): fewer commits, same statements. */
export async function writeDocuments(driver: Driver, batch: GraphRows[], database?: string): Promise<WriteStats> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      const total: WriteStats = { nodes: 0, relationships: 0 };
      for (const rows of batch) {
        const s = await writeInTx(tx, rows);
        total.nodes += s.nodes;
        total.relationships += s.relationships;
      }
      return total;
    });
  } finally {
    await session.close();
  }
}
