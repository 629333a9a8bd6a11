/** The briefing as slides: the plan (titles, footers, notes, picture boxes) and the .pptx written from it, read back. */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { CascadeEdge, CascadeNode, LagRow, TaskPeriod } from '../../../web/src/api/types.js';
import { briefingSteps } from '../../../web/src/graph/briefing.js';
import { MAX_LAG_SLIDES, SLIDE, SLIDE_MAX_ZOOM, SLIDE_PX_PER_INCH, TABLE_ROWS, deckPlan, fitPicture, lagTables, stepNotes } from '../../../web/src/graph/deck.js';
import { columnWidths, writeDeck } from '../../../web/src/graph/deck-pptx.js';
import { modelFromCascade } from '../../../web/src/graph/model.js';
import { translator } from '../../../web/src/i18n/translate.js';

const node = (id: string, over: Partial<CascadeNode> = {}): CascadeNode => ({
  id, kind: 'DIRECTIVE', label: id, code: id, type: 'KH', typeName: null, level: 'provincial', levelRank: 2, province: 'Bình Thuận',
  issuedOn: '2023-05-10', stub: false, depth: 1, lagDays: null, ...over,
});
const edge = (source: string, target: string, kind: CascadeEdge['kind']): CascadeEdge => ({ id: `${source}>${target}`, source, target, kind, inferred: false, lagDays: null });

// 28-NQ/TW, two provincial programmes (two provinces), one commune plan under one of them, two organisations.
const root = node('28-NQ/TW', { type: 'NQ', level: 'central', levelRank: 1, province: null, issuedOn: '2022-11-17', depth: 0, title: 'về tiếp tục đổi mới, hoàn thiện hệ thống chính trị' });
const model = modelFromCascade({
  truncated: false,
  root,
  nodes: [
    root,
    node('58-CTr/TU', { type: 'CTr', lagDays: 133, issuedOn: '2023-03-30' }),
    node('12-CTr/TU', { type: 'CTr', province: 'Sóc Trăng', lagDays: 90, issuedOn: '2023-02-15' }),
    node('25-KH/ĐU', { level: 'commune', levelRank: 4, unit: 'xã Phú Lạc', lagDays: 41, depth: 2 }),
    node('o1', { kind: 'ORGANIZATION', code: null, type: null, label: 'Sở Nội vụ', depth: 2 }),
    node('o2', { kind: 'ORGANIZATION', code: null, type: null, label: 'Ban Tuyên giáo Tỉnh ủy Bình Thuận', depth: 2 }),
  ],
  edges: [
    edge('58-CTr/TU', '28-NQ/TW', 'IMPLEMENTS'), edge('12-CTr/TU', '28-NQ/TW', 'IMPLEMENTS'), edge('25-KH/ĐU', '58-CTr/TU', 'IMPLEMENTS'),
    edge('58-CTr/TU', 'o1', 'ASSIGNED_TO'), edge('58-CTr/TU', 'o2', 'ASSIGNED_TO'),
  ],
})!;
const all = new Set([...model.nodes.keys(), ...model.edges.keys()]);

