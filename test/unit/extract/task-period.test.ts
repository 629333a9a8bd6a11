/** A task's period read from its timing annotation (extract/task-period.ts). */
import { describe, expect, it } from 'vitest';
import { parseTimings } from '../../../server/src/extract/assignments.js';
import { comparePeriods, parsePeriodKey, periodKey, periodStatus, taskPeriod } from '../../../server/src/extract/task-period.js';
import { seedRecords } from './helpers.js';

describe('taskPeriod', () => {
  it.each([
    ['thực hiện năm 2023', 'BY_YEAR', 2023, false, '2023-12-31'],
    ['thực hiện trong năm 2024, sau khi có văn bản chỉ đạo của Trung ương', 'BY_YEAR', 2024, true, '2024-12-31'],
    ['thực hiện từ năm 2024 - năm 2026', 'BY_YEAR', 2026, false, '2026-12-31'],
    ['hoàn thành trong quý III năm 2023', 'BY_YEAR', 2023, false, '2023-09-30'],
    ['Quý IV/2023', 'BY_YEAR', 2023, false, '2023-12-31'],
    ['quý 2/2024', 'BY_YEAR', 2024, false, '2024-06-30'],
    ['trước ngày 30/6/2023', 'BY_YEAR', 2023, false, '2023-06-30'],
    ['tháng 6/2024', 'BY_YEAR', 2024, false, '2024-06-30'],
    ['hoàn thành trước tháng 2 năm 2024', 'BY_YEAR', 2024, false, '2024-02-29'],
    ['6 tháng đầu năm 2025', 'BY_YEAR', 2025, false, '2025-06-30'],
    ['từ tháng 4 năm 2023 đến tháng 6 năm 2024', 'BY_YEAR', 2024, false, '2024-06-30'],
    ['thực hiện từ năm 2023 đến hết năm 2025', 'BY_YEAR', 2025, false, '2025-12-31'],
    ['thực hiện từ năm 2023', 'FROM_YEAR', 2023, false, null],
    ['thực hiện từ tháng 4 năm 2023', 'FROM_YEAR', 2023, false, null],
    ['thực hiện từ năm 2023, sau khi có văn bản hướng dẫn', 'FROM_YEAR', 2023, true, null],
    ['nhiệm vụ thường xuyên', 'RECURRING', null, false, null],
    ['Thường xuyên', 'RECURRING', null, false, null],
    ['hằng năm', 'RECURRING', null, false, null],
    ['sau khi có văn bản chỉ đạo của Trung ương', 'CONDITIONAL', null, true, null],
    ['trước khi tổng kết', 'NONE', null, false, null],
    ['', 'NONE', null, false, null],
  ])('%j → %s %s', (timing, kind, year, conditional, dueOn) => {
    expect(taskPeriod(timing)).toEqual({ kind, year, conditional, dueOn });
  });

  it('reads a timing written in decomposed Unicode or with line breaks as its NFC form', () => {
    expect(taskPeriod('thực hiện\n năm 2023'.normalize('NFD'))).toEqual(taskPeriod('thực hiện năm 2023'));
  });

  it("gives every timing of the seed corpus's tasks a period, and a year to those that name one", () => {
    const timings = seedRecords().flatMap((r) => r.assignments.flatMap((a) => a.tasks.flatMap((t) => parseTimings(t.text).map((x) => x.text))));
    expect(timings.length).toBeGreaterThan(40);
    for (const t of timings) {
      const p = taskPeriod(t);
      if (/(?:19|20)\d\d/.test(t)) expect(p.year, t).not.toBeNull();
      else expect(['RECURRING', 'CONDITIONAL', 'NONE'], t).toContain(p.kind);
    }
  });
});

describe('period keys and status', () => {
  it('names each period by a key that reads back as the same period, and refuses others', () => {
    for (const p of [taskPeriod('thực hiện năm 2023'), taskPeriod('từ năm 2024'), taskPeriod('thường xuyên'), taskPeriod('sau khi có văn bản'), taskPeriod('')]) {
      expect(parsePeriodKey(periodKey(p))).toEqual({ kind: p.kind, year: p.year });
    }
    expect(periodKey(taskPeriod('thực hiện năm 2023'))).toBe('BY_YEAR:2023');
    for (const bad of ['BY_YEAR', 'BY_YEAR:20x', 'RECURRING:2023', 'by_year:2023', 'SOON', '']) expect(parsePeriodKey(bad), bad).toBeNull();
  });

  it('says where a period stands in a year', () => {
    expect(periodStatus({ kind: 'BY_YEAR', year: 2023 }, 2026)).toBe('ENDED');
    expect(periodStatus({ kind: 'BY_YEAR', year: 2026 }, 2026)).toBe('THIS_YEAR');
    expect(periodStatus({ kind: 'BY_YEAR', year: 2027 }, 2026)).toBe('LATER');
    expect(periodStatus({ kind: 'FROM_YEAR', year: 2026 }, 2026)).toBe('RUNNING');
    expect(periodStatus({ kind: 'FROM_YEAR', year: 2027 }, 2026)).toBe('LATER');
    expect(periodStatus({ kind: 'RECURRING', year: null }, 2026)).toBe('RUNNING');
    expect(periodStatus({ kind: 'CONDITIONAL', year: null }, 2026)).toBeNull();
    expect(periodStatus({ kind: 'NONE', year: null }, 2026)).toBeNull();
  });

  it('orders periods: by a year (earliest first), from a year, recurring, conditional, none', () => {
    const keys = ['NONE', 'FROM_YEAR:2023', 'BY_YEAR:2026', 'RECURRING', 'BY_YEAR:2023', 'CONDITIONAL', 'FROM_YEAR:2022'];
    const sorted = keys.map((k) => parsePeriodKey(k)!).sort(comparePeriods).map(periodKey);
    expect(sorted).toEqual(['BY_YEAR:2023', 'BY_YEAR:2026', 'FROM_YEAR:2022', 'FROM_YEAR:2023', 'RECURRING', 'CONDITIONAL', 'NONE']);
  });
});
