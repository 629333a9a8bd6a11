/** The explorer's tables as CSV: what a spreadsheet or a CSV reader gets back, cell for cell. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvChunks, type CsvValue } from '../../../server/src/api/csv.js';
import { assignmentsCsv, gapsCsv, lagCsv } from '../../../server/src/api/table-exports.js';
import type { AssignmentRow } from '../../../server/src/graph/queries/assignments.js';

/** The cells as a CSV reader sees them (the byte-order mark dropped, as readers that know it do). */
/** A table as one file: its pieces joined. */
const toCsv = (header: string[], rows: CsvValue[][]) => [...csvChunks(header, rows)].join('');
const cells = (csv: string | Iterable<string>): string[][] => parse(typeof csv === 'string' ? csv : [...csv].join(''), { bom: true, relax_column_count: false });

describe('csvChunks', () => {
  it('cuts a long table into pieces of about the size asked for, at line ends, that join into the whole file', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`Cơ quan ${i}`, 'nhiều, dòng\nhai', i]);
    const pieces = [...csvChunks(['a', 'b', 'c'], rows, 4096)];
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.slice(0, -1).every((p) => p.length >= 4096 && p.length < 4096 + 100 && p.endsWith('\r\n'))).toBe(true);
    expect(pieces.join('')).toBe(toCsv(['a', 'b', 'c'], rows));
    expect(cells(pieces.join('')).length).toBe(1001);
  });
});

describe('csvChunks: the cells', () => {
  it('starts with a UTF-8 byte-order mark, ends lines with CRLF and quotes what needs it', () => {
    const csv = toCsv(['a', 'b'], [['x, y', 'say "hi"'], ['line\nbreak', 'Đồng Tháp']]);
    expect(csv.startsWith('\uFEFFa,b\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"x, y","say ""hi"""');
    expect(cells(csv)).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['line\nbreak', 'Đồng Tháp']]);
  });

  it('writes numbers as they are, nothing for null, and text a spreadsheet would run as a formula after an apostrophe', () => {
    const csv = toCsv(['n', 'm', 'text'], [[-3, null, '- Tuyên truyền'], [2.5, undefined, '=HYPERLINK("x")'], [0, NaN, '@SUM(A1)'], [1, 1, 'a - b']]);
    expect(cells(csv).slice(1)).toEqual([
      ['-3', '', "'- Tuyên truyền"],
      ['2.5', '', `'=HYPERLINK("x")`],
      ['0', '', "'@SUM(A1)"],
      ['1', '1', 'a - b'],
    ]);
  });
});

const row = (over: Partial<AssignmentRow>): AssignmentRow => ({
  uid: '58-CTr/TU@2023-03-30#binh-thuan',
  code: '58-CTr/TU',
  typeName: 'Chương trình hành động',
  issuedOn: '2023-03-30',
  province: 'Bình Thuận',
  level: 'provincial',
  synthetic: false,
  organization: 'Ban Tuyên giáo Tỉnh ủy',
  organizationKey: 'ban tuyen giao tinh uy#binh-thuan',
  order: 0,
  tasks: [],
  ...over,
});

