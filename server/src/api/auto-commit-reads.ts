/**
 * What @neo4j/graphql runs its statements through: each one an auto-commit read (graph/queries/read.ts), not a
 * managed transaction. Every generated type of this schema is read-only (`@mutation(operations: [])`; ingest is our
 * own mutation), so every statement it sends is a read.
 *
 * Given a driver, its Executor opens a session per statement and runs it in `session.executeRead`: BEGIN, RUN + PULL,
 * COMMIT, three round trips where an auto-commit statement takes one — and the driver retries a transient error for up
 * to 30 s, Neo4j's memory refusal included, refused again each time (a national sorted `directivesConnection`
 * answered QUERY_TOO_LARGE after 31–36 s instead of 0.4–0.8 s). Given an object with `run` (what it takes for a
 * transaction), the Executor calls `run` alone: here `readQuery`, in a READ session (read routing on a cluster), with
 * the API's statement timeout, run once more on a retriable error (a member gone, a leader change) but not after a
 * memory refusal.
 */
import type { Driver, QueryResult, Transaction } from 'neo4j-driver';
import { readQuery } from '../graph/queries/read.js';

/** The `run` of a transaction, as @neo4j/graphql's Executor calls it. */
export type StatementRunner = Pick<Transaction, 'run'>;

export function autoCommitReads(driver: Driver, database: string | undefined, timeoutMs: number): StatementRunner {
  const run = (query: string, parameters?: Record<string, unknown>): Promise<QueryResult> => readQuery(driver, query, parameters ?? {}, { database, timeoutMs });
  // The Executor awaits what `run` gives (a Result is awaited the same way): a promise of the whole result.
  return { run: run as unknown as Transaction['run'] };
}
