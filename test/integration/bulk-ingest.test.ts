/** The bulk loader (empty database, corpus-wide UNWIND) builds the same graph as one-document transactions. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { readConfig, repoRoot } from '../../server/src/config.js';
import { extractDocument, resolveCorpus } from '../../server/src/extract/index.js';
import { bulkWriteRecords } from '../../server/src/graph/bulk-write.js';
import { findDirectiveUid } from '../../server/src/graph/queries/find-directive.js';
import { recordToRows } from '../../server/src/graph/rows.js';
import { applySchema } from '../../server/src/graph/schema.js';
import { ingestPaths, writeRecords } from '../../server/src/ingest/ingest.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../server/src/neo4j/local-server.js';
import { createDriver } from '../../server/src/runtime.js';
import { communePlan, communeUbndPlan, districtPlan } from '../fixtures/unit-texts.js';
import { congressGuidance, provincialCongressResolution } from '../fixtures/congress-texts.js';

const seedDir = path.join(repoRoot, 'seed', 'corpus');
let neo: LocalNeo4j;
let fresh: Driver;
let shared: Driver;
let tmp: string;

async function indexes(driver: Driver): Promise<string[]> {
  const r = await driver.executeQuery("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name ORDER BY name");
  return r.records.map((x) => x.get('name') as string);
}

function seedRecords() {
  const files = fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
  return resolveCorpus(files.map((f) => extractDocument(f, fs.readFileSync(path.join(seedDir, f), 'utf8'))));
}

async function graph(driver: Driver) {
  const n = await driver.executeQuery('MATCH (n) WHERE NOT n:GraphVersion RETURN labels(n) AS l, coalesce(n.uid, n.key) AS id, n.stub AS stub, n.title AS title ORDER BY id');
  const r = await driver.executeQuery('MATCH (a)-[r]->(b) RETURN type(r) AS t, coalesce(a.uid, a.key) AS a, coalesce(b.uid, b.key) AS b, r.inferred AS inf, r.quote AS q ORDER BY t, a, b, q');
  return { nodes: n.records.map((x) => x.toObject()), rels: r.records.map((x) => x.toObject()) };
}

/** An empty graph with the schema, for a test that writes its own texts. */
async function emptyGraph(): Promise<void> {
  await fresh.executeQuery('MATCH (n) DETACH DELETE n');
  await applySchema(fresh);
}

/** Writes the texts one at a time in this order, then checks that one batch and the bulk loader make the same graph. */
async function sameGraphEveryWay(dir: string, oneAtATime: string[], check: () => Promise<void>): Promise<void> {
  await emptyGraph();
  for (const f of oneAtATime) expect((await ingestPaths(fresh, [path.join(dir, f)])).errors).toEqual([]);
  await check();
  const written = await graph(fresh);
  // The same texts in one batch, and by the bulk loader into an empty database: the same graph.
  await emptyGraph();
  expect((await ingestPaths(fresh, [dir])).errors).toEqual([]);
  expect(await graph(fresh)).toEqual(written);
  await fresh.executeQuery('MATCH (n) DETACH DELETE n');
  expect((await ingestPaths(fresh, [dir], { bulk: true })).errors).toEqual([]);
  await applySchema(fresh); // the levels (data)
  expect(await graph(fresh)).toEqual(written);
}

