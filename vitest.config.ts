import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql instance, as under Node: Vite would load graphql's ESM build for our sources while Apollo,
    // @neo4j/graphql and graphql-jit load its CommonJS build, and errors would then fail `instanceof GraphQLError`.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Servers started by the tests (and the processes they spawn) keep no request list in the developer's .cache.
    env: { RESPONSE_CACHE_KEYS_FILE: '' },
    globalSetup: ['test/support/global-setup.ts'],
    // A limit for a hang, not a speed goal (those live in `npm run bench`): integration tests start, stop and import
    // into their own Neo4j, which took up to 54 s for one test on a slow spell of a two-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // What expect.poll waits for (a page's answer from the server, a drawing) gets 10 s rather than vitest's 1 s: with
    // two suites and their browsers sharing two cores, a request of 0.2 s was seen to take over a second.
    expect: { poll: { timeout: 10_000 } },
    maxWorkers: 2,
    reporters: ['default'],
    pool: 'forks',
  },
});
