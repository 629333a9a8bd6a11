/**
 * Cursor pages (`directivesPage`, `organizationsPage`, api/keyset-pages.ts) over the real Neo4j and server of the
 * test run: a walk page after page with `after: pageInfo.endCursor` gives every node once, in the order asked for
 * (Neo4j's: nothing last going up, first going down), whatever the page size; the nodes carry what @neo4j/graphql
 * reads for them elsewhere (relationships included). Other suites write to this database meanwhile, so the walk is
 * checked against what exists both before and after it.
 *
 * What this replaces, @neo4j/graphql's `directivesConnection(first, after, sort)`, runs out of Neo4j's transaction
 * memory only at national scale (its memory grows with offset × the number of directives: api/keyset-pages.ts); here,
 * on the seed, its pages are compared with ours where both work, and each page's statement is checked to read from
 * its cursor on and stop after its rows, which is what keeps a late page as cheap as the first at any scale.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keysetPage, keysetStatement } from '../../server/src/graph/queries/keyset.js';
import { gql, gqlData } from '../support/graphql.js';

type Row = Record<string, unknown>;
interface Page {
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: Row }>;
  totalCount?: number;
}

/** Neo4j's order of one value: code units for strings, nothing last (going up). */
function compareValues(a: unknown, b: unknown, desc: boolean): number {
  if (a === b) return 0;
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return (aNull ? 1 : -1) * (desc ? -1 : 1);
  const c = (a as string | number | boolean) < (b as string | number | boolean) ? -1 : 1;
  return desc ? -c : c;
}

function compareRows(a: Row, b: Row, order: Array<[string, 'ASC' | 'DESC']>): number {
  for (const [field, dir] of order) {
    const c = compareValues(a[field], b[field], dir === 'DESC');
    if (c !== 0) return c;
  }
  return 0;
}

/** Walks a page field to its end; every page checked on the way. */
async function walk(field: string, fields: string, first: number, args: string, variables: Row = {}): Promise<{ rows: Row[]; pages: number }> {
  const q = `query($after: String${Object.keys(variables).map((v) => `, $${v}: ${v === 'where' ? (field === 'directivesPage' ? 'DirectivePageWhere' : 'OrganizationPageWhere') : 'String'}`).join('')}) {
    ${field}(first: ${first}, after: $after${args ? `, ${args}` : ''}) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${fields} } } } }`;
  const rows: Row[] = [];
  let after: string | null = null;
  for (let pages = 1; pages < 10_000; pages++) {
    const page: Page = (await gqlData<Record<string, Page>>(q, { after, ...variables }))[field]!;
    expect(page.edges.length).toBeLessThanOrEqual(first);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    if (page.edges.length) {
      expect(page.pageInfo.startCursor).toBe(page.edges[0]!.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
    }
    rows.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) {
      // After the last row: nothing more.
      if (page.pageInfo.endCursor) {
        const beyond: Page = (await gqlData<Record<string, Page>>(q, { after: page.pageInfo.endCursor, ...variables }))[field]!;
        expect(beyond.edges).toEqual([]);
        expect(beyond.pageInfo.hasNextPage).toBe(false);
      }
      return { rows, pages };
    }
    expect(page.edges.length).toBe(first);
    after = page.pageInfo.endCursor;
  }
  throw new Error('no end');
}

/** Checks a walk: no key twice, in order, and every row that existed before and after it. */
function checkWalk(rows: Row[], key: string, order: Array<[string, 'ASC' | 'DESC']>, before: Row[], after: Row[]) {
  const keys = rows.map((r) => String(r[key]));
  expect(new Set(keys).size, 'no row twice').toBe(keys.length);
  for (let i = 1; i < rows.length; i++) {
    expect(compareRows(rows[i - 1]!, rows[i]!, [...order, [key, 'ASC']]), `${keys[i - 1]} before ${keys[i]}`).toBeLessThan(0);
  }
  const afterKeys = new Set(after.map((r) => String(r[key])));
  const throughout = before.map((r) => String(r[key])).filter((k) => afterKeys.has(k));
  expect(keys).toEqual(expect.arrayContaining(throughout));
  expect(throughout.length).toBeGreaterThan(0);
}

