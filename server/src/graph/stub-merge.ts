/**
 * A document known only from mentions (a stub) takes its title from a mention's subject: the one the corpus's texts
 * agree on (extract/subject-choice.ts, set by resolveCorpus), else the first mention's. A later mention fills a title
 * the first one did not give (an inferred link's end, a mention without "về …"); a title once given stays, so a text
 * ingested later on its own cannot replace a wording the corpus agreed on with its own. The bulk plan merges rows with
 * `mergeStub`; the writer's MERGE runs `STUB_ON_MATCH`, the same rule in Cypher.
 */
import type { DirectiveRow } from './rows.js';

/**
 * The stub row kept when `next` mentions the document `kept` already stands for: `kept`, its missing title filled from
 * `next`. The search text becomes `next`'s, which holds the title's words — joined to `kept`'s when only `kept` names
 * the issuer, so that no word is lost — and an issuer only `next` names is kept too.
 */
export function mergeStub<T extends DirectiveRow>(kept: T, next: DirectiveRow): T {
  if ((kept.title != null && kept.title !== '') || next.title == null || next.title === '') return kept;
  const searchText = next.issuerName == null && kept.issuerName != null ? `${kept.searchText} ${next.searchText}` : next.searchText;
  return { ...kept, title: next.title, searchText, issuerName: kept.issuerName ?? next.issuerName };
}

/** `mergeStub` for `MERGE (d:Directive {uid: row.uid}) ON MATCH SET …` (a full document keeps its own title). */
export const STUB_ON_MATCH = `d += CASE
  WHEN d.stub = true AND coalesce(d.title, '') = '' AND coalesce(row.title, '') <> ''
  THEN {
    title: row.title,
    searchText: CASE WHEN row.issuerName IS NULL AND d.issuerName IS NOT NULL THEN d.searchText + ' ' + row.searchText ELSE row.searchText END,
    issuerName: coalesce(d.issuerName, row.issuerName)
  }
  ELSE {} END`;
