import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import type { Viewer } from './auth.js';
import { noRetryOnMemory } from './no-retry-on-memory.js';

/**
 * What every resolver gets. `executionContext`, `sessionConfig` and `transaction` are read by @neo4j/graphql; its
 * `executionContext` is the driver that does not retry a memory refusal (api/no-retry-on-memory.ts).
 */
export interface ApiContext {
  driver: Driver;
  config: Config;
  viewer: Viewer;
  executionContext: Driver;
  sessionConfig: { database?: string };
  transaction: { timeout: number };
}

export function makeContext(driver: Driver, config: Config, viewer: Viewer): ApiContext {
  return {
    driver,
    config,
    viewer,
    executionContext: noRetryOnMemory(driver),
    sessionConfig: { database: config.neo4jDatabase },
    transaction: { timeout: config.txTimeoutMs },
  };
}
