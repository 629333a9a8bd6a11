/**
 * Whole-response cache for read queries: identical queries (same text and variables) within RESPONSE_CACHE_TTL_S
 * seconds are answered from memory without touching Neo4j. Mutations, errors and partial results are never cached;
 * this process's ingests clear it at once (graph/changes.ts), other writers' changes show within the TTL.
 */
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { ApolloServerPlugin } from '@apollo/server';
import { onGraphChanged } from '../graph/changes.js';
import type { ApiContext } from './context.js';

export function responseCachePlugins(ttlSeconds: number): ApolloServerPlugin<ApiContext>[] {
  // Off: also skip Apollo's per-field cache-hint bookkeeping, which it installs by default.
  if (ttlSeconds <= 0) return [ApolloServerPluginCacheControlDisabled()];
  const cache = new InMemoryLRUCache<string>({ maxSize: 64 * 1024 * 1024, sizeCalculation: InMemoryLRUCache.sizeCalculation });
  onGraphChanged(() => cache.clear());
  return [
    ApolloServerPluginCacheControl({ defaultMaxAge: ttlSeconds, calculateHttpHeaders: false }),
    responseCachePlugin<ApiContext>({
      cache,
      shouldReadFromCache: async (rc) => rc.operation?.operation === 'query',
      shouldWriteToCache: async (rc) => rc.operation?.operation === 'query' && !rc.errors?.length,
    }),
  ];
}