describe('deck plan', () => {
  const t = translator('vi');
  const steps = briefingSteps(model, all, t, 'vi');
  const plan = deckPlan({ model, steps, t, lang: 'vi', today: '2026-11-28' });

  it('has a slide per briefing step, titled by its caption, with the root, the step and the day in its footer', () => {
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(plan.slides.map((s) => s.title)).toEqual(steps.map((s) => s.caption));
    expect(plan.slides[1]!.footer).toBe(`28-NQ/TW · Bước 2/${steps.length} · Directive Graph · 28/11/2026`);
    expect(plan.heading).toBe('28-NQ/TW');
    expect(plan.title).toBe('về tiếp tục đổi mới, hoàn thiện hệ thống chính trị');
    expect(plan.summary).toBe(`3 văn bản, 2 tỉnh/thành, 2 cơ quan được giao nhiệm vụ · ${steps.length} bước trình chiếu`);
    expect(plan.lang).toBe('vi-VN');
  });

  it('notes list what each step brings in: texts by province and date with their lag, then organisations', () => {
    const provincial = plan.slides[1]!.notes.split('\n');
    expect(provincial).toEqual([
      '58-CTr/TU · Chương trình hành động · Bình Thuận · 30/03/2023 · sau 133 ngày',
      '12-CTr/TU · Chương trình hành động · Sóc Trăng · 15/02/2023 · sau 90 ngày',
    ]);
    const notes = plan.slides.map((s) => s.notes).join('\n');
    expect(notes).toContain('25-KH/ĐU · Kế hoạch · xã Phú Lạc, Bình Thuận · 10/05/2023 · sau 41 ngày');
    // An organisation's province is added unless its name says it.
    expect(notes).toContain('Sở Nội vụ (Bình Thuận)');
    expect(notes).toMatch(/^Ban Tuyên giáo Tỉnh ủy Bình Thuận$/m);
  });

  it('counts the lines past the cap instead of listing them', () => {
    const ids = [...model.nodes.keys()];
    const notes = stepNotes(model, ids, t, 'vi', 2).split('\n');
    expect(notes).toHaveLength(3);
    expect(notes[2]).toBe(`… và ${ids.length - 2} mục khác`);
  });

  it('speaks English', () => {
    const en = translator('en');
    const p = deckPlan({ model, steps: briefingSteps(model, all, en, 'en'), t: en, lang: 'en', today: '2026-11-28' });
    expect(p.slides[0]!.footer).toMatch(/^28-NQ\/TW · Step 1\/\d+ · Directive Graph · 2026-11-28$/);
    expect(p.summary).toMatch(/^3 texts, 2 provinces, 2 organizations assigned tasks · \d+ briefing steps$/);
    expect(p.slides[1]!.notes).toContain('58-CTr/TU · Action programme · Bình Thuận · 2023-03-30 · after 133 days');
    expect(p.lang).toBe('en-US');
  });

  it('does not count organisations as none when none are drawn (the server folded them)', () => {
    const texts = new Set([...all].filter((id) => model.nodes.get(id)?.kind !== 'ORGANIZATION'));
    const p = deckPlan({ model, steps: briefingSteps(model, texts, t, 'vi'), t, lang: 'vi', today: '2026-11-28' });
    expect(p.summary).toMatch(/^3 văn bản, 2 tỉnh\/thành · \d+ bước trình chiếu$/);
  });
});

const period = (p: Partial<TaskPeriod> & Pick<TaskPeriod, 'period' | 'kind'>): TaskPeriod => ({ year: null, status: null, tasks: 1, conditional: 0, organizations: 1, documents: 1, ...p });
const SCHEDULE: TaskPeriod[] = [
  period({ period: 'BY_YEAR:2023', kind: 'BY_YEAR', year: 2023, status: 'ENDED', tasks: 8, conditional: 2, organizations: 6, documents: 3 }),
  period({ period: 'RECURRING', kind: 'RECURRING', status: 'RUNNING', tasks: 29, organizations: 17, documents: 4 }),
  period({ period: 'CONDITIONAL', kind: 'CONDITIONAL', tasks: 2, conditional: 2 }),
];
const lagRow = (province: string | null, level: string, parentLevel: string, over: Partial<LagRow> = {}): LagRow => ({ province, level, parentLevel, documents: 2, dated: 2, minDays: 40, medianDays: 45.5, maxDays: 51, ...over });

