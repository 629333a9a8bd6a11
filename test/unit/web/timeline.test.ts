/** The timeline: a time scale with breaks over long empty stretches, texts in bands by level, and the axis' elements. */
import { describe, expect, it } from 'vitest';
import { parseView, serializeView } from '../../../web/src/state/url.js';
import { ASPECT, AXIS_KIND, BREAK_PX, MAX_WIDTH, axisElements, axisIds, rowsNeeded, timelineLayout, timelineScale, xOfDate, type TimelineNode } from '../../../web/src/graph/timeline.js';

// The seed's 28-NQ/TW and the texts answering it.
const SEED = ['2022-11-17', '2023-02-24', '2023-03-30', '2023-06-28', '2023-07-25'];

describe('time scale', () => {
  it('months over a span of months, one stretch, distances in days to scale', () => {
    const scale = timelineScale(SEED, 'vi');
    expect(scale.segments).toHaveLength(1);
    expect(scale.ticks.map((t) => t.label)).toEqual(['11/2022', '12/2022', '01/2023', '02/2023', '03/2023', '04/2023', '05/2023', '06/2023', '07/2023', '08/2023']);
    expect(scale.ticks[0]!.date).toBe('2022-11-01');
    // 58-CTr/TU answered 28-NQ/TW after 133 days, 32-CTr/TU after 99: x says so.
    const root = xOfDate(scale, '2022-11-17');
    expect(xOfDate(scale, '2023-03-30') - root).toBeCloseTo(133 * scale.pxPerDay, 6);
    expect(xOfDate(scale, '2023-02-24') - root).toBeCloseTo(99 * scale.pxPerDay, 6);
    // Ticks stand where their first day does.
    for (const t of scale.ticks) expect(t.x).toBeCloseTo(xOfDate(scale, t.date!), 6);
  });

  it('cuts out a long stretch with no text: a break between two stretches, each to scale', () => {
    const scale = timelineScale(['2022-11-17', '2023-03-30', '2025-08-06', '2025-10-01'], 'vi');
    expect(scale.segments).toHaveLength(2);
    const breaks = scale.ticks.filter((t) => t.key.startsWith('break'));
    expect(breaks.map((t) => t.label)).toEqual(['≈']);
    const before = scale.ticks.filter((t) => t.date && t.date < '2024-01-01');
    const after = scale.ticks.filter((t) => t.date && t.date > '2024-01-01');
    expect(before.at(-1)!.x!).toBeLessThan(breaks[0]!.x!);
    expect(after[0]!.x!).toBeGreaterThan(breaks[0]!.x!);
    // The two years between are drawn as the break, not as 2½ years of the scale.
    const across = xOfDate(scale, '2025-08-06') - xOfDate(scale, '2023-03-30');
    expect(across).toBeLessThan(200 * scale.pxPerDay);
    expect(after[0]!.x! - before.at(-1)!.x!).toBeGreaterThanOrEqual(BREAK_PX);
    // Inside a stretch the scale holds.
    expect(xOfDate(scale, '2025-10-01') - xOfDate(scale, '2025-08-06')).toBeCloseTo(56 * scale.pxPerDay, 6);
    expect(xOfDate(scale, '2023-03-30') - xOfDate(scale, '2022-11-17')).toBeCloseTo(133 * scale.pxPerDay, 6);
  });

  it('quarters over a couple of years, years beyond; in English too', () => {
    const quarters = timelineScale(['2022-11-17', '2023-03-01', '2023-07-01', '2023-11-01', '2024-03-01', '2024-07-20'], 'vi');
    expect(quarters.ticks.map((t) => t.label).filter(Boolean)[0]).toBe('Quý IV/2022');
    expect(quarters.ticks.map((t) => t.key)).toContain('2024-Q3');
    expect(timelineScale(['2022-11-17', '2023-03-01', '2023-07-01', '2023-11-01', '2024-03-01', '2024-07-20'], 'en').ticks[0]!.label).toBe('Q4 2022');
    const years = timelineScale(['2018-01-10', '2018-09-01', '2019-05-01', '2020-01-01', '2020-09-01', '2021-05-01', '2022-02-01', '2022-09-01'], 'vi');
    expect(years.ticks.map((t) => t.label)).toEqual(['2018', '2019', '2020', '2021', '2022', '2023']);
    expect(timelineScale(SEED, 'en').ticks[0]!.label).toBe('2022-11');
  });

  it('keeps the lines of a crowded stretch but labels no closer than their width', () => {
    const crowded = timelineScale(SEED, 'vi', { width: 300 });
    const labels = crowded.ticks.map((t) => t.label);
    expect(labels.filter((l) => l === '').length).toBeGreaterThan(0);
    expect(labels[0]).toBe('11/2022');
    const xs = crowded.ticks.filter((t) => t.label).map((t) => t.x!);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(5.5 * crowded.fontSize - 1e-6);
  });

  it('counts the rows a band needs: the most texts inside any window of days', () => {
    expect(rowsNeeded([[1, 1, 2, 10], [5]], 1)).toEqual([2, 1]);
    expect(rowsNeeded([[1, 1, 2, 10], [5]], 2)).toEqual([3, 1]);
    expect(rowsNeeded([[1, 1, 2, 10]], 9)).toEqual([3]);
    expect(rowsNeeded([[1, 1, 2, 10]], 10)).toEqual([4]);
  });

  it('widens when texts of one level crowd a few weeks (communes answering at once), so the drawing stays about ASPECT wide', () => {
    // 600 commune plans over ten days, and their province's programme.
    const communes = Array.from({ length: 600 }, (_, i) => ({ date: new Date(Date.UTC(2025, 8, 1) + (i % 10) * 86_400_000).toISOString().slice(0, 10), rank: 4, w: 110 }));
    const items = [{ date: '2025-08-06', rank: 2, w: 110 }, ...communes];
    const dates = items.map((i) => i.date);
    const plain = timelineScale(dates, 'vi', { texts: items.length });
    const roomy = timelineScale(dates, 'vi', { texts: items.length, items });
    expect(roomy.pxPerDay).toBeGreaterThan(plain.pxPerDay);
    const drawnDays = (roomy.segments[0]!.end - roomy.segments[0]!.start);
    expect(roomy.pxPerDay * drawnDays).toBeLessThanOrEqual(MAX_WIDTH + 1e-6);
    // Its width over the rows the bands then need (64 px a row): about ASPECT.
    const byBand = [[dates[0]!], communes.map((c) => c.date)].map((ds) => ds.map((d) => Date.parse(d) / 86_400_000).sort((a, b) => a - b));
    const rows = rowsNeeded(byBand, 126 / roomy.pxPerDay).reduce((a, b) => a + b, 0);
    expect((roomy.pxPerDay * drawnDays) / (rows * 64)).toBeGreaterThanOrEqual(ASPECT * 0.9);
    // Texts far apart need no room: the scale stays as it was.
    expect(timelineScale(SEED, 'vi', { items: SEED.map((date, i) => ({ date, rank: i ? 2 : 1, w: 110 })) }).pxPerDay).toBe(timelineScale(SEED, 'vi').pxPerDay);
  });

  it('puts the undated column first; no date at all, no scale', () => {
    expect(timelineScale(SEED, 'vi', { undated: true, undatedLabel: 'không rõ ngày' }).ticks[0]).toEqual({ key: 'undated', date: null, label: 'không rõ ngày' });
    expect(timelineScale([], 'vi', { undated: true, undatedLabel: 'x' }).ticks.map((t) => t.key)).toEqual(['undated']);
  });
});

