/**
 * The timeline: each text at the day it was issued (x), in the band of its level (y: central above provincial above
 * district above commune), so the days each level took read as distances. Texts of one level issued within days of
 * each other are stacked in rows of their band rather than overlap; texts with no date stand in a column of their
 * own at the left. An axis of months, quarters or years (by the span) runs above the bands, with a line down through
 * them at each tick, and each band is named at the left; a long stretch with no text is cut out (a break, "≈").
 * Pure: dates in, scale out (timelineScale); nodes, scale and bands in, positions out (timelineLayout).
 */
import type cytoscape from 'cytoscape';
import type { Lang } from '../i18n/dictionary.js';

export interface TimelineNode {
  id: string;
  /** Level rank: a band per rank, the lowest rank on top. */
  rank: number;
  w: number;
  h: number;
  issuedOn: string | null;
  /** Tie-breaker for a stable order among texts of one day. */
  sortKey: string;
}

export type TickUnit = 'month' | 'quarter' | 'year';

export interface TimelineTick {
  /** "2023-01" (month), "2023-Q1" (quarter), "2023" (year), or "undated" for the column of texts without a date. */
  key: string;
  /** The first day of the period (ISO); null for the undated column and a break. */
  date: string | null;
  label: string;
  /** Where it stands (timelineScale); the undated column's is the layout's. */
  x?: number;
}

export interface TimelineBand {
  rank: number;
  label: string;
}

