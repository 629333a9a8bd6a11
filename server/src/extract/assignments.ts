/**
 * Task assignments in "TỔ CHỨC THỰC HIỆN" and "Nhiệm vụ và giải pháp cụ thể": numbered items naming an
 * organisation, followed (or continued) by its tasks, each with an optional timing annotation.
 */
import {
  ANNEX_RE, ASSIGNMENT_SECTION_RE, BULLET_RE, CLOSING_RE, NUMBERED_RE, RECIPIENTS_RE, ROMAN_HEADING_RE, SPECIFIC_TASKS_RE,
} from './patterns/headings.js';
import { ORG_HEAD_RE, ORG_KIND_RULES, ORG_PREFIX_RE, SHARED_PREFIX_RULES, TASK_VERB_SOURCE, TOPIC_PREFIX_RE } from './patterns/orgs.js';
import { CONDITIONAL_RE, FROM_YEAR_RE, MONTH_RE, RANGE_RE, RECURRING_RE, TIMING_PAREN_RE, YEAR_RE } from './patterns/timing.js';
import { TABLE_ROW_RE } from './patterns/tables.js';
import { TYPE_HEADINGS } from './patterns/types.js';
import { levelFromName } from './issuer.js';
import { evidence, type Flat, type Line } from './normalize.js';
import type { Assignment, LevelKey, Task, Timing } from './types.js';

const COMMA_VERB_RE = new RegExp(`,\\s(?:${TASK_VERB_SOURCE})(?=[\\s,.:;]|$)`);
const SPACE_VERB_RE = new RegExp(
  `(?<![Bb]an|[Cc]ác|[Nn]hững)\\s(?:${TASK_VERB_SOURCE})(?!\\s(?:chính trị|đảng|cơ sở|xã hội|bộ máy|Đảng))(?=[\\s,.:;]|$)`,
);
const SPLIT_ORGS_RE = /;\s|,\s(?=các\s)|,\s(?=(?:Ban|Hội|Viện|Sở|Đảng đoàn|Văn phòng|Ủy ban|Uỷ ban|Báo|Đài|Tỉnh đoàn|Trường|Công an|Bộ Chỉ huy)\s)/;
const TYPE_HEADING_SET = new Set(TYPE_HEADINGS.map(([h]) => h));
const CONTINUATION_RE = /^[\p{Ll}(]/u;
const SENTENCE_END_RE = /[.;:!?…)]$/;
/** "…, " between "Căn cứ <documents>" and the organisations it addresses. */
const COMMA_SPACE_RE = /,\s/g;
/** A sentence boundary inside an item: ". Ban Cán sự đảng … lãnh đạo …". */
const SENTENCE_BREAK_RE = /[.!?]\s(?=\p{Lu})/gu;
/** A line of a recipient list ("- Ban tuyên giáo các huyện, thị, thành ủy,"): ends the section. */
const LIST_LINE_END_RE = /,$/;
const MAX_RECIPIENT_LINE = 100;

export function orgKind(name: string): string {
  for (const [re, kind] of ORG_KIND_RULES) if (re.test(name)) return kind;
  return 'other';
}

/** Every timing annotation of a task, in text order. */
export function parseTimings(text: string): Timing[] {
  if (text.indexOf('(') < 0) return [];
  TIMING_PAREN_RE.lastIndex = 0;
  const out: Timing[] = [];
  let m: RegExpExecArray | null;
  while ((m = TIMING_PAREN_RE.exec(text)) !== null) out.push(timingOf(m.groups!.t!.replace(/\s+/g, ' ').trim()));
  return out;
}

/** The first (main) timing annotation of a task, or null. */
export function parseTiming(text: string): Timing | null {
  return parseTimings(text)[0] ?? null;
}

