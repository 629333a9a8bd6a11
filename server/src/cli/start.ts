/**
 * npm start: local Neo4j (unless NEO4J_URI), schema, the seed corpus, GraphQL + web app on PORT; with --build-web
 * (what `npm start` passes) the web app is built meanwhile. Ctrl-C stops everything it started.
 */
import { readConfig } from '../config.js';
import { startHttpServer } from '../api/server.js';
import { ingestPaths } from '../ingest/ingest.js';
import { openDatabase } from '../runtime.js';
import { buildWeb } from './build-web.js';
import { runCli } from './run-cli.js';

runCli(async () => {
  const config = readConfig();
  const web = process.argv.includes('--build-web') ? buildWeb() : Promise.resolve();
  // A failed build is reported once Neo4j is up (below), not as an unhandled rejection meanwhile.
  web.catch(() => undefined);
  const db = await openDatabase(config).catch(async (e: unknown) => {
    await web.catch(() => undefined);
    throw e;
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping…`);
    await server?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  let server: Awaited<ReturnType<typeof startHttpServer>> | undefined;
  try {
    if (config.loadSeed) {
      const s = await ingestPaths(db.driver, [config.seedDir], { database: config.neo4jDatabase });
      const unchanged = s.unchanged > 0 ? ` (${s.unchanged} already stored as they are)` : '';
      console.error(`Seed corpus: ${s.documents}/${s.files} documents${unchanged}, ${s.nodes} nodes, ${s.relationships} relationships written in ${s.seconds.toFixed(1)} s`);
      for (const e of s.errors) console.error(`  seed error: ${e.file}: ${e.message}`);
    }
    await web;
    server = await startHttpServer(db.driver, config);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
});
