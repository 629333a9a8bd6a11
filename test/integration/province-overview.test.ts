/** A province's part in the central directives (provinceOverview) over the seed graph in the real Neo4j. */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { provinceOverview } from '../../server/src/graph/queries/province-overview.js';
import { gql, gqlData } from '../support/graphql.js';

let driver: Driver;
beforeAll(() => {
  driver = neo4j.driver(inject('neo4jUri'), neo4j.auth.basic('neo4j', 'unused'));
});
afterAll(() => driver.close());

const ROOT = '28-NQ/TW@2022-11-17';

/** The texts of `provinces` under the root by IMPLEMENTS, walked here from the graph's relationships themselves. */
async function textsUnder(provinces: string[]) {
  const { records } = await driver.executeQuery('MATCH (d:Directive)-[:IMPLEMENTS]->(p:Directive) RETURN d.uid AS d, p.uid AS p, d.province AS province, d.level AS level');
  const children = new Map<string, string[]>();
  const info = new Map<string, { province: string | null; level: string | null }>();
  for (const r of records) {
    (children.get(r.get('p')) ?? children.set(r.get('p'), []).get(r.get('p'))!).push(r.get('d'));
    info.set(r.get('d'), { province: r.get('province'), level: r.get('level') });
  }
  const seen = new Set<string>();
  const queue = [ROOT];
  while (queue.length) for (const c of children.get(queue.shift()!) ?? []) if (!seen.has(c)) (seen.add(c), queue.push(c));
  return [...seen].filter((uid) => provinces.includes(info.get(uid)!.province ?? '')).map((uid) => ({ uid, ...info.get(uid)! }));
}

describe('provinceOverview', () => {
  it("gives a province's texts under each central directive, its first direct answer with the days it took, its organisations given tasks", async () => {
    const rows = await provinceOverview(driver, ['Bình Thuận']);
    const row = rows.find((r) => r.uid === ROOT)!;
    expect(row).toBeDefined();
    expect(row.code).toBe('28-NQ/TW');
    expect(row.issuedOn).toBe('2022-11-17');
    const texts = await textsUnder(['Bình Thuận']);
    // 58-CTr/TU and the guidance carrying it out, at least.
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(row.texts).toBe(texts.length);
    expect(row.levels.reduce((n, l) => n + l.texts, 0)).toBe(texts.length);
    expect(row.levels.find((l) => l.level === 'provincial')!.texts).toBe(texts.filter((t) => t.level === 'provincial').length);
    expect(row.first).toEqual({ uid: expect.stringContaining('58-CTr/TU'), code: '58-CTr/TU', issuedOn: '2023-03-30', lagDays: 133, stub: false });
    // The seed holds no full text of the resolution itself: its texts name it.
    expect(row.stub).toBe(true);
    // The province's organisations the texts give tasks to, and their tasks, counted here apart.
    const { records } = await driver.executeQuery(
      'MATCH (d:Directive)-[a:ASSIGNED_TO]->(o:Organization) WHERE d.uid IN $uids AND o.province = $p RETURN count(DISTINCT o) AS orgs, sum(size(a.tasks)) AS tasks',
      { uids: texts.map((t) => t.uid), p: 'Bình Thuận' },
    );
    expect(row.organizations).toBe(Number(records[0]!.get('orgs')));
    expect(row.tasks).toBe(Number(records[0]!.get('tasks')));
    expect(row.organizations).toBeGreaterThan(5);
  });

  it('counts a link stated by a third text (inferred) as an answer: Sóc Trăng answered 28-NQ/TW in 99 days', async () => {
    const [row] = (await provinceOverview(driver, ['Sóc Trăng'])).filter((r) => r.uid === ROOT);
    expect(row!.first).toMatchObject({ code: '32-CTr/TU', issuedOn: '2023-02-24', lagDays: 99 });
    expect(row!.texts).toBe((await textsUnder(['Sóc Trăng'])).length);
  });

  it('a province of the 2025 map covers those it took over, in any spelling; an unknown one is refused', async () => {
    const q = 'query($p: String!) { provinceOverview(province: $p) { uid code issuedOn texts levels { level texts } first { code issuedOn lagDays } organizations tasks } }';
    type Row = { uid: string; texts: number; first: { code: string; lagDays: number } | null };
    const binhThuan = (await gqlData<{ provinceOverview: Row[] }>(q, { p: 'binh thuan' })).provinceOverview;
    const lamDong = (await gqlData<{ provinceOverview: Row[] }>(q, { p: 'Lâm Đồng' })).provinceOverview;
    expect(binhThuan.find((r) => r.uid === ROOT)!.first).toEqual({ code: '58-CTr/TU', issuedOn: '2023-03-30', lagDays: 133 });
    expect(lamDong.find((r) => r.uid === ROOT)).toEqual(binhThuan.find((r) => r.uid === ROOT));
    // A province with no text in the graph: nothing, not an error.
    expect((await gqlData<{ provinceOverview: Row[] }>(q, { p: 'Hà Giang' })).provinceOverview).toEqual([]);
    for (const bad of ['Atlantis', 'x'.repeat(101)]) {
      const r = await gql(q, { p: bad });
      expect(r.errors?.[0]?.extensions?.code, bad).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/names no province/);
    }
  });

  it('lists the latest central directives first, undated last, and says which are only mentioned', async () => {
    const rows = await provinceOverview(driver, ['Bình Thuận', 'Sóc Trăng', 'Bình Phước', 'Quảng Nam']);
    const dated = rows.filter((r) => r.issuedOn).map((r) => r.issuedOn!);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(rows.slice(dated.length).every((r) => !r.issuedOn)).toBe(true);
    // Texts the seed only names (15-NQ/TW of 2007, answered by the programme 12-NQ/TU a text of 2023 says it was).
    const { records } = await driver.executeQuery(
      'MATCH (d:Directive) WHERE d.uid IN $uids RETURN d.uid AS uid, coalesce(d.stub, false) AS stub, coalesce(d.synthetic, false) AS synthetic',
      { uids: rows.map((r) => r.uid) },
    );
    const stored = new Map(records.map((r) => [r.get('uid') as string, { stub: r.get('stub') as boolean, synthetic: r.get('synthetic') as boolean }]));
    for (const r of rows) expect({ stub: r.stub, synthetic: r.synthetic }, r.uid).toEqual(stored.get(r.uid));
    expect(rows.some((r) => r.stub)).toBe(true);
    expect(rows.some((r) => r.first?.stub)).toBe(true);
  });
});
