/**
 * npm run neo4j -- start|stop|status|fetch|import
 * Manages the local Neo4j used by `npm start` when it should outlive one command (data in NEO4J_DATA_DIR), and
 * its offline first load from files (import).
 */
import { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config.js';
import { ensureArtifacts } from '../neo4j/artifacts.js';
import { startLocalNeo4j, portFree } from '../neo4j/local-server.js';
import { localStoreProcess } from '../neo4j/store-holder.js';
import { applyImportFixups } from '../graph/import-fixups.js';
import { importPaths } from '../ingest/import-paths.js';
import { recordClassArchive } from '../neo4j/record-class-archive.js';
import { exerciseNeo4j, localNeo4jOptions, openDatabase } from '../runtime.js';
import { runCli } from './run-cli.js';

const config = readConfig();
const pidFile = path.join(config.localDataDir, 'neo4j.pid');

function runningPid(): number | null {
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    fs.rmSync(pidFile, { force: true });
    return null;
  }
}

/** The local Neo4j of this data folder that another command started (`npm start`), if one runs. */
function otherCommandsNeo4j(): { pid: number; port: number } | null {
  const held = localStoreProcess(config.localDataDir, config.neo4jDatabase ?? 'neo4j');
  return held?.port != null ? { pid: held.pid, port: held.port } : null;
}

const program = new Command('neo4j').description('local Neo4j 5.26 Community + APOC (no Docker needed)');

program.command('fetch').description('download Neo4j and APOC from Maven Central into the cache').action(() =>
  runCli(async () => {
    const art = await ensureArtifacts(config.cacheDir);
    console.log(`Neo4j artifacts ready in ${art.dir}`);
    const archive = await recordClassArchive(config.cacheDir, (uri) => exerciseNeo4j(uri, config));
    console.log(`class archive (faster starts): ${archive}`);
  }),
);

program.command('start').description('start a detached local Neo4j on NEO4J_BOLT_PORT').action(() =>
  runCli(async () => {
    const pid = runningPid();
    if (pid) {
      console.log(`Neo4j already running (pid ${pid}) on bolt://127.0.0.1:${config.localBoltPort}`);
      return;
    }
    const other = otherCommandsNeo4j();
    if (other) {
      console.log(`Neo4j already running (pid ${other.pid}, started by another command: it stops with that command) on bolt://127.0.0.1:${other.port}`);
      return;
    }
    const neo = await startLocalNeo4j({ ...localNeo4jOptions(config), detached: true });
    fs.writeFileSync(pidFile, String(neo.pid));
    console.log(`Neo4j running (pid ${neo.pid}) on ${neo.uri}; data in ${config.localDataDir}`);
  }),
);

program.command('stop').description('stop the detached local Neo4j').action(() =>
  runCli(async () => {
    const pid = runningPid();
    if (!pid) {
      const other = otherCommandsNeo4j();
      if (other) throw new Error(`the local Neo4j (pid ${other.pid}, bolt://127.0.0.1:${other.port}) was started by another command (npm start): stop that command (Ctrl-C) and it stops too`);
      console.log('Neo4j is not running');
      return;
    }
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 300; i++) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        process.kill(pid, 0);
      } catch {
        fs.rmSync(pidFile, { force: true });
        console.log(`Neo4j stopped (pid ${pid})`);
        return;
      }
    }
    process.kill(pid, 'SIGKILL');
    fs.rmSync(pidFile, { force: true });
    console.log(`Neo4j killed after 30 s (pid ${pid})`);
  }),
);

program.command('status').description('is the local Neo4j running?').action(() =>
  runCli(async () => {
    const pid = runningPid();
    const other = pid ? null : otherCommandsNeo4j();
    const listening = !(await portFree(config.localBoltPort));
    if (pid) console.log(`running (pid ${pid}) on bolt://127.0.0.1:${config.localBoltPort}`);
    else if (other) console.log(`running (pid ${other.pid}, started by another command: it stops with that command) on bolt://127.0.0.1:${other.port}`);
    else console.log(listening ? `not started by us, but port ${config.localBoltPort} is in use` : 'stopped');
    process.exitCode = pid || other ? 0 : 3;
  }),
);

program
  .command('import')
  .description('first load of the local database from files, by Neo4j\'s offline store importer (several times faster than ingest --bulk); Neo4j must be stopped')
  .argument('<paths...>', 'files or folders of directive texts')
  .option('--replace', 'discard the local database if one exists (without it, an existing database is refused)', false)
  .option('--synthetic', 'mark every document as synthetic (generated)', false)
  .action((paths: string[], opts: { replace: boolean; synthetic: boolean }) =>
    runCli(async () => {
      if (config.neo4jUri) throw new Error(`import writes the local Neo4j's store files; NEO4J_URI points to ${config.neo4jUri}: load a remote server with npm run ingest -- --bulk`);
      if (runningPid() || !(await portFree(config.localBoltPort))) throw new Error(`the local Neo4j is running (port ${config.localBoltPort}): stop it first (npm run neo4j -- stop)`);
      const summary = await importPaths(paths, { cacheDir: config.cacheDir, dataDir: config.localDataDir, database: config.neo4jDatabase ?? 'neo4j', replace: opts.replace, synthetic: opts.synthetic || undefined, log: (m) => console.error(m) });
      for (const e of summary.errors) console.error(`error: ${e.file}: ${e.message}`);
      // Indexes and constraints are built by the first start: do it now, so the database is ready when this ends.
      console.error('starting Neo4j once to build the indexes …');
      const t = performance.now();
      const db = await openDatabase(config, undefined, { brief: true });
      try {
        await applyImportFixups(db.driver, summary.fixups, config.neo4jDatabase);
        await db.driver.executeQuery('CALL db.awaitIndexes(600)', {}, { database: config.neo4jDatabase });
      } finally {
        await db.close();
      }
      const s = summary.seconds;
      console.log(
        `imported ${summary.documents}/${summary.files} documents: ${summary.nodes} nodes, ${summary.relationships} relationships ` +
          `(extract ${s.extract.toFixed(1)} s, CSV ${s.csv.toFixed(1)} s, import ${s.import.toFixed(1)} s, start + indexes ${((performance.now() - t) / 1000).toFixed(1)} s); errors: ${summary.errors.length}`,
      );
      if (summary.errors.length) process.exitCode = 1;
    }),
  );

program.parse();