describe('table slides', () => {
  const t = translator('vi');
  const steps = briefingSteps(model, all, t, 'vi');

  it('the tasks by deadline: a row per period with its status as of the day, counts, waiting tasks said', () => {
    const plan = deckPlan({ model, steps, t, lang: 'vi', today: '2026-11-28', schedule: SCHEDULE, provinces: ['Bình Thuận'] });
    expect(plan.tables).toHaveLength(1);
    const [table] = plan.tables;
    expect(table!.title).toBe('Nhiệm vụ theo thời hạn');
    expect(table!.note).toBe('Tính đến 28/11/2026. Chỉ nhiệm vụ giao cho cơ quan thuộc Bình Thuận.');
    expect(table!.header).toEqual(['Thời hạn', 'Tình trạng', 'Nhiệm vụ', 'Cơ quan', 'Số văn bản triển khai']);
    expect(table!.rows).toEqual([
      ['Trong năm 2023', 'đã qua', '8 (2 chờ văn bản)', '6', '3'],
      ['Thường xuyên', 'đang thực hiện', '29', '17', '4'],
      // A period of waiting tasks does not say so twice.
      ['Khi có văn bản chỉ đạo', '', '2', '1', '1'],
    ]);
    expect(table!.footer).toBe('28-NQ/TW · Directive Graph · 28/11/2026');
  });

  it('the days each level took: its rows as the lag table writes them, a slide of TABLE_ROWS at a time', () => {
    const rows = [lagRow('Bình Thuận', 'provincial', 'central', { medianDays: 133, minDays: 133, maxDays: 133, documents: 1, dated: 1 }), lagRow('Bình Thuận', 'provincial', 'provincial', { documents: 3 }), lagRow(null, 'district', 'provincial', { minDays: null, medianDays: null, maxDays: null, dated: 0, documents: 1 })];
    const [table, ...rest] = lagTables(rows, t, 'vi', 'f');
    expect(rest).toHaveLength(0);
    expect(table!.title).toBe('Số ngày mỗi cấp triển khai, theo tỉnh/thành và cấp');
    expect(table!.rows).toEqual([
      ['Bình Thuận', 'Cấp tỉnh', '1', '133', '133'],
      ['Bình Thuận', 'Cấp tỉnh, thực hiện văn bản cùng cấp', '3 (2 có ngày)', '45,5', '40 – 51'],
      ['—', 'Cấp huyện', '1 (0 có ngày)', '–', '–'],
    ]);
    expect(table!.numeric).toEqual([false, false, true, true, true]);
  });

  it('a long lag table takes MAX_LAG_SLIDES slides at most and counts the rows left for the CSV', () => {
    const rows = Array.from({ length: TABLE_ROWS * MAX_LAG_SLIDES + 7 }, (_, i) => lagRow(`Tỉnh ${i}`, 'provincial', 'central'));
    const tables = lagTables(rows, t, 'vi', 'f');
    expect(tables).toHaveLength(MAX_LAG_SLIDES);
    expect(tables.map((x) => x.rows.length)).toEqual(Array(MAX_LAG_SLIDES).fill(TABLE_ROWS));
    expect(tables.at(-1)!.note).toBe('Trung vị số ngày sau văn bản cấp trên · còn 7 dòng nữa trong bảng CSV');
    expect(tables[0]!.note).toBe('Trung vị số ngày sau văn bản cấp trên');
    expect(tables[1]!.rows[0]![0]).toBe(`Tỉnh ${TABLE_ROWS}`);
    expect(lagTables(rows.slice(0, TABLE_ROWS + 1), t, 'vi', 'f').map((x) => x.rows.length)).toEqual([TABLE_ROWS, 1]);
  });

  it('no schedule or lag rows: no table slide', () => {
    expect(deckPlan({ model, steps, t, lang: 'vi', today: '2026-11-28', schedule: [], lag: null }).tables).toEqual([]);
  });

  it('columns share the width by their longest cell', () => {
    const w = columnWidths(['Tỉnh/thành', 'VB'], [['Bà Rịa – Vũng Tàu', '12']], 12);
    expect(w[0]! + w[1]!).toBeCloseTo(12, 6);
    expect(w[0]! / w[1]!).toBeCloseTo(17 / 6, 6);
    // A long header wraps: it asks for 12 characters, not its length.
    const [, num] = columnWidths(['Tỉnh', 'Số văn bản triển khai'], [['Bình Thuận', '1']], 22);
    expect(num).toBeCloseTo(12, 6);
  });
});

describe('pictures on a slide', () => {
  it('keep their proportions, as large as the box allows, centred', () => {
    const box = { x: 1, y: 2, w: 10, h: 5 };
    expect(fitPicture(2000, 500, box)).toEqual({ x: 1, y: 3.25, w: 10, h: 2.5 });
    expect(fitPicture(500, 1000, box)).toEqual({ x: 4.75, y: 2, w: 2.5, h: 5 });
    expect(fitPicture(0, 10, box).w).toBe(0);
  });

  it('are enlarged no more than the briefing zooms on a full-HD screen: a lone root is not blown up', () => {
    // 400 × 200 px drawn at scale 2: 200 graph px wide, at most 2× on a 1 920 px screen the slide stands for.
    const root = fitPicture(400, 200, SLIDE.picture, 2);
    expect(root.w).toBeCloseTo((200 * SLIDE_MAX_ZOOM) / SLIDE_PX_PER_INCH, 6);
    expect(root.w / root.h).toBeCloseTo(2, 6);
    expect(root.x + root.w / 2).toBeCloseTo(SLIDE.picture.x + SLIDE.picture.w / 2, 6);
    // A large drawing fills its box as before.
    expect(fitPicture(2400, 1000, SLIDE.picture, 0.5)).toEqual(fitPicture(2400, 1000, SLIDE.picture));
  });
});