describe('assignmentsCsv', () => {
  it('gives one line per task with its timing, and one line to an organisation given no listed task', () => {
    const csv = assignmentsCsv(
      [
        row({ tasks: [{ text: 'Tuyên truyền, phổ biến nghị quyết', timing: 'nhiệm vụ thường xuyên' }, { text: 'Sơ kết', timing: '' }] }),
        row({ organization: 'Sở Tư pháp', organizationKey: 'so tu phap#binh-thuan', tasks: [] }),
        row({ uid: 'x@2024-01-02', code: null, typeName: 'Kế hoạch', issuedOn: '2024-01-02', level: null, province: null, synthetic: true, organization: 'UBND xã', organizationKey: 'ubnd xa#national', tasks: [{ text: 'Báo cáo', timing: 'quý I' }, { text: 'Tổng kết', timing: 'hoàn thành trong quý III năm 2024' }] }),
      ],
      'vi',
    );
    const [header, ...lines] = cells(csv);
    expect(header).toEqual(['Văn bản giao', 'Loại văn bản', 'Ngày ban hành', 'Tỉnh/thành', 'Cấp', 'Cơ quan được giao', 'Nhiệm vụ', 'Thời hạn', 'Mã định danh văn bản', 'Dữ liệu tổng hợp', 'Mã định danh cơ quan', 'Kỳ hạn', 'Hạn chót']);
    expect(lines).toEqual([
      ['58-CTr/TU', 'Chương trình hành động', '2023-03-30', 'Bình Thuận', 'Tỉnh', 'Ban Tuyên giáo Tỉnh ủy', 'Tuyên truyền, phổ biến nghị quyết', 'nhiệm vụ thường xuyên', '58-CTr/TU@2023-03-30#binh-thuan', '', 'ban tuyen giao tinh uy#binh-thuan', 'Thường xuyên', ''],
      ['58-CTr/TU', 'Chương trình hành động', '2023-03-30', 'Bình Thuận', 'Tỉnh', 'Ban Tuyên giáo Tỉnh ủy', 'Sơ kết', '', '58-CTr/TU@2023-03-30#binh-thuan', '', 'ban tuyen giao tinh uy#binh-thuan', '', ''],
      ['58-CTr/TU', 'Chương trình hành động', '2023-03-30', 'Bình Thuận', 'Tỉnh', 'Sở Tư pháp', '', '', '58-CTr/TU@2023-03-30#binh-thuan', '', 'so tu phap#binh-thuan', '', ''],
      // No code: the type names the text; no level: nothing; synthetic texts say so.
      ['Kế hoạch', 'Kế hoạch', '2024-01-02', '', '', 'UBND xã', 'Báo cáo', 'quý I', 'x@2024-01-02', 'có', 'ubnd xa#national', '', ''],
      // A timing naming a quarter of a year: that year's period, due on the quarter's last day.
      ['Kế hoạch', 'Kế hoạch', '2024-01-02', '', '', 'UBND xã', 'Tổng kết', 'hoàn thành trong quý III năm 2024', 'x@2024-01-02', 'có', 'ubnd xa#national', 'Trong năm 2024', '2024-09-30'],
    ]);
  });

  it('speaks English when asked', () => {
    const [header, line, uncoded] = cells(
      assignmentsCsv([row({ synthetic: true, tasks: [{ text: 'Report', timing: 'thực hiện từ năm 2023' }] }), row({ code: null, typeName: 'Kế hoạch', tasks: [] })], 'en'),
    );
    expect(header!.slice(-2)).toEqual(['Period', 'Due on']);
    expect(line!.slice(-2)).toEqual(['From 2023 on', '']);
    expect(header![0]).toBe('Assigning document');
    expect(line!.slice(0, 2)).toEqual(['58-CTr/TU', 'Action programme']);
    expect(line![4]).toBe('Provincial');
    expect(line![9]).toBe('yes');
    expect(uncoded!.slice(0, 2)).toEqual(['Plan', 'Plan']);
  });
});

describe('gapsCsv and lagCsv', () => {
  it('list the gaps with their task counts and assigning texts, and the lag rows with their days', () => {
    const gaps = cells(
      gapsCsv(
        [
          { organization: 'Sở Y tế', unit: null, key: 'so y te#binh-thuan', province: 'Bình Thuận', level: 'provincial', assignedBy: ['a@2023-01-01', 'b@2023-02-01'], tasks: 3 },
          { organization: 'Cấp ủy cơ sở', unit: 'Khối các cơ quan tỉnh', key: 'cap uy co so#quang-nam@khoi cac co quan tinh', province: 'Quảng Nam', level: 'commune', assignedBy: ['c'], tasks: 1 },
        ],
        'vi',
      ),
    );
    expect(gaps).toEqual([
      ['Cơ quan', 'Thuộc đơn vị', 'Tỉnh/thành', 'Cấp', 'Số nhiệm vụ', 'Văn bản giao nhiệm vụ', 'Mã định danh cơ quan'],
      ['Sở Y tế', '', 'Bình Thuận', 'Tỉnh', '3', 'a@2023-01-01; b@2023-02-01', 'so y te#binh-thuan'],
      ['Cấp ủy cơ sở', 'Khối các cơ quan tỉnh', 'Quảng Nam', 'Xã', '1', 'c', 'cap uy co so#quang-nam@khoi cac co quan tinh'],
    ]);
    const lag = cells(
      lagCsv(
        [
          { province: 'Bình Thuận', level: 'provincial', parentLevel: 'central', documents: 2, dated: 1, minDays: 133, medianDays: 133, maxDays: 133 },
          { province: null, level: 'commune', parentLevel: null, documents: 4, dated: 0, minDays: null, medianDays: null, maxDays: null },
        ],
        'en',
      ),
    );
    expect(lag).toEqual([
      ['Province', 'Level', 'Implementing a text of level', 'Documents', 'Dated documents', 'Median (days)', 'Minimum (days)', 'Maximum (days)'],
      ['Bình Thuận', 'Provincial', 'Central', '2', '1', '133', '133', '133'],
      ['', 'Commune', '', '4', '0', '', '', ''],
    ]);
  });
});
