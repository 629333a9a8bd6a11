/**
 * Commands share the local Neo4j: with `npm start` (or a detached `npm run neo4j -- start`) serving a data folder, an
 * ingest, a second server or `neo4j status` on the same folder use that Neo4j instead of failing on its port, and
 * leave it running. A store held by something else than our launcher is a clear error.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig, repoRoot } from '../../server/src/config.js';
import { Neo4jSetupError } from '../../server/src/neo4j/artifacts.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../server/src/neo4j/local-server.js';
import { launcherPort, storeHolder } from '../../server/src/neo4j/store-holder.js';
import { openDatabase, runningLocalNeo4j } from '../../server/src/runtime.js';

const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');

describe('a local Neo4j another command started', () => {
  let dataDir: string;
  let neo: LocalNeo4j;
  let otherPort: number;
  const env = () => ({ ...process.env, NEO4J_URI: '', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(otherPort) });
  const count = async (cypher: string) => {
    const driver = neo4j.driver(neo.uri, neo4j.auth.basic('neo4j', 'unused'));
    try {
      return Number((await driver.executeQuery(cypher)).records[0]!.get(0));
    } finally {
      await driver.close();
    }
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-shared-'));
    neo = await startLocalNeo4j({ cacheDir: readConfig().cacheDir, dataDir, port: await freePort(), heap: '512m', pageCache: '64m', log: () => undefined });
    // The commands below are told another port: they find the running Neo4j by its data folder, not by the port.
    otherPort = await freePort();
  });
  afterAll(async () => {
    await neo?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is found by its data folder, with its port', () => {
    const pid = storeHolder(dataDir);
    expect(pid).toBe(neo.pid);
    expect(launcherPort(pid!)).toBe(Number(new URL(neo.uri.replace('bolt:', 'http:')).port));
    const messages: string[] = [];
    expect(runningLocalNeo4j(readConfig(env()), (m) => messages.push(m))).toBe(neo.uri);
    expect(messages.join('\n')).toContain(`Using the local Neo4j already running on ${neo.uri}`);
    expect(messages.join('\n')).toContain(`not NEO4J_BOLT_PORT ${otherPort}`);
  });

  it('is used by openDatabase as it is, and still runs after close()', async () => {
    const db = await openDatabase(readConfig(env()), () => undefined);
    expect(db.local).toBeNull();
    expect(db.uri).toBe(neo.uri);
    await db.driver.executeQuery('CREATE (:Probe {at: 1})');
    await db.close();
    expect(await count('MATCH (p:Probe) RETURN count(p)')).toBe(1);
  });

  it('takes an ingest from the command line (exit 0); neo4j status reports it, neo4j stop leaves it to its command', async () => {
    const r = spawnSync(tsx, ['server/src/cli/ingest.ts', 'seed/corpus'], { cwd: repoRoot, encoding: 'utf8', env: env(), timeout: 120_000 });
    expect(r.stderr + r.stdout).toContain('Using the local Neo4j already running');
    expect(r.status).toBe(0);
    expect(await count("MATCH (d:Directive {code: '58-CTr/TU'}) WHERE d.stub = false RETURN count(d)")).toBe(1);
    expect(storeHolder(dataDir)).toBe(neo.pid);
    const status = spawnSync(tsx, ['server/src/cli/neo4j.ts', 'status'], { cwd: repoRoot, encoding: 'utf8', env: env(), timeout: 60_000 });
    expect(status.stdout).toContain(`running (pid ${neo.pid}, started by another command`);
    expect(status.stdout).toContain(neo.uri);
    expect(status.status).toBe(0);
    // Not ours to stop: the command that started it does (and `stop` says so, leaving it running).
    const stop = spawnSync(tsx, ['server/src/cli/neo4j.ts', 'stop'], { cwd: repoRoot, encoding: 'utf8', env: env(), timeout: 60_000 });
    expect(stop.status).not.toBe(0);
    expect(stop.stderr).toMatch(/^error: the local Neo4j \(pid \d+, bolt:\/\/127\.0\.0\.1:\d+\) was started by another command/m);
    expect(storeHolder(dataDir)).toBe(neo.pid);
  });
});

describe('a local store held by another process', () => {
  it('is a clear error, not a second Neo4j on the same files; a free store is null', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-held-'));
    const store = path.join(dataDir, 'data', 'databases', 'neo4j');
    fs.mkdirSync(store, { recursive: true });
    fs.writeFileSync(path.join(store, 'neostore'), '');
    const config = readConfig({ ...process.env, NEO4J_URI: '', NEO4J_DATA_DIR: dataDir });
    expect(runningLocalNeo4j(config, () => undefined)).toBeNull();
    // A process that is not our launcher keeps a store file open (as the store importer does).
    const holder = spawn('bash', ['-c', `exec 3<"${path.join(store, 'neostore')}"; echo open; sleep 60`], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
      expect(storeHolder(dataDir)).toBe(holder.pid);
      expect(launcherPort(holder.pid!)).toBeNull();
      const err = (() => {
        try {
          runningLocalNeo4j(config, () => undefined);
        } catch (e) {
          return e as Error;
        }
        return null;
      })();
      expect(err).toBeInstanceOf(Neo4jSetupError);
      expect(err!.message).toMatch(new RegExp(`in use by process ${holder.pid}`));
    } finally {
      holder.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
