/**
 * Terms ("khóa") of the Party's Central Committee: the national congress that opened each one. A central
 * text (…/TW) dated after a congress and before the next belongs to that term; a text dated during a
 * congress is left without one. Roman numerals as the texts print them ("khóa XII").
 */
export const CENTRAL_TERMS: ReadonlyArray<{ term: string; congressFrom: string; congressTo: string }> = [
  { term: 'VIII', congressFrom: '1996-06-28', congressTo: '1996-07-01' },
  { term: 'IX', congressFrom: '2001-04-19', congressTo: '2001-04-22' },
  { term: 'X', congressFrom: '2006-04-18', congressTo: '2006-04-25' },
  { term: 'XI', congressFrom: '2011-01-12', congressTo: '2011-01-19' },
  { term: 'XII', congressFrom: '2016-01-20', congressTo: '2016-01-28' },
  { term: 'XIII', congressFrom: '2021-01-25', congressTo: '2021-02-01' },
  // The fourteenth congress met in January 2026; the whole of its month and the next are left undecided.
  { term: 'XIV', congressFrom: '2026-01-01', congressTo: '2026-02-28' },
];