export function timingOf(t: string): Timing {
  const years = (t.match(YEAR_RE) ?? []).map(Number);
  const range = RANGE_RE.exec(t);
  if (CONDITIONAL_RE.test(t)) {
    // "(thực hiện từ năm 2023, sau khi có văn bản …)" starts in 2023 and has no end.
    const open = !range && FROM_YEAR_RE.test(t);
    return { text: t, fromYear: years[0] ?? null, toYear: open || !years.length ? null : years[years.length - 1]!, kind: 'conditional' };
  }
  if (RECURRING_RE.test(t)) return { text: t, fromYear: null, toYear: null, kind: 'recurring' };
  if (range && range.groups) return { text: t, fromYear: +range.groups.a!, toYear: +range.groups.b!, kind: 'range' };
  const from = FROM_YEAR_RE.exec(t);
  if (from && from.groups) {
    return { text: t, fromYear: +from.groups.a!, toYear: null, kind: MONTH_RE.test(t) ? 'date' : 'range' };
  }
  if (years.length === 1) return { text: t, fromYear: years[0]!, toYear: years[0]!, kind: MONTH_RE.test(t) ? 'date' : 'year' };
  return { text: t, fromYear: years[0] ?? null, toYear: years.length ? years[years.length - 1]! : null, kind: 'other' };
}

interface OrgSplit {
  /** Offsets of the organisation part within the item text. */
  orgStart: number;
  orgEnd: number;
  /** Offset where the inline task starts, or -1. */
  taskStart: number;
}

function isOrg(s: string): boolean {
  return ORG_HEAD_RE.test(s) && s.length <= 200;
}

function firstVerb(s: string): RegExpExecArray | null {
  const cv = COMMA_VERB_RE.exec(s);
  const sv = SPACE_VERB_RE.exec(s);
  return cv && sv ? (cv.index <= sv.index ? cv : sv) : (cv ?? sv);
}

/** "Căn cứ <documents>, <organisations> <verb> …": the organisations the item addresses. */
function splitAfterBasis(s: string, base: number): OrgSplit | null {
  COMMA_SPACE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COMMA_SPACE_RE.exec(s)) !== null) {
    const at = m.index + m[0].length;
    const rest = s.slice(at);
    if (!ORG_HEAD_RE.test(rest)) continue;
    const v = firstVerb(rest);
    if (!v || v.index <= 0) return null;
    const org = rest.slice(0, v.index).trim();
    if (!isOrg(org) || /[.:]\s/.test(org)) return null;
    const ts = v.index + (v[0].startsWith(',') ? 1 : 0);
    return { orgStart: base + at, orgEnd: base + at + org.length, taskStart: base + at + ts };
  }
  return null;
}

/**
 * "Đối với <addressee>": a topic, a noun phrase that may carry its own verb ("Đối với cấp ủy cơ sở lãnh đạo thực
 * hiện nhiệm vụ tuyên truyền (Sở …; Báo …)" — the committees that lead propaganda work, not "cấp ủy cơ sở" given
 * the task "lãnh đạo …"). It ends at a colon, ", <verb>" or a parenthesis (its examples); tasks follow the colon
 * or the comma, else come on the next lines. Null when that is no organisation.
 */
function splitTopic(s: string, base: number): OrgSplit | null {
  const colon = s.indexOf(':');
  const paren = s.indexOf('(');
  const cv = COMMA_VERB_RE.exec(s);
  const ends = [colon, paren, cv ? cv.index : -1].filter((x) => x > 0);
  const cut = ends.length ? Math.min(...ends) : s.length;
  const org = s.slice(0, cut).replace(/[\s:.,]+$/, '');
  if (!isOrg(org) || /[.;]\s/.test(org)) return null;
  const close = paren < 0 ? -1 : s.indexOf(')', paren);
  const colonInParen = paren >= 0 && colon > paren && (close < 0 || colon < close);
  let taskStart = -1;
  if (cv && cv.index === cut) taskStart = base + cut + 1;
  else if (colon >= cut && !colonInParen) taskStart = base + colon + 1;
  if (taskStart >= 0 && !s.slice(taskStart - base).trim()) taskStart = -1;
  return { orgStart: base, orgEnd: base + org.length, taskStart };
}

function splitItem(t: string): OrgSplit | null {
  let base = 0;
  const pre = ORG_PREFIX_RE.exec(t);
  if (pre) base = pre[0].length;
  const s = t.slice(base);
  if (s.startsWith('Căn cứ ')) return splitAfterBasis(s, base);
  if (pre && TOPIC_PREFIX_RE.test(pre[0])) {
    const topic = splitTopic(s, base);
    if (topic) return topic;
  }
  const paren = s.indexOf('(');
  const colon = s.indexOf(':');
  const v = firstVerb(s);
  if (colon > 0 && colon < 180 && (paren < 0 || colon < paren) && (!v || colon < v.index)) {
    const org = s.slice(0, colon).trim();
    if (isOrg(org) && !/[.;]\s/.test(org)) return { orgStart: base, orgEnd: base + org.length, taskStart: base + colon + 1 };
  }
  if (v && v.index > 0) {
    const org = s.slice(0, v.index).trim();
    if (isOrg(org)) {
      const ts = v.index + (v[0].startsWith(',') ? 1 : 0);
      return { orgStart: base, orgEnd: base + org.length, taskStart: base + ts };
    }
  }
  const whole = s.replace(/[\s:.]+$/, '');
  if (isOrg(whole) && !v) return { orgStart: base, orgEnd: base + whole.length, taskStart: -1 };
  return null;
}

