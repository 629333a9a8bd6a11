/**
 * Starts and stops a real Neo4j server (Bolt on 127.0.0.1) from the cached artifacts.
 * The child JVM watches its stdin: when this process dies for any reason, the pipe closes and Neo4j shuts down,
 * so no orphan JVM is left behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureArtifacts, javaBinary, Neo4jSetupError } from './artifacts.js';
import { classArchiveFor } from './class-archive.js';

export interface LocalNeo4jOptions {
  cacheDir: string;
  dataDir: string;
  port: number;
  heap?: string;
  pageCache?: string;
  /**
   * The most memory one transaction may take (`db.memory.transaction.max`; same syntax as heap: 64m, 1g), refused
   * beyond with MemoryPoolOutOfMemoryError. Unset: Neo4j's default (bounded only by the total, 70 % of the heap).
   */
  txMemory?: string;
  timeoutMs?: number;
  /** Detached: survives this process (used by `npm run neo4j -- start`). */
  detached?: boolean;
  /**
   * Started for one short job and stopped again (the indexes of a freshly imported store): the JVM compiles with C1
   * only. On two cores C2's compilations are most of what such a run costs — the national index build 12.1–15.8 →
   * 8.7–11.1 s, the start 5.7–6.4 → 3.9–4.4 s (four runs each, interleaved) — while a server that answers for hours
   * wants C2's faster code (there even a smaller inlining budget, as the store importer uses, made its statements
   * 5–10 % slower).
   */
  brief?: boolean;
  /** The class-data-sharing archive (class-archive.ts): another file (tests), or false for none. */
  classArchive?: string | false;
  log?: (msg: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  pid: number;
  stop(): Promise<void>;
}

export function portFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/** A free TCP port on loopback chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function toBytes(size: string): number {
  const m = /^(\d+)\s*([kmg]?)b?$/i.exec(size.trim());
  if (!m) throw new Neo4jSetupError(`invalid memory size "${size}" (use e.g. 128m)`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * mult;
}

const children = new Set<ChildProcess>();
let hooked = false;
function killAllOnExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const c of children) c.kill('SIGTERM');
  });
}

export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = opts.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  if (!(await portFree(opts.port))) {
    throw new Neo4jSetupError(`Port ${opts.port} on 127.0.0.1 is already in use: stop what uses it, or set NEO4J_BOLT_PORT to another port (or NEO4J_URI to use that server)`);
  }
  const art = await ensureArtifacts(opts.cacheDir, log);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const archive = opts.classArchive === false ? null : classArchiveFor(art, javaBinary(), { record: !opts.detached, file: opts.classArchive });
  if (archive?.recording) log('  recording a class archive for faster starts (once: this server takes a few seconds longer to stop)');
  const args = [
    `-Xms${opts.heap ?? '512m'}`,
    `-Xmx${opts.heap ?? '512m'}`,
    '-XX:+UseG1GC',
    ...(opts.brief ? ['-XX:TieredStopAtLevel=1'] : []),
    '-Dfile.encoding=UTF-8',
    ...(archive?.args ?? []),
    '-cp',
    art.classpath,
    'directivegraph.Launcher',
    '--home', opts.dataDir,
    '--plugins', art.pluginsDir,
    '--port', String(opts.port),
    '--pagecache', String(toBytes(opts.pageCache ?? '128m')),
    ...(opts.txMemory ? ['--tx-memory', String(toBytes(opts.txMemory))] : []),
  ];
  if (!opts.detached) args.push('--watch-stdin');
  const logFile = path.join(opts.dataDir, 'launcher.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(javaBinary(), args, {
    stdio: [opts.detached ? 'ignore' : 'pipe', 'pipe', out],
    detached: Boolean(opts.detached),
  });
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const uri = `bolt://127.0.0.1:${opts.port}`;
  if (archive?.recording) child.once('exit', (code, signal) => archive.finish(signal === null ? code : null));

  await new Promise<void>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Neo4jSetupError(`Neo4j did not answer on ${uri} within ${Math.round(timeoutMs / 1000)} s (see ${logFile}); raise NEO4J_START_TIMEOUT_MS or free some memory`));
    }, timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new Neo4jSetupError(`Could not run Java (${e.message}): install Java 17+ or set JAVA_HOME`));
    });
    const early = (code: number | null) => {
      clearTimeout(timer);
      const err = /DG-NEO4J ERROR (.*)/.exec(buf)?.[1];
      reject(new Neo4jSetupError(err ? `Neo4j failed to start: ${err}` : `Neo4j exited with code ${code} before it was ready (see ${logFile})`));
    };
    child.once('exit', early);
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      fs.appendFileSync(logFile, d);
      if (buf.includes('DG-NEO4J READY')) {
        clearTimeout(timer);
        child.removeListener('exit', early);
        resolve();
      }
    });
  });
  fs.closeSync(out);
  archive?.started(child.pid!);

  if (opts.detached) {
    child.stdout!.destroy();
    child.unref();
  } else {
    children.add(child);
    killAllOnExit();
  }

  let stopped: Promise<void> | null = null;
  return {
    uri,
    pid: child.pid!,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        // A JVM recording its class archive writes it (≈ 100 MB) while it exits.
        const hard = setTimeout(() => child.kill('SIGKILL'), archive?.recording ? 120_000 : 30_000);
        child.once('exit', () => {
          clearTimeout(hard);
          children.delete(child);
          resolve();
        });
        child.kill('SIGTERM');
      });
      return stopped;
    },
  };
}
