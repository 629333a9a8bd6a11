/**
 * Task assignments in "TỔ CHỨC THỰC HIỆN" and "Nhiệm vụ và giải pháp cụ thể": numbered items naming an
 * organisation, followed (or continued) by its tasks, each with an optional timing annotation.
 */
import {
  ANNEX_RE, ASSIGNMENT_SECTION_RE, BULLET_RE, CLOSING_RE, NUMBERED_RE, RECIPIENTS_RE, ROMAN_HEADING_RE, SPECIFIC_TASKS_RE,
} from './patterns/headings.js';
import { ORG_HEAD_RE, ORG_KIND_RULES, ORG_PREFIX_RE, TASK_VERB_SOURCE } from './patterns/orgs.js';
import { CONDITIONAL_RE, FROM_YEAR_RE, MONTH_RE, RANGE_RE, RECURRING_RE, TIMING_PAREN_RE, YEAR_RE } from './patterns/timing.js';
import { TYPE_HEADINGS } from './patterns/types.js';
import { levelFromName } from './issuer.js';
import { evidence, type Flat, type Line } from './normalize.js';
import type { Assignment, LevelKey, Task, Timing } from './types.js';

const COMMA_VERB_RE = new RegExp(`,\\s(?:${TASK_VERB_SOURCE})(?=[\\s,.:;]|$)`);
const SPACE_VERB_RE = new RegExp(
  `(?<![Bb]an|[Cc]ác|[Nn]hững)\\s(?:${TASK_VERB_SOURCE})(?!\\s(?:chính trị|đảng|cơ sở|xã hội|bộ máy|Đảng))(?=[\\s,.:;]|$)`,
);
const SPLIT_ORGS_RE = /,\s(?=(?:Ban|Hội|Viện|Sở|Đảng đoàn|Văn phòng|Ủy ban|Uỷ ban|Báo|Đài|Tỉnh đoàn|Trường|Công an|Bộ Chỉ huy)\s)/;
const TYPE_HEADING_SET = new Set(TYPE_HEADINGS.map(([h]) => h));
const CONTINUATION_RE = /^[\p{Ll}(]/u;
const SENTENCE_END_RE = /[.;:!?…)]$/;

export function orgKind(name: string): string {
  for (const [re, kind] of ORG_KIND_RULES) if (re.test(name)) return kind;
  return 'other';
}

export function parseTiming(text: string): Timing | null {
  TIMING_PAREN_RE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = TIMING_PAREN_RE.exec(text)) !== null) last = m;
  if (!last) return null;
  const t = last.groups!.t!.replace(/\s+/g, ' ').trim();
  return timingOf(t);
}

export function timingOf(t: string): Timing {
  const years = (t.match(YEAR_RE) ?? []).map(Number);
  const range = RANGE_RE.exec(t);
  if (CONDITIONAL_RE.test(t)) {
    return { text: t, fromYear: years[0] ?? null, toYear: years.length ? years[years.length - 1]! : null, kind: 'conditional' };
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

function splitItem(t: string): OrgSplit | null {
  let base = 0;
  const pre = ORG_PREFIX_RE.exec(t);
  if (pre) base = pre[0].length;
  const s = t.slice(base);
  if (/^Căn cứ/.test(s)) return null;
  const paren = s.indexOf('(');
  const colon = s.indexOf(':');
  const cv = COMMA_VERB_RE.exec(s);
  const sv = SPACE_VERB_RE.exec(s);
  const v = cv && sv ? (cv.index <= sv.index ? cv : sv) : (cv ?? sv);
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
}

function makeTask(flat: Flat, s: number, e: number, text: string): Task {
  return { ...evidence(flat, s, e), text, timing: parseTiming(text) };
}

export function findAssignments(flat: Flat, ls: Line[], skip: Set<number>, province: string | null, level: LevelKey | null): Assignment[] {
  const ctx: Ctx = { flat, province, level };
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
    if (isSectionEnd(t)) break;
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
        const orgText = rest.slice(split.orgStart, split.orgEnd);
        const parts: [number, number][] = [];
        let off = 0;
        for (const p of orgText.split(SPLIT_ORGS_RE)) {
          const at = orgText.indexOf(p, off);
          parts.push([at, at + p.length]);
          off = at + p.length;
        }
        for (const [a, b] of parts) {
          const s = line.start + restAt + split.orgStart + a;
          const e = line.start + restAt + split.orgStart + b;
          const ev = evidence(flat, s, e);
          const organization = flat.text.slice(s, e).replace(/[\s:,.]+$/, '').trim();
          const level = levelFromName(organization) ?? ctx.level;
          const asg: Assignment = {
            ...ev,
            organization,
            province: level === 'central' ? null : ctx.province,
            level,
            kind: orgKind(organization),
            tasks: [],
          };
          current.push(asg);
          out.push(asg);
        }
        if (split.taskStart >= 0) {
          const ts = line.start + restAt + split.taskStart;
          const text = flat.text.slice(ts, line.end).trim();
          if (text) {
            const task = makeTask(flat, ts, line.end, text);
            for (const a of current) a.tasks.push(task);
            lastTask = { task, line: i, owners: current };
          }
        }
        continue;
      }
    }
    if (current.length === 0) continue;
    const b = BULLET_RE.exec(t);
    if (!b && lastTask && (CONTINUATION_RE.test(t) || !SENTENCE_END_RE.test(lastTask.task.text))) {
      // A paragraph split by a page break: continue the previous task.
      const task = lastTask.task;
      task.text = `${task.text} ${t}`;
      task.timing = parseTiming(task.text);
      let adjacent = true;
      for (let k = lastTask.line + 1; k < i; k++) if (skip.has(k)) adjacent = false;
      if (adjacent) {
        const ev = evidence(flat, flatIndex(flat, task.start), line.end);
        task.quote = ev.quote;
        task.start = ev.start;
        task.end = ev.end;
      }
      lastTask.line = i;
      continue;
    }
    const s = b ? line.end - b.groups!.rest!.length : line.start;
    const text = flat.text.slice(s, line.end).trim();
    if (!text) continue;
    const task = makeTask(flat, s, line.end, text);
    for (const a of current) a.tasks.push(task);
    lastTask = { task, line: i, owners: current };
  }
  return i;
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
