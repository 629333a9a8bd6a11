import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import type { Viewer } from './auth.js';
import { autoCommitReads, type StatementRunner } from './auto-commit-reads.js';

/**
 * What every resolver gets. `executionContext` is read by @neo4j/graphql: each of its statements one auto-commit read,
 * in the configured database, with the API's statement timeout (api/auto-commit-reads.ts).
 */
export interface ApiContext {
  driver: Driver;
  config: Config;
  viewer: Viewer;
  executionContext: StatementRunner;
}

export function makeContext(driver: Driver, config: Config, viewer: Viewer): ApiContext {
  return {
    driver,
    config,
    viewer,
    executionContext: autoCommitReads(driver, config.neo4jDatabase, config.txTimeoutMs),
  };
}
