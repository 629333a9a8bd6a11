/**
 * A document known only from mentions (a stub) takes its title from a mention's subject: the one the texts written
 * with it agree on (extract/subject-choice.ts, set by resolveCorpus: `titleAgreed`), else the first mention's.
 *  - An agreed title replaces the stored one: a graph written before (or by earlier versions of this program) gets
 *    the wording the corpus agrees on when the corpus is written again.
 *  - Any other mention only fills a title none gave before (an inferred link's end, a mention without "về …"): a text
 *    ingested later on its own never replaces a wording with its own.
 * The bulk plan merges rows with `mergeStub`; the writer's MERGE runs `STUB_ON_MATCH`, the same rule in Cypher.
 */
import type { DirectiveRow } from './rows.js';

const given = (s: string | null | undefined): s is string => s != null && s !== '';

/**
 * The stub row kept when `next` mentions the document `kept` already stands for: `kept`, its title replaced or filled
 * from `next` as above. The search text becomes `next`'s, which holds the title's words — joined to `kept`'s when only
 * `kept` names the issuer, so that no word is lost — and an issuer only `next` names is kept too.
 */
export function mergeStub<T extends DirectiveRow>(kept: T, next: DirectiveRow): T {
  if (!given(next.title) || next.title === kept.title) return kept;
  if (given(kept.title) && !(next.titleAgreed && !kept.titleAgreed)) return kept;
  const searchText = next.issuerName == null && kept.issuerName != null ? `${kept.searchText} ${next.searchText}` : next.searchText;
  return { ...kept, title: next.title, searchText, issuerName: kept.issuerName ?? next.issuerName, titleAgreed: next.titleAgreed };
}

/** `mergeStub` for `MERGE (d:Directive {uid: row.uid}) ON MATCH SET …` (a full document keeps its own title). */
export const STUB_ON_MATCH = `d += CASE
  WHEN d.stub = true AND coalesce(row.title, '') <> '' AND row.title <> coalesce(d.title, '')
    AND (coalesce(d.title, '') = '' OR row.titleAgreed = true)
  THEN {
    title: row.title,
    searchText: CASE WHEN row.issuerName IS NULL AND d.issuerName IS NOT NULL THEN d.searchText + ' ' + row.searchText ELSE row.searchText END,
    issuerName: coalesce(d.issuerName, row.issuerName)
  }
  ELSE {} END`;
