/** GraphQL errors with a code, and the production formatter that hides internals. */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isOutOfMemory } from '../graph/neo4j-errors.js';

export function userError(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/**
 * What Neo4j's memory refusal (graph/neo4j-errors.ts) is answered with: the limit it hit, and what to do. It is tried
 * once (api/auto-commit-reads.ts).
 */
export const OUT_OF_MEMORY_MESSAGE =
  'Neo4j ran out of the memory it allows a query (the queries running at one time share 70 % of its heap unless configured, ' +
  'and one query may be limited further: NEO4J_HEAP and NEO4J_TX_MEMORY for the local one): ask for fewer rows or a smaller depth, or give Neo4j more memory';

/**
 * The same for a generated `…Connection`, what usually hits it: with `sort` it keeps offset + first rows, each charged
 * with every match (api/keyset-pages.ts).
 */
export const CONNECTION_OUT_OF_MEMORY_MESSAGE =
  'Neo4j ran out of the memory it allows a query. A generated …Connection sorted by `sort` reads every match for each page and fails on later pages of ' +
  'a large graph: walk directives or organizations with directivesPage / organizationsPage (cursor pages: the same sort, filters on their own fields), or ask for fewer rows';

/** The refusal's message for the field that asked (its path's first element). */
export const outOfMemoryMessage = (path: readonly (string | number)[] | undefined): string =>
  typeof path?.[0] === 'string' && path[0].endsWith('Connection') ? CONNECTION_OUT_OF_MEMORY_MESSAGE : OUT_OF_MEMORY_MESSAGE;

/** Known errors keep their code and message; anything else is masked in production. */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error) as (Error & { code?: unknown }) | undefined;
    const code = formatted.extensions?.code;
    if (isOutOfMemory(original)) {
      return { message: outOfMemoryMessage(formatted.path), locations: formatted.locations, path: formatted.path, extensions: { code: 'QUERY_TOO_LARGE' } };
    }
    if (original && typeof original.code === 'string' && /^[A-Z_]+$/.test(original.code) && (!code || code === 'INTERNAL_SERVER_ERROR')) {
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code: original.code } };
    }
    if (production && (code === 'INTERNAL_SERVER_ERROR' || !code)) {
      return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    if (production) return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    return formatted;
  };
}
