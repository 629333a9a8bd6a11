/**
 * npm run ingest -- PATH... : extract files/folders and write them to Neo4j idempotently (one transaction per
 * batch of 100 documents, --batch N; --bulk for an empty database). A text the graph already holds as it would be
 * written is skipped (--rewrite writes it anyway). Progress bar on a TTY, summary at the end, exit 1 if any file failed.
 * --dry-run reads and matches the files against the graph and says what storing them would do, writing nothing.
 */
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { readConfig } from '../config.js';
import { dryRun } from '../ingest/dry-run.js';
import { dryRunReport } from '../ingest/dry-run-report.js';
import { extractFiles, ingestPaths, listSourceFiles, skippedNote } from '../ingest/ingest.js';
import { openDatabase } from '../runtime.js';
import { runCli } from './run-cli.js';

const program = new Command('ingest')
  .description('extract directive texts (.txt .md .docx .pdf, files or folders) and store them in Neo4j')
  .argument('<paths...>', 'files or folders')
  .option('--batch <n>', 'documents per transaction (each statement covers the whole batch)', '100')
  .option('--synthetic', 'mark every document as synthetic (generated)', false)
  .option('--bulk', 'fast first load into an EMPTY database (corpus-wide UNWIND batches)', false)
  .option('--rewrite', 'write every text again, even those the graph holds as they are (skipped by default)', false)
  .option('--dry-run', 'write nothing: say for each text whether the graph has it, what it would link to and what the extractor missed', false)
  .option('--json', 'with --dry-run: one JSON array on stdout instead of the report', false)
  .action((paths: string[], opts: { batch: string; synthetic: boolean; bulk: boolean; rewrite: boolean; dryRun: boolean; json: boolean }) =>
    runCli(async () => {
      const batchSize = Number(opts.batch);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch must be a positive integer');
      if (opts.json && !opts.dryRun) throw new Error('--json goes with --dry-run');
      if (opts.dryRun && (opts.bulk || opts.rewrite)) throw new Error('--dry-run writes nothing: leave out --bulk and --rewrite');
      const config = readConfig();
      const db = await openDatabase(config);
      if (opts.dryRun) {
        try {
          const listed = listSourceFiles(paths);
          const extracted = await extractFiles(listed.files, { synthetic: opts.synthetic || undefined });
          const docs = await dryRun(db.driver, extracted.records, { database: config.neo4jDatabase, timeoutMs: config.txTimeoutMs });
          const errors = [...listed.errors, ...extracted.errors];
          if (opts.json) console.log(JSON.stringify(docs, null, 2));
          else console.log(dryRunReport(docs, listed.files.length, errors.length));
          if (listed.skipped.length) console.error(skippedNote(listed.skipped));
          for (const e of errors) console.error(`error: ${e.file}: ${e.message}`);
          if (errors.length) process.exitCode = 1;
        } finally {
          await db.close();
        }
        return;
      }
      const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
      try {
        let started = false;
        const summary = await ingestPaths(db.driver, paths, {
          database: config.neo4jDatabase,
          batchSize,
          bulk: opts.bulk,
          rewrite: opts.rewrite,
          synthetic: opts.synthetic || undefined,
          onProgress: (done, total, file) => {
            if (!bar) return;
            if (!started) {
              bar.start(total, 0, { file });
              started = true;
            }
            bar.setTotal(total);
            bar.update(done, { file });
          },
        });
        bar?.stop();
        const counts = await db.driver.executeQuery(
          `CALL () { MATCH (d:Directive) RETURN count(d) AS directives, sum(CASE WHEN d.stub THEN 1 ELSE 0 END) AS stubs }
           CALL () { MATCH (o:Organization) RETURN count(o) AS organizations }
           CALL () { MATCH ()-[r]->() RETURN count(r) AS edges }
           RETURN directives, stubs, organizations, edges`,
          {},
          { database: config.neo4jDatabase },
        );
        const c = counts.records[0]!;
        console.log(
          `ingested ${summary.documents}/${summary.files} documents in ${summary.seconds.toFixed(1)} s (${unchangedNote(summary.unchanged)}${summary.nodes} nodes, ${summary.relationships} relationships written); ` +
            `graph: ${c.get('directives')} directives (${c.get('stubs')} stubs), ${c.get('organizations')} organizations, ${c.get('edges')} edges; errors: ${summary.errors.length}`,
        );
        if (summary.skipped.length) console.log(skippedNote(summary.skipped));
        for (const e of summary.errors) console.error(`error: ${e.file}: ${e.message}`);
        if (summary.errors.length) process.exitCode = 1;
      } finally {
        await db.close();
      }
    }),
  );
program.parse();

function unchangedNote(n: number): string {
  return n > 0 ? `${n} unchanged since their last ingest, not written again; ` : '';
}