const text = (id: string, rank: number, issuedOn: string | null, w = 120, h = 50): TimelineNode => ({ id, rank, issuedOn, w, h, sortKey: id });

describe('timeline layout', () => {
  const nodes = [
    text('28-NQ/TW', 1, '2022-11-17'),
    text('58-CTr/TU', 2, '2023-03-30'),
    text('32-CTr/TU', 2, '2023-02-24'),
    // Two texts of one day, and one with no date.
    text('86-HD/BTGTU', 2, '2023-06-28'),
    text('87-HD/BTGTU', 2, '2023-06-28'),
    text('HD Bình Thuận', 2, null),
    text('374/KH-MTTQ-BTT', 3, '2023-07-25'),
  ];
  const scale = timelineScale(nodes.map((n) => n.issuedOn).filter((d): d is string => !!d), 'vi', { undated: true, undatedLabel: 'không rõ ngày' });
  const bands = [{ rank: 1, label: 'Trung ương' }, { rank: 2, label: 'Cấp tỉnh' }, { rank: 3, label: 'Cấp huyện' }];
  const { positions, bands: spans } = timelineLayout(nodes, scale, bands);
  const at = (id: string) => positions.get(id)!;

  it('puts each text at its day, in the band of its level, bands top to bottom', () => {
    expect(at('58-CTr/TU').x).toBeCloseTo(xOfDate(scale, '2023-03-30'), 6);
    expect(at('374/KH-MTTQ-BTT').x).toBeCloseTo(xOfDate(scale, '2023-07-25'), 6);
    expect(spans.get(1)!.bottom).toBeLessThan(spans.get(2)!.top);
    expect(spans.get(2)!.bottom).toBeLessThan(spans.get(3)!.top);
    for (const n of nodes) {
      const band = spans.get(n.rank)!;
      expect(at(n.id).y - n.h / 2).toBeGreaterThanOrEqual(band.top - 1e-6);
      expect(at(n.id).y + n.h / 2).toBeLessThanOrEqual(band.bottom + 1e-6);
    }
  });

  it('stacks texts of one level and day rather than overlap them; no two boxes overlap', () => {
    expect(at('86-HD/BTGTU').x).toBe(at('87-HD/BTGTU').x);
    expect(at('86-HD/BTGTU').y).not.toBe(at('87-HD/BTGTU').y);
    for (const a of nodes) {
      for (const b of nodes) {
        if (a.id >= b.id) continue;
        const apart = Math.abs(at(a.id).x - at(b.id).x) >= (a.w + b.w) / 2 || Math.abs(at(a.id).y - at(b.id).y) >= (a.h + b.h) / 2;
        expect(apart, `${a.id} / ${b.id}`).toBe(true);
      }
    }
  });

  it('stands an undated text left of every dated one, under its own tick; the axis above, band names at the left', () => {
    const undated = at('HD Bình Thuận');
    for (const n of nodes.filter((x) => x.issuedOn)) expect(undated.x + 60).toBeLessThan(at(n.id).x - 60);
    expect(at(axisIds.tick('undated')).x).toBe(undated.x);
    const top = Math.min(...nodes.map((n) => at(n.id).y - n.h / 2));
    for (const t of scale.ticks) expect(at(axisIds.tick(t.key)).y).toBeLessThan(top);
    const bottom = Math.max(...nodes.map((n) => at(n.id).y + n.h / 2));
    for (const t of scale.ticks) expect(at(axisIds.foot(t.key)).y).toBeGreaterThan(bottom);
    const left = Math.min(...nodes.map((n) => at(n.id).x - n.w / 2));
    for (const b of bands) expect(at(axisIds.band(b.rank)).x).toBeLessThan(left);
  });

  it('gives the axis as elements: each tick a label, a foot and a line between; each band its name', () => {
    const elements = axisElements(scale, bands);
    const ids = new Set(elements.map((e) => e.data.id));
    expect(elements.every((e) => e.data.kind === AXIS_KIND)).toBe(true);
    for (const t of scale.ticks) {
      expect(ids.has(axisIds.tick(t.key)) && ids.has(axisIds.foot(t.key))).toBe(true);
      const line = elements.find((e) => e.data.id === axisIds.line(t.key))!;
      expect([line.data.source, line.data.target]).toEqual([axisIds.tick(t.key), axisIds.foot(t.key)]);
    }
    expect(elements.filter((e) => String(e.classes).includes('axis-band')).map((e) => e.data.label)).toEqual(['Trung ương', 'Cấp tỉnh', 'Cấp huyện']);
    // Every element the layout places is one of them.
    for (const id of positions.keys()) if (id.startsWith('axis:')) expect(ids.has(id), id).toBe(true);
  });
});

describe('the timeline in the address', () => {
  it('is `time=1`, kept with the rest of the view, dropped off a cascade', () => {
    expect(parseView('?code=28-NQ%2FTW&time=1').time).toBe(true);
    expect(parseView('?code=28-NQ%2FTW&time=0').time).toBe(false);
    expect(serializeView(parseView('?code=28-NQ%2FTW&time=1&step=2'))).toBe('?code=28-NQ%2FTW&step=2&time=1');
    expect(serializeView({ ...parseView('?code=28-NQ%2FTW&time=1'), code: null })).toBe('');
  });
});
