/** The GraphQL API over the real Neo4j holding the seed corpus. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { SignJWT } from 'jose';
import neo4j from 'neo4j-driver';
import { describe, expect, it, inject } from 'vitest';
import { repoRoot } from '../../server/src/config.js';
import { extractDocument } from '../../server/src/extract/index.js';
import { gql, gqlData } from '../support/graphql.js';
import { docx } from '../fixtures/builders.js';
import { districtPlan } from '../fixtures/unit-texts.js';
import { toVni, vniWritable } from '../support/legacy-encode.js';

interface CNode { id: string; kind: string; label: string; code: string | null; sourceFile: string | null; depth: number; lagDays: number | null; province: string | null; level: string | null; parent: string | null; unit: string | null }
interface CEdge { source: string; target: string; kind: string; inferred: boolean; quote: string | null; start: number | null; end: number | null; evidenceUid: string | null; lagDays: number | null; tasks: string[] | null; timings: string[] | null }

const CASCADE = `query($code: String!, $depth: Int, $direction: CascadeDirection, $relations: [RelationKind!]) {
  cascade(code: $code, depth: $depth, direction: $direction, relations: $relations) {
    root { id code }
    nodes { id kind label code sourceFile depth lagDays province level parent unit }
    edges { source target kind inferred quote start end evidenceUid lagDays tasks timings }
  }
}`;

async function cascade(vars: Record<string, unknown>) {
  return (await gqlData<{ cascade: { root: { id: string; code: string }; nodes: CNode[]; edges: CEdge[] } }>(CASCADE, vars)).cascade;
}

const bySource = (nodes: CNode[], prefix: string) => nodes.find((n) => n.sourceFile?.startsWith(prefix));
const secret = () => new TextEncoder().encode(inject('jwtSecret'));
async function token(roles: string[], opts: { exp?: string | number; key?: Uint8Array } = {}) {
  return new SignJWT({ roles }).setProtectedHeader({ alg: 'HS256' }).setSubject('tester').setIssuedAt().setExpirationTime(opts.exp ?? '5m').sign(opts.key ?? secret());
}

describe('cascade', () => {
  it('shows 28-NQ/TW → 003 (58-CTr/TU) → 000, with 001/002/004 citing it', async () => {
    const c = await cascade({ code: '28-NQ/TW' });
    expect(c.root.code).toBe('28-NQ/TW');
    const d003 = bySource(c.nodes, '003')!;
    const d000 = bySource(c.nodes, '000')!;
    expect(d003.code).toBe('58-CTr/TU');
    expect(d003.province).toBe('Bình Thuận');
    const impl = c.edges.filter((e) => e.kind === 'IMPLEMENTS' && !e.inferred);
    expect(impl).toContainEqual(expect.objectContaining({ source: d003.id, target: c.root.id }));
    expect(impl).toContainEqual(expect.objectContaining({ source: d000.id, target: d003.id }));
    expect(d003.depth).toBe(1);
    expect(d000.depth).toBe(2);
    expect(d000.parent).toBe(d003.id);
    for (const f of ['001', '002', '004']) {
      const n = bySource(c.nodes, f)!;
      expect(n, `seed ${f} in the cascade`).toBeDefined();
      expect(c.edges).toContainEqual(expect.objectContaining({ source: n.id, target: c.root.id, kind: 'CITES' }));
    }
  });

  it('opens a congress resolution that no text numbers: the five seed texts cite the XIII congress, 002 Sóc Trăng\'s XIV', async () => {
    const c = await cascade({ code: 'dai hoi 13' });
    expect(c.root.code).toBe('Đại hội XIII/TW');
    for (const f of ['000', '001', '002', '003', '004']) {
      const n = bySource(c.nodes, f)!;
      expect(n, `seed ${f} cites the XIII congress`).toBeDefined();
      const edge = c.edges.find((e) => e.source === n.id && e.target === c.root.id && e.kind === 'CITES')!;
      expect(edge.quote).toMatch(/^Nghị quyết Đại hội .*XIII/);
    }
    const xiv = await gqlData<{ cascade: { root: Record<string, unknown>; nodes: Array<{ sourceFile: string | null }> } }>(
      '{ cascade(code: "Đại hội XIV/TU", province: "soc trang") { root { code title province level stub type } nodes { sourceFile } } }',
    );
    expect(xiv.cascade.root).toEqual({ code: 'Đại hội XIV/TU', title: 'Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV', province: 'Sóc Trăng', level: 'provincial', stub: true, type: 'NQ' });
    expect(xiv.cascade.nodes.map((n) => n.sourceFile?.slice(0, 3)).filter(Boolean)).toEqual(['002']);
    const other = await gql('{ cascade(code: "Đại hội XIV/TU", province: "Bình Thuận") { root { code } } }');
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('computes the lag in days on implements edges (28-NQ/TW 2022-11-17 → 58-CTr/TU 2023-03-30 = 133)', async () => {
    const c = await cascade({ code: '28-NQ/TW', relations: ['IMPLEMENTS'] });
    const d003 = bySource(c.nodes, '003')!;
    expect(d003.lagDays).toBe(133);
    const e = c.edges.find((x) => x.source === d003.id && x.target === c.root.id)!;
    expect(e.lagDays).toBe(133);
    expect(c.edges.every((x) => x.kind === 'IMPLEMENTS')).toBe(true);
    expect(c.nodes.some((n) => n.kind === 'ORGANIZATION')).toBe(false);
  });

  it('accepts code variants and gives the same cascade', async () => {
    const a = await cascade({ code: '28 - NQ/TW', relations: ['IMPLEMENTS', 'CITES'] });
    const b = await cascade({ code: '28-nq/tw', relations: ['IMPLEMENTS', 'CITES'] });
    expect(a.root.id).toBe(b.root.id);
    expect(a.nodes.map((n) => n.id).sort()).toEqual(b.nodes.map((n) => n.id).sort());
  });

  it('carries evidence: every quote is the text at its offsets in the evidence document', async () => {
    const c = await cascade({ code: '28-NQ/TW' });
    const withQuote = c.edges.filter((e) => e.quote && e.evidenceUid);
    expect(withQuote.length).toBeGreaterThan(5);
    const texts = new Map<string, string>();
    for (const e of withQuote) {
      if (!texts.has(e.evidenceUid!)) {
        const d = await gqlData<{ directives: Array<{ text: string }> }>('query($uid: ID!) { directives(where: { uid: { eq: $uid } }) { text } }', { uid: e.evidenceUid });
        texts.set(e.evidenceUid!, d.directives[0]!.text);
      }
      expect(texts.get(e.evidenceUid!)!.slice(e.start!, e.end!)).toBe(e.quote);
    }
  });

  it('assigns tasks with timing to organizations', async () => {
    const c = await cascade({ code: '58-CTr/TU', relations: ['ASSIGNED_TO'] });
    const assigned = c.edges.filter((e) => e.kind === 'ASSIGNED_TO');
    expect(assigned.length).toBeGreaterThan(3);
    for (const e of assigned) expect(e.tasks!.length).toBe(e.timings!.length);
    expect(assigned.flatMap((e) => e.timings!).filter(Boolean).length).toBeGreaterThan(0);
  });

  it('goes up from 000 to 58-CTr/TU and 28-NQ/TW', async () => {
    const d = await gqlData<{ search: Array<{ id: string }> }>('{ search(text: "huong dan tuyen truyen 58", first: 3) { id } }');
    const c = await cascade({ code: d.search[0]!.id, direction: 'UP', relations: ['IMPLEMENTS'] });
    expect(c.nodes.map((n) => n.code)).toEqual(expect.arrayContaining(['58-CTr/TU', '28-NQ/TW']));
  });

  it('caps the expansion at maxNodes and says so', async () => {
    const full = await cascade({ code: '28-NQ/TW', relations: ['IMPLEMENTS'] });
    const capped = (await gqlData<{ cascade: { truncated: boolean; nodes: CNode[] } }>(
      'query { cascade(code: "28-NQ/TW", relations: [IMPLEMENTS], maxNodes: 2) { truncated nodes { id } } }',
    )).cascade;
    expect(full.nodes.length).toBeGreaterThan(3);
    expect(capped.truncated).toBe(true);
    expect(capped.nodes.length).toBeLessThan(full.nodes.length);
    const all = (await gqlData<{ cascade: { truncated: boolean } }>('{ cascade(code: "28-NQ/TW") { truncated } }')).cascade;
    expect(all.truncated).toBe(false);
    expect((await gql(CASCADE.replace('depth: $depth', 'depth: $depth, maxNodes: 0'), { code: '28-NQ/TW' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('narrows a cascade to provinces on request, and refuses an oversized province list', async () => {
    const q = `query($p: [String!]) { cascade(code: "28-NQ/TW", provinces: $p) { nodes { kind code province level } } }`;
    const narrowed = (await gqlData<{ cascade: { nodes: { kind: string; code: string | null; province: string | null; level: string | null }[] } }>(q, { p: ['Sóc Trăng'] })).cascade;
    const directives = narrowed.nodes.filter((n) => n.kind === 'DIRECTIVE' && n.code !== '28-NQ/TW');
    expect(directives.map((n) => n.code)).toContain('374/KH-MTTQ-BTT');
    for (const n of directives) expect(n.province === 'Sóc Trăng' || n.level === 'central').toBe(true);
    const tooMany = await gql(q, { p: Array.from({ length: 101 }, (_, i) => `P${i}`) });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('sends quotes and tasks only when the query asks for them, also through fragments', async () => {
    type E = { kind: string; quote?: string | null; tasks?: string[] | null };
    const viaFragment = (await gqlData<{ cascade: { edges: E[] } }>(
      'query { cascade(code: "28-NQ/TW") { edges { kind ...Ev } } } fragment Ev on CascadeEdge { ... on CascadeEdge { quote tasks } }',
    )).cascade.edges;
    expect(viaFragment.filter((e) => e.quote).length).toBeGreaterThan(5);
    expect(viaFragment.filter((e) => e.kind === 'ASSIGNED_TO').every((e) => (e.tasks ?? []).length > 0)).toBe(true);
    const bare = (await gqlData<{ cascade: { edges: E[] } }>('query { cascade(code: "28-NQ/TW") { edges { kind } } }')).cascade.edges;
    expect(bare.length).toBe(viaFragment.length);
  });

  it('gives node titles when asked below nodes, also through a fragment, and the root\'s title always', async () => {
    type N = { id: string; label: string; title?: string | null; sourceFile?: string | null };
    type C = { cascade: { root: N; nodes: N[] } };
    const lean = (await gqlData<C>('query { cascade(code: "28-NQ/TW") { root { id title } nodes { id label } } }')).cascade;
    const full = (await gqlData<C>('query { cascade(code: "28-NQ/TW") { root { id title } nodes { id label ...T } } } fragment T on CascadeNode { title sourceFile }')).cascade;
    expect(lean.root.title).toContain('phương thức lãnh đạo');
    expect(lean.root).toEqual(full.root);
    expect(lean.nodes).toEqual(full.nodes.map(({ id, label }) => ({ id, label })));
    const programme = full.nodes.find((n) => n.label.startsWith('58-CTr/TU') && n.sourceFile)!;
    expect(programme.title?.length).toBeGreaterThan(20);
    expect(programme.sourceFile).toMatch(/^003/);
  });

  it('gives the evidence of chosen edges by id, as the cascade with evidence has it', async () => {
    type E = { id: string; source: string; target: string; kind: string; quote: string | null; start: number | null; end: number | null; evidenceUid: string | null; tasks: string[] | null; timings: string[] | null };
    const FIELDS = 'id source target kind quote start end evidenceUid tasks timings';
    const full = (await gqlData<{ cascade: { edges: E[] } }>(`query { cascade(code: "28-NQ/TW") { edges { ${FIELDS} } } }`)).cascade.edges;
    const chosen = [...full.filter((e) => e.kind === 'ASSIGNED_TO').slice(0, 3), ...full.filter((e) => e.kind !== 'ASSIGNED_TO' && e.quote).slice(0, 3)];
    expect(chosen.length).toBe(6);
    const got = (await gqlData<{ edgeEvidence: E[] }>(`query($ids: [ID!]!) { edgeEvidence(ids: $ids) { ${FIELDS} } }`, { ids: [...chosen.map((e) => e.id), 'no-such-edge', chosen[0]!.id] })).edgeEvidence;
    const byId = (xs: E[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(got)).toEqual(byId(chosen));
    expect(got.find((e) => e.kind === 'ASSIGNED_TO')!.tasks!.length).toBeGreaterThan(0);
    const tooMany = await gql('query($ids: [ID!]!) { edgeEvidence(ids: $ids) { id } }', { ids: Array.from({ length: 5001 }, (_, i) => `e${i}`) });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('caps assignments at maxNodes too, nearest the root first, and says so', async () => {
    const q = (max: number) =>
      gqlData<{ cascade: { truncated: boolean; edges: Array<{ kind: string; source: string }>; root: { id: string } } }>(
        `query { cascade(code: "58-CTr/TU", relations: [IMPLEMENTS, ASSIGNED_TO], maxNodes: ${max}) { truncated root { id } edges { kind source } } }`,
      );
    const full = (await q(2000)).cascade;
    const fullAssigned = full.edges.filter((e) => e.kind === 'ASSIGNED_TO');
    expect(full.truncated).toBe(false);
    expect(fullAssigned.length).toBeGreaterThan(5);
    const capped = (await q(5)).cascade;
    const cappedAssigned = capped.edges.filter((e) => e.kind === 'ASSIGNED_TO');
    expect(capped.truncated).toBe(true);
    expect(cappedAssigned.length).toBeGreaterThan(0);
    expect(cappedAssigned.length).toBeLessThanOrEqual(5);
    // The programme's own assignments come before those of the documents implementing it.
    expect(cappedAssigned.every((e) => e.source === capped.root.id)).toBe(true);
  });

  it('folds the organisations into their directives above foldOrganizationsAbove, and says how many each assigns', async () => {
    type Folded = { cascade: { foldedAssignments: number; truncated: boolean; nodes: Array<{ id: string; kind: string; assignees: number | null }>; edges: Array<{ id: string; kind: string; source: string; target: string }> } };
    const q = (fold: number | null) =>
      gql<Folded>(
        `query($fold: Int) { cascade(code: "28-NQ/TW", foldOrganizationsAbove: $fold) { foldedAssignments truncated nodes { id kind assignees } edges { id kind source target } } }`,
        { fold },
      );
    const full = (await q(null)).data!.cascade;
    const orgs = full.nodes.filter((n) => n.kind === 'ORGANIZATION');
    const assigned = full.edges.filter((e) => e.kind === 'ASSIGNED_TO');
    expect(orgs.length).toBeGreaterThan(5);
    expect(full.foldedAssignments).toBe(0);
    expect(full.nodes.every((n) => n.assignees === null)).toBe(true);
    // At or above the number of organisations: nothing is folded, the same answer as without the argument.
    expect((await q(orgs.length)).data!.cascade).toEqual(full);
    // Below it: no organisation and no ASSIGNED_TO edge; each directive counts what it assigns, as the full answer has it.
    const folded = (await q(orgs.length - 1)).data!.cascade;
    expect(folded.nodes.filter((n) => n.kind === 'ORGANIZATION')).toEqual([]);
    expect(folded.edges.filter((e) => e.kind === 'ASSIGNED_TO')).toEqual([]);
    expect(folded.edges.map((e) => e.id).sort()).toEqual(full.edges.filter((e) => e.kind !== 'ASSIGNED_TO').map((e) => e.id).sort());
    expect(folded.nodes.map((n) => n.id).sort()).toEqual(full.nodes.filter((n) => n.kind === 'DIRECTIVE').map((n) => n.id).sort());
    const made = new Map<string, number>();
    for (const e of assigned) made.set(e.source, (made.get(e.source) ?? 0) + 1);
    expect(made.size).toBeGreaterThan(1);
    for (const n of folded.nodes) expect(n.assignees, n.id).toBe(made.get(n.id) ?? 0);
    // The count each text keeps, as notebooks read it.
    const [assigner, count] = [...made].sort((a, b) => b[1] - a[1])[0]!;
    const kept = await gqlData<{ directives: Array<{ assigneeCount: number | null }> }>('query($uid: ID!) { directives(where: { uid: { eq: $uid } }) { assigneeCount } }', { uid: assigner });
    expect(kept.directives).toEqual([{ assigneeCount: count }]);
    expect(folded.foldedAssignments).toBe(assigned.length);
    const bad = await q(-1);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('folds the lower levels of a large cascade above foldLevelsAbove, over GraphQL as the explorer asks', async () => {
    type Levels = { cascade: { foldedLevels: string[]; foldedImplementers: number; nodes: Array<{ id: string; kind: string; levelRank: number | null; implementersFolded: number | null }>; edges: Array<{ id: string; kind: string; source: string; target: string }> } };
    const q = (levels: number | null) =>
      gql<Levels>(
        `query($levels: Int) { cascade(code: "28-NQ/TW", foldLevelsAbove: $levels) { foldedLevels foldedImplementers nodes { id kind levelRank implementersFolded } edges { id kind source target } } }`,
        { levels },
      );
    const full = (await q(null)).data!.cascade;
    expect(full.foldedLevels).toEqual([]);
    expect(full.foldedImplementers).toBe(0);
    expect(full.nodes.every((n) => n.implementersFolded === null)).toBe(true);
    // The seed resolution is implemented directly by provincial texts only: room for fewer than they are keeps the root.
    const root = full.nodes.find((n) => n.kind === 'DIRECTIVE' && n.levelRank === 0)!;
    const direct = new Set(full.edges.filter((e) => e.kind === 'IMPLEMENTS' && e.target === root.id).map((e) => e.source));
    expect(direct.size).toBeGreaterThan(1);
    const folded = (await q(direct.size)).data!.cascade;
    expect(folded.foldedLevels).toEqual(['provincial']);
    expect(folded.foldedImplementers).toBe(direct.size);
    expect(folded.nodes.filter((n) => n.kind === 'DIRECTIVE').map((n) => [n.id, n.implementersFolded])).toEqual([[root.id, direct.size]]);
    // Room for the whole implementation tree: nothing folded, the same answer as without the argument.
    expect((await q(1000)).data!.cascade).toEqual(full);
    for (const bad of [0, -3, 50_001]) expect((await q(bad)).errors?.[0]?.extensions?.code, String(bad)).toBe('BAD_USER_INPUT');
  });

  it('answers unknown and malformed codes with NOT_FOUND / BAD_USER_INPUT', async () => {
    const nf = await gql(CASCADE, { code: '999-NQ/TW' });
    expect(nf.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const bad = await gql(CASCADE, { code: 'hello world' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const deep = await gql(CASCADE, { code: '28-NQ/TW', depth: 50 });
    expect(deep.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('generated queries: filtering, sorting, pagination', () => {
  it('filters documents by province and sorts them by date', async () => {
    const d = await gqlData<{ documents: Array<{ province: string; issuedOn: string | null; stub: boolean }> }>(
      '{ documents(where: { province: { eq: "Bình Thuận" }, stub: { eq: false } }, sort: [{ issuedOn: ASC }]) { province issuedOn stub } }',
    );
    expect(d.documents.length).toBeGreaterThanOrEqual(2);
    expect(d.documents.every((x) => x.province === 'Bình Thuận' && !x.stub)).toBe(true);
  });

  it('sorts organisations in Vietnamese alphabetical order by sortKey (by name, Đ and Ủ come after V)', async () => {
    const d = await gqlData<{ organizations: Array<{ name: string; sortKey: string }> }>(
      '{ organizations(where: { province: { eq: "Bình Thuận" } }, sort: [{ sortKey: ASC }]) { name sortKey } }',
    );
    const names = d.organizations.map((o) => o.name);
    expect(names.some((n) => n.startsWith('Đ')) && names.some((n) => n.startsWith('Ủ')) && names.some((n) => n.startsWith('V'))).toBe(true);
    const vi = new Intl.Collator('vi');
    for (let i = 1; i < names.length; i++) expect(vi.compare(names[i - 1]!, names[i]!), `${names[i - 1]} / ${names[i]}`).toBeLessThanOrEqual(0);
  });

  it('pages through directives with cursors', async () => {
    const q = 'query($after: String) { directivesConnection(first: 3, after: $after, sort: [{ uid: ASC }]) { edges { cursor node { uid } } pageInfo { hasNextPage endCursor } } }';
    type Page = { directivesConnection: { edges: Array<{ node: { uid: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const p1 = await gqlData<Page>(q);
    const p2 = await gqlData<Page>(q, { after: p1.directivesConnection.pageInfo.endCursor });
    expect(p1.directivesConnection.edges).toHaveLength(3);
    expect(p1.directivesConnection.pageInfo.hasNextPage).toBe(true);
    const ids1 = p1.directivesConnection.edges.map((e) => e.node.uid);
    const ids2 = p2.directivesConnection.edges.map((e) => e.node.uid);
    expect(ids2[0]! > ids1[2]!).toBe(true);
  });
});

describe('search', () => {
  it('finds 28-NQ/TW without diacritics ("nghi quyet 28") first', async () => {
    const d = await gqlData<{ search: Array<{ id: string; code: string; snippet: string }> }>('{ search(text: "nghi quyet 28") { id code snippet score } }');
    expect(d.search[0]!.code).toBe('28-NQ/TW');
  });

  it('finds Bình Thuận documents from "binh thuan" and organizations by name', async () => {
    const d = await gqlData<{ search: Array<{ kind: string; province: string | null; label: string }> }>('{ search(text: "binh thuan", first: 30) { kind province label } }');
    expect(d.search.filter((h) => h.kind === 'DIRECTIVE' && h.province === 'Bình Thuận').length).toBeGreaterThanOrEqual(2);
    // Texts of their own before mentions' placeholders: the two Bình Thuận texts of the seed lead the directives.
    const dirs = (await gqlData<{ search: Array<{ kind: string; code: string | null; stub: boolean; synthetic: boolean; level: string | null }> }>('{ search(text: "binh thuan", first: 30) { kind code stub synthetic level } }')).search.filter((h) => h.kind === 'DIRECTIVE');
    expect(dirs.some((h) => h.stub)).toBe(true);
    expect(dirs.slice(0, 2).map((h) => [h.stub, h.level])).toEqual([[false, 'provincial'], [false, 'provincial']]);
    const o = await gqlData<{ search: Array<{ kind: string; label: string }> }>('{ search(text: "ban tuyen giao tinh uy") { kind label } }');
    expect(o.search.some((h) => h.kind === 'ORGANIZATION' && /Ban Tuyên giáo Tỉnh ủy/.test(h.label))).toBe(true);
  });

  it('puts the directives a type and a number name first ("nghị quyết số 28", "quy định 101"), higher levels and newer texts first', async () => {
    const hits = async (text: string) => (await gqlData<{ search: Array<{ kind: string; code: string | null; issuedOn: string | null }> }>('query($t: String!) { search(text: $t, first: 5) { kind code issuedOn } }', { t: text })).search;
    // "số" is in no indexed text of the stub 28-NQ/TW: the full-text query alone leaves it out.
    expect((await hits('nghị quyết số 28'))[0]).toMatchObject({ code: '28-NQ/TW', issuedOn: '2022-11-17' });
    expect((await hits('NQ 28'))[0]!.code).toBe('28-NQ/TW');
    // 101-QĐ/TW of 2012 and of 2023 (two texts under one code): both, the newer first. Stored as "Quyết định", asked for as "quy định".
    expect((await hits('quy dinh 101')).slice(0, 2)).toEqual([
      { kind: 'DIRECTIVE', code: '101-QĐ/TW', issuedOn: '2023-02-28' },
      { kind: 'DIRECTIVE', code: '101-QĐ/TW', issuedOn: '2012-06-07' },
    ]);
    expect((await hits('chương trình 58'))[0]!.code).toBe('58-CTr/TU');
  });

  it('finds a text by its number as printed, leading zero and all, among other words ("chỉ thị 05 học tập" is 5-CT/TW)', async () => {
    const hits = async (text: string) => (await gqlData<{ search: Array<{ code: string | null }> }>('query($t: String!) { search(text: $t, first: 5) { code } }', { t: text })).search.map((h) => h.code);
    expect(await hits('chỉ thị 05 học tập')).toContain('5-CT/TW');
    expect(await hits('quy dinh 08 neu guong')).toContain('8-QĐi/TW');
  });

  it('finds a congress resolution by its words ("dai hoi 13", "đại hội XIV"): the Party\'s first, then the provinces\'', async () => {
    const hits = async (text: string) => (await gqlData<{ search: Array<{ kind: string; code: string | null; province: string | null; stub: boolean }> }>('query($t: String!) { search(text: $t, first: 5) { kind code province stub } }', { t: text })).search;
    expect((await hits('dai hoi 13'))[0]).toMatchObject({ kind: 'DIRECTIVE', code: 'Đại hội XIII/TW', province: null, stub: true });
    expect((await hits('Nghị quyết Đại hội XIII'))[0]!.code).toBe('Đại hội XIII/TW');
    expect((await hits('đại hội XIV'))[0]).toMatchObject({ code: 'Đại hội XIV/TU', province: 'Sóc Trăng' });
    expect((await hits('nghi quyet dai hoi 22'))[0]).toMatchObject({ code: 'Đại hội XXII/TU', province: 'Quảng Nam' });
  });

  it('gives the same results with and without diacritics, any case', async () => {
    const a = await gqlData<{ search: Array<{ id: string }> }>('{ search(text: "Chương trình hành động") { id } }');
    const b = await gqlData<{ search: Array<{ id: string }> }>('{ search(text: "CHUONG TRINH HANH DONG") { id } }');
    expect(a.search.length).toBeGreaterThan(0);
    expect(a.search.map((h) => h.id)).toEqual(b.search.map((h) => h.id));
  });
});

describe('roots', () => {
  it('lists the roots largest first, each saying whether it has a text of its own', async () => {
    const d = await gqlData<{ roots: Array<{ id: string; code: string | null; issuedOn: string | null; stub: boolean; synthetic: boolean; cascadeSize: number }> }>('{ roots(first: 50) { id code issuedOn stub synthetic cascadeSize } }');
    const sizes = d.roots.map((r) => r.cascadeSize);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const nq28 = d.roots.find((r) => r.code === '28-NQ/TW');
    // The seed holds provincial and local texts: 28-NQ/TW is known from their mentions only.
    expect(nq28).toMatchObject({ stub: true, issuedOn: '2022-11-17' });
    expect(nq28!.cascadeSize).toBeGreaterThanOrEqual(5);
    const { directives } = await gqlData<{ directives: Array<{ uid: string; stub: boolean; synthetic: boolean | null; sourceFile: string | null }> }>(
      'query($uids: [ID!]) { directives(where: { uid: { in: $uids } }) { uid stub synthetic sourceFile } }',
      { uids: d.roots.map((r) => r.id) },
    );
    for (const r of d.roots) {
      const stored = directives.find((x) => x.uid === r.id)!;
      expect(r.synthetic, r.id).toBe(stored.synthetic === true);
      expect(stored.stub === true, r.id).toBe(r.stub);
      expect(stored.sourceFile === null, r.id).toBe(r.stub);
    }
  });
});

describe('analytics', () => {
  it('counts full texts by type and by province', async () => {
    const d = await gqlData<{ byType: Array<{ key: string; count: number }>; byProvince: Array<{ key: string; count: number }> }>(
      '{ byType: countsBy(dimension: TYPE) { key count } byProvince: countsBy(dimension: PROVINCE) { key count } }',
    );
    expect(d.byType.reduce((s, r) => s + r.count, 0)).toBe(5);
    expect(d.byProvince.find((r) => r.key === 'Bình Thuận')?.count).toBe(2);
  });

  it('reports implementation lag per province and level under 28-NQ/TW', async () => {
    const d = await gqlData<{ implementationLag: Array<{ province: string; level: string; parentLevel: string | null; documents: number; minDays: number; medianDays: number }> }>(
      '{ implementationLag(code: "28-NQ/TW") { province level parentLevel documents minDays medianDays maxDays } }',
    );
    // How long the province took to answer the resolution, apart from how long its departments took to answer the province.
    const bt = d.implementationLag.filter((r) => r.province === 'Bình Thuận' && r.level === 'provincial');
    expect(bt.map((r) => [r.parentLevel, r.documents, r.minDays])).toEqual([['central', 1, 133], ['provincial', 1, null]]);
  });

  it('lists organizations assigned tasks under 28-NQ/TW with no implementing document', async () => {
    const d = await gqlData<{ gaps: Array<{ organization: string; province: string; tasks: number; assignedBy: string[] }> }>('{ gaps(code: "28-NQ/TW") { organization province tasks assignedBy } }');
    expect(d.gaps.length).toBeGreaterThan(3);
    expect(d.gaps.every((g) => g.tasks > 0 && g.assignedBy.length > 0)).toBe(true);
    // The propaganda board issued 000, which implements 58-CTr/TU: not a gap.
    expect(d.gaps.some((g) => g.organization === 'Ban Tuyên giáo Tỉnh ủy' && g.province === 'Bình Thuận')).toBe(false);
  });

  it("names a bloc's bodies in full and keeps its grassroots committees apart from other units' (001, Đảng bộ Khối)", async () => {
    const g = await gqlData<{ gaps: Array<{ organization: string; unit: string | null; key: string }> }>('{ gaps(code: "293-KH/TU") { organization unit key } }');
    expect(g.gaps).toContainEqual({ organization: 'Cấp ủy cơ sở', unit: 'Khối các cơ quan tỉnh', key: 'cap uy co so#quang-nam@khoi cac co quan tinh' });
    expect(g.gaps).toContainEqual({ organization: 'Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh', unit: null, key: 'ban tuyen giao dang uy khoi cac co quan tinh#quang-nam' });
    const c = await cascade({ code: '293-KH/TU', relations: ['IMPLEMENTS', 'ASSIGNED_TO'] });
    expect(c.nodes.find((n) => n.label === 'Cấp ủy cơ sở (Khối các cơ quan tỉnh, Quảng Nam)')).toMatchObject({ kind: 'ORGANIZATION', unit: 'Khối các cơ quan tỉnh' });
    const o = await gqlData<{ organizations: Array<{ name: string; unit: string | null }> }>(
      '{ organizations(where: { key: { eq: "ban thuong vu dang uy khoi cac co quan tinh#quang-nam" } }) { name unit issued { uid } } }',
    );
    expect(o.organizations).toMatchObject([{ name: 'Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh', unit: null }]);
  });

  it('takes provinces in any spelling, a province of the 2025 map standing for those it took over (Lâm Đồng: Bình Thuận)', async () => {
    const texts = async (provinces: string[]) => {
      const c = await gqlData<{ cascade: { nodes: Array<{ code: string | null; province: string | null; kind: string }> } }>(
        'query($p: [String!]) { cascade(code: "28-NQ/TW", provinces: $p, relations: [IMPLEMENTS]) { nodes { code province kind } } }',
        { p: provinces },
      );
      return c.cascade.nodes.filter((n) => n.province).map((n) => `${n.code}|${n.province}`).sort();
    };
    const binhThuan = await texts(['Bình Thuận']);
    expect(binhThuan).toContain('58-CTr/TU|Bình Thuận');
    expect(await texts(['binh thuan'])).toEqual(binhThuan);
    expect(await texts(['Lâm Đồng'])).toEqual(binhThuan);
    expect(await texts(['Hà Nội'])).toEqual([]);
    const page = async (provinces: string[]) =>
      (await gqlData<{ gapPage: { total: number; gaps: Array<{ province: string }> } }>('query($p: [String!]) { gapPage(code: "293-KH/TU", provinces: $p) { total gaps { province } } }', { p: provinces })).gapPage;
    const quangNam = await page(['Quảng Nam']);
    expect(quangNam.total).toBeGreaterThan(0);
    expect(await page(['da nang'])).toEqual(quangNam);
    const p = await gqlData<{ provinces: Array<{ name: string; newMap: boolean; mergedInto: string | null; tookOver: string[] }> }>('{ provinces { name newMap mergedInto tookOver } }');
    expect(p.provinces).toHaveLength(64);
    expect(p.provinces.filter((x) => x.newMap)).toHaveLength(34);
    expect(p.provinces.find((x) => x.name === 'Bình Thuận')).toEqual({ name: 'Bình Thuận', newMap: false, mergedInto: 'Lâm Đồng', tookOver: [] });
    expect(p.provinces.find((x) => x.name === 'Lâm Đồng')).toEqual({ name: 'Lâm Đồng', newMap: true, mergedInto: null, tookOver: ['Bình Thuận', 'Đắk Nông'] });
  });

  it('pages through the gap list with its total, and refuses pages out of bounds', async () => {
    const all = (await gqlData<{ gaps: Array<{ key: string; tasks: number; province: string | null }> }>('{ gaps(code: "28-NQ/TW") { key tasks province } }')).gaps;
    const page = (vars: { first?: number; offset?: number; keys?: string[]; provinces?: string[] }) =>
      gql<{ gapPage: { total: number; gaps: Array<{ key: string; tasks: number; province: string | null }> } }>(
        'query($first: Int, $offset: Int, $keys: [ID!], $provinces: [String!]) { gapPage(code: "28-NQ/TW", first: $first, offset: $offset, keys: $keys, provinces: $provinces) { total gaps { key tasks province } } }',
        { first: vars.first ?? 200, offset: vars.offset ?? 0, keys: vars.keys, provinces: vars.provinces },
      );
    expect((await page({ first: 3, offset: 3 })).data!.gapPage).toEqual({ total: all.length, gaps: all.slice(3, 6) });
    expect((await page({ keys: [all[0]!.key, 'elsewhere#national'] })).data!.gapPage).toEqual({ total: 1, gaps: [all[0]] });
    // One province's gaps: the whole list's rows of that province, in its order, and their number as the total (the
    // seed's are all in Bình Thuận: under 28-NQ/TW only 58-CTr/TU's tree assigns tasks).
    const ofProvince = all.filter((g) => g.province === 'Bình Thuận');
    expect(ofProvince.length).toBeGreaterThan(3);
    expect((await page({ provinces: ['Bình Thuận'], first: 3, offset: 1 })).data!.gapPage).toEqual({ total: ofProvince.length, gaps: ofProvince.slice(1, 4) });
    expect((await page({ provinces: ['Sóc Trăng', 'Bình Thuận'] })).data!.gapPage.total).toBe(ofProvince.length);
    expect((await page({ provinces: ['Sóc Trăng'] })).data!.gapPage).toEqual({ total: 0, gaps: [] });
    const bad = {
      'first 0': { first: 0 }, 'first 5001': { first: 5001 }, 'offset -1': { offset: -1 }, '5001 keys': { keys: Array.from({ length: 5001 }, (_, i) => `k${i}`) },
      '101 provinces': { provinces: Array.from({ length: 101 }, (_, i) => `p${i}`) },
    };
    for (const [name, vars] of Object.entries(bad)) expect((await page(vars)).errors?.[0]?.extensions?.code, name).toBe('BAD_USER_INPUT');
  });

  it('takes issuedOn written into the query as well as from variables', async () => {
    // A literal date reaches the resolvers as a Date object of @neo4j/graphql's driver copy, a variable as parsed
    // by graphql-jit: both must pick the same directive (a notebook writes either).
    const fields = 'cascade(code: "28-NQ/TW", issuedOn: $d) { root { id } } implementationLag(code: "28-NQ/TW", issuedOn: $d) { documents } gaps(code: "28-NQ/TW", issuedOn: $d) { key }';
    const viaVariable = await gqlData<Record<string, unknown>>(`query($d: Date) { ${fields} }`, { d: '2022-11-17' });
    const literal = await gqlData<Record<string, unknown>>(`{ ${fields.replaceAll('$d', '"2022-11-17"')} }`);
    expect(literal).toEqual(viaVariable);
    expect((viaVariable.cascade as { root: { id: string } }).root.id).toBe('28-NQ/TW@2022-11-17');
    // A date with no directive is still a clear NOT_FOUND, however it is written.
    const missing = await gql('{ cascade(code: "28-NQ/TW", issuedOn: "2001-01-01") { truncated } }');
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // … and names the texts of that code the graph holds, so the asker sees the date was the wrong part.
    expect(missing.errors?.[0]?.message).toBe('no directive 28-NQ/TW issued 2001-01-01 in the graph; it holds 28-NQ/TW issued 2022-11-17');
    const invalid = await gql('{ cascade(code: "28-NQ/TW", issuedOn: "2022-13-45") { truncated } }');
    expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(invalid.errors?.[0]?.message).toContain('2022-13-45');
  });
});

describe('ingestDocument and auth', () => {
  const MUTATION = 'mutation($f: String!, $t: String!) { ingestDocument(fileName: $f, text: $t) { uid code type issuedOn province implements { code quote } nodesWritten } }';
  const seed004 = fs.readFileSync(path.join(repoRoot, 'seed', 'corpus', '004_ffda23340a6344ce.txt'), 'utf8');

  it('refuses without a token (UNAUTHENTICATED)', async () => {
    const r = await gql(MUTATION, { f: '004_ffda23340a6344ce.txt', t: seed004 });
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a bad signature and an expired token (UNAUTHENTICATED)', async () => {
    const forged = await token(['editor'], { key: new TextEncoder().encode('not-the-server-secret-0123456789') });
    expect((await gql(MUTATION, { f: 'x.txt', t: seed004 }, { authorization: `Bearer ${forged}` })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const expired = await token(['editor'], { exp: Math.floor(Date.now() / 1000) - 60 });
    const r = await gql(MUTATION, { f: 'x.txt', t: seed004 }, { authorization: `Bearer ${expired}` });
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0]?.message).toMatch(/expired/);
  });

  it('refuses the viewer role (FORBIDDEN)', async () => {
    const viewer = await token(['viewer']);
    expect((await gql(MUTATION, { f: 'x.txt', t: seed004 }, { authorization: `Bearer ${viewer}` })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('stores a text for an editor, idempotently (re-ingesting a seed text leaves the graph as it was)', async () => {
    const editor = await token(['editor']);
    const counts = () => gqlData<{ c: Array<{ count: number }> }>('{ c: countsBy(dimension: TYPE, includeStubs: true) { count } }').then((d) => d.c.reduce((s, r) => s + r.count, 0));
    const before = await counts();
    const d = await gqlData<{ ingestDocument: { uid: string; code: string; type: string; issuedOn: string; province: string; implements: Array<{ code: string; quote: string }> } }>(
      MUTATION,
      { f: '004_ffda23340a6344ce.txt', t: seed004 },
      { authorization: `Bearer ${editor}` },
    );
    expect(d.ingestDocument.code).toBe('86-HD/BTGTU');
    expect(d.ingestDocument.type).toBe('HD');
    expect(d.ingestDocument.implements.length).toBeGreaterThan(0);
    for (const ref of d.ingestDocument.implements) expect(seed004).toContain(ref.quote);
    expect(await counts()).toBe(before);
  });

  it('reads a file sent as bytes (contentBase64) as the command line reads it: UTF-16 seed 004 is the text stored', async () => {
    const editor = await token(['editor']);
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed004, 'utf16le')]);
    const r = await gqlData<{ ingestDocument: { uid: string; code: string; nodesWritten: number } }>(
      'mutation($f: String!, $b: String) { ingestDocument(fileName: $f, contentBase64: $b) { uid code nodesWritten } }',
      { f: '004_ffda23340a6344ce.txt', b: bytes.toString('base64') },
      { authorization: `Bearer ${editor}` },
    );
    expect(r.ingestDocument).toMatchObject({ uid: '86-HD/BTGTU@2023-06-28#binh-phuoc', code: '86-HD/BTGTU' });
    const stored = await gqlData<{ directives: Array<{ text: string }> }>('query($uid: ID!) { directives(where: { uid: { eq: $uid } }) { text } }', { uid: r.ingestDocument.uid });
    expect(stored.directives[0]!.text).toBe(seed004.normalize('NFC').replace(/^\uFEFF/, ''));
  });

  it('rejects bad input with BAD_USER_INPUT and stores nothing', async () => {
    const editor = await token(['editor']);
    const h = { authorization: `Bearer ${editor}` };
    expect((await gql(MUTATION, { f: 'empty.txt', t: '   ' }, h)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(MUTATION, { f: '../etc/passwd', t: 'x' }, h)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(MUTATION, { f: 'bin.txt', t: 'PK\u0003\u0004\u0000\u0000binary' }, h)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Control characters anywhere, not only in the first 4 096 characters.
    const late = `${'Kế hoạch số 1-KH/TU. '.repeat(300)}${'\u0001\u0002'.repeat(100)}`;
    expect((await gql(MUTATION, { f: 'late.txt', t: late }, h)).errors?.[0]).toMatchObject({ message: expect.stringContaining('binary control characters'), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('converts a VNI text read as Latin-1, as the command line does', async () => {
    const h = { authorization: `Bearer ${await token(['editor'])}` };
    const ingest = 'mutation($f: String!, $t: String!) { ingestDocument(fileName: $f, text: $t) { code type title province } }';
    const seed004 = fs.readFileSync(path.join(repoRoot, 'seed', 'corpus', '004_ffda23340a6344ce.txt'), 'utf8').normalize('NFC');
    // The lines VNI can write (it has no “ ”, –, ²): the header, the title, most of the text.
    const text = `${seed004.split('\n').filter(vniWritable).join('\n')}\n`;
    const vni = toVni(text);
    expect(vni).toContain('Ñaûng'); // what a VNI file shows when read as Latin-1
    try {
      const d = await gqlData<{ ingestDocument: { code: string; type: string; title: string; province: string } }>(ingest, { f: '004_ffda23340a6344ce.txt', t: vni }, h);
      const r = extractDocument('004_ffda23340a6344ce.txt', text);
      expect(d.ingestDocument).toEqual({ code: '86-HD/BTGTU', type: 'HD', title: r.title, province: 'Bình Phước' });
      expect(d.ingestDocument.title).toMatch(/^[^ñÑ]+$/);
    } finally {
      await gqlData(ingest, { f: '004_ffda23340a6344ce.txt', t: seed004 }, h);
    }
  });
});

describe('previewDocument', () => {
  const PREVIEW = `query($f: String!, $t: String, $b: String) { previewDocument(fileName: $f, text: $t, contentBase64: $b) {
    text id code resolvedCode type issuedOn province level issuer inGraph implementedByCount implementedBy { id code stub }
    implements { code issuedOn quote start end mentions inGraph { id code stub } }
    cites { code issuedOn resolvedIssuedOn quote start end inGraph { id code issuedOn stub } }
    statedLinks { from to quote start end }
    assignments { organization organizationKey quote start end assignedByTexts tasks { text timing quote start end } }
    warnings } }`;
  interface Ref { code: string; issuedOn: string | null; resolvedIssuedOn?: string | null; quote: string; start: number; end: number; inGraph: { id: string; code: string; stub: boolean; issuedOn?: string } | null }
  interface Preview {
    text: string; id: string; code: string | null; resolvedCode: string | null; type: string; issuedOn: string | null; province: string | null; level: string; issuer: string | null;
    inGraph: string; implementedByCount: number; implementedBy: Array<{ id: string; code: string | null; stub: boolean }>;
    implements: Ref[]; cites: Ref[]; statedLinks: Array<{ from: string; to: string; quote: string; start: number; end: number }>;
    assignments: Array<{ organization: string; organizationKey: string; quote: string; start: number; end: number; assignedByTexts: number; tasks: Array<{ text: string; timing: string | null; quote: string; start: number; end: number }> }>;
    warnings: string[];
  }
  const preview = async (vars: Record<string, unknown>) => (await gqlData<{ previewDocument: Preview }>(PREVIEW, vars)).previewDocument;
  const seed = (f: string) => fs.readFileSync(path.join(repoRoot, 'seed', 'corpus', f), 'utf8');
  const totals = () => gqlData<{ c: Array<{ count: number }> }>('{ c: countsBy(dimension: TYPE, includeStubs: true) { count } }').then((d) => d.c.reduce((n, r) => n + r.count, 0));
  /** Every quote of a preview is the text at its offsets. */
  const quotesAtOffsets = (p: Preview) => {
    const all = [...p.implements, ...p.cites, ...p.statedLinks, ...p.assignments, ...p.assignments.flatMap((a) => a.tasks)];
    for (const q of all) expect(p.text.slice(q.start, q.end)).toBe(q.quote);
    return all.length;
  };

  it('reads a new district plan sent as .docx bytes: where it joins the graph, what it assigns; nothing stored', async () => {
    const before = await totals();
    const lines = districtPlan('Hàm Thuận Bắc', '45-KH/HU', '12').split('\n');
    const p = await preview({ f: 'ke-hoach-45.docx', b: docx(lines).toString('base64') });
    expect(p).toMatchObject({ code: '45-KH/HU', type: 'KH', issuedOn: '2023-04-12', province: 'Bình Thuận', level: 'district', inGraph: 'NEW', implementedByCount: 0 });
    // The programme it implements is 003, stored with its full text (its code only known from 000 and the corpus).
    expect(p.implements).toEqual([expect.objectContaining({ code: '58-CTr/TU', issuedOn: '2023-03-30', inGraph: { id: '58-CTr/TU@2023-03-30#binh-thuan', code: '58-CTr/TU', stub: false } })]);
    expect(p.assignments.map((a) => [a.organization, a.assignedByTexts, a.tasks.map((t) => t.timing)])).toEqual([['Ban Tuyên giáo Huyện ủy Hàm Thuận Bắc', 0, ['nhiệm vụ thường xuyên']]]);
    expect(p.warnings).toEqual([]);
    expect(quotesAtOffsets(p)).toBeGreaterThan(2);
    expect(p.text).toContain('HUYỆN ỦY HÀM THUẬN BẮC');
    expect(await totals()).toBe(before);
    // The same plan of another province's district is another text: its 58-CTr/TU is not Bình Thuận's.
    const other = await preview({ f: 'kh.txt', t: districtPlan('Hàm Thuận Bắc', '45-KH/HU', '12').replace('ĐẢNG BỘ TỈNH BÌNH THUẬN', 'ĐẢNG BỘ TỈNH ĐỒNG NAI') });
    expect(other.province).toBe('Đồng Nai');
    expect(other.implements[0]!.inGraph).toBeNull();
  });

  it('knows a stored seed text, identifies the codeless programme by the graph, and names what implements it', async () => {
    const p = await preview({ f: '003_b599351afc1a319a.txt', t: seed('003_b599351afc1a319a.txt') });
    expect(p).toMatchObject({ code: null, resolvedCode: '58-CTr/TU', id: '58-CTr/TU@2023-03-30#binh-thuan', inGraph: 'SAME_TEXT', province: 'Bình Thuận', implementedByCount: 1 });
    expect(p.implementedBy).toEqual([expect.objectContaining({ code: null, stub: false })]);
    expect(p.implements.map((r) => [r.code, r.inGraph?.id])).toEqual([['28-NQ/TW', '28-NQ/TW@2022-11-17'], ['12-KH/TW', '12-KH/TW@2022-11-28']]);
    // An undated mention links where the writer links it: the one dated 21-NQ/TW the graph holds.
    const undated = p.cites.find((r) => r.code === '21-NQ/TW' && !r.issuedOn)!;
    expect(undated.inGraph).toMatchObject({ id: '21-NQ/TW@2022-06-16', stub: true });
    expect(p.assignments.length).toBeGreaterThan(10);
    expect(p.assignments.filter((a) => a.assignedByTexts > 0).length).toBe(p.assignments.length);
    quotesAtOffsets(p);
    // Another version of a stored text: the same identity, other content.
    const changed = await preview({ f: '004.txt', t: `${seed('004_ffda23340a6344ce.txt')}\nPhụ lục: danh sách bổ sung.\n` });
    expect(changed).toMatchObject({ code: '86-HD/BTGTU', inGraph: 'OTHER_TEXT' });
    // A text the graph knows only from mentions.
    const mentioned = await preview({ f: 'nq28.txt', t: 'BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 28-NQ/TW\nHà Nội, ngày 17 tháng 11 năm 2022\nNGHỊ QUYẾT\nvề tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng đối với hệ thống chính trị trong giai đoạn mới\n' });
    expect(mentioned).toMatchObject({ id: '28-NQ/TW@2022-11-17', inGraph: 'MENTIONED', level: 'central' });
    expect(mentioned.implementedBy.map((d) => d.id)).toContain('58-CTr/TU@2023-03-30#binh-thuan');
    expect(mentioned.warnings).toEqual(['NO_IMPLEMENTS', 'NO_ASSIGNMENTS']);
  });

  it('refuses what it cannot read with BAD_USER_INPUT', async () => {
    const code = async (vars: Record<string, unknown>) => (await gql(PREVIEW, vars)).errors?.[0];
    expect(await code({ f: 'a.txt' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('either text') });
    expect(await code({ f: 'a.txt', t: 'x', b: 'eA==' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(await code({ f: 'a.doc', b: 'eA==' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('.docx') });
    expect(await code({ f: 'a.txt', b: 'not base64!' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: 'contentBase64 is not base64' });
    expect(await code({ f: 'a.docx', b: Buffer.from('not a zip').toString('base64') })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(await code({ f: 'a.txt', b: '' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: 'empty file' });
    expect(await code({ f: '../a.txt', t: 'x' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('bad requests', () => {
  const codeOf = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => r.errors?.[0]?.extensions?.code;
  it('a variable of the wrong type is BAD_USER_INPUT with status 400 and its reason (it was INTERNAL_SERVER_ERROR)', async () => {
    const q = 'query($d: Int, $dir: CascadeDirection, $on: Date) { cascade(code: "58-CTr/TU", depth: $d, direction: $dir, issuedOn: $on) { truncated } }';
    for (const vars of [{ d: 'abc' }, { dir: 'SIDEWAYS' }, { on: '2023-13-45' }]) {
      const r = await gql(q, vars);
      expect([r.status, codeOf(r)], JSON.stringify(vars)).toEqual([400, 'BAD_USER_INPUT']);
      expect(r.errors![0]!.message).toMatch(/^Variable "\$(d|dir|on)" got invalid value/);
    }
    const missing = await gql('query($c: String!) { cascade(code: $c) { truncated } }', {});
    expect([missing.status, codeOf(missing)]).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('a date must be a day of the calendar: no rolling 30 February over to 2 March, no time of day', async () => {
    for (const on of ['2023-02-30', '2023-03-30T10:00:00Z', '2023-3-30']) {
      const literal = await gql(`{ cascade(code: "58-CTr/TU", issuedOn: "${on}") { truncated } }`);
      expect(literal.errors?.[0]?.message, on).toContain('Date must be a day of the calendar written yyyy-mm-dd');
      const variable = await gql('query($on: Date) { cascade(code: "58-CTr/TU", issuedOn: $on) { truncated } }', { on });
      expect(codeOf(variable), on).toBe('BAD_USER_INPUT');
    }
    const ok = await gqlData<{ cascade: { root: { code: string; issuedOn: string } } }>('{ cascade(code: "58-CTr/TU", issuedOn: "2023-03-30") { root { code issuedOn } } }');
    expect(ok.cascade.root).toEqual({ code: '58-CTr/TU', issuedOn: '2023-03-30' });
    const filtered = await gqlData<{ documents: Array<{ code: string }> }>('query($on: Date) { documents(where: { issuedOn: { eq: $on } }) { code } }', { on: '2023-03-30' });
    expect(filtered.documents.map((d) => d.code)).toEqual(['58-CTr/TU']);
    // Written into the query: the same (compiled by graphql-jit, the date reached @neo4j/graphql as a map: no match).
    const literal = await gqlData<{ documents: Array<{ code: string }> }>('{ documents(where: { issuedOn: { gte: "2023-03-30", lte: "2023-03-30" } }) { code } }');
    expect(literal.documents.map((d) => d.code)).toEqual(['58-CTr/TU']);
  });

  it('takes a whole filter as a variable, as notebooks build them (graphql-jit ran out of memory compiling one)', async () => {
    const q = 'query($w: DirectiveWhere) { directivesConnection(where: $w) { totalCount } }';
    const byProvince = await gqlData<{ directivesConnection: { totalCount: number } }>(q, { w: { province: { eq: 'Bình Thuận' } } });
    const all = await gqlData<{ directivesConnection: { totalCount: number } }>(q, {});
    expect(byProvince.directivesConnection.totalCount).toBeGreaterThan(1);
    expect(byProvince.directivesConnection.totalCount).toBeLessThan(all.directivesConnection.totalCount);
    const orgs = await gqlData<{ organizationsConnection: { totalCount: number } }>('query($w: OrganizationWhere) { organizationsConnection(where: $w) { totalCount } }', { w: { OR: [{ province: { eq: 'Bình Thuận' } }, { province: { eq: 'Quảng Nam' } }] } });
    expect(orgs.organizationsConnection.totalCount).toBeGreaterThan(5);
    expect((await fetch(`${inject('baseUrl')}/health`)).status).toBe(200);
  });

  it('negative limits, offsets and list sizes are BAD_USER_INPUT, at any depth of the request', async () => {
    for (const q of ['{ directives(limit: -1) { uid } }', '{ directives(offset: -1) { uid } }', 'query($n: Int) { documents { uid implements(limit: $n) { uid } } }', '{ roots(first: 0) { code } }', '{ roots(first: -1) { code } }', '{ search(text: "28", first: -1) { code } }']) {
      const r = await gql(q, { n: -2 });
      expect(codeOf(r), q).toBe('BAD_USER_INPUT');
    }
    expect((await gql('query($n: Int) { documents { uid implements(limit: $n) { uid } } }', { n: -2 })).errors![0]!.message).toBe('implements(limit: -2): limit, offset and first must be 0 or more');
    expect((await gqlData<{ directives: unknown[] }>('{ directives(limit: 2) { uid } }')).directives).toHaveLength(2);
    expect((await gqlData<{ roots: unknown[] }>('{ roots(first: 1) { code } }')).roots).toHaveLength(1);
  });
});

describe('response cache', () => {
  it('answers repeated reads from memory and drops them when a text is ingested', async () => {
    const driver = (await import('neo4j-driver')).default.driver(inject('neo4jUri'), (await import('neo4j-driver')).default.auth.basic('neo4j', 'x'));
    const q = '{ levels(where: { key: { eq: "commune" } }) { key name } }';
    try {
      const before = await gqlData<{ levels: Array<{ name: string }> }>(q);
      await driver.executeQuery("MATCH (l:Level {key: 'commune'}) SET l.name = 'Xã (đổi)'");
      const cached = await gqlData<{ levels: Array<{ name: string }> }>(q);
      expect(cached.levels[0]!.name).toBe(before.levels[0]!.name);
      const editor = await token(['editor']);
      const seed004 = fs.readFileSync(path.join(repoRoot, 'seed', 'corpus', '004_ffda23340a6344ce.txt'), 'utf8');
      await gqlData('mutation($f: String!, $t: String!) { ingestDocument(fileName: $f, text: $t) { uid } }', { f: '004_ffda23340a6344ce.txt', t: seed004 }, { authorization: `Bearer ${editor}` });
      const fresh = await gqlData<{ levels: Array<{ name: string }> }>(q);
      expect(fresh.levels[0]!.name).toBe('Xã (đổi)');
    } finally {
      await driver.executeQuery("MATCH (l:Level {key: 'commune'}) SET l.name = 'Xã'");
      await driver.close();
    }
  });

  /** A server of its own, watching the graph every 200 ms, with cache entries that would live 10 minutes. */
  async function ownServer(env: Record<string, string> = {}) {
    const neo4jDriver = (await import('neo4j-driver')).default;
    const { readConfig } = await import('../../server/src/config.js');
    const { startHttpServer } = await import('../../server/src/api/server.js');
    const driver = neo4jDriver.driver(inject('neo4jUri'), neo4jDriver.auth.basic('neo4j', 'x'));
    const config = readConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', RESPONSE_CACHE_TTL_S: '600', GRAPH_VERSION_POLL_MS: '200', ...env });
    const server = await startHttpServer(driver, config, () => undefined);
    return { driver, server };
  }

  it.each([
    ['another process raises the graph version (an ingest CLI, another replica)', true],
    ['somebody writes Cypher by hand (no graph version raised)', false],
  ])('drops cached answers when %s', async (_what, bump) => {
    const { bumpGraphVersion, readGraphVersion } = await import('../../server/src/graph/graph-version.js');
    const { driver, server } = await ownServer();
    const q = JSON.stringify({ query: '{ levels(where: { key: { eq: "district" } }) { key name } }' });
    const name = async () => {
      const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: q });
      return ((await res.json()) as { data: { levels: Array<{ name: string }> } }).data.levels[0]!.name;
    };
    const before = await name();
    try {
      // The watch's first reading is taken before the write.
      await new Promise((r) => setTimeout(r, 500));
      const version = await readGraphVersion(driver);
      await driver.executeQuery("MATCH (l:Level {key: 'district'}) SET l.name = 'Huyện (đổi)'");
      if (bump) {
        await bumpGraphVersion(driver);
        expect(await readGraphVersion(driver)).toBeGreaterThan(version ?? 0);
      } else {
        expect(await readGraphVersion(driver)).toBe(version);
      }
      const t0 = Date.now();
      let seen = await name();
      while (seen === before && Date.now() - t0 < 5000) {
        await new Promise((r) => setTimeout(r, 100));
        seen = await name();
      }
      expect(seen).toBe('Huyện (đổi)');
    } finally {
      await driver.executeQuery("MATCH (l:Level {key: 'district'}) SET l.name = $n", { n: before });
      await bumpGraphVersion(driver);
      await server.close();
      await driver.close();
    }
  });

  it('keeps a gzipped copy of a large answer and sends it to clients elsewhere that accept gzip, plain JSON on this machine', async () => {
    const http = await import('node:http');
    const zlib = await import('node:zlib');
    const { driver, server } = await ownServer();
    const body = JSON.stringify({ query: CASCADE, variables: { code: '28-NQ/TW' } });
    // Through a proxy (X-Forwarded-For), the answer goes on to a client elsewhere; without, the client is on this machine.
    const post = (encoding: string | null, viaProxy = true) =>
      new Promise<{ headers: import('node:http').IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
        const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
        if (encoding) headers['accept-encoding'] = encoding;
        if (viaProxy) headers['x-forwarded-for'] = '203.0.113.7';
        const req = http.request(`http://127.0.0.1:${server.port}/graphql`, { method: 'POST', headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
        req.end(body);
      });
    try {
      const miss = await post(null);
      expect(miss.headers['x-cache']).toBe('MISS');
      const plain = miss.bytes.toString('utf8');
      expect(JSON.parse(plain).data.cascade.nodes.length).toBeGreaterThan(20);
      // The gzipped copy is made after the answer left, in the thread pool: wait until a hit carries it.
      const t0 = Date.now();
      let hit = await post('gzip, deflate');
      while (hit.headers['content-encoding'] !== 'gzip' && Date.now() - t0 < 5000) {
        await new Promise((r) => setTimeout(r, 50));
        hit = await post('gzip, deflate');
      }
      expect(hit.headers['content-encoding']).toBe('gzip');
      expect(hit.headers['x-cache']).toBe('HIT');
      expect(hit.headers.vary).toMatch(/accept-encoding/i);
      expect(hit.bytes.length).toBeLessThan(miss.bytes.length / 3);
      expect(zlib.gunzipSync(hit.bytes).toString('utf8') === plain).toBe(true);
      // A client that does not accept gzip gets the same answer as plain JSON.
      const again = await post(null);
      expect(again.headers['content-encoding']).toBeUndefined();
      expect(again.headers['content-type']).toMatch(/^application\/json/);
      expect(again.bytes.toString('utf8') === plain).toBe(true);
      // A client on this machine, reached directly, gets plain JSON although it accepts gzip.
      const local = await post('gzip, deflate', false);
      expect(local.headers['x-cache']).toBe('HIT');
      expect(local.headers['content-encoding']).toBeUndefined();
      expect(local.bytes.toString('utf8') === plain).toBe(true);
    } finally {
      await server.close();
      await driver.close();
    }
  });
  it('computes the most asked-for answers again after a change, before anybody asks (refresh-ahead)', async () => {
    // Room for one: the answer asked for three times is computed again, the one asked for once is not.
    const { driver, server } = await ownServer({ RESPONSE_CACHE_REFRESH: '1' });
    const body = (key: string) => JSON.stringify({ query: `{ levels(where: { key: { eq: "${key}" } }) { key name } }` });
    const ask = async (key: string) => {
      const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(key) });
      return { cache: res.headers.get('x-cache'), name: ((await res.json()) as { data: { levels: Array<{ name: string }> } }).data.levels[0]!.name };
    };
    const first = await ask('provincial');
    try {
      expect(first.cache).toBe('MISS');
      expect(await ask('provincial')).toEqual({ cache: 'HIT', name: first.name });
      expect((await ask('provincial')).cache).toBe('HIT');
      expect((await ask('central')).cache).toBe('MISS');
      await new Promise((r) => setTimeout(r, 500));
      await driver.executeQuery("MATCH (l:Level {key: 'provincial'}) SET l.name = 'Tỉnh (làm mới)'");
      // The watch sees the write within 200 ms, the refresh waits 1 s of quiet and then runs: nobody asks meanwhile.
      await new Promise((r) => setTimeout(r, 5000));
      expect(await ask('provincial')).toEqual({ cache: 'HIT', name: 'Tỉnh (làm mới)' });
      expect((await ask('central')).cache).toBe('MISS');
    } finally {
      await driver.executeQuery("MATCH (l:Level {key: 'provincial'}) SET l.name = $n", { n: first.name });
      await server.close();
      await driver.close();
    }
  });
  it.each([
    ['answers the largest cascades ahead, in the shape of the cascade request asked for', '80'],
    ['answers nothing ahead with RESPONSE_CACHE_AHEAD=0', '0'],
  ])('%s', async (_what, ahead) => {
    const { largestCascades } = await import('../../server/src/graph/queries/largest-cascades.js');
    const { CASCADE_VIEW_QUERY, cascadeVariables } = await import('../../web/src/api/queries.js');
    const { driver, server } = await ownServer({ RESPONSE_CACHE_AHEAD: ahead });
    // The explorer's request: code, then the date and the province when the directive has them.
    const body = (d: { code: string; issuedOn: string | null; province: string | null }) => JSON.stringify({ query: CASCADE_VIEW_QUERY, variables: cascadeVariables(d, 4, 'DOWN') });
    const ask = async (port: number, d: Parameters<typeof body>[0]) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(d) });
      return { cache: res.headers.get('x-cache'), text: await res.text() };
    };
    const health = async () => ((await (await fetch(`http://127.0.0.1:${server.port}/health`)).json()) as { responseCache: { entries: number; refreshing: boolean } }).responseCache;
    try {
      await server.warmedUp;
      const largest = await largestCascades(driver, 80);
      // On the seed: the central texts cited or implemented by most of the five (28-NQ/TW among them), largest first.
      expect(largest.map((d) => d.code)).toContain('28-NQ/TW');
      expect(largest.length).toBeGreaterThan(5);
      expect(largest.map((d) => d.size)).toEqual(largest.map((d) => d.size).sort((a, b) => b - a));
      const [first, ...others] = largest;
      expect((await ask(server.port, first!)).cache).toBe('MISS');
      // After 1 s with nothing new, the other largest cascades are computed in the background.
      const idle = async (wait: number) => {
        const t0 = Date.now();
        await new Promise((r) => setTimeout(r, wait));
        while ((await health()).refreshing && Date.now() - t0 < 15_000) await new Promise((r) => setTimeout(r, 100));
      };
      await idle(300);
      expect((await health()).entries).toBe(ahead === '0' ? 1 : largest.length);
      for (const d of others) {
        const answer = await ask(server.port, d);
        expect(answer.cache).toBe(ahead === '0' ? 'MISS' : 'HIT');
        // The same answer as computed on request (the shared test server; its own cache holds nothing of this server's).
        const fresh = await fetch(`${inject('baseUrl')}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(d) });
        expect(answer.text === (await fresh.text())).toBe(true);
      }
      if (ahead === '0') return;
      // Three more changes with nobody asking in between: the asked-for answers' counts halve away, the pattern stays,
      // and after each change the largest cascades are answered ahead again.
      const { bumpGraphVersion } = await import('../../server/src/graph/graph-version.js');
      for (let i = 0; i < 3; i++) {
        await bumpGraphVersion(driver);
        // The watch (every 200 ms here) sees the change; the refresh then waits a quiet second, so this is not missed.
        const t0 = Date.now();
        while (!(await health()).refreshing && Date.now() - t0 < 5_000) await new Promise((r) => setTimeout(r, 100));
        await idle(0);
      }
      expect((await health()).entries).toBe(largest.length);
      for (const d of largest) expect((await ask(server.port, d)).cache).toBe('HIT');
    } finally {
      await server.close();
      await driver.close();
    }
  });

  it('answers the requests asked for most before a restart from memory right after it', async () => {
    const os = await import('node:os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-keys-'));
    const file = path.join(dir, 'response-cache-keys.json');
    const body = JSON.stringify({ query: CASCADE, variables: { code: '28-NQ/TW' } });
    const ask = async (port: number) => (await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).headers.get('x-cache');
    // No graph-version watch: a suite running alongside that writes to the shared graph would clear the answers.
    const env = { RESPONSE_CACHE_KEYS_FILE: file, GRAPH_VERSION_POLL_MS: '0' };
    try {
      const before = await ownServer(env);
      try {
        await before.server.warmedUp;
        expect(await ask(before.server.port)).toBe('MISS');
        expect(await ask(before.server.port)).toBe('HIT');
      } finally {
        await before.server.close();
        await before.driver.close();
      }
      // Only the request and how often it was asked for are kept, not the answer (the graph may change meanwhile).
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual([[JSON.stringify([CASCADE, { code: '28-NQ/TW' }, null]), 2]]);
      const after = await ownServer(env);
      try {
        await after.server.warmedUp;
        expect(await ask(after.server.port)).toBe('HIT');
      } finally {
        await after.server.close();
        await after.driver.close();
      }
      // A server stopped before it read the file (during its warm-up) keeps what the file held.
      const held = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<[string, number]>;
      expect(held.map(([key]) => key)).toEqual([JSON.stringify([CASCADE, { code: '28-NQ/TW' }, null])]);
      const quick = await ownServer(env);
      await quick.server.close();
      await quick.driver.close();
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(held);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hardening', () => {
  it('refuses a too-deep query, also when named __schema', async () => {
    const deep = '{ directives { implementedBy { implementedBy { implementedBy { implementedBy { implementedBy { implementedBy { implementedBy { uid } } } } } } } } }';
    const r = await gql(deep);
    expect(r.errors?.[0]?.message).toMatch(/depth/i);
    const sneaky = await gql(`query __schema ${deep}`);
    expect(sneaky.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('refuses a body over the size limit with a JSON error', async () => {
    const res = await fetch(`${inject('baseUrl')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ roots { code } }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('GraphQL over HTTP', () => {
  /** A raw POST to /graphql: the body written in `parts` (several writes), with the given headers. */
  const post = (parts: Array<string | Buffer>, headers: Record<string, string>, pathname = '/graphql') =>
    new Promise<{ status: number; headers: import('node:http').IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
      const url = new URL(pathname, inject('baseUrl'));
      const req = http.request(url, { method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      // Each piece on its own, a moment apart: the server reads them as separate chunks.
      void (async () => {
        for (const part of parts.slice(0, -1)) {
          req.write(part);
          await new Promise((r) => setTimeout(r, 30));
        }
        req.end(parts.at(-1));
      })();
    });
  const json = { 'content-type': 'application/json' };
  const body = JSON.stringify({ query: CASCADE, variables: { code: '28-NQ/TW', depth: 2 } });

  it('reads a body sent in pieces, and takes a query string on the path', async () => {
    const whole = await post([body], json);
    expect(whole.status).toBe(200);
    const answer = whole.bytes.toString('utf8');
    expect(JSON.parse(answer).data.cascade.nodes.length).toBeGreaterThan(3);
    // Cut inside a multi-byte character: the pieces are joined as bytes, then decoded (the refusal quotes the code).
    const bytes = Buffer.from(JSON.stringify({ query: 'query($code: String!) { cascade(code: $code) { truncated } }', variables: { code: 'Bình Thuận 99' } }), 'utf8');
    const cut = bytes.indexOf(Buffer.from('ì', 'utf8')) + 1;
    const inPieces = await post([bytes.subarray(0, cut), bytes.subarray(cut)], { ...json, 'content-length': String(bytes.length) });
    expect(JSON.parse(inPieces.bytes.toString('utf8')).errors[0].message).toContain('"Bình Thuận 99"');
    const chunked = await post([body.slice(0, 10), body.slice(10, 500), body.slice(500)], json, '/graphql?from=test');
    expect(chunked.status).toBe(200);
    expect(chunked.bytes.toString('utf8')).toBe(answer);
  });

  it('gives the same answer whether it is compressed for a client elsewhere or sent plain', async () => {
    const zlib = await import('node:zlib');
    const plain = await post([body], { ...json, 'x-forwarded-for': '203.0.113.9', 'accept-encoding': 'identity' });
    const gzipped = await post([body], { ...json, 'x-forwarded-for': '203.0.113.9', 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zlib.gunzipSync(gzipped.bytes).toString('utf8')).toBe(plain.bytes.toString('utf8'));
    expect(plain.headers['content-type']).toBe(gzipped.headers['content-type']);
  });

  it('answers malformed and empty bodies with a JSON error, and a query that is no GraphQL with GRAPHQL_PARSE_FAILED', async () => {
    const broken = await post(['{"query": "{ roots { code } }"'], json);
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.bytes.toString('utf8')).errors[0].extensions.code).toBe('BAD_REQUEST');
    // The same from a client elsewhere that takes gzip (served by Express): the same JSON error.
    const brokenElsewhere = await post(['{"query": "{ roots { code } }"'], { ...json, 'x-forwarded-for': '203.0.113.9', 'accept-encoding': 'gzip' });
    expect(brokenElsewhere.status).toBe(400);
    expect(JSON.parse(brokenElsewhere.bytes.toString('utf8')).errors[0].extensions.code).toBe('BAD_REQUEST');
    const empty = await post([''], json);
    expect(empty.status).toBe(400);
    expect(JSON.parse(empty.bytes.toString('utf8')).errors[0].message).toMatch(/POST body missing/);
    const nonsense = await post([JSON.stringify({ query: 'roots {' })], json);
    expect(nonsense.status).toBe(400);
    expect(JSON.parse(nonsense.bytes.toString('utf8')).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    // Over the token limit: refused by the parser, as a syntax error.
    const many = await post([JSON.stringify({ query: `{ ${'__typename '.repeat(2500)}}` })], json);
    expect(many.status).toBe(400);
    const refusal = JSON.parse(many.bytes.toString('utf8')).errors[0];
    expect(refusal.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(refusal.message).toMatch(/2000 tokens/);
  });

  it('refuses a body in another character set or type as before (Apollo: 400, no answer)', async () => {
    const text = await post([body], { 'content-type': 'text/plain' });
    expect(text.status).toBe(400);
    expect(text.bytes.toString('utf8')).not.toMatch(/"data"/);
  });
});

describe('exports', () => {
  it('GraphML parses and holds the cascade', async () => {
    const res = await fetch(`${inject('baseUrl')}/export/cascade.graphml?code=28-NQ/TW`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="?cascade-28_NQ_TW\.graphml"?/);
    // The type the file is, not application/octet-stream (what its .graphml extension gave).
    expect(res.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    const xml = await res.text();
    const c = await cascade({ code: '28-NQ/TW' });
    expect(xml.startsWith('<?xml')).toBe(true);
    expect((xml.match(/<node /g) ?? []).length).toBe(c.nodes.length);
    expect((xml.match(/<edge /g) ?? []).length).toBe(c.edges.length);
    expect(xml).toContain('<graph id="cascade" edgedefault="directed">');
    // well-formed: every opened node/edge/data element is closed
    expect((xml.match(/<data /g) ?? []).length).toBe((xml.match(/<\/data>/g) ?? []).length);
  });

  it('Cytoscape JSON holds the same nodes and edges', async () => {
    const res = await fetch(`${inject('baseUrl')}/export/cascade.json?code=28-NQ/TW&relations=IMPLEMENTS,CITES`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const j = (await res.json()) as { elements: { nodes: Array<{ data: { id: string } }>; edges: Array<{ data: { source: string; target: string } }> } };
    const ids = new Set(j.elements.nodes.map((n) => n.data.id));
    expect(ids.size).toBeGreaterThanOrEqual(6);
    for (const e of j.elements.edges) {
      expect(ids.has(e.data.source)).toBe(true);
      expect(ids.has(e.data.target)).toBe(true);
    }
  });

  it('answers a missing code with 400 and an unknown one with 404', async () => {
    expect((await fetch(`${inject('baseUrl')}/export/cascade.json`)).status).toBe(400);
    expect((await fetch(`${inject('baseUrl')}/export/cascade.graphml?code=999-NQ/TW`)).status).toBe(404);
  });
  /** A CSV export's cells (csv-parse, the byte-order mark dropped), after checking what the response says it is. */
  async function csvCells(url: string, fileName: string): Promise<string[][]> {
    const res = await fetch(`${inject('baseUrl')}${url}`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename="?${fileName.replace('.', '\\.')}"?`));
    // The bytes: Response.text() would drop the byte-order mark Excel needs.
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return parse(bytes, { bom: true });
  }

  it('assignments.csv lists every task given under a root, one line each, as the graph holds them', async () => {
    const [header, ...lines] = await csvCells(`/export/assignments.csv?code=58-CTr/TU&province=${encodeURIComponent('Bình Thuận')}`, 'assignments-58_CTr_TU.csv');
    expect(header![5]).toBe('Cơ quan được giao');
    expect(lines).toContainEqual([
      '58-CTr/TU', 'Chương trình hành động', '2023-03-30', 'Bình Thuận', 'Tỉnh', 'Ban Cán sự đảng Tòa án nhân dân tỉnh',
      expect.stringMatching(/^Lãnh đạo tiếp tục đổi mới tổ chức, nâng cao chất lượng hoạt động của Tòa án nhân dân.*\(nhiệm vụ thường xuyên\)\.$/),
      'nhiệm vụ thường xuyên', '58-CTr/TU@2023-03-30#binh-thuan', '', 'ban can su dang toa an nhan dan tinh#binh-thuan', 'Thường xuyên', '',
    ]);
    // A task due in a year: its period and the year's last day.
    expect(lines.find((l) => l[7] === 'thực hiện năm 2023')!.slice(11)).toEqual(['Trong năm 2023', '2023-12-31']);
    // As many lines as the root and the texts implementing it have tasks (an assignment without a listed task: one).
    const driver = neo4j.driver(inject('neo4jUri'), neo4j.auth.basic('neo4j', 'x'));
    try {
      const r = await driver.executeQuery(
        `MATCH (:Directive {uid: '58-CTr/TU@2023-03-30#binh-thuan'})<-[:IMPLEMENTS*0..10]-(d:Directive) WITH DISTINCT d
         MATCH (d)-[a:ASSIGNED_TO]->(:Organization) RETURN sum(CASE size(a.tasks) WHEN 0 THEN 1 ELSE size(a.tasks) END) AS n, count(DISTINCT d) AS texts`,
      );
      expect(lines.length).toBe(r.records[0]!.get('n').toNumber());
      expect(r.records[0]!.get('texts').toNumber()).toBeGreaterThan(1);
    } finally {
      await driver.close();
    }
    expect(new Set(lines.map((l) => l[0])).size).toBeGreaterThan(1);
    // The root's lines first (level, province, date, code order), each text's organisations in Vietnamese order.
    expect(lines[0]![0]).toBe('58-CTr/TU');
    const ofRoot = lines.filter((l) => l[8] === '58-CTr/TU@2023-03-30#binh-thuan').map((l) => l[5]!);
    expect(ofRoot).toEqual([...ofRoot].sort(new Intl.Collator('vi').compare));
  });

  it('taskAssignments answers over GraphQL what assignments.csv lists', async () => {
    type Row = { documentUid: string; code: string | null; issuedOn: string | null; level: string | null; organization: string; organizationKey: string; tasks: string[]; timings: string[]; periods: string[]; dueOn: Array<string | null> };
    const rows = (
      await gqlData<{ taskAssignments: Row[] }>(
        `{ taskAssignments(code: "58-CTr/TU", province: "Bình Thuận") { documentUid code issuedOn level organization organizationKey tasks timings periods dueOn } }`,
      )
    ).taskAssignments;
    const court = rows.find((r) => r.organization === 'Ban Cán sự đảng Tòa án nhân dân tỉnh' && r.code === '58-CTr/TU')!;
    expect(court).toMatchObject({ documentUid: '58-CTr/TU@2023-03-30#binh-thuan', issuedOn: '2023-03-30', level: 'provincial', timings: ['nhiệm vụ thường xuyên'] });
    // The organisation's key, as the gap list and Organization.key name it.
    expect(court.organizationKey).toBe('ban can su dang toa an nhan dan tinh#binh-thuan');
    expect(court.tasks[0]).toMatch(/^Lãnh đạo tiếp tục đổi mới tổ chức/);
    expect(rows.every((r) => r.tasks.length === r.timings.length && r.periods.length === r.tasks.length && r.dueOn.length === r.tasks.length)).toBe(true);
    // Each task's period and due day, as taskSchedule names them.
    const year2023 = rows.flatMap((r) => r.timings.map((t, i) => [t, r.periods[i], r.dueOn[i]])).find(([t]) => t === 'thực hiện năm 2023');
    expect(year2023).toEqual(['thực hiện năm 2023', 'BY_YEAR:2023', '2023-12-31']);
    expect(court.periods).toEqual(['RECURRING']);
    expect(court.dueOn).toEqual([null]);
    const [, ...lines] = await csvCells(`/export/assignments.csv?code=58-CTr/TU&province=${encodeURIComponent('Bình Thuận')}`, 'assignments-58_CTr_TU.csv');
    expect(lines.map((l) => [l[8], l[5], l[6], l[7], l[10], l[12]])).toEqual(
      rows.flatMap((r) =>
        r.tasks.length ? r.tasks.map((t, i) => [r.documentUid, r.organization, t, r.timings[i], r.organizationKey, r.dueOn[i] ?? '']) : [[r.documentUid, r.organization, '', '', r.organizationKey, '']],
      ),
    );
  });

  it('gaps.csv and lag.csv hold what the GraphQL gap list and lag table answer, in English when asked', async () => {
    const gaps = (await gqlData<{ gaps: Array<{ organization: string; key: string; tasks: number; assignedBy: string[] }> }>('{ gaps(code: "28-NQ/TW") { organization key tasks assignedBy } }')).gaps;
    const [gapHeader, ...gapLines] = await csvCells('/export/gaps.csv?code=28-NQ/TW', 'gaps-28_NQ_TW.csv');
    expect(gapHeader![0]).toBe('Cơ quan');
    expect(gaps.length).toBeGreaterThan(5);
    expect(gapLines.map((l) => [l[0], Number(l[4]), l[5], l[6]])).toEqual(gaps.map((g) => [g.organization, g.tasks, g.assignedBy.join('; '), g.key]));
    const lag = (await gqlData<{ implementationLag: Array<{ province: string | null; documents: number; medianDays: number | null }> }>('{ implementationLag(code: "28-NQ/TW") { province documents medianDays } }')).implementationLag;
    const [lagHeader, ...lagLines] = await csvCells('/export/lag.csv?code=28-NQ/TW&lang=en', 'lag-28_NQ_TW.csv');
    expect(lagHeader).toEqual(['Province', 'Level', 'Implementing a text of level', 'Documents', 'Dated documents', 'Median (days)', 'Minimum (days)', 'Maximum (days)']);
    expect(lagLines).toContainEqual(['Bình Thuận', 'Provincial', 'Central', '1', '1', '133', '133', '133']);
    expect(lagLines.map((l) => [l[0] || null, Number(l[3]), l[5] === '' ? null : Number(l[5])])).toEqual(lag.map((r) => [r.province, r.documents, r.medianDays]));
  });

  it("province.csv holds a province's page as provinceOverview answers it, in English when asked; bad names are refused", async () => {
    type Row = { uid: string; code: string | null; issuedOn: string | null; stub: boolean; synthetic: boolean; texts: number; first: { code: string | null; lagDays: number | null } | null; organizations: number; tasks: number };
    const api = (await gqlData<{ provinceOverview: Row[] }>('{ provinceOverview(province: "binh thuan") { uid code issuedOn stub synthetic texts first { code lagDays } organizations tasks } }')).provinceOverview;
    const [header, ...lines] = await csvCells(`/export/province.csv?province=${encodeURIComponent('bình thuận')}`, 'province-binh_thuan.csv');
    expect(header![0]).toBe('Văn bản trung ương');
    expect(api.length).toBeGreaterThan(1);
    expect(lines.map((l) => [l[0] || null, l[1] || null, l[3] === 'có', Number(l[4]), l[6] || null, l[8] === '' ? null : Number(l[8]), Number(l[9]), Number(l[10]), l[11], l[12] === 'có'])).toEqual(
      api.map((r) => [r.code, r.issuedOn, r.stub, r.texts, r.first?.code ?? null, r.first?.lagDays ?? null, r.organizations, r.tasks, r.uid, r.synthetic]),
    );
    const row = lines.find((l) => l[0] === '28-NQ/TW')!;
    expect(row.slice(5, 9)).toEqual(['Tỉnh 2', '58-CTr/TU', '2023-03-30', '133']);
    const [enHeader, ...enLines] = await csvCells('/export/province.csv?province=Lâm Đồng&lang=en', 'province-lam_dong.csv');
    expect(enHeader).toEqual(['Central directive', 'Issued on', 'Title', 'Only mentioned', "Province's texts", 'By level', 'First answer', 'Answered on', 'Days', 'Organizations assigned', 'Tasks', 'Document uid', 'Synthetic']);
    expect(enLines.find((l) => l[0] === '28-NQ/TW')!.slice(3, 9)).toEqual(['yes', '2', 'Provincial 2', '58-CTr/TU', '2023-03-30', '133']);
    const error = async (url: string) => {
      const res = await fetch(`${inject('baseUrl')}${url}`);
      return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
    };
    expect(await error('/export/province.csv')).toEqual({ status: 400, body: { error: { code: 'BAD_USER_INPUT', message: 'query parameter "province" is required, e.g. ?province=Bình Thuận' } } });
    expect(await error('/export/province.csv?province=Atlantis')).toEqual({ status: 400, body: { error: { code: 'BAD_USER_INPUT', message: '"Atlantis" names no province (the GraphQL query provinces lists them)' } } });
    expect(await error('/export/province.csv?province=Atlantis&lang=fr')).toMatchObject({ status: 400, body: { error: { message: 'lang must be vi or en' } } });
  });

  it('answers bad table requests with a JSON error: no code, an unknown code, an unknown language', async () => {
    const error = async (url: string) => {
      const res = await fetch(`${inject('baseUrl')}${url}`);
      return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
    };
    expect(await error('/export/gaps.csv')).toEqual({ status: 400, body: { error: { code: 'BAD_USER_INPUT', message: 'query parameter "code" is required, e.g. ?code=28-NQ/TW' } } });
    expect(await error('/export/assignments.csv?code=999-NQ/TW')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(await error('/export/lag.csv?code=28-NQ/TW&lang=fr')).toEqual({ status: 400, body: { error: { code: 'BAD_USER_INPUT', message: 'lang must be vi or en' } } });
    // Parameters are checked before the root is looked up, and given once.
    expect(await error('/export/gaps.csv?code=999-NQ/TW&lang=fr')).toMatchObject({ status: 400, body: { error: { message: 'lang must be vi or en' } } });
    expect(await error('/export/cascade.json?code=999-NQ/TW&depth=99')).toMatchObject({ status: 400, body: { error: { message: 'depth must be between 1 and 10' } } });
    expect(await error('/export/assignments.csv?code=28-NQ/TW&code=58-CTr/TU')).toEqual({ status: 400, body: { error: { code: 'BAD_USER_INPUT', message: 'query parameter "code" must be given once, as text' } } });
    // A date that is no day of the calendar is the request's fault (it was Neo4j's error, a 500).
    for (const d of ['2023-13-45', '2023-02-30', 'garbage']) {
      expect(await error(`/export/gaps.csv?code=58-CTr/TU&issuedOn=${d}`), d).toEqual({
        status: 400,
        body: { error: { code: 'BAD_USER_INPUT', message: `issuedOn must be a day of the calendar written yyyy-mm-dd, e.g. 2022-11-17; got "${d}"` } },
      });
    }
    // No such download, or not a GET: JSON as the downloads answer, not Express's HTML page.
    expect(await error('/export/x.csv?code=28-NQ/TW')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND', message: expect.stringContaining('/export/gaps.csv') } } });
    const post = await fetch(`${inject('baseUrl')}/export/gaps.csv?code=28-NQ/TW`, { method: 'POST' });
    expect([post.status, post.headers.get('allow'), ((await post.json()) as { error: { code: string } }).error.code]).toEqual([405, 'GET, HEAD', 'METHOD_NOT_ALLOWED']);
  });
});
