/** Pure graph mapping: identity, record → rows, cascade shaping, search query, exports. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../server/src/config.js';
import { extractDocument, resolveCorpus } from '../../../server/src/extract/index.js';
import { directiveUid } from '../../../server/src/graph/identity.js';
import { recordToRows } from '../../../server/src/graph/rows.js';
import { rowsDigest } from '../../../server/src/graph/write.js';
import { daysBetween, shapeCascade } from '../../../server/src/graph/cascade-shape.js';
import { luceneQuery, snippet, typeAndNumber } from '../../../server/src/graph/queries/search.js';
import { median } from '../../../server/src/graph/queries/analytics.js';
import { toCytoscapeJson, toGraphML } from '../../../server/src/api/exports.js';

const dir = path.join(repoRoot, 'seed', 'corpus');
const records = resolveCorpus(fs.readdirSync(dir).sort().map((f) => extractDocument(f, fs.readFileSync(path.join(dir, f), 'utf8'))));
const byPrefix = (p: string) => records.find((r) => r.file.startsWith(p))!;

describe('identity', () => {
  it('central codes: code + date; provincial codes: + province; no code: content hash', () => {
    expect(directiveUid({ code: '28-NQ/TW', issuedOn: '2022-11-17', level: 'central', province: null })).toBe('28-NQ/TW@2022-11-17');
    expect(directiveUid({ code: '58-CTr/TU', issuedOn: '2023-03-30', level: 'provincial', province: 'Bình Thuận' })).toBe('58-CTr/TU@2023-03-30#binh-thuan');
    expect(directiveUid({ code: '58-CTr/TU', issuedOn: '2023-03-30', level: 'provincial', province: 'Sóc Trăng' })).not.toBe(directiveUid({ code: '58-CTr/TU', issuedOn: '2023-03-30', level: 'provincial', province: 'Bình Thuận' }));
    expect(directiveUid({ code: null, issuedOn: null, level: null, province: null, contentHash: 'ab'.repeat(32) })).toMatch(/^doc:abab/);
    expect(() => directiveUid({ code: null, issuedOn: null, level: null, province: null })).toThrow(/content hash/);
    expect(directiveUid({ code: '58-CTr/TU', issuedOn: null, level: 'provincial', province: 'Bình Thuận' })).toBe('58-CTr/TU@undated#binh-thuan');
  });
});

describe('record → rows', () => {
  it('003 becomes 58-CTr/TU of Bình Thuận (identified by the corpus) implementing 28-NQ/TW', () => {
    const rows = recordToRows(byPrefix('003'));
    expect(rows.directive.uid).toBe('58-CTr/TU@2023-03-30#binh-thuan');
    expect(rows.links.filter((l) => l.kind === 'IMPLEMENTS' && !l.inferred).map((l) => l.to)).toContain('28-NQ/TW@2022-11-17');
  });

  it('a mentioned …-QĐ/TW is typed as the text names it ("Quy định số 101-QĐ/TW"), not by its code alone', () => {
    const stubs = recordToRows(byPrefix('001')).stubs;
    expect(stubs.find((d) => d.uid === '101-QĐ/TW@2023-02-28')).toMatchObject({ type: 'QĐ', typeName: 'Quy định' });
  });

  it('000 implements 58-CTr/TU and states the third-party link 58-CTr/TU → 28-NQ/TW as inferred', () => {
    const rows = recordToRows(byPrefix('000'));
    expect(rows.links).toContainEqual(expect.objectContaining({ kind: 'IMPLEMENTS', from: rows.directive.uid, to: '58-CTr/TU@2023-03-30#binh-thuan', inferred: false }));
    expect(rows.links).toContainEqual(expect.objectContaining({ kind: 'IMPLEMENTS', from: '58-CTr/TU@2023-03-30#binh-thuan', to: '28-NQ/TW@2022-11-17', inferred: true }));
  });

  it('never links a document to itself, never both implements and cites one target, keeps quotes exact', () => {
    for (const r of records) {
      const rows = recordToRows(r);
      const impl = new Set(rows.links.filter((l) => l.kind === 'IMPLEMENTS' && l.from === rows.directive.uid).map((l) => l.to));
      for (const l of rows.links) {
        expect(l.from).not.toBe(l.to);
        if (l.kind === 'CITES') expect(impl.has(l.to)).toBe(false);
        expect(r.text.slice(l.start, l.end)).toBe(l.quote);
      }
      for (const a of rows.assignments) {
        expect(r.text.slice(a.start, a.end)).toBe(a.quote);
        expect(a.tasks.length).toBe(a.timings.length);
      }
    }
  });

  it('organization keys fold diacritics and carry the province', () => {
    const rows = recordToRows(byPrefix('003'));
    expect(rows.organizations.length).toBeGreaterThan(3);
    for (const o of rows.organizations) expect(o.key).toMatch(/^[a-z0-9 ,.()\-–/]+#[a-z-]+$/);
  });

  it('the same text gives equal rows each time, none shared with an earlier call (names and mentions are remembered)', () => {
    const first = recordToRows(byPrefix('000'));
    const expected = structuredClone(first);
    for (const s of first.stubs) s.title = 'changed by a caller';
    const again = recordToRows(byPrefix('000'));
    expect(again).toEqual(expected);
    expect(again.stubs.length).toBeGreaterThan(0);
    // A mention without a subject is not the same mention with an empty one.
    const record = byPrefix('000');
    const ref = record.cites.find((c) => !c.subject) ?? record.implements[0]!;
    const withSubject = (subject: string | undefined) => recordToRows({ ...record, implements: [], inferred: [], cites: [{ ...ref, subject }] }).stubs[0]!;
    expect(withSubject('')!.title).toBe('');
    expect(withSubject(undefined)!.title).toBeNull();
  });

  it('the rows digest follows every row and the text through its hash, not the text itself', () => {
    const rows = () => recordToRows(byPrefix('004'));
    const base = rowsDigest(rows());
    expect(rowsDigest(rows())).toBe(base);
    const other = rows();
    other.assignments[0]!.tasks = [...other.assignments[0]!.tasks, 'một nhiệm vụ nữa'];
    expect(rowsDigest(other)).not.toBe(base);
    const edited = rows();
    edited.directive.contentHash = 'f'.repeat(64);
    expect(rowsDigest(edited)).not.toBe(base);
    // The same hash stands for the same text (its SHA-256): the text itself is not hashed again.
    const sameHash = rows();
    sameHash.directive.text = 'x';
    expect(rowsDigest(sameHash)).toBe(base);
  });
});

describe('cascade shaping', () => {
  const raw = {
    rootUid: 'R',
    truncated: false,
    nodes: [
      { uid: 'R', labels: ['Regulation', 'Directive'], props: { code: '28-NQ/TW', issuedOn: '2022-11-17', levelRank: 0 } },
      { uid: 'P', labels: ['Document', 'Directive'], props: { code: '58-CTr/TU', issuedOn: '2023-03-30', province: 'Bình Thuận', levelRank: 1 } },
      { uid: 'G', labels: ['Document', 'Directive'], props: { issuedOn: '2023-06-01', province: 'Bình Thuận', typeName: 'Hướng dẫn', levelRank: 1 } },
      { uid: 'C', labels: ['Document', 'Directive'], props: { code: '1-KH/ĐUK', issuedOn: '2023-05-01', province: 'Quảng Nam', unit: 'Khối các cơ quan tỉnh' } },
      { uid: 'O', labels: ['Organization'], props: { name: 'Ban Tuyên giáo Tỉnh ủy', province: 'Bình Thuận' } },
    ],
    edges: [
      { id: 'e1', type: 'IMPLEMENTS' as const, source: 'P', target: 'R', props: { inferred: true } },
      { id: 'e2', type: 'IMPLEMENTS' as const, source: 'P', target: 'R', props: { inferred: false, quote: 'Thực hiện' } },
      { id: 'e3', type: 'IMPLEMENTS' as const, source: 'G', target: 'P', props: { inferred: false } },
      { id: 'e4', type: 'CITES' as const, source: 'C', target: 'R', props: { inferred: false } },
      { id: 'e5', type: 'ASSIGNED_TO' as const, source: 'P', target: 'O', props: { tasks: ['a'], timings: [''] } },
      { id: 'e6', type: 'ASSIGNED_TO' as const, source: 'P', target: 'O', props: { tasks: ['b'], timings: [''] } },
    ],
  };

  it('keeps one edge per pair (direct over inferred), depth, parent and lag in days', () => {
    const c = shapeCascade(raw, 'DOWN');
    expect(c.edges.filter((e) => e.kind === 'IMPLEMENTS')).toHaveLength(2);
    expect(c.edges.find((e) => e.source === 'P' && e.target === 'R')!.inferred).toBe(false);
    // Each kept edge stands for the relationships of its pair: the direct link over the inferred one, two assignments.
    expect(c.edges.map((e) => [e.id, e.statements])).toEqual([['e2', 2], ['e3', 1], ['e4', 1], ['e5', 2]]);
    expect(c.edges.find((e) => e.id === 'e5')!.tasks).toEqual(['a']);
    const withIds = shapeCascade({ ...raw, edges: raw.edges.map((e) => ({ ...e, props: { ...e.props, statements: 1, statementIds: [e.id] } })) }, 'DOWN');
    expect(withIds.edges.map((e) => e.statementIds)).toEqual([['e2', 'e1'], ['e3'], ['e4'], ['e5', 'e6']]);
    const n = Object.fromEntries(c.nodes.map((x) => [x.id, x]));
    expect([n.R!.depth, n.P!.depth, n.G!.depth, n.C!.depth, n.O!.depth]).toEqual([0, 1, 2, 1, 2]);
    expect(n.P!.lagDays).toBe(133);
    expect(n.G!.lagDays).toBe(63);
    expect(n.C!.lagDays).toBeNull();
    expect(n.G!.parent).toBe('P');
    expect(n.O!.kind).toBe('ORGANIZATION');
    expect(n.P!.label).toBe('58-CTr/TU · Bình Thuận');
    // A unit's text is named with its unit: its code and day are repeated by every other unit of the province.
    expect([n.C!.label, n.C!.unit, n.P!.unit]).toEqual(['1-KH/ĐUK · Khối các cơ quan tỉnh, Quảng Nam', 'Khối các cơ quan tỉnh', null]);
    expect(c.root!.id).toBe('R');
  });

  it('orders nodes by depth, level, then label without regard to case or diacritics', () => {
    const org = (uid: string, name: string) => ({ uid, labels: ['Organization'], props: { name, levelRank: 2 } });
    const c = shapeCascade(
      {
        rootUid: 'R',
        truncated: false,
        nodes: [raw.nodes[0]!, org('b', 'Bình Định'), org('e', 'Bến Tre'), org('a', 'bạc liêu'), org('d', 'Đắk Lắk'), org('c', 'Cà Mau'), org('z', 'Ban Dân vận')],
        edges: ['a', 'b', 'c', 'd', 'e', 'z'].map((t) => ({ id: t, type: 'ASSIGNED_TO' as const, source: 'R', target: t, props: {} })),
      },
      'DOWN',
    );
    // Code-point order would put "Bình" before "Bến" (i < ế) and "Đắk" after every Latin letter.
    expect(c.nodes.map((n) => n.title)).toEqual([null, 'bạc liêu', 'Ban Dân vận', 'Bến Tre', 'Bình Định', 'Cà Mau', 'Đắk Lắk']);
  });

  it('counts days across years and leap days', () => {
    expect(daysBetween('2022-11-17', '2023-03-30')).toBe(133);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween(null, '2024-03-01')).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('reads ISO dates digit by digit as Date.parse reads them', () => {
    const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    let checked = 0;
    for (const y of [1, 399, 400, 1600, 1899, 1900, 1970, 1999, 2000, 2023, 2024, 2100, 2400, 9999]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const iso = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const want = days(iso) - days('1970-01-01');
          const got = daysBetween('1970-01-01', iso);
          if (Number.isNaN(want)) expect(got, iso).toBeNaN();
          else expect(got, iso).toBe(want);
          checked++;
        }
      }
    }
    expect(checked).toBe(14 * 14 * 33);
    // Other forms go through Date.parse.
    expect(daysBetween('2024-01-01', '+002024-01-31')).toBe(30);
    expect(daysBetween('2024-1-01', '2024-01-31')).toBeNaN();
  });

  it('exports GraphML and Cytoscape JSON with escaped text', () => {
    const c = shapeCascade({ ...raw, nodes: raw.nodes.map((x) => (x.uid === 'O' ? { ...x, props: { ...x.props, name: 'A & B <C>' } } : x)) }, 'DOWN');
    const xml = toGraphML(c);
    expect(xml).toContain('A &amp; B &lt;C&gt;');
    expect((xml.match(/<node /g) ?? []).length).toBe(5);
    const j = toCytoscapeJson(c) as { elements: { nodes: unknown[]; edges: unknown[] } };
    expect(j.elements.nodes).toHaveLength(5);
    expect(j.elements.edges).toHaveLength(4);
  });
});

describe('search query', () => {
  it('folds diacritics, escapes Lucene syntax and matches the last word as a prefix', () => {
    expect(luceneQuery('Nghị quyết 28')).toBe('nghi AND quyet AND (28 OR 28*)');
    expect(luceneQuery('bình thuận')).toBe('binh AND (thuan OR thuan*)');
    expect(luceneQuery('a:b (c)')).toBe('a AND b AND (c OR c*)');
    expect(luceneQuery('  ')).toBeNull();
    // "Chỉ thị số 05" as printed; the code is stored as 5-CT/TW.
    expect(luceneQuery('chi thi 05 hoc tap')).toBe('chi AND thi AND (05 OR 5) AND hoc AND (tap OR tap*)');
    expect(luceneQuery('ket luan 001')).toBe('ket AND luan AND (001 OR 001* OR 1)');
    expect(luceneQuery('nam 2023 0')).toBe('nam AND 2023 AND (0 OR 0*)');
  });

  it('reads a document type and a number as such, with or without diacritics, "số" and leading zeros', () => {
    expect(typeAndNumber('nghị quyết 28')).toEqual({ types: ['NQ'], number: '28' });
    expect(typeAndNumber('Nghi quyet so 28')).toEqual({ types: ['NQ'], number: '28' });
    expect(typeAndNumber('NQ số: 028')).toEqual({ types: ['NQ'], number: '28' });
    expect(typeAndNumber('  KẾ   HOẠCH  3588 ')).toEqual({ types: ['KH'], number: '3588' });
    expect(typeAndNumber('chương trình hành động 58')).toEqual({ types: ['CTr'], number: '58' });
    expect(typeAndNumber('chuong trinh 58')).toEqual({ types: ['CTr'], number: '58' });
    expect(typeAndNumber('ctr 58')).toEqual({ types: ['CTr'], number: '58' });
    // "Quy định" is the name of QĐi and another name of QĐ (101-QĐ/TW is a quy định).
    expect(typeAndNumber('quy định 101')?.types.sort()).toEqual(['QĐ', 'QĐi'].sort());
    expect(typeAndNumber('Nghi quyet 0')).toEqual({ types: ['NQ'], number: '0' });
    // The start of a code, without its issuer.
    expect(typeAndNumber('28-NQ')).toEqual({ types: ['NQ'], number: '28' });
    expect(typeAndNumber('058 - Ctr')).toEqual({ types: ['CTr'], number: '58' });
    expect(typeAndNumber('3588/KH')).toEqual({ types: ['KH'], number: '3588' });
    for (const other of ['28', 'nghị quyết', 'bình thuận 28', 'nghị quyết 28 bình thuận', '28 nghị quyết', 'nghị quyết 28-NQ/TW', 'so 28', '28-XYZ', '28-NQ/TW']) expect(typeAndNumber(other), other).toBeNull();
  });

  it('makes a snippet around the first match', () => {
    const s = snippet('Chương trình hành động thực hiện Nghị quyết số 28-NQ/TW của Ban Chấp hành', 'nghi quyet', 10)!;
    expect(s).toContain('Nghị quyết');
    expect(s.startsWith('…')).toBe(true);
  });
});
