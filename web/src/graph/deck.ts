/**
 * A briefing as a slide deck: a title slide, then one slide per briefing step — its caption as the slide's title, the
 * step's picture, a footer saying where it came from, and speaker notes listing what the step brings in (each text's
 * code, type, place, date and lag; each organisation with its province). Pure: the pictures are drawn by export.ts
 * and the file is written by deck-pptx.ts.
 */
import type { LagRow, TaskPeriod } from '../api/types.js';
import type { Lang } from '../i18n/dictionary.js';
import { formatCount, formatDate, formatDayCount, formatDays, levelName, periodLabel, periodStatusName, typeName } from '../i18n/format.js';
import type { Translate } from '../i18n/translate.js';
import type { BriefingStep } from './briefing.js';
import type { GNode, GraphModel } from './model.js';

export interface DeckSlide {
  /** The step's caption. */
  title: string;
  /** "28-NQ/TW · Bước 2/5 · Directive Graph · 28/11/2026". */
  footer: string;
  /** Speaker notes: one line per text or organisation the step brings in. */
  notes: string;
}

export interface DeckPlan {
  /** The root's code (or type), large on the title slide; also the file's title. */
  heading: string;
  /** The root's title, under it (may be empty). */
  title: string;
  /** "12 văn bản, 3 tỉnh/thành, 17 cơ quan được giao nhiệm vụ · 5 bước". */
  summary: string;
  /** "Directive Graph · 28/11/2026". */
  footer: string;
  slides: DeckSlide[];
  /** Tables after the steps: the tasks by deadline, the days each level took. */
  tables: DeckTable[];
  /** Language of the slides' text, for the spell checker of the program that opens them. */
  lang: 'vi-VN' | 'en-US';
}

/** A table slide: its title, a line under it, a header row and the body (numbers right-aligned). */
export interface DeckTable {
  title: string;
  note: string | null;
  header: string[];
  /** Per column: a number (right-aligned). */
  numeric: boolean[];
  rows: string[][];
  footer: string;
}

/** Rows of a table slide, and how many slides of the lag table a deck takes at most (the CSV has them all). */
export const TABLE_ROWS = 12;
export const MAX_LAG_SLIDES = 3;

/** Lines of speaker notes per slide; further ones are counted ("… và 12 mục khác"). */
export const MAX_NOTE_LINES = 60;

export interface DeckInput {
  model: GraphModel;
  steps: BriefingStep[];
  t: Translate;
  lang: Lang;
  /** ISO day the deck is made (the footer's date). */
  today: string;
  /** The root's tasks by period (API taskSchedule, of the view's provinces): a table slide when there are any. */
  schedule?: readonly TaskPeriod[] | null;
  /** The lag table (API implementationLag), of the view's provinces: table slides when there are rows. */
  lag?: readonly LagRow[] | null;
  /** The provinces the view is narrowed to, as the page names them. */
  provinces?: readonly string[];
}

export function deckPlan({ model, steps, t, lang, today, schedule, lag, provinces: chosen = [] }: DeckInput): DeckPlan {
  const root = model.nodes.get(model.rootId);
  const heading = root ? (root.code ?? typeName(lang, root.type, root.typeName ?? root.label)) : '';
  const footer = `Directive Graph · ${formatDate(lang, today)}`;
  const shown = new Set<string>();
  for (const s of steps) for (const id of s.nodeIds) shown.add(id);
  const nodes = [...shown].map((id) => model.nodes.get(id)).filter((n): n is GNode => !!n);
  const texts = nodes.filter((n) => n.kind === 'DIRECTIVE' && !n.isRoot);
  const orgs = nodes.filter((n) => n.kind === 'ORGANIZATION');
  const provinces = new Set(texts.map((n) => n.province).filter(Boolean));
  // Organisations the server folded into their texts are not drawn: the cover does not count them as none.
  const summary = t(orgs.length ? 'deckSummary' : 'deckSummaryNoOrgs', {
    docs: formatCount(lang, texts.length),
    provinces: formatCount(lang, provinces.size),
    n: formatCount(lang, orgs.length),
    step: formatCount(lang, steps.length),
  });
  return {
    heading,
    title: root?.title ?? '',
    summary,
    footer,
    lang: lang === 'vi' ? 'vi-VN' : 'en-US',
    slides: steps.map((s, i) => ({
      title: s.caption,
      footer: `${heading} · ${t('stepOf', { i: i + 1, n: steps.length })} · ${footer}`,
      notes: stepNotes(model, s.newIds, t, lang),
    })),
    tables: [
      ...(schedule?.length ? [scheduleTable(schedule, t, lang, today, chosen, `${heading} · ${footer}`)] : []),
      ...(lag?.length ? lagTables(lag, t, lang, `${heading} · ${footer}`) : []),
    ],
  };
}

/** "Nhiệm vụ theo thời hạn": a row per period, with where it stands on the day the deck is made. */
export function scheduleTable(periods: readonly TaskPeriod[], t: Translate, lang: Lang, today: string, provinces: readonly string[], footer: string): DeckTable {
  const where = provinces.length ? ` ${t('dueInProvince', { where: provinces.join(', ') })}` : '';
  return {
    title: t('dueTitle'),
    note: `${t('deckAsOf', { date: formatDate(lang, today) })}${where}`,
    header: [t('duePeriod'), t('deckStatus'), t('dueTasks'), t('dueOrganizations'), t('lagDocumentsHint')],
    numeric: [false, false, true, true, true],
    rows: periods.map((p) => [
      periodLabel(t, p),
      p.status ? periodStatusName(t, p.status) : '',
      formatCount(lang, p.tasks) + (p.conditional > 0 && p.kind !== 'CONDITIONAL' ? ` (${t('dueConditionalCount', { n: formatCount(lang, p.conditional) })})` : ''),
      formatCount(lang, p.organizations),
      formatCount(lang, p.documents),
    ]),
    footer,
  };
}

