/**
 * Keyset (cursor) pages of one label in a stable order: a page starts just after the sort values of the previous
 * page's last row, so page 400 costs what page 1 costs. The `…Connection` fields @neo4j/graphql generates page by
 * offset over a list of every match collected first, which Neo4j charges once per row it sorts (offset + first rows):
 * at national scale their later pages ran out of transaction memory (api/keyset-pages.ts).
 *
 * A page is read in up to two parts: rows whose first sort property is set, then those where it is missing (Neo4j
 * sorts nothing last going up, first going down). The part with the property set is asked with a range on it
 * (`issuedOn >= $after`), which lets Neo4j read the rows off an index in order and stop after the page
 * (cypher/schema.cypher: `directive_issued_uid`); the exact "after this row" condition is a filter on top.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { readQuery } from './read.js';

export interface SortKey {
  /** A property name, checked against the schema's fields by the caller (written into the statement). */
  field: string;
  desc: boolean;
}

export interface Predicate {
  /** A Cypher condition on `n`, or null for none. */
  cypher: string | null;
  params: Record<string, unknown>;
}

export interface KeysetPageOptions {
  label: string;
  /** The unique, never missing property ending every order (uid, key). */
  key: string;
  /** The order asked for; the key is added at the end when missing, keys after it are dropped. */
  sort: readonly SortKey[];
  /** The sort values of the row to start after (as returned in `values`), or null for the first page. */
  after: readonly unknown[] | null;
  first: number;
  where: Predicate;
  database?: string;
  timeoutMs?: number;
}

export interface KeysetRow {
  key: string;
  /** The row's sort values, in the order of `keysetOrder(sort, key)`: what its cursor holds. */
  values: unknown[];
}

/** The order a page is read in: the sort asked for, cut after the unique key, which ends it. */
export function keysetOrder(sort: readonly SortKey[], key: string): SortKey[] {
  const at = sort.findIndex((s) => s.field === key);
  return at >= 0 ? sort.slice(0, at + 1) : [...sort, { field: key, desc: false }];
}

const prop = (field: string) => `n.\`${field.replace(/`/g, '``')}\``;

/** Builds conditions with numbered parameters. */
class Conditions {
  readonly params: Record<string, unknown> = {};
  private n = 0;
  /** `key`: the property never missing. */
  constructor(private readonly key: string) {}
  param(value: unknown): string {
    const name = `k${this.n++}`;
    this.params[name] = value;
    return `$${name}`;
  }
  /** Rows strictly after `values` in the order `keys` (all of them, Neo4j's null placement included). */
  after(keys: readonly SortKey[], values: readonly unknown[]): string {
    const [k, ...rest] = keys;
    if (!k) return 'false';
    const v = values[0];
    const p = prop(k.field);
    const isNull = v === null || v === undefined;
    // Strictly after v on this key: going up, greater or missing (nothing sorts last); going down, smaller or, after
    // a missing value (sorted first), any set one.
    let beyond: string | null;
    if (isNull) beyond = k.desc ? `${p} IS NOT NULL` : null;
    else if (k.desc) beyond = `${p} < ${this.param(v)}`;
    else beyond = k.field === this.key ? `${p} > ${this.param(v)}` : `(${p} > ${this.param(v)} OR ${p} IS NULL)`;
    if (rest.length === 0) return beyond ?? 'false';
    const same = isNull ? `${p} IS NULL` : `${p} = ${this.param(v)}`;
    const tie = `(${same} AND ${this.after(rest, values.slice(1))})`;
    return beyond ? `(${beyond} OR ${tie})` : tie;
  }
}

interface Part {
  /** The first sort property set (true) or missing (false); null when the first key is the unique key. */
  firstSet: boolean | null;
  /** Start after these values, or from the start of the part. */
  after: readonly unknown[] | null;
}

