/** GraphQL errors with a code, and the production formatter that hides internals. */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

export function userError(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** Known errors keep their code and message; anything else is masked in production. */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error) as (Error & { code?: unknown }) | undefined;
    const code = formatted.extensions?.code;
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
