/**
 * Gap pages when some gaps are organisations of no known level (the order index does not hold them, so the page
 * read off the index comes out short and is sorted again) and when two have one name (the index orders by level and
 * sort key only); and the order of the gap list and the lag table, Vietnamese alphabetical. In a Neo4j of its own (the
 * seed, then two level ranks removed and two names made equal), since the shared database's organisations are read
 * by suites running alongside.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig, repoRoot } from '../../server/src/config.js';
import { gapPage, gaps, implementationLag } from '../../server/src/graph/queries/analytics.js';
import { applySchema } from '../../server/src/graph/schema.js';
import { nameSortKey } from '../../server/src/graph/sort-key.js';
import { ingestPaths, ingestText } from '../../server/src/ingest/ingest.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../server/src/neo4j/local-server.js';
import { createDriver } from '../../server/src/runtime.js';

const root = '28-NQ/TW@2022-11-17';
let neo: LocalNeo4j;
let driver: Driver;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-gaps-'));
  neo = await startLocalNeo4j({ cacheDir: readConfig().cacheDir, dataDir: tmp, port: await freePort(), heap: '384m', pageCache: '64m' });
  driver = createDriver(neo.uri, readConfig());
  await applySchema(driver);
  const s = await ingestPaths(driver, [path.join(repoRoot, 'seed', 'corpus')]);
  expect(s.errors).toEqual([]);
});
afterAll(async () => {
  await driver?.close();
  await neo?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function pagesOf(size: number) {
  const rows = [];
  let total = -1;
  for (let offset = 0; total < 0 || offset < total + size; offset += size) {
    const page = await gapPage(driver, root, { first: size, offset });
    total = page.total;
    expect(page.gaps.length).toBe(Math.max(0, Math.min(size, total - offset)));
    rows.push(...page.gaps);
  }
  return { rows, total };
}

describe('gap pages in Vietnamese alphabetical order', () => {
  it('lists each level\'s organisations as a Vietnamese reader expects (Đ after D, Ủ before V), also for organisations stored without a sort key', async () => {
    const vi = new Intl.Collator('vi');
    const inOrder = (rows: Array<{ organization: string; level: string | null }>) => {
      for (let i = 1; i < rows.length; i++) if (rows[i]!.level === rows[i - 1]!.level) expect(vi.compare(rows[i - 1]!.organization, rows[i]!.organization), `${rows[i - 1]!.organization} / ${rows[i]!.organization}`).toBeLessThanOrEqual(0);
    };
    const whole = await gaps(driver, root);
    inOrder(whole);
    const provincial = whole.filter((g) => g.level === 'provincial').map((g) => g.organization);
    const at = (prefix: string) => provincial.findIndex((n) => n.startsWith(prefix));
    expect(at('Ban Thường vụ')).toBeLessThan(at('Ban Tổ chức'));
    expect(at('các cơ quan')).toBe(at('Các cơ quan') + 1);
    expect(at('Đảng đoàn')).toBeGreaterThan(at('các địa phương'));
    expect(at('Đảng đoàn')).toBeLessThan(at('Mặt trận'));
    expect(at('Ủy ban Kiểm tra')).toBeLessThan(at('Văn phòng'));
    const { rows } = await pagesOf(7);
    expect(rows).toEqual(whole);

    // A graph stored before the key existed: applying the schema gives every organisation its key, the same pages.
    await driver.executeQuery('MATCH (o:Organization) REMOVE o.sortKey');
    expect((await pagesOf(7)).rows).toEqual(whole);
    await applySchema(driver);
    const missing = await driver.executeQuery('MATCH (o:Organization) WHERE o.sortKey IS NULL RETURN count(o) AS n');
    expect(Number(missing.records[0]!.get('n'))).toBe(0);
    expect((await pagesOf(7)).rows).toEqual(whole);
    expect(await gaps(driver, root)).toEqual(whole);
  });
});

describe('the lag table in Vietnamese alphabetical order', () => {
  it('lists the provinces of a level as the explorer\'s province filter does: Cao Bằng before Cần Thơ (â after a)', async () => {
    const plan = (province: string, n: number) => `ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY ${province.toUpperCase()}\nSố ${n}-KH/TU\n${province}, ngày 5 tháng 4 năm 2023\n\nKẾ HOẠCH\nthực hiện Nghị quyết số 28-NQ/TW, ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng\n\nThực hiện Nghị quyết số 28-NQ/TW, ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng (khóa XIII), Ban Thường vụ Tỉnh ủy ban hành kế hoạch thực hiện như sau:\n\nI. TỔ CHỨC THỰC HIỆN\n1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền (nhiệm vụ thường xuyên).\n`;
    await ingestText(driver, 'lag-order-1.txt', plan('Cần Thơ', 41));
    await ingestText(driver, 'lag-order-2.txt', plan('Cao Bằng', 42));
    const provincial = (await implementationLag(driver, root)).filter((r) => r.level === 'provincial').map((r) => String(r.province));
    expect(provincial).toEqual(expect.arrayContaining(['Bình Thuận', 'Cao Bằng', 'Cần Thơ']));
    expect(provincial).toEqual([...provincial].sort(new Intl.Collator('vi').compare));
    expect(provincial.indexOf('Cao Bằng')).toBeLessThan(provincial.indexOf('Cần Thơ'));
  });
});

describe('gap pages with organisations of no known level, and of one name', () => {
  it('lists the unranked after every ranked gap and equal names by key, page after page as in the whole list', async () => {
    const before = await gaps(driver, root);
    expect(before.length).toBeGreaterThan(10);
    // Two gaps near the top of the list lose their level rank: they move to its end.
    const unranked = [before[0]!.key, before[2]!.key];
    await driver.executeQuery('MATCH (o:Organization) WHERE o.key IN $keys REMOVE o.levelRank', { keys: unranked });
    // Two ranked gaps of one level given one name: the key decides between them — two whose keys run against their
    // node ids (the order of equal entries in an index without the key).
    const ranks = await driver.executeQuery('MATCH (o:Organization) WHERE o.key IN $keys RETURN o.key AS key, o.levelRank AS rank ORDER BY id(o)', { keys: before.slice(3).map((g) => g.key) });
    const rows = ranks.records.map((r) => ({ key: r.get('key') as string, rank: Number(r.get('rank')) }));
    const twins = rows.flatMap((a, i) => rows.slice(i + 1).filter((b) => b.rank === a.rank && b.key < a.key).map((b) => [a.key, b.key]))[0]!;
    await driver.executeQuery("MATCH (o:Organization) WHERE o.key IN $keys SET o.name = 'Cơ quan cùng tên', o.sortKey = $sortKey", { keys: twins, sortKey: nameSortKey('Cơ quan cùng tên') });
    const whole = await gaps(driver, root);
    const named = whole.filter((g) => g.organization === 'Cơ quan cùng tên').map((g) => g.key);
    expect(named).toEqual([...twins].sort());
    expect(whole.slice(-2).map((g) => g.key).sort()).toEqual([...unranked].sort());
    expect(new Set(whole.map((g) => g.key))).toEqual(new Set(before.map((g) => g.key)));
    for (const size of [4, 7, 200]) {
      const { rows, total } = await pagesOf(size);
      expect(total).toBe(whole.length);
      expect(rows).toEqual(whole);
    }
    // Without the order index (the bulk loader drops secondary indexes while it loads): the same pages, sorted.
    await driver.executeQuery('DROP INDEX organization_page');
    try {
      expect((await pagesOf(7)).rows).toEqual(whole);
    } finally {
      await applySchema(driver);
    }
    // Among given organisations too.
    const some = [unranked[1]!, whole[3]!.key, unranked[0]!];
    expect(await gapPage(driver, root, { first: 10, offset: 0, keys: some })).toEqual({ total: 3, gaps: [whole[3], ...whole.slice(-2)] });
  });
});
