/**
 * Read statements as auto-commit queries: RUN + PULL go out in one write and come back in one read. The driver's
 * executeQuery wraps every statement in a managed transaction (BEGIN, RUN + PULL, COMMIT: three round trips),
 * which on this project's machines cost ~2 ms more per statement than the statement itself on small cascades.
 * A read that meets a retriable error (a cluster member gone, a leader change) is run once more — but not one Neo4j
 * refused for memory: retriable by its code, it would be refused again after as long (graph/neo4j-errors.ts).
 */
import neo4j, { type Driver, type Integer, type QueryResult, type RecordShape } from 'neo4j-driver';
import { isOutOfMemory } from '../neo4j-errors.js';

export interface ReadOptions {
  database?: string;
  timeoutMs?: number;
}

export async function readQuery<R extends RecordShape = RecordShape>(driver: Driver, cypher: string, params: Record<string, unknown> = {}, opts: ReadOptions = {}): Promise<QueryResult<R>> {
  const once = async () => {
    const session = driver.session({ database: opts.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.run<R>(cypher, params, opts.timeoutMs ? { timeout: opts.timeoutMs } : undefined);
    } finally {
      await session.close();
    }
  };
  try {
    return await once();
  } catch (e) {
    if ((e as { retriable?: boolean }).retriable && !isOutOfMemory(e)) return once();
    throw e;
  }
}

/**
 * The Cypher tail that sends a list of rows (`rowsVar`) as records of $rowsPerRecord rows each (`k`, `part`). One
 * record holding thousands of rows reaches neo4j-driver as hundreds of Bolt chunks, whose strings it decodes byte by
 * byte across chunk boundaries; records of a few hundred rows mostly fit one chunk and decode from a plain buffer.
 */
export const rowsInRecords = (rowsVar: string) => `UNWIND range(0, size(${rowsVar}) - 1, $rowsPerRecord) AS k
RETURN k, ${rowsVar}[k..k + $rowsPerRecord] AS part`;

/** Runs a statement ending in rowsInRecords() and gives its rows back in order (none when it matched nothing). */
export async function readRows(driver: Driver, cypher: string, params: Record<string, unknown>, rowsPerRecord: number, opts: ReadOptions = {}): Promise<unknown[][]> {
  const res = await readQuery(driver, cypher, { ...params, rowsPerRecord: neo4j.int(rowsPerRecord) }, opts);
  const parts = res.records.map((r) => ({ k: (r.get('k') as Integer).toNumber(), part: r.get('part') as unknown[][] }));
  if (parts.length === 1) return parts[0]!.part;
  return parts.sort((a, b) => a.k - b.k).flatMap((p) => p.part);
}
