/** An organisation's page (organizationOverview, /export/organization.csv) over the seed graph in the real Neo4j. */
import { parse } from 'csv-parse/sync';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { gql, gqlData } from '../support/graphql.js';

let driver: Driver;
beforeAll(() => {
  driver = neo4j.driver(inject('neo4jUri'), neo4j.auth.basic('neo4j', 'unused'));
});
afterAll(() => driver.close());

const BOARD = 'ban tuyen giao tinh uy#binh-thuan';

interface Overview {
  key: string;
  name: string;
  province: string | null;
  level: string | null;
  tasks: number;
  answered: number;
  assignments: Array<{
    uid: string;
    code: string | null;
    issuedOn: string | null;
    tasks: Array<{ text: string; timing: string | null; period: string; status: string | null; conditional: boolean; dueOn: string | null }>;
    answer: { uid: string; code: string | null; issuedOn: string | null; lagDays: number | null } | null;
  }>;
  issued: Array<{ uid: string; code: string | null; implements: string[] }>;
}
const QUERY = `query($key: ID!, $asOf: Date) { organizationOverview(key: $key, asOf: $asOf) {
  key name province level tasks answered
  assignments { uid code issuedOn tasks { text timing period status conditional dueOn } answer { uid code issuedOn lagDays } }
  issued { uid code implements }
} }`;
const overview = async (key: string, asOf?: string) => (await gqlData<{ organizationOverview: Overview }>(QUERY, { key, asOf })).organizationOverview;

/** The organisation's assignments and own texts, read here from the graph's relationships themselves. */
async function fromGraph(key: string) {
  const assigned = await driver.executeQuery(
    'MATCH (d:Directive)-[a:ASSIGNED_TO]->(:Organization {key: $key}) RETURN d.uid AS uid, sum(size(a.tasks)) AS tasks',
    { key },
  );
  const own = await driver.executeQuery('MATCH (t:Directive)-[:ISSUED_BY]->(:Organization {key: $key}) RETURN t.uid AS uid', { key });
  const links = await driver.executeQuery('MATCH (a:Directive)-[:IMPLEMENTS]->(b:Directive) RETURN a.uid AS a, b.uid AS b');
  const up = new Map<string, string[]>();
  for (const r of links.records) (up.get(r.get('a')) ?? up.set(r.get('a'), []).get(r.get('a'))!).push(r.get('b'));
  /** Every text a text implements, directly or down a chain. */
  const above = (uid: string) => {
    const seen = new Set<string>();
    const queue = [uid];
    while (queue.length) for (const p of up.get(queue.shift()!) ?? []) if (!seen.has(p)) (seen.add(p), queue.push(p));
    return seen;
  };
  const ownUids = own.records.map((r) => r.get('uid') as string);
  return {
    tasks: new Map(assigned.records.map((r) => [r.get('uid') as string, Number(r.get('tasks'))])),
    own: ownUids,
    answering: (uid: string) => ownUids.filter((t) => above(t).has(uid)),
  };
}

