/**
 * npm run neo4j -- start|stop|status|fetch
 * Manages the local Neo4j used by `npm start` when it should outlive one command (data in NEO4J_DATA_DIR).
 */
import { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config.js';
import { ensureArtifacts } from '../neo4j/artifacts.js';
import { startLocalNeo4j, portFree } from '../neo4j/local-server.js';
import { localNeo4jOptions } from '../runtime.js';
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

const program = new Command('neo4j').description('local Neo4j 5.26 Community + APOC (no Docker needed)');

program.command('fetch').description('download Neo4j and APOC from Maven Central into the cache').action(() =>
  runCli(async () => {
    const art = await ensureArtifacts(config.cacheDir);
    console.log(`Neo4j artifacts ready in ${art.dir}`);
  }),
);

program.command('start').description('start a detached local Neo4j on NEO4J_BOLT_PORT').action(() =>
  runCli(async () => {
    const pid = runningPid();
    if (pid) {
      console.log(`Neo4j already running (pid ${pid}) on bolt://127.0.0.1:${config.localBoltPort}`);
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
    const listening = !(await portFree(config.localBoltPort));
    if (pid) console.log(`running (pid ${pid}) on bolt://127.0.0.1:${config.localBoltPort}`);
    else console.log(listening ? `not started by us, but port ${config.localBoltPort} is in use` : 'stopped');
    process.exitCode = pid ? 0 : 3;
  }),
);

program.parse();
