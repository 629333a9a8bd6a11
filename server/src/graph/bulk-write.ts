/**
 * Online bulk loader for a FRESH database (national-scale loads into a running Neo4j): the rows of
 * bulk-plan.ts sent as a handful of UNWIND statements per kind (1 000 rows each), instead of ~6 statements per
 * document. It refuses to run unless the database holds no Directive or Organization yet: there is no
 * per-document "delete what this text stated last time" step (graph/write.ts stays the incremental path).
 */
import type { Driver } from 'neo4j-driver';
import type { ExtractedRecord } from '../extract/types.js';
import { applySchema } from './schema.js';
import { planBulkLoad } from './bulk-plan.js';
import { bumpGraphVersion } from './graph-version.js';

export interface BulkOptions {
  batchSize?: number;
  /** From this many documents on (default 2 000), secondary indexes are dropped for the load and rebuilt after it. */
  reindexFrom?: number;
  /** Batches in flight at once (default 2: the client encodes the next batch while Neo4j writes one). */
  concurrency?: number;
  database?: string;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface BulkResult {
  documents: number;
  nodes: number;
  relationships: number;
  errors: number;
  seconds: number;
}

const CREATE_DIRECTIVES = (label: string) => `
UNWIND $rows AS row
CREATE (d:Directive:${label})
SET d += row { .uid, .code, .type, .typeName, .title, .province, .unit, .level, .levelRank, .issuerName, .synthetic,
               .searchText, .sourceFile, .codeSource, .text, .contentHash, .signerName, .signerCapacity, .recipients, .place,
               .assigneeCount },
    d.issuedOn = CASE WHEN row.issuedOn IS NULL THEN null ELSE date(row.issuedOn) END,
    d.stub = false`;

const CREATE_STUBS = (label: string) => `
UNWIND $rows AS row
CREATE (d:Directive:${label})
SET d += row { .uid, .code, .type, .typeName, .title, .province, .unit, .level, .levelRank, .issuerName, .searchText, .synthetic },
    d.issuedOn = CASE WHEN row.issuedOn IS NULL THEN null ELSE date(row.issuedOn) END,
    d.stub = true`;

const CREATE_ORGS = `
UNWIND $rows AS row
CREATE (o:Organization)
SET o += row { .key, .name, .province, .level, .levelRank, .kind, .unit, .searchText, .sortKey }`;

const CREATE_LINKS = (type: string) => `
UNWIND $rows AS row
MATCH (a:Directive {uid: row.from})
MATCH (b:Directive {uid: row.to})
CREATE (a)-[r:${type}]->(b)
SET r = row { .verb, .quote, .start, .end, .inferred, .mentionedCode, .mentions, .evidenceUid }`;

const CREATE_ASSIGNMENTS = `
UNWIND $rows AS a
MATCH (d:Directive {uid: a.uid})
MATCH (o:Organization {key: a.orgKey})
CREATE (d)-[r:ASSIGNED_TO]->(o)
SET r = a { .tasks, .timings, .fromYear, .toYear, .quote, .start, .end, .order }, r.evidenceUid = a.uid`;

const CREATE_ISSUERS = `
UNWIND $rows AS a
MATCH (d:Directive {uid: a.uid})
MATCH (o:Organization {key: a.key})
CREATE (d)-[r:ISSUED_BY {evidenceUid: a.uid, signerName: a.signerName, signerCapacity: a.signerCapacity}]->(o)`;

export async function bulkWriteRecords(driver: Driver, records: ExtractedRecord[], opts: BulkOptions = {}): Promise<BulkResult> {
  const t0 = performance.now();
  const size = opts.batchSize ?? 1000;
  const concurrency = Math.max(1, opts.concurrency ?? 2);
  const database = opts.database;
  const existing = await driver.executeQuery('MATCH (d) WHERE d:Directive OR d:Organization RETURN count(d) AS n', {}, { database });
  if (Number(existing.records[0]!.get('n')) > 0) throw new Error('bulk loading works on an empty database only: this one already holds documents (run ingest without --bulk to add to it)');

  const plan = planBulkLoad(records);

  let nodes = 0;
  let relationships = 0;
  const run = async (phase: string, cypher: string, rows: unknown[]) => {
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (next < rows.length && !failed) {
        const i = next;
        next += size;
        const res = await driver.executeQuery(cypher, { rows: rows.slice(i, i + size) }, { database }).catch((e: unknown) => {
          failed = true;
          throw e;
        });
        nodes += res.summary.counters.updates().nodesCreated;
        relationships += res.summary.counters.updates().relationshipsCreated;
        opts.onProgress?.(phase, Math.min(i + size, rows.length), rows.length);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  // Secondary indexes (full-text above all) cost more than the writes themselves on a load of this size:
  // drop them, load, and build them once from the finished graph. Constraints (uid, key) stay: the
  // relationship statements look nodes up through them. The finally block restores the schema even when a
  // batch fails, so a failed bulk load never leaves a database without its indexes. Small loads keep them
  // (rebuilding costs more than it saves below a few thousand documents).
  const dropped = plan.documents >= (opts.reindexFrom ?? 2000) ? await dropSecondaryIndexes(driver, database) : 0;
  try {
    for (const label of ['Document', 'Regulation'] as const) {
      await run('directives', CREATE_DIRECTIVES(label), plan.directives[label]);
      await run('stubs', CREATE_STUBS(label), plan.stubs[label]);
    }
    await run('organizations', CREATE_ORGS, plan.organizations);
    await run('implements', CREATE_LINKS('IMPLEMENTS'), plan.links.IMPLEMENTS);
    await run('cites', CREATE_LINKS('CITES'), plan.links.CITES);
    await run('assignments', CREATE_ASSIGNMENTS, plan.assignments);
    await run('issuers', CREATE_ISSUERS, plan.issuers);
    await bumpGraphVersion(driver, database);
  } finally {
    if (dropped > 0) {
      opts.onProgress?.('indexes', 0, 1);
      await applySchema(driver, database);
      await driver.executeQuery('CALL db.awaitIndexes(600)', {}, { database });
      opts.onProgress?.('indexes', 1, 1);
    }
  }
  return { documents: plan.documents, nodes, relationships, errors: 0, seconds: (performance.now() - t0) / 1000 };
}

/** Drops every index that no constraint owns (the schema file recreates them); returns how many. */
async function dropSecondaryIndexes(driver: Driver, database?: string): Promise<number> {
  const res = await driver.executeQuery(
    "SHOW INDEXES YIELD name, type, owningConstraint WHERE owningConstraint IS NULL AND type <> 'LOOKUP' RETURN name",
    {},
    { database },
  );
  for (const r of res.records) await driver.executeQuery(`DROP INDEX \`${r.get('name') as string}\` IF EXISTS`, {}, { database });
  return res.records.length;
}
