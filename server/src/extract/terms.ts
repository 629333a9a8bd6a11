/**
 * Terms ("khóa XII") as evidence of which of a code's dated texts an undated mention means: "Nghị quyết số
 * 18-NQ/TW … khoá XII" is the resolution of 25/10/2017, not that of 16/6/2022 (term XIII).
 */
import { CENTRAL_TERMS } from './patterns/terms.js';

/** The Central Committee term a central text dated `iso` belongs to; null before the table or during a congress. */
export function centralTermOn(iso: string): string | null {
  let found: string | null = null;
  for (const t of CENTRAL_TERMS) {
    if (iso < t.congressFrom) break;
    found = iso > t.congressTo ? t.term : null;
  }
  return found;
}

/** "XI, XII" → ["XI", "XII"]. */
export function termList(term: string | null): string[] {
  return term ? term.split(',').map((t) => t.trim()).filter(Boolean) : [];
}

/**
 * Whether a mention printed with `term` can mean a text dated `date`: true when the mention names no term or
 * nothing is known of the text's term; else the text's known terms — printed with its dated mentions, or
 * (central codes) the term of its date — must include one the mention names.
 */
export function termAgrees(term: string | null, date: string, central: boolean, knownTerms: Iterable<string> = []): boolean {
  const wanted = termList(term);
  if (wanted.length === 0) return true;
  const known = new Set(knownTerms);
  if (central) {
    const t = centralTermOn(date);
    if (t) known.add(t);
  }
  if (known.size === 0) return true;
  return wanted.some((t) => known.has(t));
}

/**
 * The days a central text of one of these terms can bear ([after its congress, before the next one's], ISO dates; the
 * last term open-ended), for a writer that dates an undated mention from the graph; null when the mention names no
 * term. A term the table does not know gives no span: such a mention stays undated.
 */
export function termSpans(term: string | null): Array<[string, string | null]> | null {
  const wanted = termList(term);
  if (wanted.length === 0) return null;
  const spans: Array<[string, string | null]> = [];
  CENTRAL_TERMS.forEach((t, i) => {
    if (wanted.includes(t.term)) spans.push([t.congressTo, CENTRAL_TERMS[i + 1]?.congressFrom ?? null]);
  });
  return spans;
}

/** Whether `date` lies in one of `spans` (termSpans); true when there are none to respect (null). */
export function withinSpans(date: string, spans: Array<[string, string | null]> | null): boolean {
  return spans == null || spans.some(([after, before]) => date > after && (before == null || date < before));
}
