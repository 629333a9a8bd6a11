/** Ingest against the real Neo4j: idempotent, provenance kept, CLI summary and errors. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { repoRoot } from '../../server/src/config.js';
import { WRITER_STATEMENTS } from '../../server/src/graph/write.js';
import { ingestPaths } from '../../server/src/ingest/ingest.js';
import { communePlan, districtPlan } from '../fixtures/unit-texts.js';

let driver: Driver;
beforeAll(() => {
  driver = neo4j.driver(inject('neo4jUri'), neo4j.auth.basic('neo4j', 'unused'));
});
afterAll(() => driver.close());

/** Every node and relationship with all its properties, in a canonical order. */
async function snapshot(): Promise<{ nodes: string[]; rels: string[] }> {
  // The graph's content: the version node every write raises is bookkeeping, not content.
  // Neither is `rowsDigest`, the writer's note of the rows it wrote a text from: the same text resolved alone (a test
  // of the mutation or the CLI) and within its corpus can give other rows for the same graph.
  const n = await driver.executeQuery("MATCH (n) WHERE NOT n:GraphVersion RETURN labels(n) AS l, apoc.map.removeKey(properties(n), 'rowsDigest') AS p");
  const r = await driver.executeQuery('MATCH (a)-[r]->(b) RETURN type(r) AS t, coalesce(a.uid, a.key) AS a, coalesce(b.uid, b.key) AS b, properties(r) AS p');
  const canon = (v: unknown) => JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : typeof x === 'bigint' ? String(x) : x));
  return {
    nodes: n.records.map((x) => canon([[...x.get('l')].sort(), x.get('p')])).sort(),
    rels: r.records.map((x) => canon([x.get('t'), x.get('a'), x.get('b'), x.get('p')])).sort(),
  };
}

const seedDir = path.join(repoRoot, 'seed', 'corpus');