function partStatement(opts: KeysetPageOptions, order: readonly SortKey[], part: Part, limit: number): { cypher: string; params: Record<string, unknown> } {
  const c = new Conditions(opts.key);
  const conds: string[] = [];
  const [first] = order;
  const p = prop(first!.field);
  let keys = order;
  let after = part.after;
  if (part.firstSet === false) {
    // Every row of this part has the first property missing: order and compare by the others.
    conds.push(`${p} IS NULL`);
    keys = order.slice(1);
    after = after ? after.slice(1) : null;
  } else if (part.firstSet === true) {
    conds.push(`${p} IS NOT NULL`);
  }
  if (after) {
    const v = after[0];
    if (keys === order && v !== null && v !== undefined) {
      // A range on the first property lets Neo4j start reading its index at the cursor; within it, a row is after
      // the cursor when that property differs or the rest of the order puts it after. (Written as `p > v OR (p = v
      // AND …)`, Neo4j planned each alternative as an index seek of its own and read the whole index.)
      conds.push(`${p} ${first!.desc ? '<=' : '>='} ${c.param(v)}`);
      conds.push(keys.length > 1 ? `(${p} <> ${c.param(v)} OR ${c.after(keys.slice(1), after.slice(1))})` : `${p} <> ${c.param(v)}`);
    } else {
      conds.push(c.after(keys, after));
    }
  }
  // Always true: lets Neo4j use a composite index that ends with the key (issuedOn, uid).
  if (opts.key !== first!.field) conds.push(`${prop(opts.key)} IS NOT NULL`);
  if (opts.where.cypher) conds.push(`(${opts.where.cypher})`);
  const orderBy = keys.map((k) => `${prop(k.field)}${k.desc ? ' DESC' : ''}`).join(', ');
  const values = order.map((k) => prop(k.field)).join(', ');
  const cypher = `MATCH (n:\`${opts.label}\`)${conds.length ? `\nWHERE ${conds.join('\n  AND ')}` : ''}
WITH n ORDER BY ${orderBy} LIMIT $limit
RETURN ${prop(opts.key)} AS key, [${values}] AS values`;
  return { cypher, params: { ...opts.where.params, ...c.params, limit: neo4j.int(limit) } };
}

/** The parts a page is read in, from the cursor's on. */
function partsFrom(opts: KeysetPageOptions, order: readonly SortKey[]): Part[] {
  const first = order[0]!;
  if (first.field === opts.key) return [{ firstSet: null, after: opts.after }];
  // Going up the rows with the property come first, going down last.
  const sequence = first.desc ? [false, true] : [true, false];
  const v = opts.after?.[0];
  const start = opts.after ? sequence.indexOf(v !== null && v !== undefined) : 0;
  return sequence.slice(start).map((firstSet, i) => ({ firstSet, after: i === 0 ? opts.after : null }));
}

/** The statement that reads the first part of a page (for tests and plans: `EXPLAIN` it). */
export function keysetStatement(opts: KeysetPageOptions): { cypher: string; params: Record<string, unknown> } {
  const order = keysetOrder(opts.sort, opts.key);
  return partStatement(opts, order, partsFrom(opts, order)[0]!, opts.first + 1);
}

/** Up to `first` rows after `after`, and whether more follow. */
export async function keysetPage(driver: Driver, opts: KeysetPageOptions): Promise<{ rows: KeysetRow[]; hasNext: boolean }> {
  const order = keysetOrder(opts.sort, opts.key);
  const rows: KeysetRow[] = [];
  const wanted = opts.first + 1;
  for (const part of partsFrom(opts, order)) {
    if (rows.length >= wanted) break;
    const { cypher, params } = partStatement(opts, order, part, wanted - rows.length);
    const res = await readQuery(driver, cypher, params, { database: opts.database, timeoutMs: opts.timeoutMs });
    for (const r of res.records) rows.push({ key: r.get('key') as string, values: r.get('values') as unknown[] });
  }
  return { rows: rows.slice(0, opts.first), hasNext: rows.length > opts.first };
}

/** How many rows match (the page's `totalCount`). */
export async function keysetCount(driver: Driver, opts: Pick<KeysetPageOptions, 'label' | 'where' | 'database' | 'timeoutMs'>): Promise<number> {
  const cypher = `MATCH (n:\`${opts.label}\`)${opts.where.cypher ? ` WHERE ${opts.where.cypher}` : ''} RETURN count(n) AS total`;
  const res = await readQuery(driver, cypher, opts.where.params, { database: opts.database, timeoutMs: opts.timeoutMs });
  return neo4j.integer.toNumber(res.records[0]!.get('total') as number);
}