describe('organizationOverview', () => {
  it("gives every text assigning the organisation tasks, its tasks and the organisation's answer, as the graph's relationships say", async () => {
    const o = await overview(BOARD, '2023-09-01');
    expect(o).toMatchObject({ key: BOARD, name: 'Ban Tuyên giáo Tỉnh ủy', province: 'Bình Thuận', level: 'provincial' });
    const g = await fromGraph(BOARD);
    expect(new Map(o.assignments.map((a) => [a.uid, a.tasks.length]))).toEqual(g.tasks);
    expect(o.tasks).toBe([...g.tasks.values()].reduce((n, x) => n + x, 0));
    expect(o.issued.map((t) => t.uid).sort()).toEqual([...g.own].sort());
    for (const a of o.assignments) {
      const answering = g.answering(a.uid);
      if (!answering.length) expect(a.answer, a.uid).toBeNull();
      else expect(answering, a.uid).toContain(a.answer!.uid);
    }
    expect(o.answered).toBe(o.assignments.filter((a) => g.answering(a.uid).length > 0).length);
    // 58-CTr/TU gives the board seven tasks; its guidance (000) carries the programme out.
    const programme = o.assignments.find((a) => a.code === '58-CTr/TU')!;
    expect(programme.issuedOn).toBe('2023-03-30');
    expect(programme.answer).not.toBeNull();
    expect(o.issued.find((t) => t.uid === programme.answer!.uid)!.implements).toContain('58-CTr/TU');
    // Newest first.
    const dates = o.assignments.map((a) => a.issuedOn).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("reads each task's period from its timing note, where it stands on asOf, and its due day", async () => {
    const task = (o: Overview, words: string) => o.assignments.flatMap((a) => a.tasks).find((t) => t.text.includes(words))!;
    const in2023 = await overview(BOARD, '2023-09-01');
    const in2026 = await overview(BOARD, '2026-01-01');
    expect(task(in2023, 'Nghị quyết số 37-NQ/TW')).toMatchObject({ period: 'BY_YEAR:2025', status: 'LATER', conditional: true, dueOn: '2025-12-31' });
    expect(task(in2026, 'Nghị quyết số 37-NQ/TW')).toMatchObject({ period: 'BY_YEAR:2025', status: 'ENDED' });
    expect(task(in2023, 'Chú trọng công tác giáo dục chính trị')).toMatchObject({ timing: 'nhiệm vụ thường xuyên', period: 'RECURRING', status: 'RUNNING', dueOn: null });
    expect(task(in2023, 'Xây dựng kế hoạch, tổ chức Hội nghị')).toMatchObject({ timing: null, period: 'NONE', status: null });
  });

  it('says when an organisation answered nothing (every row a gap) and issued nothing', async () => {
    const { records } = await driver.executeQuery(
      'MATCH (o:Organization) WHERE (o)<-[:ASSIGNED_TO]-() AND NOT (o)<-[:ISSUED_BY]-() RETURN o.key AS key ORDER BY key LIMIT 1',
    );
    const key = records[0]!.get('key') as string;
    const o = await overview(key);
    expect(o.assignments.length).toBeGreaterThan(0);
    expect(o.answered).toBe(0);
    expect(o.assignments.every((a) => a.answer === null)).toBe(true);
    expect(o.issued).toEqual([]);
  });

  it('refuses an unknown key (NOT_FOUND) and an empty or overlong one (BAD_USER_INPUT)', async () => {
    const code = async (key: string) => (await gql(QUERY, { key })).errors?.[0]?.extensions?.code;
    expect(await code('no such body#nowhere')).toBe('NOT_FOUND');
    expect(await code('  ')).toBe('BAD_USER_INPUT');
    expect(await code('x'.repeat(401))).toBe('BAD_USER_INPUT');
  });
});

describe('organization.csv', () => {
  it("holds the organisation's page, one line per task, in the page's language; bad keys are refused", async () => {
    const o = await overview(BOARD);
    const res = await fetch(`${inject('baseUrl')}/export/organization.csv?key=${encodeURIComponent(BOARD)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="?organization-ban_tuyen_giao_tinh_uy_binh_thuan\.csv"?/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = parse(bytes, { bom: true }) as string[][];
    expect(header!.slice(0, 6)).toEqual(['Văn bản giao', 'Loại văn bản', 'Ngày ban hành', 'Tỉnh/thành', 'Cấp', 'Nhiệm vụ']);
    expect(lines).toHaveLength(o.tasks);
    const recurring = lines.find((l) => l[5]!.startsWith('Chú trọng công tác giáo dục chính trị'))!;
    expect(recurring.slice(0, 8)).toEqual(['58-CTr/TU', 'Chương trình hành động', '2023-03-30', 'Bình Thuận', 'Tỉnh', recurring[5], 'nhiệm vụ thường xuyên', 'Thường xuyên']);
    const programme = o.assignments.find((a) => a.code === '58-CTr/TU')!;
    expect(recurring.slice(9, 13)).toEqual([programme.answer!.code ?? programme.answer!.uid, programme.answer!.issuedOn ?? '', String(programme.answer!.lagDays ?? ''), programme.uid]);
    const en = parse(Buffer.from(await (await fetch(`${inject('baseUrl')}/export/organization.csv?key=${encodeURIComponent(BOARD)}&lang=en`)).arrayBuffer()), { bom: true }) as string[][];
    expect(en[0]!.slice(5, 10)).toEqual(['Task', 'Timing', 'Period', 'Due on', "The organization's answer"]);
    const error = async (url: string) => {
      const r = await fetch(`${inject('baseUrl')}${url}`);
      return { status: r.status, body: (await r.json()) as { error: { code: string; message: string } } };
    };
    expect(await error('/export/organization.csv')).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT', message: expect.stringContaining('key must be') } } });
    expect(await error('/export/organization.csv?key=nobody%23nowhere')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(await error(`/export/organization.csv?key=${encodeURIComponent(BOARD)}&lang=fr`)).toMatchObject({ status: 400, body: { error: { message: 'lang must be vi or en' } } });
  });
});
