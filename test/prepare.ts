/**
 * Runs before `npm test` (npm's pretest): makes sure what the suites need is on this machine.
 * - Neo4j Community + APOC artifacts (Maven Central, cached; no network on later runs)
 * - Chromium for the e2e suites (apt-get when root, otherwise one line saying what to install)
 * - the built web app (served by the server under test)
 * - a Python venv with the notebook's packages (PyPI), for the executed notebook test
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readConfig, repoRoot } from '../server/src/config.js';
import { ensureArtifacts } from '../server/src/neo4j/artifacts.js';
import { recordClassArchive } from '../server/src/neo4j/record-class-archive.js';
import { exerciseNeo4j } from '../server/src/runtime.js';
import { ensurePythonEnv } from './support/python.js';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function step(name: string, fn: () => void | Promise<void>) {
  const t0 = Date.now();
  return Promise.resolve(fn()).then(() => console.error(`prepare: ${name} ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`));
}

function sh(cmd: string, args: string[], what: string) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: repoRoot, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) throw new Error(`${what} failed (${cmd} ${args.join(' ')} exited with ${r.status ?? r.error?.message})`);
}

async function main() {
  const config = readConfig();
  await step('Neo4j artifacts', async () => {
    await ensureArtifacts(config.cacheDir);
  });
  // Before any suite starts a server: recorded while the suites run, it would serve none of them.
  await step('Neo4j class archive', async () => {
    console.error(`prepare: class archive ${await recordClassArchive(config.cacheDir, (uri) => exerciseNeo4j(uri, config))}`);
  });
  await step('Chromium', () => {
    if (fs.existsSync(CHROMIUM)) return;
    if (process.getuid?.() !== 0) throw new Error(`Chromium not found at ${CHROMIUM}: install it (sudo apt-get install chromium) or set CHROMIUM_PATH`);
    sh('apt-get', ['update', '-qq'], 'apt-get update');
    sh('apt-get', ['install', '-y', '-qq', 'chromium'], 'installing chromium');
  });
  await step('web build', () => sh('npm', ['run', '-s', 'build', '-w', 'web'], 'building the web app'));
  await step('Python venv', () => {
    ensurePythonEnv(path.join(config.cacheDir, 'venv'));
  });
}

main().catch((e: Error) => {
  console.error(`prepare: ${e.message}`);
  process.exit(1);
});