/** A 2 × 1 px PNG, white and red. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4DwQMDAAR9QP9WWIlXQAAAABJRU5ErkJggg==';

describe('the .pptx file', () => {
  const t = translator('vi');
  const steps = briefingSteps(model, all, t, 'vi');
  const plan = deckPlan({ model, steps, t, lang: 'vi', today: '2026-11-28' });

  it('holds a cover and a slide per step, with its title, picture and notes, readable as Office Open XML', async () => {
    const pictures = steps.map((_, i) => ({ base64: PNG, width: 2000 + i, height: 1000 }));
    const bytes = await writeDeck(plan, pictures);
    const zip = await JSZip.loadAsync(bytes);
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(steps.length + 1);
    const slideXml = async (i: number) => zip.file(`ppt/slides/slide${i}.xml`)!.async('string');
    const cover = await slideXml(1);
    expect(cover).toContain('<a:t>28-NQ/TW</a:t>');
    expect(cover).toContain('về tiếp tục đổi mới, hoàn thiện hệ thống chính trị');
    expect(cover).toContain('lang="vi-VN"');
    for (let i = 0; i < steps.length; i++) {
      const xml = await slideXml(i + 2);
      expect(xml).toContain(escapeXml(steps[i]!.caption));
      expect(xml).toContain(escapeXml(plan.slides[i]!.footer));
      expect(xml).toContain('<p:pic>');
    }
    // Every step's picture is in the file, as given.
    const media = Object.keys(zip.files).filter((f) => f.startsWith('ppt/media/') && !zip.files[f]!.dir);
    expect(media).toHaveLength(steps.length);
    expect(Buffer.from(await zip.file(media[0]!)!.async('uint8array')).toString('base64')).toBe(PNG);
    // The picture is placed in its box at its proportions (EMU: 914 400 an inch).
    const ext = /<p:pic>[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>[\s\S]*?<\/p:pic>/.exec(await slideXml(2))!;
    const [x, y, w, h] = ext.slice(1).map((v) => Number(v) / 914400);
    expect(w! / h!).toBeCloseTo(2, 2);
    expect(x! + w! / 2).toBeCloseTo(SLIDE.picture.x + SLIDE.picture.w / 2, 2);
    expect(h!).toBeCloseTo(SLIDE.picture.h, 2);
    expect(y! + h! / 2).toBeCloseTo(SLIDE.picture.y + SLIDE.picture.h / 2, 2);
    // Speaker notes, a slide's own.
    const notes = await Promise.all(Object.keys(zip.files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(notes.some((n) => n.includes('58-CTr/TU · Chương trình hành động · Bình Thuận · 30/03/2023 · sau 133 ngày'))).toBe(true);
    // The file's own title.
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dc:title>28-NQ/TW — về tiếp tục đổi mới, hoàn thiện hệ thống chính trị</dc:title>');
  });

  it('writes the tables after the steps, header first, every cell', async () => {
    const withTables = deckPlan({ model, steps, t, lang: 'vi', today: '2026-11-28', schedule: SCHEDULE, lag: [lagRow('Bình Thuận', 'provincial', 'central')] });
    const zip = await JSZip.loadAsync(await writeDeck(withTables, steps.map(() => ({ base64: PNG, width: 20, height: 10 }))));
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(steps.length + 3);
    const schedule = await zip.file(`ppt/slides/slide${steps.length + 2}.xml`)!.async('string');
    expect(schedule).toContain('<a:tbl>');
    expect(schedule).toContain('Nhiệm vụ theo thời hạn');
    const cells = [...schedule.matchAll(/<a:tc[^>]*>[\s\S]*?<\/a:tc>/g)].map((c) => [...c[0].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(''));
    expect(cells.slice(0, 10)).toEqual(['Thời hạn', 'Tình trạng', 'Nhiệm vụ', 'Cơ quan', 'Số văn bản triển khai', 'Trong năm 2023', 'đã qua', '8 (2 chờ văn bản)', '6', '3']);
    const lag = await zip.file(`ppt/slides/slide${steps.length + 3}.xml`)!.async('string');
    expect(lag).toContain('Số ngày mỗi cấp triển khai, theo tỉnh/thành và cấp');
    expect(lag).toContain('<a:t>45,5</a:t>');
  });

  it('refuses pictures that do not match the slides', async () => {
    await expect(writeDeck(plan, [])).rejects.toThrow(`${steps.length} slides but 0 pictures`);
  });
});

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
