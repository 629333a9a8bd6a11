/**
 * A large corpus is extracted on several threads: each takes the next files of the list (CHUNK at a time), reads
 * and extracts them as `extractFilesInOrder` does, and sends the results back to their places in the list, so the
 * outcome is the same as on one thread, in the same order. Extraction is pure CPU work on each text: the generated
 * national corpus (40 636 files, 147 MB) took 28.1 s on one thread of this project's two-core machine (slow spell),
 * 22.6–22.7 s on two (the records' copy between threads costs CPU too: 33.2 s through one thread); more cores, more gain.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Extracted } from './extract-file.js';

/** Fewer files than this are extracted on the calling thread: a thread costs ≈ 0.5–1 s to start (the .docx and .pdf readers load). */
export const PARALLEL_FROM_FILES = 200;

/** Files a thread is given at a time: the work stays evenly shared, the messages few. */
const CHUNK = 40;

/** One thread per core, at most 8. */
export function extractionThreads(): number {
  return Math.min(os.availableParallelism(), 8);
}

/**
 * A thread's code: it runs this project's TypeScript as the server does, through tsx's ESM loader registered in the
 * thread. tsx is found from here, not from the working folder (code given as text resolves packages from there),
 * through its package.json's exports.
 */
function bootCode(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  const api = pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api']!.import.default)).href;
  const worker = new URL('./extract-worker.ts', import.meta.url).href;
  return `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(worker)});`;
}

/**
 * The process's Node options for a thread, without the TypeScript files it preloads (`--import
 * ./server/src/cli/stack-traces.ts`, what every command script runs with): a thread imports them before its boot code
 * has registered tsx, and Node cannot load a .ts file (the thread fails: "Unknown file extension .ts"). What they do
 * is done for the whole process already. Nor `--max-semi-space-size` (the batch commands' larger young generation),
 * which a thread refuses (ERR_WORKER_INVALID_EXEC_ARGV): threadResourceLimits gives it the same young generation.
 */
export function threadExecArgv(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i]!;
    if ((a === '--import' || a === '--require' || a === '-r') && /\.[cm]?ts$/.test(execArgv[i + 1] ?? '')) {
      i++;
      continue;
    }
    if (/^--(?:import|require)=.*\.[cm]?ts$/.test(a)) continue;
    if (SEMI_SPACE_RE.test(a)) continue;
    out.push(a);
  }
  return out;
}

const SEMI_SPACE_RE = /^--max[-_]semi[-_]space[-_]size=(\d+)$/;

/** A thread's young generation as large as the process's: V8's is three semi-spaces (two, and one for large objects). */
export function threadResourceLimits(execArgv: readonly string[]): { maxYoungGenerationSizeMb?: number } {
  const semi = execArgv.map((a) => SEMI_SPACE_RE.exec(a)).findLast((m) => m !== null);
  return semi ? { maxYoungGenerationSizeMb: 3 * Number(semi[1]) } : {};
}

export async function extractFilesInParallel(files: string[], synthetic: boolean | undefined, threads: number): Promise<Extracted[]> {
  const out: Extracted[] = new Array<Extracted>(files.length);
  let next = 0;
  const workers: Worker[] = [];
  const boot = bootCode();
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const w = new Worker(boot, { eval: true, workerData: { synthetic }, execArgv: threadExecArgv(process.execArgv), resourceLimits: threadResourceLimits(process.execArgv) });
      workers.push(w);
      let busy = false;
      const give = () => {
        if (next >= files.length) {
          busy = false;
          resolve();
          return;
        }
        const from = next;
        next = Math.min(files.length, from + CHUNK);
        busy = true;
        w.postMessage({ from, files: files.slice(from, next) });
      };
      w.on('message', (m: { from: number; results: Extracted[] }) => {
        m.results.forEach((r, k) => (out[m.from + k] = r));
        give();
      });
      w.once('error', (e) => reject(new Error(`an extraction thread failed: ${e.message}`)));
      w.once('exit', (code) => busy && reject(new Error(`an extraction thread stopped (exit ${code}) before answering`)));
      give();
    });
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, Math.ceil(files.length / CHUNK))) }, run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