function depth(num: string): number {
  return num.split('.').length;
}

/** A recipient-list line after the last task ("- Ban tuyên giáo các huyện, thị, thành ủy,"). */
function isRecipientLine(t: string): boolean {
  if (t.length > MAX_RECIPIENT_LINE || !LIST_LINE_END_RE.test(t)) return false;
  const b = BULLET_RE.exec(t);
  const body = (b ? b.groups!.rest! : t).replace(/[\s,]+$/, '');
  return ORG_HEAD_RE.test(body) && !firstVerb(body);
}

function isSectionEnd(t: string): boolean {
  return (
    ROMAN_HEADING_RE.test(t) || RECIPIENTS_RE.test(t) || CLOSING_RE.test(t) || ANNEX_RE.test(t) ||
    TYPE_HEADING_SET.has(t.replace(/[.:]$/, ''))
  );
}

interface Ctx {
  flat: Flat;
  province: string | null;
  level: LevelKey | null;
  /** First line of the signature block (sections end there), or -1. */
  endLine: number;
}

export function makeTask(flat: Flat, s: number, e: number, text: string): Task {
  const timings = parseTimings(text);
  // Explicit fields, not a spread: spreading into a larger literal is slow in V8.
  const ev = evidence(flat, s, e);
  return { quote: ev.quote, start: ev.start, end: ev.end, text, timing: timings[0] ?? null, timings };
}

/** Assignments for the organisation list at flat [s, e): one per listed body, shared prefixes distributed. */
function orgAssignments(ctx: Ctx, s: number, e: number): Assignment[] {
  const { flat } = ctx;
  const orgText = flat.text.slice(s, e);
  const out: Assignment[] = [];
  let off = 0;
  let shared: { prefix: string; takes: RegExp } | null = null;
  for (const p of orgText.split(SPLIT_ORGS_RE)) {
    const at = orgText.indexOf(p, off);
    off = at + p.length;
    const ev = evidence(flat, s + at, s + at + p.length);
    const own = flat.text.slice(s + at, s + at + p.length).replace(/[\s:,.;]+$/, '').trim();
    if (!own) continue;
    let organization = own;
    if (out.length === 0) {
      for (const [pre, takes] of SHARED_PREFIX_RULES) {
        const pm = pre.exec(own);
        if (pm) shared = { prefix: pm[0], takes };
      }
    } else if (shared && shared.takes.test(own)) {
      organization = `${shared.prefix} ${own}`;
    }
    const level = levelFromName(organization) ?? ctx.level;
    out.push({
      quote: ev.quote,
      start: ev.start,
      end: ev.end,
      organization,
      province: level === 'central' ? null : ctx.province,
      level,
      kind: orgKind(organization),
      tasks: [],
    });
  }
  return out;
}

/** The bodies a table cell (flat [s, e)) names, as an item's list of bodies is read. */
export function organizationsAt(flat: Flat, s: number, e: number, province: string | null, level: LevelKey | null): Assignment[] {
  return orgAssignments({ flat, province, level, endLine: -1 }, s, e);
}

/**
 * Further "ORG VERB …" sentences inside an item's inline task text (flat [s, e)): offsets where each
 * sentence starts, with its split. The first sentence (the item's own task) is not included.
 */
function laterSubjects(flat: Flat, s: number, e: number): { at: number; split: OrgSplit }[] {
  const text = flat.text.slice(s, e);
  const out: { at: number; split: OrgSplit }[] = [];
  SENTENCE_BREAK_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_BREAK_RE.exec(text)) !== null) {
    const at = m.index + m[0].length;
    const rest = text.slice(at);
    if (!ORG_HEAD_RE.test(rest)) continue;
    const split = splitItem(rest);
    if (!split || split.taskStart < 0 || split.orgStart !== 0 || rest.charCodeAt(split.taskStart - 1) === 58) continue;
    out.push({ at: s + at, split });
  }
  return out;
}

