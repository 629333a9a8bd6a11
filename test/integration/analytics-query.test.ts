/** Gap list and lag table straight through the driver (the seed graph in the real Neo4j). */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { warmUp } from '../../server/src/api/warm-up.js';
import { shapeCascade } from '../../server/src/graph/cascade-shape.js';
import { gapPage, gapPageStatement, gaps, implementationLag, median } from '../../server/src/graph/queries/analytics.js';
import { fetchCascade, MAX_CASCADE_NODES } from '../../server/src/graph/queries/cascade.js';

let driver: Driver;
beforeAll(() => {
  driver = neo4j.driver(inject('neo4jUri'), neo4j.auth.basic('neo4j', 'unused'));
});
afterAll(() => driver.close());

const root = '28-NQ/TW@2022-11-17';

describe('gaps', () => {
  it('gives the same rows, in the same order, whatever the number of rows per record', async () => {
    const whole = await gaps(driver, root);
    expect(whole.length).toBeGreaterThan(10);
    const split = await gaps(driver, root, undefined, { rowsPerRecord: 3 });
    expect(split).toEqual(whole);
    // Every gap was assigned by a text of the tree.
    for (const g of whole) expect(g.assignedBy.length).toBeGreaterThan(0);
    expect(whole.some((g) => g.province === 'Bình Thuận')).toBe(true);
  });

  it('lists them by level (provincial before district before commune), then by name in Vietnamese alphabetical order', async () => {
    const whole = await gaps(driver, root);
    const ranks = await driver.executeQuery('MATCH (o:Organization) WHERE o.key IN $keys RETURN o.key AS key, o.levelRank AS rank', { keys: whole.map((g) => g.key) });
    const rank = new Map(ranks.records.map((r) => [r.get('key') as string, (r.get('rank') as number | null) ?? Infinity]));
    expect(new Set(rank.values()).size).toBeGreaterThan(1);
    const vi = new Intl.Collator('vi');
    const expected = [...whole].sort((a, b) => rank.get(a.key)! - rank.get(b.key)! || vi.compare(a.organization, b.organization) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    expect(whole.map((g) => g.key)).toEqual(expected.map((g) => g.key));
  });

  it('leaves the assigning texts out when not asked for, and nothing else', async () => {
    const whole = await gaps(driver, root);
    const lean = await gaps(driver, root, undefined, { assignedBy: false, rowsPerRecord: 4 });
    expect(lean).toEqual(whole.map((g) => ({ ...g, assignedBy: [] })));
  });

  it('is empty for an unknown root', async () => {
    expect(await gaps(driver, 'nope@2000-01-01')).toEqual([]);
    expect(await gapPage(driver, 'nope@2000-01-01', { first: 10, offset: 0 })).toEqual({ total: 0, gaps: [] });
  });

  it('gives the same list a page at a time, with its total, and only the organisations asked for', async () => {
    const whole = await gaps(driver, root);
    const pages = [];
    for (let offset = 0; offset < whole.length + 4; offset += 4) {
      const page = await gapPage(driver, root, { first: 4, offset });
      expect(page.total).toBe(whole.length);
      expect(page.gaps.length).toBe(Math.max(0, Math.min(4, whole.length - offset)));
      pages.push(...page.gaps);
    }
    expect(pages).toEqual(whole);
    // Only some organisations (a drawing's): those of them that are gaps, in the same order; others are ignored.
    const some = [whole[1]!.key, whole.at(-1)!.key, 'no such organisation#national'];
    expect(await gapPage(driver, root, { first: 10, offset: 0, keys: some })).toEqual({ total: 2, gaps: [whole[1], whole.at(-1)] });
  });

  it('reads a page off the order index: no sort of every gap', async () => {
    const operators = async (order: 'index' | 'sort') => {
      const plan = (await driver.executeQuery(`EXPLAIN ${gapPageStatement(order)}`, { uid: root, first: neo4j.int(4), offset: neo4j.int(0), keys: null })).summary.plan;
      const all: Array<{ operatorType: string; arguments: Record<string, unknown> }> = [];
      const walk = (p: typeof plan) => { if (!p) return; all.push(p as never); p.children.forEach(walk); };
      walk(plan);
      return all;
    };
    const indexed = await operators('index');
    expect(indexed.some((o) => o.operatorType.startsWith('NodeIndexScan') && String(o.arguments.Details).includes('(levelRank, sortKey, key)'))).toBe(true);
    // Rows in the index's order, equal names by key included: nothing sorted, not even the rows of equal names
    // (a PartialTop kept each of them with the statement's map of gaps: 391 MB for a national page).
    expect(indexed.filter((o) => /(Sort|Top)\b/.test(o.operatorType))).toEqual([]);
    // The statement a short page falls back to reads every gap and sorts them as a list, not as rows.
    const sorted = await operators('sort');
    expect(sorted.some((o) => o.operatorType.startsWith('NodeIndexScan'))).toBe(false);
    expect(sorted.filter((o) => /(Sort|Top)\b/.test(o.operatorType))).toEqual([]);
  });
});

describe('implementationLag', () => {
  it('gives, per province and level, the lags the cascade shows on its implementing texts', async () => {
    // Reference: the cascade of IMPLEMENTS links as the explorer gets it, grouped here.
    const cascade = shapeCascade((await fetchCascade(driver, root, { depth: 10, direction: 'DOWN', relations: ['IMPLEMENTS'], maxNodes: MAX_CASCADE_NODES }))!, 'DOWN');
    const groups = new Map<string, { province: string | null; level: string | null; lags: number[]; documents: number }>();
    const levelOf = new Map(cascade.nodes.map((n) => [n.id, n.level]));
    for (const n of cascade.nodes.filter((x) => x.depth > 0)) {
      // Per the level of the text each implements, too: a programme and its departments' guidance are both provincial.
      const key = `${n.province}|${n.level}|${levelOf.get(n.parent!) ?? null}`;
      const g = groups.get(key) ?? { province: n.province, level: n.level, lags: [], documents: 0 };
      g.documents += 1;
      if (n.lagDays !== null) g.lags.push(n.lagDays);
      groups.set(key, g);
    }
    const rows = await implementationLag(driver, root);
    expect(rows.length).toBe(groups.size);
    for (const r of rows) {
      const g = groups.get(`${r.province}|${r.level}|${r.parentLevel}`)!;
      expect(r.documents).toBe(g.documents);
      expect(r.dated).toBe(g.lags.length);
      expect(r.medianDays).toBe(median(g.lags));
      expect(r.minDays).toBe(g.lags.length ? Math.min(...g.lags) : null);
      expect(r.maxDays).toBe(g.lags.length ? Math.max(...g.lags) : null);
    }
    // 58-CTr/TU came 133 days after the resolution; the propaganda board's guidance implementing it is a row of its own.
    const binhThuan = rows.filter((r) => r.province === 'Bình Thuận' && r.level === 'provincial');
    expect(binhThuan.map((r) => [r.parentLevel, r.documents, r.minDays])).toEqual([['central', 1, 133], ['provincial', 1, null]]);
  });

  it('is empty for an unknown root', async () => {
    expect(await implementationLag(driver, 'nope@2000-01-01')).toEqual([]);
  });
});

describe('warmUp', () => {
  /** The real driver, with the text of every statement run through its sessions recorded. */
  function recording(): { driver: Driver; statements: string[] } {
    const statements: string[] = [];
    const counting = new Proxy(driver, {
      get(target, key, receiver) {
        if (key !== 'session') return Reflect.get(target, key, receiver);
        return (...args: Parameters<Driver['session']>) => {
          const session = target.session(...args);
          return new Proxy(session, {
            get(s, k, r) {
              if (k === 'run') return (cypher: string, ...rest: unknown[]) => (statements.push(cypher), (s.run as (...a: unknown[]) => unknown)(cypher, ...rest));
              const value = Reflect.get(s, k, r);
              return typeof value === 'function' ? value.bind(s) : value;
            },
          });
        };
      },
    });
    return { driver: counting, statements };
  }

  it("plans the explorer statements and the search box's, and computes the largest root's cascade, gaps, lag and task schedule once, without error", async () => {
    // The server runs it in the background and ignores its failure: this is where a broken warm-up shows.
    const { driver: counting, statements } = recording();
    await expect(warmUp(counting)).resolves.toBeUndefined();
    expect(statements.filter((c) => c.includes("queryNodes('directive_search'"))).toHaveLength(1);
    expect(statements.length).toBeGreaterThan(10);
    // The tasks by deadline of the largest root, and its first period's first page.
    expect(statements.filter((c) => c.includes('$periods['))).toHaveLength(1);
    expect(statements.filter((c) => c.includes('WHERE timing IN $timings'))).toHaveLength(1);
  });

  it('stops before its next statement once the server stops', async () => {
    // Statements run (one session each), recorded on a driver that is the real one otherwise.
    const { driver: counting, statements } = recording();
    let asked = 0;
    // Stopped after the third statement has started.
    await warmUp(counting, undefined, () => ++asked > 3);
    expect(statements).toHaveLength(3);
    statements.length = 0;
    await warmUp(counting, undefined, () => true);
    expect(statements).toHaveLength(0);
  });
});

