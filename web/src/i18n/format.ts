/** How the interface writes (and reads) levels, types, dates, counts and days in each language; no React. */
import { TYPE_NAMES, type Lang, type MessageKey } from './dictionary.js';
import type { Translate } from './translate.js';

/** Level name for a level key; unknown keys are shown as given (levels are data). */
export function levelName(t: Translate, level: string | null | undefined): string {
  if (!level) return t('levelUnknown');
  return ['central', 'provincial', 'district', 'commune'].includes(level) ? t(level as MessageKey) : level;
}

/** A task period's name ("Trong năm 2023", "Từ năm 2024", "Thường xuyên"…; the API's taskSchedule kinds). */
export function periodLabel(t: Translate, p: { kind: string; year: number | null }): string {
  if (p.kind === 'BY_YEAR') return t('dueByYear', { year: String(p.year) });
  if (p.kind === 'FROM_YEAR') return t('dueFromYear', { year: String(p.year) });
  return t(p.kind === 'RECURRING' ? 'dueRecurring' : p.kind === 'CONDITIONAL' ? 'dueConditional' : 'dueNoTiming');
}

/** Where a task period stands on a day ("đã qua", "năm nay"…; the API's TaskPeriodStatus). */
export function periodStatusName(t: Translate, status: 'ENDED' | 'THIS_YEAR' | 'LATER' | 'RUNNING'): string {
  return t(({ ENDED: 'dueEnded', THIS_YEAR: 'dueThisYear', LATER: 'dueLater', RUNNING: 'dueRunning' } as const)[status]);
}

export function typeName(lang: Lang, type: string | null | undefined, fallback?: string | null): string {
  if (type && TYPE_NAMES[type]) return TYPE_NAMES[type][lang];
  return fallback ?? type ?? '';
}

/** Today on the user's own calendar, ISO (not UTC's: in Việt Nam, 7 hours ahead, a day later from 17:00 UTC). */
export function localDay(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** dd/mm/yyyy (Vietnamese) or yyyy-mm-dd (English). */
export function formatDate(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * A date as typed in the language's own order, as ISO: dd/mm/yyyy in Vietnamese ("17/11/2022", "1-2-2023", "1.2.2023"),
 * yyyy-mm-dd in both. null for nothing typed, undefined for what is not a day of the calendar.
 */
export function parseDate(lang: Lang, text: string): string | null | undefined {
  const s = text.trim();
  if (!s) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = lang === 'vi' ? /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s) : null;
  const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : dmy ? [dmy[3]!, dmy[2]!, dmy[1]!] : [];
  if (!y || !m || !d) return undefined;
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(m) - 1 || day.getUTCDate() !== Number(d)) return undefined;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** A count with the language's digit grouping: 30.619 (vi), 30,619 (en). */
export function formatCount(lang: Lang, n: number): string {
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
}

/** A number of days as the lag table writes it: grouped digits, a median's half kept ("45,5"), "–" for none. */
export function formatDayCount(lang: Lang, n: number | null): string {
  return n === null ? '–' : n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 });
}

/** Days as the lag messages say them, with the language's digit grouping: "1.002 ngày", "1,002 days". */
export function formatDays(t: Translate, lang: Lang, days: number): string {
  return t('lagDays', { n: formatCount(lang, days) });
}