export function findAssignments(
  flat: Flat,
  ls: Line[],
  skip: Set<number>,
  province: string | null,
  level: LevelKey | null,
  endLine = -1,
): Assignment[] {
  const ctx: Ctx = { flat, province, level, endLine };
  const out: Assignment[] = [];
  for (let i = 0; i < ls.length; i++) {
    const t = ls[i]!.text;
    const spec = SPECIFIC_TASKS_RE.exec(t);
    if (!ASSIGNMENT_SECTION_RE.test(t) && !spec) continue;
    i = readSection(ctx, ls, skip, i + 1, spec ? depth(spec.groups!.num!) + 1 : 0, out) - 1;
  }
  return out;
}

/** Reads items from line `from`; returns the index of the first line after the section. */
function readSection(ctx: Ctx, ls: Line[], skip: Set<number>, from: number, itemDepth: number, out: Assignment[]): number {
  const { flat } = ctx;
  let current: Assignment[] = [];
  let lastTask: { task: Task; line: number; owners: Assignment[] } | null = null;
  let i = from;
  for (; i < ls.length; i++) {
    if (skip.has(i)) continue;
    const line = ls[i]!;
    const t = line.text;
    if (isSectionEnd(t) || (ctx.endLine >= 0 && i >= ctx.endLine) || isRecipientLine(t)) break;
    if (TABLE_ROW_RE.test(t)) {
      // A table's rows are read as a table (task-tables.ts), never as an item's tasks; the item before it has ended.
      current = [];
      lastTask = null;
      continue;
    }
    const num = NUMBERED_RE.exec(t);
    if (num && num.groups) {
      const d = depth(num.groups.num!);
      if (itemDepth === 0) itemDepth = d;
      if (d < itemDepth) break;
      if (d === itemDepth) {
        const restAt = t.length - num.groups.rest!.length;
        const rest = num.groups.rest!;
        const split = splitItem(rest);
        current = [];
        lastTask = null;
        if (!split) continue;
        const itemStart = line.start + restAt;
        current = orgAssignments(ctx, itemStart + split.orgStart, itemStart + split.orgEnd);
        out.push(...current);
        if (split.taskStart >= 0) {
          let ts = itemStart + split.taskStart;
          // Later sentences of the item may name other organisations with their own tasks.
          for (const later of laterSubjects(flat, ts, line.end)) {
            addTask(flat, ts, later.at, current);
            current = orgAssignments(ctx, later.at + later.split.orgStart, later.at + later.split.orgEnd);
            out.push(...current);
            ts = later.at + later.split.taskStart;
          }
          const task = addTask(flat, ts, line.end, current);
          if (task) lastTask = { task, line: i, owners: current };
        }
        continue;
      }
    }
    if (current.length === 0) continue;
    const b = BULLET_RE.exec(t);
    if (!b && lastTask && (CONTINUATION_RE.test(t) || !SENTENCE_END_RE.test(lastTask.task.text))) {
      // A paragraph split by a page break (possibly with footnotes in between): continue the previous
      // task. The evidence spans from the task's start to the end of this line.
      const task = lastTask.task;
      task.text = `${task.text} ${t}`;
      task.timings = parseTimings(task.text);
      task.timing = task.timings[0] ?? null;
      const ev = evidence(flat, flatIndex(flat, task.start), line.end);
      task.quote = ev.quote;
      task.start = ev.start;
      task.end = ev.end;
      lastTask.line = i;
      continue;
    }
    const s = b ? line.end - b.groups!.rest!.length : line.start;
    const task = addTask(flat, s, line.end, current);
    if (task) lastTask = { task, line: i, owners: current };
  }
  return i;
}

/** A task for flat [s, e) (trimmed), added to every owner; null when empty. */
function addTask(flat: Flat, s: number, e: number, owners: Assignment[]): Task | null {
  const text = flat.text.slice(s, e).trim();
  if (!text) return null;
  const task = makeTask(flat, s, e, text);
  for (const a of owners) a.tasks.push(task);
  return task;
}

/** Flat index of a record-text offset (binary search over the monotone map). */
function flatIndex(flat: Flat, src: number): number {
  let lo = 0;
  let hi = flat.map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (flat.map[mid]! < src) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
