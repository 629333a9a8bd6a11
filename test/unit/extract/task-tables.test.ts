/** Task tables: a plan's tasks given as a table (an annex after the signature, a .docx table or a Markdown one). */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../server/src/extract/index.js';
import type { ExtractedRecord } from '../../../server/src/extract/types.js';
import { docxText } from '../../../server/src/files/docx.js';
import { docx } from '../../fixtures/builders.js';

const HEAD = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH BÌNH THUẬN',
  'Số: 3600/KH-UBND',
  'Bình Thuận, ngày 10 tháng 10 năm 2023',
  'KẾ HOẠCH',
  'Triển khai thực hiện Chương trình hành động số 58-CTr/TU ngày 30/3/2023 của Ban Chấp hành Đảng bộ tỉnh',
  'Căn cứ Chương trình hành động số 58-CTr/TU ngày 30/3/2023 của Ban Chấp hành Đảng bộ tỉnh; Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
  'I. TỔ CHỨC THỰC HIỆN',
  '1. Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch',
];
const SIGNATURE = ['Nơi nhận:', '- Như trên;', '- Lưu: VT.', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Hồng Hải', 'PHỤ LỤC', 'PHÂN CÔNG NHIỆM VỤ'];
const TABLE = [
  ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành'],
  ['I', 'CÔNG TÁC TUYÊN TRUYỀN', '', '', ''],
  ['1', 'Tuyên truyền nội dung Chương trình hành động', 'Sở Thông tin và Truyền thông', 'Các cơ quan báo chí', 'Thường xuyên'],
  ['II', 'CÔNG TÁC TỔ CHỨC', '', '', ''],
  ['2', 'Rà soát, sắp xếp tổ chức bộ máy\ncác cơ quan chuyên môn', 'Sở Nội vụ', 'Các sở, ngành', 'Quý IV/2023'],
  ['3', 'Xây dựng đề án vị trí việc làm', 'Sở Nội vụ; Sở Tài chính', 'Ủy ban nhân dân các huyện', 'Năm 2024'],
];

function byBody(r: ExtractedRecord) {
  return r.assignments.map((a) => [a.organization, a.tasks.map((t) => [t.text, t.timing?.text ?? null])]);
}
function quotesAtOffsets(r: ExtractedRecord) {
  for (const a of r.assignments) {
    expect(r.text.slice(a.start, a.end)).toBe(a.quote);
    for (const t of a.tasks) expect(r.text.slice(t.start, t.end)).toBe(t.quote);
  }
}

describe('a .docx table of tasks', () => {
  it('keeps its rows as lines, and a document without a table reads as mammoth reads it', async () => {
    const plain = docx([...HEAD, ...SIGNATURE]);
    expect(await docxText(plain, 'a.docx')).toBe((await mammoth.extractRawText({ buffer: plain })).value);
    const text = await docxText(docx([...HEAD, ...SIGNATURE, TABLE]), 'a.docx');
    expect(text).toContain('| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n| I | CÔNG TÁC TUYÊN TRUYỀN |  |  |  |\n');
    expect(text).toContain('| 2 | Rà soát, sắp xếp tổ chức bộ máy các cơ quan chuyên môn | Sở Nội vụ | Các sở, ngành | Quý IV/2023 |');
  });

  it('gives the body in charge each task of its rows, the deadline as its timing, after the signature too', async () => {
    const r = extractDocument('kh.docx', await docxText(docx([...HEAD, ...SIGNATURE, TABLE]), 'kh.docx'));
    // The numbered item before the signature first, then the table's bodies: Sở Tài chính's table task apart from its item's.
    expect(byBody(r)).toEqual([
      ['Sở Tài chính', [['tham mưu bố trí kinh phí thực hiện Kế hoạch', null]]],
      ['Sở Thông tin và Truyền thông', [['Tuyên truyền nội dung Chương trình hành động', 'Thường xuyên']]],
      ['Sở Nội vụ', [['Rà soát, sắp xếp tổ chức bộ máy các cơ quan chuyên môn', 'Quý IV/2023'], ['Xây dựng đề án vị trí việc làm', 'Năm 2024']]],
      ['Sở Tài chính', [['Xây dựng đề án vị trí việc làm', 'Năm 2024']]],
    ]);
    expect(r.assignments.find((a) => a.organization === 'Sở Nội vụ')!.tasks[0]!.timing).toMatchObject({ fromYear: 2023, toYear: 2023 });
    expect(r.assignments.every((a) => a.province === 'Bình Thuận' && a.level === 'provincial')).toBe(true);
    quotesAtOffsets(r);
  });
});

describe('a Markdown table of tasks', () => {
  const md = (rows: string[][]) => [...HEAD.slice(0, 8), '', ...rows.map((r) => `| ${r.join(' | ')} |`), '', 'Nơi nhận:'].join('\n');

  it('reads the same, its rule row skipped, the item before it not given the rows', () => {
    const r = extractDocument('kh.md', [...HEAD, '', '| TT | Nhiệm vụ | Đơn vị thực hiện | Thời hạn |', '|---|:---|---|---|', '| 1 | Tổ chức hội nghị quán triệt | Văn phòng Ủy ban nhân dân tỉnh | Tháng 11/2023 |', '', 'Nơi nhận:'].join('\n'));
    expect(byBody(r)).toEqual([
      ['Sở Tài chính', [['tham mưu bố trí kinh phí thực hiện Kế hoạch', null]]],
      ['Văn phòng Ủy ban nhân dân tỉnh', [['Tổ chức hội nghị quán triệt', 'Tháng 11/2023']]],
    ]);
    quotesAtOffsets(r);
  });

  it('gives nothing for a table that names no body in charge, or only helpers', () => {
    expect(extractDocument('a.md', md([['STT', 'Nội dung', 'Kinh phí'], ['1', 'Hội nghị', '20 triệu']])).assignments).toEqual([]);
    expect(extractDocument('b.md', md([['STT', 'Nội dung', 'Cơ quan phối hợp'], ['1', 'Hội nghị', 'Sở Nội vụ']])).assignments).toEqual([]);
  });
});
