/** Faults of the local Neo4j launcher: clear one-line errors, non-zero exits, no orphan JVM. */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig, repoRoot } from '../../server/src/config.js';
import { Neo4jSetupError } from '../../server/src/neo4j/artifacts.js';
import { freePort, startLocalNeo4j } from '../../server/src/neo4j/local-server.js';

/**
 * Launcher JVMs of one data folder: the suites running alongside start Neo4j servers of their own, so counting every
 * launcher on the machine raced with them.
 */
function launcherJvms(dataDir: string): number {
  const out = spawnSync('pgrep', ['-f', `directivegraph.Launcher --home ${dataDir}`], { encoding: 'utf8' }).stdout;
  return out.split('\n').filter(Boolean).length;
}

const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');

describe('local Neo4j faults', () => {
  it('refuses a port that is taken, with a clear message and no JVM left', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', r));
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-fault-'));
    try {
      const err = await startLocalNeo4j({ cacheDir: readConfig().cacheDir, dataDir: tmp, port }).catch((e) => e);
      expect(err).toBeInstanceOf(Neo4jSetupError);
      expect(err.message).toMatch(new RegExp(`Port ${port} .*already in use.*NEO4J_BOLT_PORT`));
      expect(launcherJvms(tmp)).toBe(0);
    } finally {
      blocker.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('npm start exits non-zero with one clear line when its Bolt port is taken', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', r));
    try {
      const r = spawnSync(tsx, ['server/src/cli/start.ts'], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, NEO4J_URI: '', NEO4J_BOLT_PORT: String(port), PORT: '0', NEO4J_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'dg-fault-')) },
        timeout: 60_000,
      });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/^error: Port \d+ on 127\.0\.0\.1 is already in use/m);
    } finally {
      blocker.close();
    }
  });

  it('npm start stops itself and its Neo4j when only its own process is signalled (a process manager, kill PID)', async () => {
    // One Node process (no tsx wrapper, no process group): the signal reaches the server alone, not the JVM.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-stop-'));
    // This start's own JVM (other test files start theirs meanwhile).
    const ownJvm = () => spawnSync('pgrep', ['-f', `directivegraph.Launcher --home ${dataDir}`], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).length;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/start.ts'], {
      cwd: repoRoot,
      // NODE_ENV as deployed, not vitest's "test": outside tests Apollo Server installs signal handlers of its own,
      // which raced ours (whether it hangs is a matter of timing; production.test.ts checks the cause directly).
      env: { ...process.env, NODE_ENV: 'development', NEO4J_URI: '', NEO4J_BOLT_PORT: String(await freePort()), PORT: String(await freePort()), HOST: '127.0.0.1', NEO4J_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const serving = new Promise<void>((resolve, reject) => {
        const seen = (d: Buffer) => {
          out += d.toString();
          if (out.includes('Directive Graph on')) resolve();
        };
        child.stdout!.on('data', seen);
        child.stderr!.on('data', seen);
        child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before serving: ${out}`)));
      });
      await serving;
      expect(ownJvm()).toBe(1);
      await new Promise((r) => setTimeout(r, 2000)); // serving for a while (its warm-up done), as a process manager finds it
      const t0 = Date.now();
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000))]);
      expect(code).toBe(0);
      expect(Date.now() - t0).toBeLessThan(20_000);
      await expect.poll(() => ownJvm(), { timeout: 10_000 }).toBe(0);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    // A start with its seed corpus takes 25–45 s while other test files load the machine; the stop is what is timed.
  }, 150_000);

  it('explains a missing Java instead of crashing', () => {
    const r = spawnSync(tsx, ['-e', "import('./server/src/neo4j/artifacts.ts').then(m => { try { m.checkJava(); console.log('ok') } catch (e) { console.log(e.message) } })"], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, JAVA_HOME: '/nonexistent-java' },
    });
    expect(r.stdout).toMatch(/Java not found: install Java 17/);
  });

  it('explains a missing Maven on a first run (nothing cached yet)', () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-bin-'));
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-cache-'));
    for (const tool of ['node', 'java']) {
      const real = spawnSync('sh', ['-c', `readlink -f "$(command -v ${tool})"`], { encoding: 'utf8' }).stdout.trim();
      fs.symlinkSync(real, path.join(bin, tool));
    }
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server/src/cli/neo4j.ts', 'fetch'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, PATH: bin, JAVA_HOME: '', DG_CACHE_DIR: cache },
    });
    fs.rmSync(bin, { recursive: true, force: true });
    fs.rmSync(cache, { recursive: true, force: true });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^error: Maven \(mvn\) not found: .*Install it/);
  });

  it('stops the JVM when the process that started it dies (no orphan)', async () => {
    const port = await freePort();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-orphan-'));
    const script = `import('./server/src/neo4j/local-server.ts').then(async (m) => { const n = await m.startLocalNeo4j({ cacheDir: ${JSON.stringify(readConfig().cacheDir)}, dataDir: ${JSON.stringify(tmp)}, port: ${port}, heap: '256m', pageCache: '32m' }); console.log('PID ' + n.pid); process.kill(process.pid, 'SIGKILL'); })`;
    const r = spawnSync(tsx, ['-e', script], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
    const pid = Number(/PID (\d+)/.exec(r.stdout)?.[1]);
    expect(pid).toBeGreaterThan(0);
    let alive = true;
    for (let i = 0; i < 100 && alive; i++) {
      await new Promise((res) => setTimeout(res, 300));
      try {
        process.kill(pid, 0);
      } catch {
        alive = false;
      }
    }
    expect(alive).toBe(false);
    fs.rmSync(tmp, { recursive: true, force: true });
    void execFileSync;
  });
});
