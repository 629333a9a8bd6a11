/**
 * Extraction throughput: the seed corpus repeated to ≥ 50 MB of text in memory, extractDocument over it
 * on one core. Prints MB/s (UTF-8 bytes of text per second). `benchExtract()` is importable.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDocument } from '../../server/src/extract/index.js';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seed/corpus');

export async function benchExtract(
  opts: { targetMb?: number; corpusDir?: string } = {},
): Promise<{ mbPerSec: number; mb: number; seconds: number; cpuMbPerSec: number }> {
  const dir = opts.corpusDir ?? CORPUS;
  const target = (opts.targetMb ?? 50) * 1e6;
  const docs = readdirSync(dir)
    .filter((f) => /\.(txt|md)$/i.test(f))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(path.join(dir, f), 'utf8') }));
  if (docs.length === 0) throw new Error(`no .txt/.md files in ${dir}`);
  // Distinct strings per copy (a trailing marker) so nothing can be cached by identity.
  const work: { file: string; text: string }[] = [];
  let bytes = 0;
  for (let i = 0; bytes < target; i++) {
    const d = docs[i % docs.length]!;
    const text = `${d.text}\n<!-- copy ${i} -->\n`;
    work.push({ file: `${i}-${d.file}`, text });
    bytes += Buffer.byteLength(text, 'utf8');
  }
  // Warm-up on one pass of the corpus.
  for (const d of docs) extractDocument(d.file, d.text);
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  let sink = 0;
  for (const w of work) sink += extractDocument(w.file, w.text).cites.length;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(c0);
  // CPU time of this process (user + system): less sensitive to other load on the machine.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (sink < 0) console.log(sink);
  const mb = bytes / 1e6;
  return { mbPerSec: mb / seconds, mb, seconds, cpuMbPerSec: mb / cpuSeconds };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchExtract().then((r) => {
    console.log(
      `extract: ${r.mb.toFixed(1)} MB in ${r.seconds.toFixed(2)} s → ${r.mbPerSec.toFixed(1)} MB/s wall (one core); ${r.cpuMbPerSec.toFixed(1)} MB/s per CPU-second`,
    );
  });
}