/**
 * "Số ngày mỗi cấp triển khai": the lag table's rows, TABLE_ROWS a slide and MAX_LAG_SLIDES slides at most; the rows
 * left out are counted on the last one (the lag table's CSV has them all).
 */
export function lagTables(rows: readonly LagRow[], t: Translate, lang: Lang, footer: string): DeckTable[] {
  const cap = TABLE_ROWS * MAX_LAG_SLIDES;
  const shown = rows.slice(0, cap);
  const tables: DeckTable[] = [];
  for (let i = 0; i < shown.length; i += TABLE_ROWS) {
    const last = i + TABLE_ROWS >= shown.length;
    const more = last && rows.length > cap ? t('deckRowsMore', { n: formatCount(lang, rows.length - cap) }) : null;
    tables.push({
      title: t('lagTitle'),
      note: [t('lagMedianHint'), more].filter(Boolean).join(' · '),
      header: [t('lagProvince'), t('lagLevel'), t('lagDocumentsHint'), t('lagMedian'), t('lagRange')],
      numeric: [false, false, true, true, true],
      rows: shown.slice(i, i + TABLE_ROWS).map((r) => [
        r.province ?? '—',
        r.level && r.parentLevel === r.level ? t('levelSameLevel', { level: levelName(t, r.level) }) : levelName(t, r.level),
        formatCount(lang, r.documents) + (r.dated < r.documents ? ` (${t('lagDated', { n: formatCount(lang, r.dated) })})` : ''),
        formatDayCount(lang, r.medianDays),
        r.minDays === null ? '–' : r.minDays === r.maxDays ? formatDayCount(lang, r.minDays) : `${formatDayCount(lang, r.minDays)} – ${formatDayCount(lang, r.maxDays)}`,
      ]),
      footer,
    });
  }
  return tables;
}

/** What a step brings in, a line each: texts by province and date, then organisations by province and name. */
export function stepNotes(model: GraphModel, ids: readonly string[], t: Translate, lang: Lang, max = MAX_NOTE_LINES): string {
  const nodes = ids.map((id) => model.nodes.get(id)).filter((n): n is GNode => !!n);
  const collator = new Intl.Collator(lang === 'vi' ? 'vi' : 'en');
  const place = (n: GNode) => [n.unit, n.province].filter(Boolean).join(', ');
  nodes.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'DIRECTIVE' ? -1 : 1) || collator.compare(a.province ?? '', b.province ?? '') || (a.issuedOn ?? '').localeCompare(b.issuedOn ?? '') || collator.compare(a.code ?? a.label, b.code ?? b.label));
  const lines = nodes.map((n) => (n.kind === 'DIRECTIVE' ? textLine(n, t, lang, place(n)) : orgLine(n, place(n))));
  if (lines.length <= max) return lines.join('\n');
  return [...lines.slice(0, max), t('deckNotesMore', { n: formatCount(lang, lines.length - max) })].join('\n');
}

function textLine(n: GNode, t: Translate, lang: Lang, where: string): string {
  const parts = [n.code ?? n.label, typeName(lang, n.type, n.typeName), where || levelName(t, n.level), n.issuedOn ? formatDate(lang, n.issuedOn) : t('undated')];
  if (n.lagDays !== null && n.lagDays !== undefined) parts.push(t('deckLag', { n: formatDays(t, lang, n.lagDays) }));
  return parts.filter(Boolean).join(' · ');
}

function orgLine(n: GNode, where: string): string {
  return where && !n.label.includes(where) ? `${n.label} (${where})` : n.label;
}

/** A box in inches (the slide's unit). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A slide stands for a full-HD screen (1 920 px over its 13.33 in: 144 px an inch), and a picture is enlarged no more
 * than the briefing's zoom cap enlarges a drawing on such a screen: the first step's lone root is not blown up to fill
 * the slide.
 */
export const SLIDE_PX_PER_INCH = 144;
export const SLIDE_MAX_ZOOM = 2;

/**
 * A picture of `width` × `height` px inside `box`, as large as fits with its proportions kept, centred; with `scale`
 * (the picture's pixels per pixel of the graph) no larger than SLIDE_MAX_ZOOM allows.
 */
export function fitPicture(width: number, height: number, box: Box, scale?: number): Box {
  if (width <= 0 || height <= 0) return { ...box, w: 0, h: 0 };
  let inchesPerPixel = Math.min(box.w / width, box.h / height);
  if (scale && scale > 0) inchesPerPixel = Math.min(inchesPerPixel, SLIDE_MAX_ZOOM / (scale * SLIDE_PX_PER_INCH));
  const w = width * inchesPerPixel;
  const h = height * inchesPerPixel;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}

/** The slide (16:9, inches) and where its parts go. */
export const SLIDE = {
  width: 13.333,
  height: 7.5,
  title: { x: 0.5, y: 0.3, w: 12.333, h: 1.0 },
  picture: { x: 0.5, y: 1.45, w: 12.333, h: 5.35 },
  footer: { x: 0.5, y: 6.95, w: 12.333, h: 0.35 },
} as const;
