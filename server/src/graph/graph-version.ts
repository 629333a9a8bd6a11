/**
 * The graph's version: one (:GraphVersion {key: 'graph'}) node whose `version` every Directive Graph writer
 * (incremental, bulk, offline import) raises in its own transaction. API processes watch it to drop their caches
 * when another process — the ingest CLI, another replica — changed the graph. Writes made outside Directive Graph
 * (Cypher typed by hand in Neo4j Browser or cypher-shell) do not raise it; the watch sees them through the
 * bookmark Neo4j returns with every read: it names the last transaction committed in the database, so it moves with
 * any write — and only with a write (a statement that changes nothing commits no transaction).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { readQuery } from './queries/read.js';

/** Raises the version; runs as the last statement of a write transaction (the lock is held only until COMMIT). */
export const BUMP_GRAPH_VERSION = `
MERGE (v:GraphVersion {key: 'graph'})
SET v.version = coalesce(v.version, 0) + 1, v.changedAt = datetime()`;

export async function bumpGraphVersion(driver: Driver, database?: string): Promise<void> {
  await driver.executeQuery(BUMP_GRAPH_VERSION, {}, { database });
}

/** The current version, or null when nothing has raised it yet. */
const READ_VERSION = "OPTIONAL MATCH (v:GraphVersion {key: 'graph'}) RETURN v.version AS version";

export async function readGraphVersion(driver: Driver, database?: string): Promise<number | null> {
  const res = await readQuery(driver, READ_VERSION, {}, { database });
  const v = res.records[0]?.get('version') as { toNumber(): number } | number | null | undefined;
  return v === null || v === undefined ? null : typeof v === 'number' ? v : v.toNumber();
}

/**
 * What the watch compares: the version and the bookmark of the read. The session asks for WRITE access so that on a
 * cluster the read goes to the leader every time (followers' bookmarks differ from one another and would look like
 * changes); on a single server the access mode changes nothing.
 */
export async function readGraphState(driver: Driver, database?: string): Promise<string> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const res = await session.run(READ_VERSION);
    const v = res.records[0]?.get('version') as { toString(): string } | null | undefined;
    return JSON.stringify([v === null || v === undefined ? null : v.toString(), session.lastBookmarks()]);
  } finally {
    await session.close();
  }
}

/**
 * Reads the graph's state (version and last committed transaction) every `everyMs` and calls `onChange` when it
 * moved. A failed read (Neo4j restarting) is skipped: the next one decides. Returns a function that stops watching.
 */
export function watchGraphVersion(driver: Driver, database: string | undefined, everyMs: number, onChange: () => void): () => void {
  let last: string | undefined;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const state = await readGraphState(driver, database);
      if (last !== undefined && state !== last) onChange();
      last = state;
    } catch {
      // unreachable for now: keep the last known state
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
