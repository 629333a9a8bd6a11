/**
 * Fetches Neo4j Community + APOC from Maven Central with the machine's Maven (first run only) into a
 * git-ignored cache, and compiles the tiny launcher class. Later runs find the READY marker and need no network.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config.js';

export const launcherDir = path.join(repoRoot, 'server', 'neo4j-launcher');

export interface Neo4jArtifacts {
  dir: string;
  classpath: string;
  pluginsDir: string;
  version: string;
}

export class Neo4jSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Neo4jSetupError';
  }
}

function pomVersion(): string {
  const pom = fs.readFileSync(path.join(launcherDir, 'pom.xml'), 'utf8');
  const m = /<neo4j\.version>([^<]+)</.exec(pom);
  const a = /<apoc\.version>([^<]+)</.exec(pom);
  if (!m || !a) throw new Neo4jSetupError('server/neo4j-launcher/pom.xml has no neo4j.version / apoc.version');
  return `${m[1]}-apoc${a[1]}`;
}

export function javaBinary(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', 'java') : 'java';
}

function which(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return `${r.stdout}${r.stderr}`;
}

/** Java 17+ must be present; returns its major version. */
export function checkJava(): number {
  const out = which(javaBinary(), ['-version']);
  if (out === null) {
    throw new Neo4jSetupError('Java not found: install Java 17 or 21 (e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME');
  }
  const m = /version "(\d+)/.exec(out);
  const major = m ? Number(m[1]) : 0;
  if (major < 17) throw new Neo4jSetupError(`Java ${major} found, Neo4j 5.26 needs Java 17 or 21: install it or set JAVA_HOME`);
  return major;
}

function artifactsDir(cacheDir: string, version: string): string {
  return path.join(cacheDir, `neo4j-${version}`);
}

function describe(dir: string, version: string): Neo4jArtifacts {
  return {
    dir,
    version,
    pluginsDir: path.join(dir, 'plugins'),
    // APOC sits on the class path too: its extension factory (ApocConfig) is found by the service loader,
    // its procedures by the plugin loader. Jars only: a class-data-sharing archive (class-archive.ts) refuses a
    // class path with a folder of classes.
    classpath: [launcherJar(dir), path.join(dir, 'lib', '*'), path.join(dir, 'plugins', '*')].join(path.delimiter),
  };
}

export function artifactsReady(cacheDir: string): Neo4jArtifacts | null {
  const version = pomVersion();
  const dir = artifactsDir(cacheDir, version);
  return fs.existsSync(path.join(dir, 'READY')) ? describe(dir, version) : null;
}

function run(cmd: string, args: string[], opts: { cwd: string; onLine?: (line: string) => void }): Promise<string> {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(cmd, args, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      reject(e);
      return;
    }
    let tail = '';
    const onData = (buf: Buffer) => {
      const text = buf.toString('utf8');
      tail = (tail + text).slice(-4000);
      if (opts.onLine) for (const line of text.split('\n')) if (line.trim()) opts.onLine(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => reject(e));
    child.on('close', (code) => (code === 0 ? resolve(tail) : reject(new Error(`${cmd} exited with ${code}: ${tail.trim().split('\n').slice(-6).join(' | ')}`))));
  });
}

const sourceDir = path.join(launcherDir, 'src', 'main', 'java', 'directivegraph');
/** The launcher's Java sources (Launcher, UnsignJars), in a stable order. */
const launcherSources = () => fs.readdirSync(sourceDir).filter((f) => f.endsWith('.java')).sort().map((f) => path.join(sourceDir, f));
const launcherHash = () => {
  const h = createHash('sha256');
  for (const f of launcherSources()) h.update(`${path.basename(f)}\n`).update(fs.readFileSync(f));
  return h.digest('hex');
};

const launcherJar = (dir: string) => path.join(dir, 'launcher.jar');

async function compileLauncher(dir: string): Promise<string> {
  // Built aside and renamed into place: a JVM starting meanwhile reads the old jar or the new one, never half of one.
  const classes = path.join(dir, `classes-${process.pid}`);
  const jar = `${launcherJar(dir)}.${process.pid}`;
  fs.rmSync(classes, { recursive: true, force: true });
  const out = await run('javac', ['-encoding', 'UTF-8', '-cp', path.join(dir, 'lib', '*'), '-d', classes, ...launcherSources()], { cwd: launcherDir });
  if (which('jar', ['--version']) === null) throw new Error('jar not found: install a Java 17+ JDK (apt-get install openjdk-17-jdk-headless)');
  await run('jar', ['--create', '--file', jar, '-C', classes, '.'], { cwd: launcherDir });
  fs.renameSync(jar, launcherJar(dir));
  fs.rmSync(classes, { recursive: true, force: true });
  fs.writeFileSync(path.join(dir, 'LAUNCHER'), `${launcherHash()}\n`);
  return out;
}

