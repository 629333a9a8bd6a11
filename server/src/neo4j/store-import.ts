/**
 * Offline first load: writes the CSV files of a plan (graph/import-csv.ts) to a scratch folder and runs
 * Neo4j's store importer (`neo4j-admin database import full`, from the cached artifacts) into the local data
 * folder. Neo4j must be stopped; the importer writes store files directly, without transactions, which is
 * faster than any Bolt load. Indexes and constraints are created on the next start (applySchema): the importer's
 * own --schema option needs the block format, which Community does not have.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { CsvFile } from '../graph/import-csv.js';
import { ARRAY_DELIMITER } from '../graph/import-csv.js';
import { ensureArtifacts, javaBinary, Neo4jSetupError } from './artifacts.js';
import { classArchiveFor } from './class-archive.js';
import { storeHolder } from './store-holder.js';

export interface StoreImportOptions {
  cacheDir: string;
  /** The local Neo4j home (NEO4J_DATA_DIR): the database goes to DIR/data/databases/<database>. */
  dataDir: string;
  database?: string;
  /** Replace a database that already exists there (its data is lost); without it, an existing store is refused. */
  replace?: boolean;
  heap?: string;
  log?: (msg: string) => void;
}

export interface StoreImportResult {
  nodes: number;
  relationships: number;
  /** Writing the CSV files, and the importer itself. */
  csvSeconds: number;
  importSeconds: number;
}

export function storeExists(dataDir: string, database = 'neo4j'): boolean {
  const dir = path.join(dataDir, 'data', 'databases', database);
  return fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
}

/**
 * Throws when the import would be refused: a database there already (without `replace`), or its Neo4j running. Checked
 * before a corpus is read (import-paths.ts: minutes for a national one) and again before the store is written.
 */
export function checkImportTarget(opts: Pick<StoreImportOptions, 'dataDir' | 'database' | 'replace'>): void {
  const database = opts.database ?? 'neo4j';
  if (storeExists(opts.dataDir, database) && !opts.replace) {
    throw new Neo4jSetupError(`a database "${database}" already exists in ${opts.dataDir}: import only fills a new one (pass --replace to discard it, or use npm run ingest to add to it)`);
  }
  if (isRunning(opts.dataDir, database)) throw runningError(opts.dataDir);
}

const runningError = (dataDir: string) => new Neo4jSetupError(`the Neo4j in ${dataDir} is running: stop it first (npm run neo4j -- stop); nothing was changed`);

