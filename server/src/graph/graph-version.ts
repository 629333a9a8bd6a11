/**
 * The graph's version: one (:GraphVersion {key: 'graph'}) node whose `version` every Directive Graph writer
 * (incremental, bulk, offline import) raises in its own transaction. API processes watch it to drop their caches
 * when another process — the ingest CLI, another replica — changed the graph. Writes made outside Directive Graph
 * (Cypher typed by hand) do not raise it: those show when cache entries expire.
 */
import type { Driver } from 'neo4j-driver';
import { readQuery } from './queries/read.js';

/** Raises the version; runs as the last statement of a write transaction (the lock is held only until COMMIT). */
export const BUMP_GRAPH_VERSION = `
MERGE (v:GraphVersion {key: 'graph'})
SET v.version = coalesce(v.version, 0) + 1, v.changedAt = datetime()`;

export async function bumpGraphVersion(driver: Driver, database?: string): Promise<void> {
  await driver.executeQuery(BUMP_GRAPH_VERSION, {}, { database });
}

/** The current version, or null when nothing has raised it yet. */
export async function readGraphVersion(driver: Driver, database?: string): Promise<number | null> {
  const res = await readQuery(driver, "OPTIONAL MATCH (v:GraphVersion {key: 'graph'}) RETURN v.version AS version", {}, { database });
  const v = res.records[0]?.get('version') as { toNumber(): number } | number | null | undefined;
  return v === null || v === undefined ? null : typeof v === 'number' ? v : v.toNumber();
}

/**
 * Reads the version every `everyMs` and calls `onChange` when it moved. A failed read (Neo4j restarting) is
 * skipped: the next one decides. Returns a function that stops watching.
 */
export function watchGraphVersion(driver: Driver, database: string | undefined, everyMs: number, onChange: () => void): () => void {
  let last: number | null | undefined;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const v = await readGraphVersion(driver, database);
      if (last !== undefined && v !== last) onChange();
      last = v;
    } catch {
      // unreachable for now: keep the last known version
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
