/**
 * Which process has a local database's store files open (Linux /proc), and the Bolt port of our launcher when that
 * process is one. `npm start`'s Neo4j, a detached `npm run neo4j -- start` and the store importer all hold them;
 * another command on the same data folder then uses that Neo4j instead of starting a second one on the same files.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The pid of a process holding files of that database open; null when none (or where there is no /proc). */
export function storeHolder(dataDir: string, database = 'neo4j'): number | null {
  const dir = path.join(dataDir, 'data', 'databases', database);
  if (!fs.existsSync(dir) || !fs.existsSync('/proc/self/fd')) return null;
  const prefix = fs.realpathSync(dir) + path.sep;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      try {
        if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(prefix)) return Number(pid);
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

/** The Bolt port a process of our launcher (local-server.ts: `directivegraph.Launcher … --port N`) listens on; else null. */
export function launcherPort(pid: number): number | null {
  let args: string[];
  try {
    args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return null;
  }
  if (!args.includes('directivegraph.Launcher')) return null;
  const port = Number(args[args.indexOf('--port') + 1]);
  return args.includes('--port') && Number.isInteger(port) && port > 0 ? port : null;
}

/** The process serving or holding a local database, with its Bolt port when it is our launcher (else port null). */
export function localStoreProcess(dataDir: string, database = 'neo4j'): { pid: number; port: number | null } | null {
  const pid = storeHolder(dataDir, database);
  return pid === null ? null : { pid, port: launcherPort(pid) };
}