const allDirectives = async (where = '{}') =>
  (await gqlData<{ directives: Row[] }>(`{ directives(where: ${where}) { uid issuedOn code stub } }`)).directives;
const allOrganizations = async () => (await gqlData<{ organizations: Row[] }>('{ organizations { key name province levelRank } }')).organizations;

describe('directivesPage: cursor pages of every directive', () => {
  it('gives every directive once, in order of issue (undated last), with pages of 2, 7 and 100', async () => {
    const before = await allDirectives();
    // The seed holds texts of one day and directives known without a date: ties on issuedOn and missing values.
    expect(before.some((d) => d.issuedOn === null)).toBe(true);
    expect(new Set(before.map((d) => d.issuedOn)).size).toBeLessThan(before.length);
    const walks = [];
    for (const first of [2, 7, 100]) walks.push({ first, ...(await walk('directivesPage', 'uid issuedOn', first, 'sort: [{ issuedOn: ASC }, { uid: ASC }]')) });
    const after = await allDirectives();
    for (const w of walks) checkWalk(w.rows, 'uid', [['issuedOn', 'ASC']], before, after);
    expect(walks[0]!.pages).toBeGreaterThan(walks[1]!.pages);
  });

  it('goes down as well (undated first), by other fields (codes missing on some), and ends every order with uid', async () => {
    const before = await allDirectives();
    const orders: Array<{ sort: string; order: Array<[string, 'ASC' | 'DESC']> }> = [
      { sort: '[{ issuedOn: DESC }]', order: [['issuedOn', 'DESC']] },
      { sort: '[{ code: ASC }, { issuedOn: DESC }]', order: [['code', 'ASC'], ['issuedOn', 'DESC']] },
      { sort: '[{ stub: DESC }, { code: DESC }]', order: [['stub', 'DESC'], ['code', 'DESC']] },
    ];
    expect(before.some((d) => d.code === null)).toBe(true);
    for (const { sort, order } of orders) {
      const { rows } = await walk('directivesPage', 'uid issuedOn code stub', 6, `sort: ${sort}`);
      checkWalk(rows, 'uid', order, before, await allDirectives());
    }
    // uid given before other fields ends the order: they are not asked for; no sort at all is by uid.
    const byUid = await walk('directivesPage', 'uid', 10, 'sort: [{ uid: DESC }, { issuedOn: ASC }]');
    checkWalk(byUid.rows, 'uid', [['uid', 'DESC']], before, await allDirectives());
    const unsorted = await walk('directivesPage', 'uid', 10, '');
    checkWalk(unsorted.rows, 'uid', [], before, await allDirectives());
  });

  it('filters as the generated where does (own fields, AND / OR / NOT, typename), and counts what matches', async () => {
    const where = { OR: [{ stub: { eq: false } }, { code: { startsWith: '28-' } }], NOT: { issuedOn: { lt: '2000-01-01' } }, typename: ['Document', 'Regulation'] };
    const generated = (await gqlData<{ directives: Row[] }>('query($w: DirectiveWhere) { directives(where: $w) { uid issuedOn } }', { w: where })).directives;
    expect(generated.length).toBeGreaterThan(3);
    const { rows } = await walk('directivesPage', 'uid issuedOn', 2, 'sort: [{ issuedOn: ASC }], where: $where', { where });
    checkWalk(rows, 'uid', [['issuedOn', 'ASC']], generated, (await gqlData<{ directives: Row[] }>('query($w: DirectiveWhere) { directives(where: $w) { uid issuedOn } }', { w: where })).directives);
    // Every row matches: the same set as the generated field's.
    const keys = new Set(rows.map((r) => r.uid));
    expect(generated.filter((g) => !keys.has(g.uid))).toEqual([]);

    const counted = await gqlData<{ directivesPage: Page; directivesConnection: { totalCount: number } }>(
      'query($w: DirectivePageWhere, $g: DirectiveWhere) { directivesPage(first: 1, where: $w) { totalCount } directivesConnection(where: $g) { totalCount } }',
      { w: where, g: where },
    );
    expect(counted.directivesPage.totalCount).toBe(counted.directivesConnection.totalCount);
    const dated = await gqlData<{ directivesPage: Page }>('{ directivesPage(first: 1000, where: { issuedOn: { in: ["2022-11-17"] }, code: { eq: "28-NQ/TW" } }) { edges { node { uid } } } }');
    expect(dated.directivesPage.edges.map((e) => e.node.uid)).toEqual(['28-NQ/TW@2022-11-17']);
    const undated = await gqlData<{ directivesPage: Page }>('{ directivesPage(first: 1000, where: { issuedOn: { eq: null } }) { edges { node { issuedOn } } } }');
    expect(undated.directivesPage.edges.length).toBeGreaterThan(0);
    expect(undated.directivesPage.edges.every((e) => e.node.issuedOn === null)).toBe(true);
  });

  it('reads each node as the generated directives field does: relationships, nested arguments, aliases, fragments, __typename', async () => {
    const nodeFields = `__typename uid title issuedOn day: issuedOn
      implements(limit: 5, sort: [{ uid: ASC }]) { uid }
      assignedToConnection { totalCount edges { properties { ... on Assignment { tasks } } node { key } } }
      ... on Document { sourceFile }
      ...More`;
    const fragment = 'fragment More on Directive { code cites { uid } }';
    const page = (await gqlData<{ directivesPage: Page }>(`{ directivesPage(first: 40, sort: [{ issuedOn: ASC }], where: { stub: { eq: false } }) { edges { node { ${nodeFields} } other: node { uid } } } } ${fragment}`)).directivesPage;
    const uids = page.edges.map((e) => e.node.uid as string);
    expect(page.edges.map((e) => (e as unknown as { other: Row }).other.uid)).toEqual(uids);
    const same = (await gqlData<{ directives: Row[] }>(`query($u: [ID!]!) { directives(where: { uid: { in: $u } }) { ${nodeFields} } } ${fragment}`, { u: uids })).directives;
    const byUid = new Map(same.map((d) => [d.uid, d]));
    expect(page.edges.map((e) => e.node)).toEqual(uids.map((u) => byUid.get(u)));
    expect(page.edges.some((e) => (e.node.implements as Row[]).length > 0)).toBe(true);
    expect(page.edges.some((e) => (e.node.assignedToConnection as { totalCount: number }).totalCount > 0)).toBe(true);
    expect(page.edges.every((e) => e.node.day === e.node.issuedOn)).toBe(true);
  });

  it('gives the order and rows of the generated directivesConnection (where that one still works: a small graph)', async () => {
    const q = `query($after: String) { directivesConnection(first: 7, after: $after, sort: [{ issuedOn: ASC }, { uid: ASC }]) {
      pageInfo { hasNextPage endCursor } edges { node { uid } } } }`;
    const generated: string[] = [];
    let after: string | null = null;
    for (;;) {
      const c: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { uid: string } }> } = (await gqlData<{ directivesConnection: never }>(q, { after })).directivesConnection;
      generated.push(...c.edges.map((e) => e.node.uid));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    const ours = (await walk('directivesPage', 'uid', 7, 'sort: [{ issuedOn: ASC }, { uid: ASC }]')).rows.map((r) => r.uid);
    // Another suite's ingest between the two walks may add a directive to one of them: compare the common rows.
    const common = new Set(ours.filter((u) => generated.includes(u as string)));
    expect(common.size).toBeGreaterThan(10);
    expect(ours.filter((u) => common.has(u))).toEqual(generated.filter((u) => common.has(u)));
  });

  it('refuses what it cannot serve, saying why', async () => {
    const code = async (q: string) => (await gql(q)).errors?.[0];
    const first = (await gqlData<{ directivesPage: Page }>('{ directivesPage(first: 2, sort: [{ issuedOn: ASC }]) { pageInfo { endCursor } } }')).directivesPage.pageInfo.endCursor!;
    const otherOrder = await code(`{ directivesPage(after: "${first}", sort: [{ code: ASC }]) { edges { cursor } } }`);
    expect(otherOrder?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(otherOrder?.message).toContain('made for the order issuedOn:ASC,uid:ASC');
    expect((await code('{ directivesPage(after: "not-a-cursor") { edges { cursor } } }'))?.extensions?.code).toBe('BAD_USER_INPUT');
    const forged = Buffer.from(JSON.stringify({ o: 'uid:ASC', v: [42] })).toString('base64url');
    expect((await code(`{ directivesPage(after: "${forged}") { edges { cursor } } }`))?.message).toContain('wrong type');
    for (const bad of ['first: 0', 'first: 1001', 'first: -1', 'sort: [{ text: ASC }]', 'sort: [{ code: ASC, uid: ASC }]', 'sort: [{ code: ASC }, { code: DESC }]']) {
      expect((await code(`{ directivesPage(${bad}) { edges { cursor } } }`))?.extensions?.code, bad).toBe('BAD_USER_INPUT');
    }
    // Relationship filters are the generated field's: not in this where.
    expect((await code('{ directivesPage(where: { implements: { some: { uid: { eq: "x" } } } }) { edges { cursor } } }'))?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('organizationsPage', () => {
  it('gives every organisation once, in order by province then name going down', async () => {
    const before = await allOrganizations();
    const { rows } = await walk('organizationsPage', 'key name province levelRank', 9, 'sort: [{ province: ASC }, { name: DESC }]');
    checkWalk(rows, 'key', [['province', 'ASC'], ['name', 'DESC']], before, await allOrganizations());
    const bySortKey = await walk('organizationsPage', 'key levelRank sortKey', 50, 'sort: [{ levelRank: ASC }, { sortKey: ASC }], where: { levelRank: { gte: 0 } }');
    checkWalk(bySortKey.rows, 'key', [['levelRank', 'ASC'], ['sortKey', 'ASC']], before.filter((o) => o.levelRank !== null), (await allOrganizations()).filter((o) => o.levelRank !== null));
  });
});

describe('a page read off the index', () => {
  let driver: ReturnType<typeof neo4j.driver>;
  beforeAll(() => {
    driver = neo4j.driver(inject('neo4jUri'));
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('starts at its cursor and stops after its rows (no sort of every directive), the same from the first page to the last', async () => {
    const opts = { label: 'Directive', key: 'uid', sort: [{ field: 'issuedOn', desc: false }], first: 5, where: { cypher: null, params: {} } };
    const keys: string[] = [];
    let after: unknown[] | null = null;
    const plans: string[][] = [];
    for (;;) {
      const page = await keysetPage(driver, { ...opts, after });
      keys.push(...page.rows.map((r) => r.key));
      // Each page's statement as Neo4j runs it, profiled, while its first part still has dated directives to read.
      if (after === null || after[0] !== null) {
        const { cypher, params } = keysetStatement({ ...opts, after });
        const res = await driver.executeQuery(`PROFILE ${cypher}`, params);
        plans.push(operators(res.summary.profile as unknown as PlanNode));
      }
      if (!page.hasNext) break;
      after = page.rows.at(-1)!.values;
    }
    expect(new Set(keys).size).toBe(keys.length);
    expect(plans.length).toBeGreaterThan(3);
    for (const ops of plans) {
      expect(ops.some((o) => /^NodeIndex(Seek|Scan)/.test(o)), ops.join(' > ')).toBe(true);
      // Limit, or PartialTop (Neo4j may read by issue date alone and order each day's few rows by uid): both stop
      // reading once the page is full; Top and Sort would read and order every directive first.
      expect(ops.some((o) => o === 'Limit' || o === 'PartialTop'), ops.join(' > ')).toBe(true);
      expect(ops.filter((o) => /^(Top|Sort|EagerAggregation)$/.test(o)), ops.join(' > ')).toEqual([]);
    }
  });
});

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}
const operators = (p: PlanNode): string[] => [p.operatorType.replace(/@.*$/, ''), ...p.children.flatMap(operators)];