/** A folder of texts by file name, made before a suite's tests and removed after. */
function textsFolder(prefix: string, texts: Record<string, string>): () => string {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    for (const [f, t] of Object.entries(texts)) fs.writeFileSync(path.join(dir, f), t);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-bulk-'));
  neo = await startLocalNeo4j({ cacheDir: readConfig().cacheDir, dataDir: tmp, port: await freePort(), heap: '384m', pageCache: '64m' });
  fresh = createDriver(neo.uri, readConfig());
  shared = createDriver(inject('neo4jUri'), readConfig());
  await applySchema(fresh);
});
afterAll(async () => {
  await fresh?.close();
  await shared?.close();
  await neo?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('bulk ingest', () => {
  it('loads the seed corpus into an empty database as the same graph as the incremental path', async () => {
    const s = await ingestPaths(fresh, [seedDir], { bulk: true });
    expect(s.documents).toBe(5);
    expect(s.errors).toEqual([]);
    const bulk = await graph(fresh);
    const incremental = await graph(shared);
    expect(bulk.nodes.length).toBe(incremental.nodes.length);
    expect(bulk.rels.length).toBe(incremental.rels.length);
    expect(bulk).toEqual(incremental);
  });

  it('refuses a database that already holds documents, and changes nothing', async () => {
    const before = await graph(fresh);
    await expect(ingestPaths(fresh, [seedDir], { bulk: true })).rejects.toThrow(/empty database only/);
    expect(await graph(fresh)).toEqual(before);
  });

  it('on large loads drops the secondary indexes and builds them again: same graph, same indexes', async () => {
    await fresh.executeQuery('MATCH (n) DETACH DELETE n');
    await applySchema(fresh);
    const before = await indexes(fresh);
    expect(before).toEqual(expect.arrayContaining(['directive_search', 'document_uid', 'implements_evidence']));
    await bulkWriteRecords(fresh, seedRecords(), { reindexFrom: 1 });
    expect(await indexes(fresh)).toEqual(before);
    expect(await graph(fresh)).toEqual(await graph(shared));
    const hits = await fresh.executeQuery("CALL db.index.fulltext.queryNodes('directive_search', 'binh thuan') YIELD node RETURN count(node) AS n");
    expect(Number(hits.records[0]!.get('n'))).toBeGreaterThan(0);
  });

  it('puts the indexes back when a batch fails', async () => {
    await fresh.executeQuery('MATCH (n) DETACH DELETE n');
    await applySchema(fresh);
    const before = await indexes(fresh);
    const records = seedRecords();
    // A nested map is no valid property value: Neo4j refuses the directives batch.
    const broken = [...records.slice(0, 4), { ...records[4]!, recipients: [{ not: 'a string' }] as unknown as string[] }];
    await expect(bulkWriteRecords(fresh, broken, { reindexFrom: 1 })).rejects.toThrow(/propert/i);
    expect(await indexes(fresh)).toEqual(before);
  });

  it('writes a batch of texts with set-based statements as the same graph as one text per transaction', async () => {
    await fresh.executeQuery('MATCH (n) DETACH DELETE n');
    await applySchema(fresh);
    const records = seedRecords();
    // The same text twice in one batch: the later copy wins, nothing is doubled.
    const w = await writeRecords(fresh, [...records, records[2]!], { batchSize: 10 });
    expect(w.errors).toEqual([]);
    expect(await graph(fresh)).toEqual(await graph(shared));
    // And again, in batches of two: idempotent.
    await writeRecords(fresh, records, { batchSize: 2 });
    expect(await graph(fresh)).toEqual(await graph(shared));
  });

  it('a mentioned document\'s title and issuer are what the texts agree on, whichever text is written first; missing ones are filled later, agreed ones replace what was stored', async () => {
    const stubs = async (driver: Driver) => {
      const r = await driver.executeQuery('MATCH (d:Directive {stub: true}) WHERE d.uid IN $uids RETURN d.uid AS uid, d.title AS title, d.issuerName AS issuer', {
        uids: ['5-CT/TW@2016-06-15', '28-NQ/TW@2022-11-17', '1-KL/TW@2021-05-18', '21-KL/TW@2021-10-25'],
      });
      return Object.fromEntries(r.records.map((x) => [x.get('uid'), [x.get('title'), x.get('issuer')]]));
    };
    const hcm = 'đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh';
    const kl1 = `Tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về ${hcm}`;
    const expected = {
      '1-KL/TW@2021-05-18': [kl1, 'Bộ Chính trị'],
      '21-KL/TW@2021-10-25': ['đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị', 'Ban Chấp hành Trung ương'],
      '28-NQ/TW@2022-11-17': ['tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng đối với hệ thống chính trị trong giai đoạn mới', 'Ban Chấp hành Trung ương'],
      '5-CT/TW@2016-06-15': [hcm, 'Bộ Chính trị'],
    };
    expect(await stubs(shared)).toEqual(expected);
    // The corpus in reverse, one text per transaction: the same.
    await fresh.executeQuery('MATCH (n) DETACH DELETE n');
    const w = await writeRecords(fresh, seedRecords().reverse(), { batchSize: 1 });
    expect(w.errors).toEqual([]);
    expect(await stubs(fresh)).toEqual(expected);
    // Texts read alone (nothing agreed between them): 004 gives 1-KL/TW its subject and no issuer, 003 no subject and
    // its issuer, and 002's wording, which runs on, comes too late to replace the title. The search text gains what
    // was filled.
    await fresh.executeQuery('MATCH (n) DETACH DELETE n');
    const alone = (prefix: string) => {
      const file = fs.readdirSync(seedDir).find((f) => f.startsWith(prefix))!;
      return resolveCorpus([extractDocument(file, fs.readFileSync(path.join(seedDir, file), 'utf8'))])[0]!;
    };
    await writeRecords(fresh, [alone('004')], { batchSize: 1 });
    expect((await stubs(fresh))['1-KL/TW@2021-05-18']).toEqual([kl1, null]);
    for (const prefix of ['003', '002']) expect((await writeRecords(fresh, [alone(prefix)], { batchSize: 1 })).errors).toEqual([]);
    const r = await fresh.executeQuery("MATCH (d:Directive {uid: '1-KL/TW@2021-05-18'}) RETURN d.title AS title, d.searchText AS search, d.issuerName AS issuer");
    expect(r.records[0]!.toObject()).toEqual({ title: kl1, search: expect.stringMatching(/tiep tuc thuc hien chi thi so 05-ct\/tw.* bo chinh tri$/), issuer: 'Bộ Chính trị' });
    // 28-NQ/TW: 004's shortened title stays (nothing agreed), its missing issuer is 003's.
    expect((await stubs(fresh))['28-NQ/TW@2022-11-17']).toEqual(['tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng', 'Ban Chấp hành Trung ương']);
    // 002 alone, first, gives 1-KL/TW its run-on wording; the corpus written after it replaces that with the agreed one.
    await fresh.executeQuery('MATCH (n) DETACH DELETE n');
    expect((await writeRecords(fresh, [alone('002')], { batchSize: 1 })).errors).toEqual([]);
    expect((await stubs(fresh))['1-KL/TW@2021-05-18']![0]).toContain('Chuyên đề năm 2023');
    expect((await writeRecords(fresh, seedRecords(), { batchSize: 5 })).errors).toEqual([]);
    expect(await stubs(fresh)).toEqual(expected);
  });

  it('a text in neighbouring batches ends as the later one says: by uid, and by content under another uid', async () => {
    await fresh.executeQuery('MATCH (n) DETACH DELETE n');
    await applySchema(fresh);
    const records = seedRecords();
    const file = (prefix: string) => records.find((r) => r.file.startsWith(prefix))!;
    const alone = (r: (typeof records)[number], more = '') => resolveCorpus([extractDocument(r.file, fs.readFileSync(path.join(seedDir, r.file), 'utf8') + more)])[0]!;
    // 004 changed (same code, so the same uid); 003 read alone, where nothing gives it its code: another uid, the same text.
    const changed004 = alone(file('004'), '\nBản sao để kiểm thử: văn bản đã đổi.\n');
    const uncoded003 = alone(file('003'));
    const row = (r: (typeof records)[number]) => recordToRows(r).directive;
    expect(row(changed004).uid).toBe(row(file('004')).uid);
    expect(row(uncoded003).uid).not.toBe(row(file('003')).uid);
    expect(row(uncoded003).contentHash).toBe(row(file('003')).contentHash);
    // The graph holds the later versions; each is preceded by another version in the batch just before it.
    await writeRecords(fresh, [...records.filter((r) => r !== file('004')), changed004], { batchSize: 10 });
    const w = await writeRecords(fresh, [file('004'), changed004, uncoded003, file('003')], { batchSize: 1 });
    expect(w.errors).toEqual([]);
    const text = await fresh.executeQuery("MATCH (d:Directive {code: '86-HD/BTGTU'}) RETURN d.text AS t");
    expect(String(text.records[0]!.get('t'))).toContain('Bản sao để kiểm thử');
    const programme = await fresh.executeQuery('MATCH (d:Directive {contentHash: $h}) RETURN d.uid AS uid', { h: row(file('003')).contentHash });
    expect(programme.records.map((x) => x.get('uid'))).toEqual([row(file('003')).uid]);
  });

  it('a text Neo4j refuses fails alone: the rest of its batch is stored', async () => {
    await fresh.executeQuery('MATCH (n) DETACH DELETE n');
    await applySchema(fresh);
    const records = seedRecords();
    const broken = records.map((r, i) => (i === 1 ? { ...r, recipients: [{ not: 'a string' }] as unknown as string[] } : r));
    const w = await writeRecords(fresh, broken, { batchSize: 10 });
    expect(w.errors.map((e) => e.file)).toEqual([records[1]!.file]);
    expect(w.errors[0]!.message).toMatch(/could not be stored/);
    expect(w.documents).toBe(4);
    const stored = await fresh.executeQuery('MATCH (d:Directive {stub: false}) RETURN d.sourceFile AS f ORDER BY f');
    expect(stored.records.map((x) => x.get('f'))).toEqual(records.filter((_, i) => i !== 1).map((r) => r.file).sort());
  });
});

describe('ingest again', () => {
  const version = async () => Number((await fresh.executeQuery("MATCH (v:GraphVersion) RETURN v.version AS v")).records[0]?.get('v') ?? 0);

  it('writes only the texts that changed since they were stored; --rewrite writes them all', async () => {
    await fresh.executeQuery('MATCH (n) DETACH DELETE n');
    await applySchema(fresh);
    const first = await ingestPaths(fresh, [seedDir], { batchSize: 2 });
    expect([first.documents, first.unchanged]).toEqual([5, 0]);
    const stored = await graph(fresh);
    expect(stored).toEqual(await graph(shared));
    const v = await version();

    // The same corpus: nothing written, not even the graph version (caches stay valid).
    const again = await ingestPaths(fresh, [seedDir], { batchSize: 2 });
    expect(again).toMatchObject({ documents: 5, unchanged: 5, nodes: 0, relationships: 0, errors: [] });
    expect(await version()).toBe(v);
    expect(await graph(fresh)).toEqual(stored);

    // One text changed (a copy of the corpus; a sentence added to 004's last paragraph): that one is written.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-again-'));
    try {
      for (const f of fs.readdirSync(seedDir)) fs.copyFileSync(path.join(seedDir, f), path.join(dir, f));
      const changed = path.join(dir, '004_ffda23340a6344ce.txt');
      fs.appendFileSync(changed, '\nBản sao để kiểm thử: văn bản đã đổi.\n');
      const one = await ingestPaths(fresh, [dir], { batchSize: 2 });
      expect(one).toMatchObject({ documents: 5, unchanged: 4, errors: [] });
      expect(one.relationships).toBeGreaterThan(0);
      expect(await version()).toBeGreaterThan(v);
      const text = await fresh.executeQuery("MATCH (d:Directive {code: '86-HD/BTGTU'}) RETURN d.text AS t");
      expect(String(text.records[0]!.get('t'))).toContain('Bản sao để kiểm thử');

      // The CLI says what it skipped, and --rewrite writes every text again.
      const cli = (...args: string[]) =>
        spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['server/src/cli/ingest.ts', dir, ...args], {
          cwd: repoRoot,
          encoding: 'utf8',
          env: { ...process.env, NEO4J_URI: neo.uri },
          timeout: 120_000,
        });
      const skipped = cli();
      expect(skipped.status).toBe(0);
      expect(skipped.stdout).toMatch(/ingested 5\/5 documents in [\d.]+ s \(5 unchanged since their last ingest, not written again; 0 nodes, 0 relationships written\)/);
      const rewritten = cli('--rewrite');
      expect(rewritten.status).toBe(0);
      expect(rewritten.stdout).toMatch(/ingested 5\/5 documents in [\d.]+ s \([1-9]\d* nodes, [1-9]\d* relationships written\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('congress resolutions, which no text numbers', () => {
  const texts: Record<string, string> = {
    'dai-hoi-xiv.txt': provincialCongressResolution('Bình Thuận', 'XIV', '16'),
    'hd-binh-thuan.txt': congressGuidance('Bình Thuận', '05-HD/BTGTU'),
    'hd-ninh-thuan.txt': congressGuidance('Ninh Thuận', '07-HD/BTGTU'),
  };
  const links = async (driver: Driver) =>
    (await driver.executeQuery("MATCH (a:Directive {stub: false})-[r:IMPLEMENTS|CITES]->(b:Directive) WHERE b.code STARTS WITH 'Đại hội' RETURN a.sourceFile AS a, type(r) AS t, b.uid AS b, b.stub AS stub, b.title AS title ORDER BY a, t, b"))
      .records.map((x) => [x.get('a'), x.get('t'), x.get('b'), x.get('stub'), x.get('title')]);
  const XIII = 'Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng';
  const want = [
    ['dai-hoi-xiv.txt', 'CITES', 'Đại hội XII/TW@undated', true, 'Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng'],
    ['hd-binh-thuan.txt', 'IMPLEMENTS', 'Đại hội XIII/TW@undated', true, XIII],
    // Bình Thuận's own congress: the text stored, named undated by the guidance, dated by the graph.
    ['hd-binh-thuan.txt', 'IMPLEMENTS', 'Đại hội XIV/TU@2020-10-16#binh-thuan', false, 'ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH BÌNH THUẬN LẦN THỨ XIV, NHIỆM KỲ 2020 - 2025'],
    ['hd-ninh-thuan.txt', 'IMPLEMENTS', 'Đại hội XIII/TW@undated', true, XIII],
    // Ninh Thuận's fourteenth congress is not Bình Thuận's.
    ['hd-ninh-thuan.txt', 'IMPLEMENTS', 'Đại hội XIV/TU@undated#ninh-thuan', true, 'Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV'],
  ];
  const dir = textsFolder('dg-congress-', texts);

  it('the congress text takes the place of the node its province\'s texts name: one at a time, in one batch and by the bulk loader alike', async () => {
    // The guidance first: its undated mention makes a stub, which the congress's text absorbs when it arrives.
    await sameGraphEveryWay(dir(), ['hd-binh-thuan.txt', 'hd-ninh-thuan.txt', 'dai-hoi-xiv.txt'], async () => {
      expect(await links(fresh)).toEqual(want);
      const stubs = await fresh.executeQuery("MATCH (d:Directive) WHERE d.code = 'Đại hội XIV/TU' RETURN d.uid AS uid ORDER BY uid");
      expect(stubs.records.map((x) => x.get('uid'))).toEqual(['Đại hội XIV/TU@2020-10-16#binh-thuan', 'Đại hội XIV/TU@undated#ninh-thuan']);
      expect(await findDirectiveUid(fresh, { code: 'dai hoi 14/TU', province: 'binh thuan' })).toBe('Đại hội XIV/TU@2020-10-16#binh-thuan');
    });
  });
});

describe('texts of units below the province', () => {
  // Two communes of one district issue a 15-KH/ĐU on the same day; each commune's People's Committee implements its own
  // commune's plan, one of them naming it undated; two districts each have a 12-KH/HU.
  const texts: Record<string, string> = {
    'tuy-phong.txt': districtPlan('Tuy Phong', '12-KH/HU', '20'),
    'bac-binh.txt': districtPlan('Bắc Bình', '12-KH/HU', '25'),
    'phu-lac.txt': communePlan('Phú Lạc', '15-KH/ĐU'),
    'phuoc-the.txt': communePlan('Phước Thể', '15-KH/ĐU'),
    'ubnd-phu-lac.txt': communeUbndPlan('Phú Lạc', '15-KH/ĐU', '10/5/2023'),
    'ubnd-phuoc-the.txt': communeUbndPlan('Phước Thể', '15-KH/ĐU').replace('Số 20/KH-UBND', 'Số 21/KH-UBND'),
  };
  const implementing = async (driver: Driver) =>
    (await driver.executeQuery("MATCH (a:Directive {stub: false})-[:IMPLEMENTS]->(b:Directive) WHERE a.level = 'commune' RETURN a.sourceFile AS a, b.uid AS b, b.stub AS stub ORDER BY a, b"))
      .records.map((x) => [x.get('a'), x.get('b'), x.get('stub')]);
  const want = [
    ['phu-lac.txt', '12-KH/HU@2023-04-20#binh-thuan/huyen-tuy-phong', false],
    ['phuoc-the.txt', '12-KH/HU@2023-04-20#binh-thuan/huyen-tuy-phong', false],
    ['ubnd-phu-lac.txt', '15-KH/ĐU@2023-05-10#binh-thuan/xa-phu-lac', false],
    ['ubnd-phu-lac.txt', '45/KH-UBND@2023-05-02#binh-thuan/huyen-tuy-phong', true],
    ['ubnd-phuoc-the.txt', '15-KH/ĐU@2023-05-10#binh-thuan/xa-phuoc-the', false],
    ['ubnd-phuoc-the.txt', '45/KH-UBND@2023-05-02#binh-thuan/huyen-tuy-phong', true],
  ];
  const dir = textsFolder('dg-units-', texts);

  it('one text each, linked to its own unit\'s texts: one at a time (the writer dates and moves the undated mention), in one batch and by the bulk loader alike', async () => {
    // One at a time, the undated mention first: its stub is absorbed by Phước Thể's plan when that arrives, not Phú Lạc's.
    await sameGraphEveryWay(dir(), ['ubnd-phuoc-the.txt', 'tuy-phong.txt', 'bac-binh.txt', 'phu-lac.txt', 'phuoc-the.txt', 'ubnd-phu-lac.txt'], async () => {
      const plans = await fresh.executeQuery("MATCH (d:Directive {code: '15-KH/ĐU'}) RETURN d.uid AS uid, d.unit AS unit, d.stub AS stub ORDER BY uid");
      expect(plans.records.map((x) => [x.get('uid'), x.get('unit'), x.get('stub')])).toEqual([
        ['15-KH/ĐU@2023-05-10#binh-thuan/xa-phu-lac', 'xã Phú Lạc', false],
        ['15-KH/ĐU@2023-05-10#binh-thuan/xa-phuoc-the', 'xã Phước Thể', false],
      ]);
      expect(await implementing(fresh)).toEqual(want);
    });
  });

  it('a code and day two communes share names neither: the lookup says which there are, and takes either by its id', async () => {
    const phuocThe = '15-KH/ĐU@2023-05-10#binh-thuan/xa-phuoc-the';
    for (const ref of [{ code: '15-KH/ĐU' }, { code: '15 - KH/ĐU', issuedOn: '2023-05-10', province: 'Bình Thuận' }]) {
      await expect(findDirectiveUid(fresh, ref)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/^15-KH\/ĐU issued 2023-05-10 in Bình Thuận names 2 texts, of xã (Phú Lạc|Phước Thể) \(.*\), xã (Phú Lạc|Phước Thể) \(.*\): ask for one by its id$/),
      });
    }
    expect(await findDirectiveUid(fresh, { code: phuocThe })).toBe(phuocThe);
    // Two districts' 12-KH/HU of two days: the code alone still names the most implemented, a day the other.
    expect(await findDirectiveUid(fresh, { code: '12-KH/HU' })).toBe('12-KH/HU@2023-04-20#binh-thuan/huyen-tuy-phong');
    expect(await findDirectiveUid(fresh, { code: '12-KH/HU', issuedOn: '2023-04-25' })).toBe('12-KH/HU@2023-04-25#binh-thuan/huyen-bac-binh');
  });
});
