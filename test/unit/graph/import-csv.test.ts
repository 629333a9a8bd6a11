/** CSV for Neo4j's store importer: quoting, lists, what CSV cannot carry, and refusals. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../server/src/config.js';
import { extractDocument, resolveCorpus } from '../../../server/src/extract/index.js';
import { planBulkLoad } from '../../../server/src/graph/bulk-plan.js';
import { ARRAY_DELIMITER, csvField, importCsvFiles, unrepresentable } from '../../../server/src/graph/import-csv.js';

const dir = path.join(repoRoot, 'seed', 'corpus');
const seedPlan = () => planBulkLoad(resolveCorpus(fs.readdirSync(dir).sort().map((f) => extractDocument(f, fs.readFileSync(path.join(dir, f), 'utf8')))));

describe('CSV fields', () => {
  it('quotes every string (doubling quotes), leaves null empty, writes numbers, booleans and dates plainly', () => {
    expect(csvField('Ban "Tuyên giáo", Tỉnh ủy\nBình Thuận', 'string')).toBe('"Ban ""Tuyên giáo"", Tỉnh ủy\nBình Thuận"');
    expect(csvField('', 'string')).toBe('""');
    expect(csvField(null, 'string')).toBe('');
    expect(csvField(3, 'double')).toBe('3');
    expect(csvField(false, 'boolean')).toBe('false');
    expect(csvField('2023-03-30', 'date')).toBe('2023-03-30');
  });

  it('joins lists with U+001F; [] and [""] cannot be written, two empty strings can', () => {
    expect(csvField(['năm 2023', ''], 'string[]')).toBe(`"năm 2023${ARRAY_DELIMITER}"`);
    expect(csvField(['', ''], 'string[]')).toBe(`"${ARRAY_DELIMITER}"`);
    expect([[], [''], ['', ''], ['a']].map(unrepresentable)).toEqual([true, true, false, false]);
    expect(csvField([], 'string[]')).toBe('');
  });

  it('refuses what it cannot write faithfully', () => {
    expect(() => csvField([`a${ARRAY_DELIMITER}b`], 'string[]')).toThrow(/array delimiter U\+001F/);
    expect(() => csvField(Number.NaN, 'double')).toThrow(/not a finite number/);
  });
});

describe('bulk plan', () => {
  it('dates an undated mention from the graph only with a text of the term it names (37-NQ/TW khoá XII is not that of 2014)', () => {
    const plan = seedPlan();
    const cites37 = plan.links.CITES.filter((l) => l.undatedCode === '37-NQ/TW' || l.to.startsWith('37-NQ/TW@'));
    expect(cites37.map((l) => [l.evidenceUid.startsWith('374/KH-MTTQ-BTT') ? '002' : '003', l.to]).sort()).toEqual([
      ['002', '37-NQ/TW@undated'],
      ['003', '37-NQ/TW@2014-10-09'],
    ]);
  });
});

describe('import files of the seed corpus', () => {
  it('one file per label and type, multi-line only where texts are, fix-ups for the lists CSV cannot carry', () => {
    const plan = seedPlan();
    const csv = importCsvFiles(plan);
    const lines = new Map(csv.files.map((f) => [f.name, [...f.chunks()].join('')]));
    const multi = Object.fromEntries(csv.files.map((f) => [f.name, f.multiline()]));
    expect(multi['directives-document']).toBe(true);
    expect(multi.organizations).toBe(false);
    expect(multi.issuers).toBe(false);
    const directives = csv.files.find((f) => f.name === 'directives-document')!;
    expect(directives.header.split(',').slice(0, 3)).toEqual([':ID', 'uid', 'code']);
    expect(directives.header).toContain('issuedOn:date');
    expect(directives.header).toContain('recipients:string[]');
    expect(lines.get('directives-document')).toContain('"58-CTr/TU@2023-03-30#binh-thuan"');
    // One CSV line per row in a single-line file.
    expect(lines.get('issuers')!.trim().split('\n')).toHaveLength(plan.issuers.length);
    const targets = csv.fixups.map((f) => f.cypher.replace(/.* SET x\./, ''));
    expect(targets).toEqual(['recipients = row.value', 'timings = row.value']);
    for (const f of csv.fixups) for (const r of f.rows) expect(unrepresentable(r.value as string[])).toBe(true);
  });

  it('numbers the nodes 0, 1, 2… in the order of their files, and edges name their ends by those numbers', () => {
    const plan = seedPlan();
    const csv = importCsvFiles(plan);
    const rows = (name: string) => parseCsv([...csv.files.find((f) => f.name === name)!.chunks()].join(''));
    const byId: string[] = [];
    for (const f of csv.files.filter((x) => x.kind === 'nodes')) {
      expect(f.header.split(',').slice(0, 2)).toEqual([':ID', f.name === 'organizations' ? 'key' : 'uid']);
      for (const [id, key] of rows(f.name)) {
        expect(Number(id)).toBe(byId.length);
        byId.push(key!);
      }
    }
    expect(byId).toHaveLength(new Set(byId).size);
    const assignments = rows('assignments');
    expect(assignments).toHaveLength(plan.assignments.length);
    assignments.forEach(([from, to], i) => {
      expect(byId[Number(from)]).toBe(plan.assignments[i]!.uid);
      expect(byId[Number(to)]).toBe(plan.assignments[i]!.orgKey);
    });
    rows('implements').forEach(([from, to], i) => expect([byId[Number(from)], byId[Number(to)]]).toEqual([plan.links.IMPLEMENTS[i]!.from, plan.links.IMPLEMENTS[i]!.to]));
  });

  it('refuses an edge to a node no file holds', () => {
    const plan = seedPlan();
    plan.assignments.push({ ...plan.assignments[0]!, orgKey: 'nowhere#binh-thuan' });
    const assignments = importCsvFiles(plan).files.find((f) => f.name === 'assignments')!;
    expect(() => [...assignments.chunks()]).toThrow(/no node file holds "nowhere#binh-thuan"/);
  });

  it('refuses two nodes with one identity (the importer no longer compares ids)', () => {
    const plan = seedPlan();
    plan.stubs.Document.push({ ...plan.directives.Document[0]! });
    expect(() => importCsvFiles(plan)).toThrow(/two nodes share the identity "/);
  });
});

/** Fields of each CSV line: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') (field += '"'), i++;
      else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') rows.push([...row, field]), (row = []), (field = '');
    else field += ch;
  }
  return rows;
}

