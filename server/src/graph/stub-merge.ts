/**
 * A document known only from mentions (a stub) takes its title and its issuer's name from its mentions: what the texts
 * written with it agree on (extract/subject-choice.ts, set by resolveCorpus: `titleAgreed`, `issuerAgreed`), else the
 * first mention's.
 *  - An agreed title or issuer replaces the stored one: a graph written before (or by earlier versions of this
 *    program) gets what the corpus agrees on when the corpus is written again.
 *  - Any other mention only fills one none gave before (an inferred link's end, a mention without "về …" or "của …"):
 *    a text ingested later on its own never replaces a wording with its own.
 * The search text gains the words of what is filled or replaced (the stored words stay: a wording once given still
 * finds the document). The bulk plan merges rows with `mergeStub`; the writer's MERGE runs `STUB_ON_MATCH`, the same
 * rule in Cypher.
 */
import type { DirectiveRow } from './rows.js';

const given = (s: string | null | undefined): s is string => s != null && s !== '';

/** Whether `next` gives the stub a title (`'title'`) or an issuer (`'issuer'`) it should take over the one `kept` has. */
function takes(kept: DirectiveRow, next: DirectiveRow, field: 'title' | 'issuer'): boolean {
  const [was, now, agreed, keptAgreed] =
    field === 'title' ? [kept.title, next.title, next.titleAgreed, kept.titleAgreed] : [kept.issuerName, next.issuerName, next.issuerAgreed, kept.issuerAgreed];
  return given(now) && now !== was && (!given(was) || (agreed === true && keptAgreed !== true));
}

/** The stub row kept when `next` mentions the document `kept` already stands for. */
export function mergeStub<T extends DirectiveRow>(kept: T, next: DirectiveRow): T {
  const title = takes(kept, next, 'title');
  const issuer = takes(kept, next, 'issuer');
  if (!title && !issuer) return kept;
  const searchText = [kept.searchText, title ? next.titleSearch : null, issuer ? next.issuerSearch : null].filter(given).join(' ');
  return {
    ...kept,
    ...(title ? { title: next.title, titleSearch: next.titleSearch, titleAgreed: next.titleAgreed } : {}),
    ...(issuer ? { issuerName: next.issuerName, issuerSearch: next.issuerSearch, issuerAgreed: next.issuerAgreed } : {}),
    searchText,
  };
}

const TAKES_TITLE = `(d.stub = true AND coalesce(row.title, '') <> '' AND row.title <> coalesce(d.title, '')
    AND (coalesce(d.title, '') = '' OR row.titleAgreed = true))`;
const TAKES_ISSUER = `(d.stub = true AND coalesce(row.issuerName, '') <> '' AND row.issuerName <> coalesce(d.issuerName, '')
    AND (coalesce(d.issuerName, '') = '' OR row.issuerAgreed = true))`;

/** `mergeStub` for `MERGE (d:Directive {uid: row.uid}) ON MATCH SET …` (a full document keeps its own title and issuer). */
export const STUB_ON_MATCH = `d.searchText = coalesce(d.searchText, '')
      + CASE WHEN ${TAKES_TITLE} THEN ' ' + row.titleSearch ELSE '' END
      + CASE WHEN ${TAKES_ISSUER} THEN ' ' + row.issuerSearch ELSE '' END,
  d.title = CASE WHEN ${TAKES_TITLE} THEN row.title ELSE d.title END,
  d.issuerName = CASE WHEN ${TAKES_ISSUER} THEN row.issuerName ELSE d.issuerName END`;
