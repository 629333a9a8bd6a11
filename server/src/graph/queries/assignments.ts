/**
 * Every task assigned under a root: the root and the texts implementing it (the gap list's tree), each organisation
 * they give tasks to, each task with its timing — the rows of the assignments table (api/table-exports.ts).
 */
import type { Driver } from 'neo4j-driver';
import { IMPLEMENTATION_TREE } from './analytics.js';
import { byCodeUnits, bySortKey, provinceOrder } from './order.js';
import { readRows, rowsInRecords } from './read.js';

export interface AssignmentRow {
  uid: string;
  code: string | null;
  typeName: string | null;
  issuedOn: string | null;
  province: string | null;
  level: string | null;
  synthetic: boolean;
  organization: string;
  /** The organisation's identity in the graph (name and province folded: `Organization.key`, the gap list's `key`). */
  organizationKey: string;
  /** The assignment's place among its text's (ASSIGNED_TO.order): a text may give one organisation tasks in several places. */
  order: number | null;
  /** The tasks as the text lists them, each with its timing ('' when the text gives none). */
  tasks: Array<{ text: string; timing: string }>;
}

/**
 * Rows per Bolt record (read.ts rowsInRecords): a national root has ≈ 44 000 assignments, ≈ 560 bytes each with their
 * tasks; 50 to a record mostly fit one Bolt chunk, whose strings the driver decodes from a plain buffer.
 */
const ROWS_PER_RECORD = 50;

/** The columns every row of an assignment starts with (ASSIGNMENT_COLUMNS): the assigning text, the organisation. */
export type AssignmentHead = Omit<AssignmentRow, 'tasks' | 'order'>;

/**
 * The columns a statement sends for an assignment `a` of a text `d` to an organisation `o`, in this order; the
 * statement's own columns follow (queries/schedule.ts sends the same head).
 */
export const ASSIGNMENT_COLUMNS = 'd.uid, d.code, d.typeName, toString(d.issuedOn), d.province, d.level, d.levelRank, d.synthetic, o.name, o.sortKey, o.key';

/** An assignment's head from a row starting with ASSIGNMENT_COLUMNS. */
export function assignmentOf(r: readonly unknown[]): AssignmentHead {
  return {
    uid: r[0] as string,
    code: (r[1] as string | null) ?? null,
    typeName: (r[2] as string | null) ?? null,
    issuedOn: (r[3] as string | null) ?? null,
    province: (r[4] as string | null) ?? null,
    level: (r[5] as string | null) ?? null,
    synthetic: r[7] === true,
    organization: String(r[8]),
    organizationKey: String(r[10]),
  };
}

const STATEMENT = `${IMPLEMENTATION_TREE}
     UNWIND tree AS d
     MATCH (d)-[a:ASSIGNED_TO]->(o:Organization)
     WITH collect([${ASSIGNMENT_COLUMNS}, a.tasks, a.timings, a.order]) AS rows
     ${rowsInRecords('rows')}`;

/**
 * Ordered by the assigning text — level (highest first), province (Vietnamese order, central texts first), issue
 * date, code — then by organisation in Vietnamese alphabetical order (its sort key), then by the assignment's place in
 * its text (a text may give one organisation tasks in several places).
 */
export async function assignmentsUnder(driver: Driver, rootUid: string, opts: { database?: string; timeoutMs?: number } = {}): Promise<AssignmentRow[]> {
  const rows = await readRows(driver, STATEMENT, { uid: rootUid }, ROWS_PER_RECORD, opts);
  const ranked = rows.map((r) => {
    const tasks = (r[11] as string[] | null) ?? [];
    const timings = (r[12] as Array<string | null> | null) ?? [];
    const row: AssignmentRow = {
      ...assignmentOf(r),
      order: r[13] == null ? null : Number(r[13]),
      tasks: tasks.map((text, i) => ({ text, timing: timings[i] ?? '' })),
    };
    return { row, rank: r[6] == null ? Infinity : Number(r[6]), sortKey: (r[9] as string | null) ?? null };
  });
  // Provinces by their place in Vietnamese order, found once, not through the collator at each of 44 000 rows' comparisons.
  const provinces = [...new Set(ranked.map((x) => x.row.province).filter((p): p is string => p !== null))].sort(provinceOrder.compare);
  const provinceAt = new Map<string | null, number>([[null, -1], ...provinces.map((p, i) => [p, i] as const)]);
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      provinceAt.get(a.row.province)! - provinceAt.get(b.row.province)! ||
      bySortKey(a.row.issuedOn, b.row.issuedOn) ||
      bySortKey(a.row.code, b.row.code) ||
      byCodeUnits(a.row.uid, b.row.uid) ||
      bySortKey(a.sortKey, b.sortKey) ||
      byCodeUnits(a.row.organization, b.row.organization) ||
      (a.row.order ?? Infinity) - (b.row.order ?? Infinity),
  );
  return ranked.map((x) => x.row);
}
