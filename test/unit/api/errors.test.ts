/** The production error formatter: Neo4j's refusal of a statement's memory is said, not masked. */
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { CONNECTION_OUT_OF_MEMORY_MESSAGE, formatError, OUT_OF_MEMORY_MESSAGE } from '../../../server/src/api/errors.js';

describe('formatError', () => {
  it('names the cursor pages when Neo4j ran out of transaction memory (a generated …Connection paged at scale), in production too', () => {
    const cause = new Neo4jError('The allocation of an extra 8.3 MiB would use more than the limit 1.4 GiB.', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'gql', 'desc');
    const error = new GraphQLError(cause.message, { path: ['documentsConnection'], originalError: cause });
    const formatted = formatError(true)({ message: cause.message, path: ['documentsConnection'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
    expect(formatted).toEqual({ message: CONNECTION_OUT_OF_MEMORY_MESSAGE, path: ['documentsConnection'], locations: undefined, extensions: { code: 'QUERY_TOO_LARGE' } });
    expect(formatted.message).toContain('directivesPage');
  });

  it('says what to do without naming the cursor pages when another field ran out of it (a gap page, a cascade)', () => {
    const cause = new Neo4jError('The allocation of an extra 14.5 MiB would use more than the limit 358.4 MiB.', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'gql', 'desc');
    for (const field of ['gapPage', 'cascade']) {
      const error = new GraphQLError(cause.message, { path: [field], originalError: cause });
      const formatted = formatError(true)({ message: cause.message, path: [field], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
      expect(formatted).toEqual({ message: OUT_OF_MEMORY_MESSAGE, path: [field], locations: undefined, extensions: { code: 'QUERY_TOO_LARGE' } });
      expect(formatted.message).not.toContain('Connection');
      expect(formatted.message).toContain('NEO4J_HEAP');
    }
  });

  it('still masks other internal errors in production', () => {
    const error = new GraphQLError('boom', { originalError: new Error('boom') });
    expect(formatError(true)({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error).message).toBe('Internal server error');
  });
});
