/**
 * A class-data-sharing archive for the local Neo4j JVM (HotSpot's AppCDS, Java 13+): the classes a Neo4j server
 * loads — thousands, from 200 jars — parsed and verified once, then mapped from one file at every later start.
 * Measured on the development machine (2 cores): start to Bolt ready 5.6–5.9 s → 3.9–4.2 s; the first schema
 * and index population after an offline import 8.3–9.0 → 7.2–7.7 s; the store importer ≈ 0.5 s faster.
 *
 * The first start without an archive records one (`-XX:ArchiveClassesAtExit`, written when that JVM exits: a
 * few seconds more at that stop, once); only one process records at a time, into a file of its own that is
 * renamed into place when its JVM exited cleanly. The archive's key names the Java binary and every jar of the
 * class path (size and time): a new JDK or a rebuilt launcher makes a new one. The JVM checks the archive again
 * itself and runs without it (`-Xshare:auto`) should it not match.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Neo4jArtifacts } from './artifacts.js';

export interface ClassArchiveUse {
  /** JVM options to add before the main class. */
  args: string[];
  /** Whether this start records the archive (finish() must then see the JVM's exit). */
  recording: boolean;
  /** After the JVM exited (its exit code; null when killed by a signal): keeps a recorded archive when the exit was clean. */
  finish(exitCode: number | null): void;
  /**
   * Once the JVM runs: an archive it was given but did not map (damaged, or made by another JVM build) is removed,
   * so the next start records a new one. Linux (/proc); elsewhere nothing is checked.
   */
  started(pid: number): void;
}

const QUIET = ['-Xlog:cds=off', '-Xlog:cds+dynamic=off'];
const NONE: ClassArchiveUse = { args: [], recording: false, finish: () => undefined, started: () => undefined };

/** Whether a usable archive of these artifacts (and this Java) is in place. */
export function classArchiveReady(art: Neo4jArtifacts, java: string, file?: string): boolean {
  try {
    return inPlace(classArchivePath(art, file), archiveKey(art, java));
  } catch {
    return false;
  }
}

/** Where the archive of these artifacts lives (`file` overrides it: tests). */
export function classArchivePath(art: Neo4jArtifacts, file?: string): string {
  return file ?? path.join(art.dir, 'cds', 'neo4j-server.jsa');
}

/**
 * The options of one JVM start. `record`: this start may record a missing archive (not for a detached server,
 * whose exit nobody sees, nor for the store importer, which loads another set of classes).
 */
export function classArchiveFor(art: Neo4jArtifacts, java: string, opts: { record: boolean; file?: string }): ClassArchiveUse {
  const file = classArchivePath(art, opts.file);
  let key: string;
  try {
    key = archiveKey(art, java);
  } catch {
    return NONE; // a jar or the JVM could not be read: start without
  }
  const keyFile = `${file}.key`;
  if (inPlace(file, key)) {
    return {
      args: [`-XX:SharedArchiveFile=${file}`, ...QUIET],
      recording: false,
      finish: () => undefined,
      started(pid) {
        const maps = readText(`/proc/${pid}/maps`);
        if (maps !== null && !maps.includes(fs.realpathSync(file))) {
          fs.rmSync(keyFile, { force: true });
          fs.rmSync(file, { force: true });
        }
      },
    };
  }
  if (!opts.record) return NONE;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lock = `${file}.recording`;
  if (!takeLock(lock)) return NONE;
  dropOrphans(file);
  const partial = `${file}.${process.pid}.partial`;
  return {
    args: [`-XX:ArchiveClassesAtExit=${partial}`, ...QUIET],
    recording: true,
    started: () => undefined,
    finish(exitCode) {
      try {
        // 143: the JVM's own exit after SIGTERM (shutdown hooks ran, the archive was written).
        if ((exitCode === 0 || exitCode === 143) && fs.existsSync(partial) && fs.statSync(partial).size > 0) {
          fs.renameSync(partial, file);
          fs.writeFileSync(keyFile, key);
        } else {
          fs.rmSync(partial, { force: true });
        }
      } finally {
        fs.rmSync(lock, { force: true });
      }
    },
  };
}

/** An archive at `file` recorded under `key`. */
const inPlace = (file: string, key: string): boolean => fs.existsSync(file) && readText(`${file}.key`) === key;

/** The Java binary and every class path jar, by name, size and modification time. */
function archiveKey(art: Neo4jArtifacts, java: string): string {
  const h = createHash('sha256');
  const javaFile = resolveOnPath(java);
  const stamp = (f: string) => {
    const s = fs.statSync(f);
    h.update(`${f}\t${s.size}\t${s.mtimeMs}\n`);
  };
  stamp(javaFile);
  for (const entry of art.classpath.split(path.delimiter)) {
    if (entry.endsWith(`${path.sep}*`)) {
      const dir = entry.slice(0, -2);
      for (const jar of fs.readdirSync(dir).filter((f) => f.endsWith('.jar')).sort()) stamp(path.join(dir, jar));
    } else {
      stamp(entry);
    }
  }
  return h.digest('hex');
}

function resolveOnPath(cmd: string): string {
  if (cmd.includes(path.sep)) return fs.realpathSync(cmd);
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const f = path.join(dir, cmd);
    if (fs.existsSync(f)) return fs.realpathSync(f);
  }
  throw new Error(`${cmd} not on PATH`);
}

/** Archives being recorded by processes that are gone (whose JVM was left to exit on its own). */
function dropOrphans(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  for (const f of fs.readdirSync(dir)) {
    const pid = f.startsWith(prefix) && f.endsWith('.partial') ? Number(f.slice(prefix.length, -'.partial'.length)) : NaN;
    if (pid > 0 && (pid === process.pid || !alive(pid))) fs.rmSync(path.join(dir, f), { force: true });
  }
}

/** An exclusive lock file holding our pid; one left by a process that is gone is taken over. */
function takeLock(lock: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return true;
    } catch {
      const pid = Number(readText(lock));
      if (pid > 0 && alive(pid)) return false;
      fs.rmSync(lock, { force: true });
    }
  }
  return false;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}
