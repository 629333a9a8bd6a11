/**
 * When a task is due, read from its timing annotation ("thực hiện năm 2023", "hoàn thành trong quý III năm 2024",
 * "thực hiện từ năm 2023", "nhiệm vụ thường xuyên"): the period a task schedule groups it under and the last day of
 * the period as precisely as the text names it. Pure: the text in, the period out.
 */
import { timingOf } from './assignments.js';
import { findDates, isoDate } from './dates.js';
import { FIRST_HALF_RE, MONTH_OF_YEAR_RE, QUARTER_OF_YEAR_RE, UNTIL_YEAR_RE } from './patterns/timing.js';

/**
 * BY_YEAR: to be done by the end of `year` (a year, a quarter, a month, a day, or a range "2024 – 2026" ending then);
 * FROM_YEAR: begins in `year` with no end ("thực hiện từ năm 2023"); RECURRING: "thường xuyên", "hằng năm";
 * CONDITIONAL: waits for something ("sau khi có văn bản chỉ đạo của Trung ương") and names no year; NONE: no timing, or
 * one naming no year.
 */
export type PeriodKind = 'BY_YEAR' | 'FROM_YEAR' | 'RECURRING' | 'CONDITIONAL' | 'NONE';

export interface TaskPeriod {
  kind: PeriodKind;
  /** BY_YEAR: the year the period ends; FROM_YEAR: the year it begins; otherwise null. */
  year: number | null;
  /** The period waits for something ("sau khi có văn bản chỉ đạo …"), with or without a year. */
  conditional: boolean;
  /** BY_YEAR: the period's last day (yyyy-mm-dd): the day, month or quarter the text names in that year, else 31 December. */
  dueOn: string | null;
}

const NONE: TaskPeriod = { kind: 'NONE', year: null, conditional: false, dueOn: null };

/** The period of a task from its timing annotation as stored ('' when the text gives none). */
export function taskPeriod(timing: string | null | undefined): TaskPeriod {
  const text = (timing ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!text) return NONE;
  const t = timingOf(text);
  const conditional = t.kind === 'conditional';
  if (t.kind === 'recurring') return { kind: 'RECURRING', year: null, conditional, dueOn: null };
  // "từ tháng 4 năm 2023 đến tháng 6 năm 2024": begun in one year, ended in another the range pattern does not join.
  const until = t.toYear === null && t.fromYear !== null ? UNTIL_YEAR_RE.exec(text) : null;
  const toYear = until && +until.groups!.y! >= t.fromYear! ? +until.groups!.y! : t.toYear;
  if (toYear !== null) return { kind: 'BY_YEAR', year: toYear, conditional, dueOn: lastDayNamed(text, toYear) };
  if (t.fromYear !== null) return { kind: 'FROM_YEAR', year: t.fromYear, conditional, dueOn: null };
  return conditional ? { kind: 'CONDITIONAL', year: null, conditional, dueOn: null } : NONE;
}

/**
 * taskPeriod with each distinct timing read once: a national root's 75 000 tasks have a few dozen timings. One reader
 * per request or table (it keeps every timing it was given).
 */
export function periodReader(): (timing: string) => TaskPeriod {
  const read = new Map<string, TaskPeriod>();
  return (timing) => read.get(timing) ?? read.set(timing, taskPeriod(timing)).get(timing)!;
}

const QUARTER: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** The latest day of `year` a day, month, quarter or half-year of the text ends on; 31 December when it names none. */
function lastDayNamed(text: string, year: number): string {
  const ends: string[] = [];
  for (const d of findDates(text)) if (d.iso.startsWith(`${year}-`)) ends.push(d.iso);
  const endOfMonth = (m: number) => isoDate(new Date(Date.UTC(year, m, 0)).getUTCDate(), m, year);
  for (const m of text.matchAll(MONTH_OF_YEAR_RE)) if (+m.groups!.y! === year) ends.push(endOfMonth(+m.groups!.m!) ?? '');
  for (const m of text.matchAll(QUARTER_OF_YEAR_RE)) if (+m.groups!.y! === year) ends.push(endOfMonth(3 * QUARTER[m.groups!.q!.toUpperCase()]!) ?? '');
  for (const m of text.matchAll(FIRST_HALF_RE)) if (+m.groups!.y! === year) ends.push(`${year}-06-30`);
  const named = ends.filter(Boolean).sort();
  return named.length ? named[named.length - 1]! : `${year}-12-31`;
}

/** A period's name in a task schedule and in `scheduledTasks(period:)`: "BY_YEAR:2023", "FROM_YEAR:2024", "RECURRING". */
export function periodKey(p: Pick<TaskPeriod, 'kind' | 'year'>): string {
  return p.year === null ? p.kind : `${p.kind}:${p.year}`;
}

const KEY_RE = /^(?:(?<k>BY_YEAR|FROM_YEAR):(?<y>(?:19|20)\d\d)|(?<s>RECURRING|CONDITIONAL|NONE))$/;

/** The period a key names, or null for a key no period has. */
export function parsePeriodKey(key: string): Pick<TaskPeriod, 'kind' | 'year'> | null {
  const m = KEY_RE.exec(key);
  if (!m?.groups) return null;
  return m.groups.s ? { kind: m.groups.s as PeriodKind, year: null } : { kind: m.groups.k as PeriodKind, year: +m.groups.y! };
}

/** ENDED: its year is past; THIS_YEAR: ends this year; LATER: ends or begins after this year; RUNNING: begun, no end. */
export type PeriodStatus = 'ENDED' | 'THIS_YEAR' | 'LATER' | 'RUNNING';

/** Where a period stands in a given year (the year of the day asked about); null for periods without a year but recurring ones. */
export function periodStatus(p: Pick<TaskPeriod, 'kind' | 'year'>, asOfYear: number): PeriodStatus | null {
  if (p.kind === 'RECURRING') return 'RUNNING';
  if (p.year === null) return null;
  if (p.kind === 'FROM_YEAR') return p.year > asOfYear ? 'LATER' : 'RUNNING';
  return p.year < asOfYear ? 'ENDED' : p.year === asOfYear ? 'THIS_YEAR' : 'LATER';
}

const KIND_ORDER: Record<PeriodKind, number> = { BY_YEAR: 0, FROM_YEAR: 1, RECURRING: 2, CONDITIONAL: 3, NONE: 4 };

/** The order of a schedule: periods ending by a year (earliest first), then begun from a year, recurring, conditional, none. */
export function comparePeriods(a: Pick<TaskPeriod, 'kind' | 'year'>, b: Pick<TaskPeriod, 'kind' | 'year'>): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.year ?? 0) - (b.year ?? 0);
}
