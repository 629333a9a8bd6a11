/**
 * Task tables: plans (a People's Committee's above all) give their tasks as a table, often in an annex after the
 * signature — a row a task, with the body in charge and the deadline in columns of their own ("| 1 | Rà soát … | Sở
 * Nội vụ | Các sở, ngành | Quý IV/2023 |"). A table whose header names a task column and a column of the body in
 * charge gives that body each task of its rows, the deadline cell as the task's timing; the helpers' column ("phối
 * hợp") is not an assignment, as in the numbered items.
 */
import { makeTask, organizationsAt, timingOf } from './assignments.js';
import type { Flat, Line } from './normalize.js';
import { HELPER_COLUMN_RE, LEAD_COLUMN_RE, TABLE_ROW_RE, TABLE_RULE_RE, TASK_COLUMN_RE, TIME_COLUMN_RE } from './patterns/tables.js';
import type { Assignment, LevelKey } from './types.js';

interface Cell {
  text: string;
  /** Flat offsets of the trimmed cell. */
  start: number;
  end: number;
}

interface Columns {
  task: number;
  lead: number;
  time: number;
}

export function findTableAssignments(flat: Flat, ls: Line[], province: string | null, level: LevelKey | null): Assignment[] {
  const out: Assignment[] = [];
  let inTable = false;
  let columns: Columns | null = null;
  let width = 0;
  // One assignment per body and table, with the tasks of all its rows.
  let byName = new Map<string, Assignment>();
  for (const line of ls) {
    if (!TABLE_ROW_RE.test(line.text)) {
      inTable = false;
      continue;
    }
    if (TABLE_RULE_RE.test(line.text)) continue;
    const cells = rowCells(line);
    if (!inTable) {
      // The first row is the header: a table that names no task and no body in charge gives nothing.
      inTable = true;
      columns = headerColumns(cells);
      width = cells.length;
      byName = new Map();
      continue;
    }
    if (!columns) continue;
    // A row of another shape (a group's heading across the table, "| I | CÔNG TÁC TUYÊN TRUYỀN |") gives no task.
    if (cells.length !== width) continue;
    const lead = cells[columns.lead]!;
    const task = cells[columns.task]!;
    if (!/\p{L}/u.test(lead.text) || !/\p{L}/u.test(task.text)) continue;
    const made = makeTask(flat, task.start, task.end, task.text);
    const time = columns.time >= 0 ? cells[columns.time]!.text : '';
    if (/\p{L}|\d/u.test(time)) {
      const timing = timingOf(time);
      made.timings = [timing, ...(made.timings ?? [])];
      made.timing = timing;
    }
    for (const body of organizationsAt(flat, lead.start, lead.end, province, level)) {
      const seen = byName.get(body.organization);
      if (seen) {
        seen.tasks.push(made);
        continue;
      }
      body.tasks.push(made);
      byName.set(body.organization, body);
      out.push(body);
    }
  }
  return out;
}

/** The cells of a row line, each with its flat offsets. */
function rowCells(line: Line): Cell[] {
  const cells: Cell[] = [];
  const t = line.text;
  let from = 1;
  for (let bar = t.indexOf('|', from); bar >= 0; bar = t.indexOf('|', from)) {
    let a = from;
    let b = bar;
    while (a < b && t.charCodeAt(a) === 32) a++;
    while (b > a && t.charCodeAt(b - 1) === 32) b--;
    cells.push({ text: t.slice(a, b), start: line.start + a, end: line.start + b });
    from = bar + 1;
  }
  return cells;
}

/** Which columns hold the task, the body in charge and the deadline; null when the header names no task or no body in charge. */
function headerColumns(cells: Cell[]): Columns | null {
  const names = cells.map((c) => c.text.replace(/\s+/g, ' ').trim());
  const lead = names.findIndex((n) => LEAD_COLUMN_RE.test(n) && !HELPER_COLUMN_RE.test(n));
  const task = names.findIndex((n, i) => i !== lead && TASK_COLUMN_RE.test(n) && !LEAD_COLUMN_RE.test(n) && !HELPER_COLUMN_RE.test(n));
  if (lead < 0 || task < 0) return null;
  const time = names.findIndex((n, i) => i !== lead && i !== task && TIME_COLUMN_RE.test(n));
  return { task, lead, time };
}