export async function importStore(files: CsvFile[], opts: StoreImportOptions): Promise<StoreImportResult> {
  const log = opts.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const database = opts.database ?? 'neo4j';
  checkImportTarget(opts);
  const running = () => runningError(opts.dataDir);
  const art = await ensureArtifacts(opts.cacheDir, log);
  // The importer writes into a scratch Neo4j home next to the real one; only a finished store is moved in, so a
  // failed import (bad data, full disk) leaves the existing database as it was.
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(opts.dataDir, 'import-'));
  const conf = path.join(scratch, 'conf');
  fs.mkdirSync(conf);
  fs.writeFileSync(path.join(conf, 'neo4j.conf'), '');
  try {
    const t0 = performance.now();
    const args: string[] = [];
    const multiline: string[] = [];
    for (const f of files) {
      const header = path.join(scratch, `${f.name}.header.csv`);
      const data = path.join(scratch, `${f.name}.csv`);
      fs.writeFileSync(header, f.header);
      const fd = fs.openSync(data, 'w');
      try {
        for (const chunk of f.chunks()) fs.writeSync(fd, chunk);
      } finally {
        fs.closeSync(fd);
      }
      args.push(`--${f.kind}=${f.target}=${header},${data}`);
      if (f.multiline()) multiline.push(data);
    }
    const t1 = performance.now();
    const report = path.join(scratch, 'import.report');
    // The server's class archive, when one was recorded, serves the importer's Neo4j classes too (≈ 0.5 s).
    // A batch job: the throughput collector (the importer on the national files 30.4 → 28.3 s, median of five runs each,
    // interleaved, faster in all five pairs; the class archive maps with it as with G1).
    // A short run on few cores: C2 compiling the importer's large parsing and record-writing loops with their
    // callees inlined took 15–21 s of CPU of its 38 (-XX:+CITime; `InputEntity.replayOnto` compiled four times at
    // ≈ 1.7 s each). A smaller inlining budget for frequent calls keeps the compiled code near as fast and the compiler
    // off the two cores: the national files 21.5–29.1 → 18.4–20.5 s (five runs or more each, interleaved). Only here: the
    // server, which runs for hours, answered its statements 5–10 % slower with it.
    const jvm = [`-Xmx${opts.heap ?? '1g'}`, '-XX:+UseParallelGC', '-XX:FreqInlineSize=70', ...classArchiveFor(art, javaBinary(), { record: false }).args];
    const output = await runAdmin(art.classpath, jvm, { NEO4J_HOME: scratch, NEO4J_CONF: conf }, [
      'database', 'import', 'full', database,
      // Multi-line parsing is slower: only when a field holds a line break. (The v2 per-file parser of 5.26
      // rejects long quoted texts: "found CR outside a text cell".)
      `--multiline-fields=${multiline.length > 0}`,
      `--array-delimiter=U+${ARRAY_DELIMITER.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`,
      // The files number their nodes 0, 1, 2… (graph/import-csv.ts): the store's record ids, no id map.
      '--id-type=actual',
      '--skip-duplicate-nodes=false',
      '--bad-tolerance=0',
      '--verbose',
      `--report-file=${report}`,
      ...args,
    ]);
    if (isRunning(opts.dataDir, database)) throw running();
    moveStoreIn(scratch, opts.dataDir, database);
    const t2 = performance.now();
    const count = (what: string) => Number(new RegExp(`Imported:[\\s\\S]*?(\\d+) ${what}`).exec(output)?.[1] ?? NaN);
    return { nodes: count('nodes'), relationships: count('relationships'), csvSeconds: (t1 - t0) / 1000, importSeconds: (t2 - t1) / 1000 };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Replaces <dataDir>/data/{databases,transactions}/<database> by the freshly imported ones. */
function moveStoreIn(scratch: string, dataDir: string, database: string): void {
  for (const part of ['databases', 'transactions']) {
    const from = path.join(scratch, 'data', part, database);
    const to = path.join(dataDir, 'data', part, database);
    fs.rmSync(to, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(to), { recursive: true });
    if (fs.existsSync(from)) fs.renameSync(from, to);
  }
}

/** Whether a process (a running Neo4j, another import) holds files of that database open — Linux /proc; false where there is none. */
export function isRunning(dataDir: string, database = 'neo4j'): boolean {
  return storeHolder(dataDir, database) !== null;
}

function runAdmin(classpath: string, jvm: string[], env: Record<string, string>, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(javaBinary(), [...jvm, '-Dfile.encoding=UTF-8', '-cp', classpath, 'org.neo4j.cli.AdminTool', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.once('error', (e) => reject(new Neo4jSetupError(`Could not run Java (${e.message}): install Java 17+ or set JAVA_HOME`)));
    child.once('exit', (code) => {
      if (code === 0) resolve(out);
      else reject(new Neo4jSetupError(`the Neo4j store importer failed (exit ${code}): ${lastLines(out)}`));
    });
  });
}

/** The innermost cause the importer printed (with --verbose), else its last lines. */
function lastLines(s: string): string {
  const causes = [...s.matchAll(/Caused by: (?:[\w.$]+: )?(.*)/g)].map((m) => m[1]!.trim());
  return causes.at(-1) ?? s.trim().split('\n').slice(-6).join(' | ');
}
