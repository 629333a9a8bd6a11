/** Orders of rows read from the graph, as Neo4j's ORDER BY and the explorer put them. */

/** Strings in the order Neo4j sorts them (UTF-16 code units), not a locale's. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** As ORDER BY puts them: by code units, nothing (null) last — sort keys (graph/sort-key.ts), dates, codes. */
export const bySortKey = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : byCodeUnits(a, b));

/** Provinces in Vietnamese alphabetical order (Cao Bằng before Cần Thơ, as the explorer's province filter lists them). */
export const provinceOrder = new Intl.Collator('vi');
