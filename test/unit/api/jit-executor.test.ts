/** The graphql-jit executor behind Apollo's gateway interface: same answers as graphql-js, errors Apollo can read. */
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { buildSchema, execute, GraphQLError, parse, type GraphQLScalarType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { jitGateway } from '../../../server/src/api/jit-executor.js';

const schema = buildSchema(`
  type Item { id: ID!, n: Int, tags: [String!] }
  type Query { items(first: Int!): [Item!]!, fails: String, refused: String }
`);
const rootResolvers: Record<string, (args: Record<string, unknown>) => unknown> = {
  items: ({ first }) => Array.from({ length: first as number }, (_, i) => ({ id: `i${i}`, n: i, tags: i % 2 ? ['odd'] : [] })),
  fails: () => {
    throw new Error('plain failure');
  },
  refused: () => {
    throw new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } });
  },
};
for (const [name, fn] of Object.entries(rootResolvers)) schema.getQueryType()!.getFields()[name]!.resolve = (_s, args) => fn(args);

async function executorFor(s: GraphQLSchema, plainRootFields?: string[]) {
  let seen: GraphQLSchema | null = null;
  const gateway = jitGateway(s, { plainRootFields });
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => (seen = apiSchema));
  const { executor } = await gateway.load({ apollo: { key: '', keyHash: '', graphRef: '' } as never });
  expect(seen).toBe(s);
  return (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
    executor!({ document: parse(query), queryHash: query, operationName: operationName ?? null, request: { query, variables }, context: {} } as unknown as GatewayGraphQLRequestContext);
}

describe('jitGateway', () => {
  it('answers like graphql-js, also the second time (compiled once, reused)', async () => {
    const run = await executorFor(schema);
    const q = 'query($k: Int!) { items(first: $k) { id n tags } }';
    const reference = await execute({ schema, document: parse(q), variableValues: { k: 5 } });
    expect(await run(q, { k: 5 })).toEqual(JSON.parse(JSON.stringify(reference)));
    expect(await run(q, { k: 2 })).toEqual({ data: { items: [{ id: 'i0', n: 0, tags: [] }, { id: 'i1', n: 1, tags: ['odd'] }] } });
  });

  it('returns resolver errors as graphql-js errors with path, locations, extensions and the cause', async () => {
    const run = await executorFor(schema);
    const r = await run('{ fails refused }');
    expect(r.data).toEqual({ fails: null, refused: null });
    const [plain, coded] = r.errors as GraphQLError[];
    expect(plain).toBeInstanceOf(GraphQLError);
    expect(plain!.path).toEqual(['fails']);
    expect(plain!.locations).toEqual([{ line: 1, column: 3 }]);
    expect(plain!.extensions).toEqual({});
    expect(plain!.originalError?.message).toBe('plain failure');
    expect(coded!.extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('skips leaf serializers only for operations that ask nothing but the plain root fields', async () => {
    // `code` resolves to a number: String's serializer makes it "7"; a plain root field's values go out as they are
    // (our own resolvers give already valid values there).
    // The schema's own scalars too (@neo4j/graphql's Date: `new Date(v).toISOString()` for every date).
    const s = buildSchema('scalar Day type Row { code: String, n: Int, day: Day } type Query { plain: [Row!]!, other: [Row!]! }');
    (s.getType('Day') as GraphQLScalarType).serialize = (v) => `day ${String(v)}`;
    for (const name of ['plain', 'other']) s.getQueryType()!.getFields()[name]!.resolve = () => [{ code: 7, n: 1, day: '2023-01-02' }];
    const run = await executorFor(s, ['plain']);
    expect(await run('{ plain { code n day } }')).toEqual({ data: { plain: [{ code: 7, n: 1, day: '2023-01-02' }] } });
    expect(await run('{ other { day } }')).toEqual({ data: { other: [{ day: 'day 2023-01-02' }] } });
    expect(await run('{ __typename plain { code } }')).toEqual({ data: { __typename: 'Query', plain: [{ code: 7 }] } });
    expect(await run('{ other { code n } }')).toEqual({ data: { other: [{ code: '7', n: 1 }] } });
    expect(await run('{ plain { code } other { code } }')).toEqual({ data: { plain: [{ code: '7' }], other: [{ code: '7' }] } });
    expect(await run('query A { plain { code } } query B { other { code } }', {}, 'B')).toEqual({ data: { other: [{ code: '7' }] } });
  });

  it('reports an operation it cannot run instead of throwing', async () => {
    const run = await executorFor(schema);
    const r = await run('query A { fails } query B { refused }', {}, 'C');
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0]?.message).toMatch(/Unknown operation named "C"/);
  });
});
