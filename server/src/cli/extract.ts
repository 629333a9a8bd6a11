/**
 * npm run -s extract -- FILE... [--with-text]
 * Prints a JSON array (one record per readable file, resolved together as one corpus) on stdout.
 * Unreadable files: one line each on stderr, exit code 1. No file: usage error, exit code 2.
 */
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { extractDocument, resolveCorpus, type ExtractedRecord } from '../extract/index.js';
import { readSource, DEFAULT_MAX_BYTES } from '../files/index.js';

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('extract')
    .description('Extract directives, references and assignments from Vietnamese political documents')
    .argument('<files...>', '.txt, .md, .docx or .pdf files')
    .option('--with-text', 'include the source text in each record', false)
    .option('--max-mb <n>', 'largest file accepted, in MB', String(DEFAULT_MAX_BYTES / 1048576))
    .option('--synthetic', 'mark records as synthetic (generated) documents', false)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    program.parse(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const files = program.args;
  const opts = program.opts<{ withText: boolean; maxMb: string; synthetic: boolean }>();
  const maxBytes = Math.round(Number(opts.maxMb) * 1048576);
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) {
    process.stderr.write(`extract: invalid --max-mb ${opts.maxMb}\n`);
    return 2;
  }
  const records: ExtractedRecord[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const src = await readSource(file, { maxBytes });
      records.push(extractDocument(path.basename(file), src.text, { synthetic: opts.synthetic }));
    } catch (e) {
      failed++;
      const msg = (e as Error).message;
      process.stderr.write(`${msg.startsWith(file) ? msg : `${file}: ${msg}`}\n`);
    }
  }
  const resolved = resolveCorpus(records);
  const out = opts.withText ? resolved : resolved.map(({ text: _text, ...rest }) => rest);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return failed ? 1 : 0;
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`extract: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