/** Ids of the axis' own elements: a tick's label (top), its foot (bottom) and the line between; a band's name. */
export const axisIds = {
  tick: (key: string) => `axis:tick:${key}`,
  foot: (key: string) => `axis:foot:${key}`,
  line: (key: string) => `axis:line:${key}`,
  band: (rank: number) => `axis:band:${rank}`,
};

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);
const isoOf = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Months up to about a year and a half, quarters up to four years, years beyond. */
export function tickUnit(spanDays: number): TickUnit {
  return spanDays <= 550 ? 'month' : spanDays <= 1500 ? 'quarter' : 'year';
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** A stretch of time drawn at the scale's pixels a day, from `x` on; stretches are parted by breaks. */
export interface TimeSegment {
  /** Days since 1970-01-01 of its first and last tick. */
  start: number;
  end: number;
  x: number;
}

export interface TimelineScale {
  segments: TimeSegment[];
  pxPerDay: number;
  /**
   * Font size of the axis' words: a wide timeline is drawn zoomed out, so its words are larger in the graph's units
   * (≈ 12 px on a screen the timeline fills), 14 at least.
   */
  fontSize: number;
  /** The undated column first (when there are undated texts), then the ticks in time order, breaks among them. */
  ticks: TimelineTick[];
}

/** A stretch with no text this long (and over a third of the span) is drawn as a break (at least BREAK_PX wide), not to scale. */
export const BREAK_MIN_DAYS = 180;
export const BREAK_PX = 160;

export interface ScaleOptions {
  /** Texts without a date: a column of their own, left of the axis. */
  undated?: boolean;
  undatedLabel?: string;
  /** How many texts the timeline draws: the width grows with them (120 px a text, 1 600 to 8 000). */
  texts?: number;
  width?: number;
  /**
   * The texts' days, bands (level ranks) and widths: where many texts of one level come within days of each other
   * (the communes of a province answering in one month) they stack in rows, and the scale widens until the drawing is
   * about ASPECT times as wide as it is high (up to MAX_WIDTH): crowded months get room, and the whole still fits a
   * screen.
   */
  items?: ReadonlyArray<{ date: string; rank: number; w: number }>;
}

/** Width over height the scale aims for when texts crowd, the widest scale, and a row's height as estimated. */
export const ASPECT = 3;
export const MAX_WIDTH = 40_000;
const ROW_PX = 64;
const H_GAP = 16;

/**
 * The rows each band would need if texts closer than `window` days shared a column: the most texts of the band inside
 * any window of that many days (two pointers over its sorted days).
 */
export function rowsNeeded(bandDays: ReadonlyArray<readonly number[]>, window: number): number[] {
  return bandDays.map((d) => {
    let worst = 0;
    for (let i = 0, j = 0; j < d.length; j++) {
      while (d[j]! - d[i]! >= window) i++;
      worst = Math.max(worst, j - i + 1);
    }
    return worst;
  });
}

/** Pixels a day that make a drawing of `items` over `drawnDays` about ASPECT wide to high, between `min` and `max`. */
function balancedScale(items: NonNullable<ScaleOptions['items']>, drawnDays: number, min: number, max: number): number {
  const byBand = new Map<number, number[]>();
  for (const i of items) (byBand.get(i.rank) ?? byBand.set(i.rank, []).get(i.rank)!).push(dayOf(i.date));
  const bandDays = [...byBand.values()].map((d) => d.sort((a, b) => a - b));
  const column = items.reduce((m, i) => Math.max(m, i.w), 0) + H_GAP;
  const aspect = (px: number) => (px * drawnDays) / rowsNeeded(bandDays, column / px).reduce((h, rows) => h + rows * ROW_PX, 0);
  if (aspect(min) >= ASPECT) return min;
  if (aspect(max) <= ASPECT) return max;
  let lo = min;
  let hi = max;
  for (let k = 0; k < 30 && hi - lo > 0.01 * lo; k++) {
    const mid = (lo + hi) / 2;
    if (aspect(mid) < ASPECT) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The time axis for texts issued on `dates`: ticks of months, quarters or years (by the longest stretch drawn), and
 * the scale from day to x. A long stretch without any text (a resolution of 2022 answered in 2025) is cut out and
 * drawn as a break, so the texts on either side keep a readable scale.
 */
export function timelineScale(dates: readonly string[], lang: Lang, options: ScaleOptions = {}): TimelineScale {
  const undatedTick: TimelineTick[] = options.undated ? [{ key: 'undated', date: null, label: options.undatedLabel ?? '' }] : [];
  const days = [...new Set(dates.filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d)).map(dayOf))].sort((a, b) => a - b);
  if (!days.length) return { segments: [], pxPerDay: 1, fontSize: 14, ticks: undatedTick };
  const span = days[days.length - 1]! - days[0]!;
  const breakDays = Math.max(BREAK_MIN_DAYS, span / 3);
  // Runs of days without a break between them.
  const runs: Array<[number, number]> = [[days[0]!, days[0]!]];
  for (const d of days.slice(1)) {
    const run = runs[runs.length - 1]!;
    if (d - run[1] > breakDays) runs.push([d, d]);
    else run[1] = d;
  }
  const unit = tickUnit(runs.reduce((m, [a, b]) => Math.max(m, b - a), 0));
  const months = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12;
  // Each run's ticks: from the period holding its first day to the one after its last.
  const runTicks = runs.map(([a, b]) => {
    const first = isoOfDay(a);
    const last = isoOfDay(b);
    const out: TimelineTick[] = [];
    let y = Number(first.slice(0, 4));
    let m = unit === 'year' ? 1 : Math.floor((Number(first.slice(5, 7)) - 1) / months) * months + 1;
    for (;;) {
      const date = isoOf(y, m);
      out.push({ key: unit === 'month' ? date.slice(0, 7) : unit === 'quarter' ? `${y}-Q${(m + 2) / 3}` : String(y), date, label: tickLabel(unit, y, m, lang) });
      if (date > last) break;
      m += months;
      if (m > 12) {
        m -= 12;
        y += 1;
      }
    }
    return out;
  });
  // Runs whose ticks meet (the next starts in the period this one ends with) are one stretch.
  const merged: TimelineTick[][] = [];
  for (const ticks of runTicks) {
    const prev = merged[merged.length - 1];
    const prevEnd = prev?.[prev.length - 1]?.date;
    if (prev && prevEnd && ticks[0]!.date! <= prevEnd) prev.push(...ticks.filter((t) => t.date! > prevEnd));
    else merged.push([...ticks]);
  }
  const drawnDays = merged.reduce((sum, ticks) => sum + dayOf(ticks[ticks.length - 1]!.date!) - dayOf(ticks[0]!.date!), 0);
  const base = options.width ?? Math.min(8000, Math.max(1600, 120 * (options.texts ?? days.length)));
  let pxPerDay = base / Math.max(1, drawnDays);
  if (options.items?.length && pxPerDay * drawnDays < MAX_WIDTH) pxPerDay = balancedScale(options.items, Math.max(1, drawnDays), pxPerDay, MAX_WIDTH / Math.max(1, drawnDays));
  const width = pxPerDay * Math.max(1, drawnDays);
  const fontSize = Math.round(Math.min(120, Math.max(14, width / 90)));
  const labelWidth = TICK_LABEL_EMS.w * fontSize;
  // A break is wide enough for its mark between the labels either side.
  const breakPx = Math.max(BREAK_PX, 2 * labelWidth);
  // Labels no closer than their width: every second (third…) tick of a crowded stretch keeps its line, not its label.
  const labelEvery = Math.max(1, Math.ceil(labelWidth / (months * 30.4 * pxPerDay)));
  const segments: TimeSegment[] = [];
  const ticks: TimelineTick[] = [...undatedTick];
  let x = 0;
  merged.forEach((run, i) => {
    const start = dayOf(run[0]!.date!);
    const end = dayOf(run[run.length - 1]!.date!);
    if (i > 0) {
      // The break: a mark halfway, then the next stretch.
      ticks.push({ key: `break-${i}`, date: null, label: '≈', x: x + breakPx / 2 });
      x += breakPx;
    }
    segments.push({ start, end, x });
    run.forEach((t, j) => ticks.push({ ...t, label: j % labelEvery === 0 ? t.label : '', x: x + (dayOf(t.date!) - start) * pxPerDay }));
    x += (end - start) * pxPerDay;
  });
  return { segments, pxPerDay, fontSize, ticks };
}

/** Where a day falls on the scale: inside its stretch, or (between stretches) at the nearest stretch's edge. */
export function xOfDate(scale: TimelineScale, iso: string): number {
  const day = dayOf(iso);
  let best: TimeSegment | undefined;
  let bestDistance = Infinity;
  for (const s of scale.segments) {
    if (day >= s.start && day <= s.end) return s.x + (day - s.start) * scale.pxPerDay;
    const distance = day < s.start ? s.start - day : day - s.end;
    if (distance < bestDistance) {
      best = s;
      bestDistance = distance;
    }
  }
  if (!best) return 0;
  return best.x + (Math.min(Math.max(day, best.start), best.end) - best.start) * scale.pxPerDay;
}

function tickLabel(unit: TickUnit, y: number, m: number, lang: Lang): string {
  if (unit === 'year') return String(y);
  if (unit === 'quarter') return lang === 'vi' ? `Quý ${ROMAN[(m - 1) / 3]}/${y}` : `Q${(m + 2) / 3} ${y}`;
  return lang === 'vi' ? `${String(m).padStart(2, '0')}/${y}` : `${y}-${String(m).padStart(2, '0')}`;
}

export interface TimelineOptions {
  hGap?: number;
  rowGap?: number;
  bandGap?: number;
}

export interface TimelineLayout {
  /** Positions of the texts and of the axis' elements (axisIds). */
  positions: Map<string, { x: number; y: number }>;
  /** Top and bottom of each band, by rank. */
  bands: Map<number, { top: number; bottom: number }>;
}

export function timelineLayout(nodes: readonly TimelineNode[], scale: TimelineScale, bands: readonly TimelineBand[], options: TimelineOptions = {}): TimelineLayout {
  const { hGap = H_GAP, rowGap = 14, bandGap = 56 } = options;
  const positions = new Map<string, { x: number; y: number }>();
  // The undated column: left of the axis' start by the widest undated text, or its label.
  const undatedW = nodes.filter((n) => !n.issuedOn).reduce((m, n) => Math.max(m, n.w), TICK_LABEL_EMS.w * scale.fontSize);
  const undatedX = -(undatedW + 3 * hGap);
  const xOf = (n: TimelineNode) => (n.issuedOn ? xOfDate(scale, n.issuedOn) : undatedX);

  // Bands, top to bottom by rank; inside each, texts packed into rows left to right (the first row with room).
  const ranks = [...new Set([...nodes.map((n) => n.rank), ...bands.map((b) => b.rank)])].sort((a, b) => a - b);
  const spans = new Map<number, { top: number; bottom: number }>();
  let y = 0;
  for (const rank of ranks) {
    const members = nodes
      .filter((n) => n.rank === rank)
      .map((n) => ({ n, x: xOf(n) }))
      .sort((a, b) => a.x - b.x || a.n.sortKey.localeCompare(b.n.sortKey));
    const rowH = members.reduce((m, { n }) => Math.max(m, n.h), 0) || 40;
    const rowEnds: number[] = [];
    for (const { n, x } of members) {
      const left = x - n.w / 2;
      let row = rowEnds.findIndex((end) => end + hGap <= left);
      if (row < 0) row = rowEnds.push(-Infinity) - 1;
      rowEnds[row] = x + n.w / 2;
      positions.set(n.id, { x, y: y + row * (rowH + rowGap) + rowH / 2 });
    }
    const height = Math.max(1, rowEnds.length) * (rowH + rowGap) - rowGap;
    spans.set(rank, { top: y, bottom: y + height });
    y += height + bandGap;
  }
  const bottom = Math.max(0, y - bandGap);

  // The axis: tick labels above the bands, their feet below, and each band's name left of everything.
  const tickY = -bandGap / 2 - scale.fontSize;
  for (const t of scale.ticks) {
    const x = t.key === 'undated' ? undatedX : (t.x ?? 0);
    positions.set(axisIds.tick(t.key), { x, y: tickY });
    positions.set(axisIds.foot(t.key), { x, y: bottom + bandGap / 4 });
  }
  const minX = Math.min(0, ...[...positions.values()].map((p) => p.x), ...nodes.map((n) => xOf(n) - n.w / 2));
  for (const b of bands) {
    const span = spans.get(b.rank);
    if (span) positions.set(axisIds.band(b.rank), { x: minX - (BAND_LABEL_EMS * scale.fontSize) / 2 - hGap, y: (span.top + span.bottom) / 2 });
  }
  return { positions, bands: spans };
}

/**
 * The axis' words are boxes of their own (no fill), so a fit of the graph takes them in: a tick's label this many
 * font sizes wide and high, a band's name (its words wrap inside).
 */
export const TICK_LABEL_EMS = { w: 5.5, h: 1.7 } as const;
export const BAND_LABEL_EMS = 10;

/** The kind of the axis' elements (their data.kind): not texts, not organisations — not selected, walked or searched. */
export const AXIS_KIND = 'AXIS';

/** The axis as Cytoscape elements: each tick a label, a foot and the line between; each band its name. */
export function axisElements(scale: TimelineScale, bands: readonly TimelineBand[]): cytoscape.ElementDefinition[] {
  const out: cytoscape.ElementDefinition[] = [];
  const size = scale.fontSize;
  for (const t of scale.ticks) {
    out.push({ group: 'nodes', classes: 'axis axis-tick', data: { id: axisIds.tick(t.key), kind: AXIS_KIND, label: t.label, tickKey: t.key, date: t.date, fontSize: size, w: TICK_LABEL_EMS.w * size, h: TICK_LABEL_EMS.h * size } });
    out.push({ group: 'nodes', classes: 'axis axis-foot', data: { id: axisIds.foot(t.key), kind: AXIS_KIND, label: '' } });
    out.push({ group: 'edges', classes: `axis axis-line${t.date ? '' : ' axis-break'}`, data: { id: axisIds.line(t.key), kind: AXIS_KIND, source: axisIds.tick(t.key), target: axisIds.foot(t.key), label: '', lineWidth: Math.max(1, size / 12) } });
  }
  for (const b of bands) out.push({ group: 'nodes', classes: 'axis axis-band', data: { id: axisIds.band(b.rank), kind: AXIS_KIND, label: b.label, rank: b.rank, fontSize: Math.round(size * 1.15), w: BAND_LABEL_EMS * size, h: 3 * size } });
  return out;
}
