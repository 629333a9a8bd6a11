/** A period's tasks among the assignments under a root, a page at a time, with the page's texts read apart. */
import { describe, expect, it } from 'vitest';
import type { AssignmentRow } from '../../../server/src/graph/queries/assignments.js';
import { tasksOfPeriod, type AssignmentTexts } from '../../../server/src/graph/queries/schedule.js';

const assignment = (key: string, order: number, timings: string[]): AssignmentRow => ({
  uid: '58-CTr/TU@2023-03-30#binh-thuan', code: '58-CTr/TU', typeName: 'Chương trình hành động', issuedOn: '2023-03-30', province: 'Bình Thuận',
  level: 'provincial', synthetic: false, organization: key, organizationKey: key, order, tasks: timings.map((timing) => ({ text: '', timing })),
});

/** The texts as the graph would give them: "<key> #<order> task <i>". */
const textsOf = (rows: AssignmentRow[]) => {
  const asked: Array<Array<[string, string, number | null]>> = [];
  const read = async (ids: Array<[string, string, number | null]>): Promise<AssignmentTexts[]> => {
    asked.push(ids);
    return ids.map(([uid, key, order]) => {
      const row = rows.find((r) => r.uid === uid && r.organizationKey === key && r.order === order)!;
      return { uid, key, order, tasks: row.tasks.map((_, i) => `${key} #${order} task ${i}`) };
    });
  };
  return { asked, read };
};

describe('tasksOfPeriod', () => {
  // One body given tasks in two places of one text (003 gives Ban Tổ chức Tỉnh ủy tasks in two sections).
  const rows = [
    assignment('ban to chuc', 1, ['nhiệm vụ thường xuyên', 'thực hiện năm 2024', 'hoàn thành trong quý II năm 2024']),
    assignment('ban dan van', 2, ['thực hiện năm 2024']),
    assignment('ban to chuc', 7, ['thực hiện năm 2024', '']),
  ];

  it("lists a period's tasks earliest due first, each with its own assignment's text, a text's places told apart", async () => {
    const { read, asked } = textsOf(rows);
    const page = await tasksOfPeriod(rows, 'BY_YEAR:2024', { first: 10, offset: 0 }, read);
    expect(page.total).toBe(4);
    expect(page.tasks.map((t) => [t.task, t.dueOn])).toEqual([
      ['ban to chuc #1 task 2', '2024-06-30'],
      ['ban to chuc #1 task 1', '2024-12-31'],
      ['ban dan van #2 task 0', '2024-12-31'],
      ['ban to chuc #7 task 0', '2024-12-31'],
    ]);
    // Each assignment's texts asked for once.
    expect(asked).toEqual([[['58-CTr/TU@2023-03-30#binh-thuan', 'ban to chuc', 1], ['58-CTr/TU@2023-03-30#binh-thuan', 'ban dan van', 2], ['58-CTr/TU@2023-03-30#binh-thuan', 'ban to chuc', 7]]]);
  });

  it("reads only the page's texts, and nothing for a page past the end or a period without tasks", async () => {
    const { read, asked } = textsOf(rows);
    const second = await tasksOfPeriod(rows, 'BY_YEAR:2024', { first: 2, offset: 2 }, read);
    expect(second.tasks.map((t) => t.task)).toEqual(['ban dan van #2 task 0', 'ban to chuc #7 task 0']);
    expect(asked).toEqual([[['58-CTr/TU@2023-03-30#binh-thuan', 'ban dan van', 2], ['58-CTr/TU@2023-03-30#binh-thuan', 'ban to chuc', 7]]]);
    expect(await tasksOfPeriod(rows, 'BY_YEAR:2024', { first: 2, offset: 4 }, read)).toEqual({ total: 4, tasks: [] });
    expect(await tasksOfPeriod(rows, 'FROM_YEAR:2023', { first: 2, offset: 0 }, read)).toEqual({ total: 0, tasks: [] });
    expect(asked).toHaveLength(1);
    const none = await tasksOfPeriod(rows, 'NONE', { first: 5, offset: 0 }, read);
    expect(none.tasks.map((t) => [t.task, t.timing, t.dueOn])).toEqual([['ban to chuc #7 task 1', '', null]]);
  });
});