/**
 * Maven Central's eclipse-collections jars are signed: the JVM checks each class's digest as it loads it, and keeps
 * signed classes out of the class archive (class-archive.ts). They are rewritten once without their signatures
 * (UnsignJars.java; the same classes): Neo4j's start to Bolt ready 7.9–9.1 s → 5.5–6.3 s, a store import of the
 * seed 7.3–7.7 s → 5.9–6.3 s (this machine, interleaved, each with its own class archive). The UNSIGNED stamp
 * records that it was done; the class archive's key (jar sizes and times) then asks for a new archive.
 */
async function unsignJars(dir: string): Promise<string[]> {
  const jars = ['lib', 'plugins'].flatMap((sub) => fs.readdirSync(path.join(dir, sub)).filter((f) => f.endsWith('.jar')).sort().map((f) => path.join(dir, sub, f)));
  const out = await run(javaBinary(), ['-cp', launcherJar(dir), 'directivegraph.UnsignJars', ...jars], { cwd: dir });
  fs.writeFileSync(path.join(dir, 'UNSIGNED'), `${jars.length} jars checked\n`);
  return [...out.matchAll(/^unsigned (.+)$/gm)].map((m) => m[1]!.trim());
}

/** Makes sure the Neo4j + APOC jars and the compiled launcher (recompiled when its source changed) are in the cache. */
export async function ensureArtifacts(cacheDir: string, log: (msg: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<Neo4jArtifacts> {
  const ready = artifactsReady(cacheDir);
  if (ready) {
    const stamp = path.join(ready.dir, 'LAUNCHER');
    if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8').trim() !== launcherHash() || !fs.existsSync(launcherJar(ready.dir))) {
      log('  the Neo4j launcher changed: compiling it again');
      await compileLauncher(ready.dir).catch((e: Error) => {
        throw new Neo4jSetupError(`Compiling the Neo4j launcher failed: ${e.message}`);
      });
    }
    if (!fs.existsSync(path.join(ready.dir, 'UNSIGNED'))) {
      log('  rewriting signed jars without their signatures (once; faster Neo4j starts)');
      await unsignJars(ready.dir).catch((e: Error) => {
        throw new Neo4jSetupError(`Rewriting the signed Neo4j jars failed: ${e.message}`);
      });
    }
    return ready;
  }
  checkJava();
  if (which('mvn', ['-v']) === null) {
    throw new Neo4jSetupError('Maven (mvn) not found: it fetches Neo4j from Maven Central on the first run. Install it (apt-get install maven) or set NEO4J_URI to an existing Neo4j 5.26 server');
  }
  if (which('javac', ['-version']) === null || which('jar', ['--version']) === null) {
    throw new Neo4jSetupError('javac or jar not found: install a Java 17+ JDK (apt-get install openjdk-17-jdk-headless)');
  }
  const version = pomVersion();
  const dir = artifactsDir(cacheDir, version);
  const tmp = `${dir}.partial-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(path.join(tmp, 'plugins'), { recursive: true });
  log(`Neo4j ${version}: first run, fetching Neo4j Community and APOC from Maven Central (about 120 MB) into ${dir}`);
  let count = 0;
  try {
    await run('mvn', ['-B', 'dependency:copy-dependencies', `-DoutputDirectory=${path.join(tmp, 'lib')}`, '-DincludeScope=runtime'], {
      cwd: launcherDir,
      onLine: (line) => {
        if (/Downloaded from/.test(line)) {
          count += 1;
          if (count % 25 === 0) log(`  … ${count} files downloaded`);
        }
      },
    });
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Neo4jSetupError(`Fetching Neo4j with Maven failed (network or Maven Central unreachable?): ${(e as Error).message}`);
  }
  for (const jar of fs.readdirSync(path.join(tmp, 'lib'))) {
    if (/^apoc-(core|common)-/.test(jar)) fs.renameSync(path.join(tmp, 'lib', jar), path.join(tmp, 'plugins', jar));
  }
  log(`  compiling the launcher`);
  try {
    await compileLauncher(tmp);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Neo4jSetupError(`Compiling the Neo4j launcher failed: ${(e as Error).message}`);
  }
  try {
    const unsigned = await unsignJars(tmp);
    log(`  rewrote ${unsigned.length} signed jar(s) without their signatures: ${unsigned.join(', ')}`);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Neo4jSetupError(`Rewriting the signed Neo4j jars failed: ${(e as Error).message}`);
  }
  fs.writeFileSync(path.join(tmp, 'READY'), `${version}\n`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
  log(`Neo4j ${version}: ready (${count} files downloaded, the rest from the local Maven repository)`);
  return describe(dir, version);
}
