/** Date parsing. */
import { ANY_DATE_SOURCE } from './patterns/dates.js';

export function isoDate(d: number, m: number, y: number): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && y >= 1900 && y <= 2100)) return null;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > dim) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** True for a day of the calendar written yyyy-mm-dd ("2023-02-30", "2023-3-30", "2023-03-30T10:00Z": false). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m != null && isoDate(+m[3]!, +m[2]!, +m[1]!) === s;
}

export interface DateGroups {
  d?: string | undefined;
  m?: string | undefined;
  y?: string | undefined;
  wd?: string | undefined;
  wm?: string | undefined;
  wy?: string | undefined;
}

export function dateFromGroups(g: DateGroups): string | null {
  if (g.wd != null && g.wm != null && g.wy != null) return isoDate(+g.wd, +g.wm, +g.wy);
  if (g.d != null && g.m != null && g.y != null) return isoDate(+g.d, +g.m, +g.y);
  return null;
}

/** First date in a string: "ngày 17/11/2022", "17-11-2022", "ngày 28 tháng 6 năm 2023" → ISO. */
export function parseDate(s: string): string | null {
  const re = new RegExp(ANY_DATE_SOURCE, 'i');
  const m = re.exec(s.normalize('NFC').replace(/\s+/g, ' '));
  return m?.groups ? dateFromGroups(m.groups as DateGroups) : null;
}

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

/** All dates in a string (offsets into the string given). */
export function findDates(s: string): FoundDate[] {
  const re = new RegExp(ANY_DATE_SOURCE, 'gi');
  const out: FoundDate[] = [];
  for (const m of s.matchAll(re)) {
    const iso = m.groups ? dateFromGroups(m.groups as DateGroups) : null;
    if (iso) out.push({ iso, index: m.index, length: m[0].length });
  }
  return out;
}