describe('ingest', () => {
  it('writing the seed corpus again leaves identical nodes, relationships and properties', async () => {
    const before = await snapshot();
    const s = await ingestPaths(driver, [seedDir], { rewrite: true });
    expect(s.errors).toEqual([]);
    expect(s.documents).toBe(5);
    expect(s.unchanged).toBe(0);
    expect(s.relationships).toBeGreaterThan(200);
    const after = await snapshot();
    expect(after.nodes.length).toBe(before.nodes.length);
    expect(after.rels.length).toBe(before.rels.length);
    expect(after).toEqual(before);
  });

  it('stores each seed text as a full (non-stub) node with its source file and text', async () => {
    const r = await driver.executeQuery('MATCH (d:Directive {stub: false}) RETURN d.sourceFile AS f, d.code AS code, size(d.text) AS len ORDER BY f');
    expect(r.records.map((x) => x.get('f'))).toEqual(fs.readdirSync(seedDir).sort());
    expect(r.records.every((x) => x.get('len').toNumber() > 10_000)).toBe(true);
    const codes = Object.fromEntries(r.records.map((x) => [String(x.get('f')).slice(0, 3), x.get('code')]));
    expect(codes['003']).toBe('58-CTr/TU');
    expect(codes['004']).toBe('86-HD/BTGTU');
  });

  it('never dates an undated mention with a text of another term ("37-NQ/TW … khoá XII" is not the 37-NQ/TW of 2014)', async () => {
    // 003 cites 37-NQ/TW of 09/10/2014 (khóa XI): the only dated 37-NQ/TW in the graph. 002's undated mention names
    // term XII — the writer, which dates undated mentions from the graph, must leave it undated, also when 002 is
    // written alone after 003 (in the corpus's order the 2014 stub did not exist yet when 002 was written).
    const file002 = path.join(seedDir, fs.readdirSync(seedDir).find((f) => f.startsWith('002'))!);
    try {
      expect((await ingestPaths(driver, [file002], { rewrite: true })).errors).toEqual([]);
      const alone = await driver.executeQuery("MATCH (d:Directive {sourceFile: $f})-[:CITES]->(t:Directive {code: '37-NQ/TW'}) RETURN t.uid AS uid", { f: path.basename(file002) });
      expect(alone.records.map((x) => x.get('uid'))).toEqual(['37-NQ/TW@undated']);
    } finally {
      await ingestPaths(driver, [seedDir], { rewrite: true });
    }
    const r = await driver.executeQuery(
      "MATCH (d:Directive)-[c:CITES]->(t:Directive {code: '37-NQ/TW'}) RETURN substring(d.sourceFile, 0, 3) AS f, t.uid AS uid ORDER BY f",
    );
    expect(r.records.map((x) => [x.get('f'), x.get('uid')])).toEqual([['002', '37-NQ/TW@undated'], ['003', '37-NQ/TW@2014-10-09']]);
    // An undated 18-NQ/TW of term XII (000, 003) is dated by the text that dates the XII one (002), through the corpus.
    const q = await driver.executeQuery(
      "MATCH (d:Directive)-[:CITES]->(t:Directive {code: '18-NQ/TW'}) RETURN substring(d.sourceFile, 0, 3) AS f, collect(t.uid) AS uids ORDER BY f",
    );
    expect(q.records.map((x) => [x.get('f'), [...x.get('uids')].sort()])).toEqual([
      ['000', ['18-NQ/TW@2017-10-25']],
      ['002', ['18-NQ/TW@2017-10-25', '18-NQ/TW@2022-06-16']],
      ['003', ['18-NQ/TW@2017-10-25']],
    ]);
  });

  it('a text the corpus identified, ingested again alone, keeps its identity and what other texts state to it (003 is 58-CTr/TU)', async () => {
    // 003 prints no number: 000 calls it 58-CTr/TU. Alone it cannot be identified from itself; written under its
    // content hash it replaced the node 58-CTr/TU — with 000's link to it and the whole cascade below 28-NQ/TW.
    const file003 = path.join(seedDir, fs.readdirSync(seedDir).find((f) => f.startsWith('003'))!);
    const links = async () =>
      (await driver.executeQuery("MATCH (a:Directive)-[r:IMPLEMENTS]->(t:Directive {uid: '58-CTr/TU@2023-03-30#binh-thuan', stub: false}) RETURN substring(a.sourceFile, 0, 3) AS f, r.inferred AS inferred ORDER BY f"))
        .records.map((x) => [x.get('f'), x.get('inferred')]);
    const before = await snapshot();
    expect(await links()).toContainEqual(['000', false]);
    try {
      for (const rewrite of [false, true]) {
        const s = await ingestPaths(driver, [file003], { rewrite });
        expect(s.errors).toEqual([]);
        expect(s.documents).toBe(1);
        const d = await driver.executeQuery('MATCH (d:Directive {sourceFile: $f}) RETURN d.uid AS uid, d.codeSource AS src', { f: path.basename(file003) });
        expect(d.records.map((x) => [x.get('uid'), x.get('src')])).toEqual([['58-CTr/TU@2023-03-30#binh-thuan', 'corpus']]);
        expect(await links()).toContainEqual(['000', false]);
        expect(await snapshot()).toEqual(before);
      }
    } finally {
      await ingestPaths(driver, [seedDir], { rewrite: true });
    }
  });

  it('keeps mentioned documents as stubs and one node per code + date (101-QĐ/TW of 2012 and of 2023)', async () => {
    const r = await driver.executeQuery("MATCH (d:Directive {code: '101-QĐ/TW'}) RETURN d.uid AS uid, d.stub AS stub ORDER BY uid");
    expect(r.records.map((x) => x.get('uid'))).toEqual(['101-QĐ/TW@2012-06-07', '101-QĐ/TW@2023-02-28']);
    expect(r.records.every((x) => x.get('stub') === true)).toBe(true);
  });

  it('marks edges stated by third texts as inferred, with the quote', async () => {
    const r = await driver.executeQuery('MATCH (a)-[r:IMPLEMENTS {inferred: true}]->(b) RETURN a.code AS a, b.code AS b, r.quote AS q');
    expect(r.records.length).toBeGreaterThan(3);
    const bt12 = r.records.find((x) => x.get('a') === '12-NQ/TU');
    expect(bt12?.get('b')).toBe('15-NQ/TW');
    expect(bt12?.get('q')).toMatch(/12-NQ\/TU/);
  });

  it('CLI: summary on success; a bad file is named, the rest stored, exit code 1', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-ingest-'));
    fs.copyFileSync(path.join(seedDir, '004_ffda23340a6344ce.txt'), path.join(tmp, '004_ffda23340a6344ce.txt'));
    fs.writeFileSync(path.join(tmp, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    const r = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['server/src/cli/ingest.ts', tmp], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
      timeout: 120_000,
    });
    fs.rmSync(tmp, { recursive: true, force: true });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/ingested 1\/2 documents .*errors: 1/);
    expect(r.stderr).toMatch(/error: .*broken\.txt: /);
  });

  it('CLI --dry-run: says what storing the files would do, resolving them together, and writes nothing', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-dry-'));
    fs.copyFileSync(path.join(seedDir, '003_b599351afc1a319a.txt'), path.join(tmp, '003_b599351afc1a319a.txt'));
    fs.writeFileSync(path.join(tmp, 'tuy-phong.txt'), districtPlan('Tuy Phong', '12-KH/HU', '20'));
    fs.writeFileSync(path.join(tmp, 'phu-lac.txt'), communePlan('Phú Lạc', '15-KH/ĐU'));
    fs.writeFileSync(path.join(tmp, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    // Nothing of the new texts is stored after (the shared graph's other texts may be written by suites alongside).
    const held = async () => (await driver.executeQuery("MATCH (d:Directive) WHERE d.code IN ['12-KH/HU', '15-KH/ĐU'] OR d.sourceFile IN ['tuy-phong.txt', 'phu-lac.txt'] RETURN count(d) AS n")).records[0]!.get('n').toNumber();
    expect(await held()).toBe(0);
    const run = (...args: string[]) =>
      spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['server/src/cli/ingest.ts', '--dry-run', ...args, tmp], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
        timeout: 120_000,
      });
    try {
      const r = run();
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/error: .*broken\.txt: /);
      expect(r.stdout).toContain('dry run: nothing written (4 files read)');
      expect(r.stdout).toMatch(/003_b599351afc1a319a\.txt: 58-CTr\/TU CTr 2023-03-30 Bình Thuận — stored as it is/);
      expect(r.stdout).toMatch(/tuy-phong\.txt: 12-KH\/HU KH 2023-04-20 Bình Thuận — new\n {2}implements 58-CTr\/TU@2023-03-30#binh-thuan \(in the graph\)/);
      expect(r.stdout).toMatch(/phu-lac\.txt: 15-KH\/ĐU KH 2023-05-10 Bình Thuận — new\n {2}implements 12-KH\/HU@2023-04-20#binh-thuan\/huyen-tuy-phong \(in these files\)/);
      expect(r.stdout).toMatch(/003_b599351afc1a319a\.txt: .*\n {2}implements 28-NQ\/TW@2022-11-17 \(known from mentions only\)/);
      expect(r.stdout).toContain('summary: 3 texts: 2 new, 0 mentioned by stored texts, 1 stored as they are, 0 other versions; implements links: 1 to texts in the graph, 1 to these files, 2 to texts known from mentions only, 0 to texts not in the graph yet; 0 to check; errors: 1');
      const json = run('--json');
      const docs = JSON.parse(json.stdout) as Array<{ file: string; status: string; links: Array<{ kind: string; where: string | null }>; newOrganizations: number }>;
      expect(docs.map((d) => [path.basename(d.file), d.status])).toEqual([['003_b599351afc1a319a.txt', 'SAME_TEXT'], ['phu-lac.txt', 'NEW'], ['tuy-phong.txt', 'NEW']]);
      expect(docs[2]!.newOrganizations).toBe(1);
      expect(await held()).toBe(0);
      const wrong = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['server/src/cli/ingest.ts', '--dry-run', '--bulk', tmp], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NEO4J_URI: inject('neo4jUri') }, timeout: 120_000 });
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toContain('--dry-run writes nothing: leave out --bulk and --rewrite');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('CLI: a missing path is a clear error', () => {
    const r = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['server/src/cli/ingest.ts', '/nonexistent/dir'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
      timeout: 120_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\/nonexistent\/dir: no such file or folder/);
  });
});

describe('the writer\'s plans', () => {
  /** Operators that read a whole label, type or index instead of seeking the rows asked for. */
  const scans = (p: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }): string[] => [
    ...(/AllNodesScan|ByLabelScan|IndexScan|TypeScan/.test(p.operatorType) ? [`${p.operatorType}: ${String(p.arguments.Details ?? '')}`] : []),
    ...(p.children as (typeof p)[]).flatMap(scans),
  ];

  it('seek every row by index on a small graph too, where Neo4j planned whole-index scans that a growing graph kept for seconds', async () => {
    // The seed graph is about the size of a first batch: where the planner, left to itself, scanned the code and
    // issue-date indexes once per row (4 of 11 ingests of 2 400 texts took 134–368 s instead of 22–27 s).
    const params = { rows: [], uids: [], stubs: [], links: [], organizations: [], assignments: [], issuers: [], touched: [] };
    for (const [name, statement] of Object.entries(WRITER_STATEMENTS)) {
      await driver.executeQuery('CALL db.clearQueryCaches()');
      const plan = (await driver.executeQuery(`EXPLAIN ${statement}`, params)).summary.plan as Parameters<typeof scans>[0];
      expect([name, scans(plan)]).toEqual([name, []]);
    }
  });
});
