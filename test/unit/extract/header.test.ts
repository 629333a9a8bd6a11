/** The title after the type heading, and the opening after it, as texts of either kind write them. */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../server/src/extract/index.js';

const ubndPlan = (titleAndOpening: string) => `ỦY BAN NHÂN DÂN
TỈNH BÌNH THUẬN
Số: 3588 /KH-UBND
Bình Thuận, ngày 05 tháng 10 năm 2023

KẾ HOẠCH
${titleAndOpening}

I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt đầy đủ nội dung Chương trình hành động.
`;

describe('a title that begins as an opening does', () => {
  it('"Triển khai thực hiện …" followed by its "Căn cứ …" opening is the title', () => {
    const r = extractDocument('kh.txt', ubndPlan(
      'Triển khai thực hiện Chương trình hành động số 58-CTr/TU ngày 30/3/2023 của Ban Chấp hành Đảng bộ tỉnh\n\nCăn cứ Chương trình hành động số 58-CTr/TU ngày 30/3/2023 của Ban Chấp hành Đảng bộ tỉnh; Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện như sau:',
    ));
    expect(r.title).toBe('Triển khai thực hiện Chương trình hành động số 58-CTr/TU ngày 30/3/2023 của Ban Chấp hành Đảng bộ tỉnh');
    expect(r.implements.map((x) => [x.code, x.issuedOn])).toEqual([['58-CTr/TU', '2023-03-30']]);
  });

  it('an opening sentence with no title before it stays the opening', () => {
    const r = extractDocument('kh.txt', ubndPlan('Thực hiện Chương trình hành động số 58-CTr/TU, ngày 30/3/2023 của Ban Chấp hành Đảng bộ tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:'));
    expect(r.title).toBeNull();
    expect(r.implements.map((x) => x.code)).toEqual(['58-CTr/TU']);
  });

  it('two "Căn cứ …;" lines are both the opening, not a title and an opening', () => {
    const r = extractDocument('kh.txt', ubndPlan(
      'Căn cứ Chương trình hành động số 58-CTr/TU ngày 30/3/2023 của Ban Chấp hành Đảng bộ tỉnh;\nCăn cứ Kế hoạch số 117-KH/TU ngày 14/12/2022 của Ban Thường vụ Tỉnh ủy;\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
    ));
    expect(r.title).toBeNull();
    expect(r.implements.map((x) => x.code)).toEqual(['58-CTr/TU', '117-KH/TU']);
  });

  it('a title line then an opening line that ends the heading block without a section between', () => {
    const r = extractDocument('kh.txt', ubndPlan('Thực hiện Nghị quyết số 28-NQ/TW về tiếp tục đổi mới phương thức lãnh đạo\nThực hiện Nghị quyết số 28-NQ/TW, ngày 17/11/2022 của Ban Chấp hành Trung ương, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:'));
    expect(r.title).toBe('Thực hiện Nghị quyết số 28-NQ/TW về tiếp tục đổi mới phương thức lãnh đạo');
    expect(r.implements.map((x) => [x.code, x.issuedOn])).toEqual([['28-NQ/TW', '2022-11-17']]);
  });
});

describe('a People\'s Committee\'s decision', () => {
  const decision = `ỦY BAN NHÂN DÂN
TỈNH BÌNH THUẬN
Số: 2105/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Bình Thuận, ngày 20 tháng 10 năm 2023

QUYẾT ĐỊNH
Về việc ban hành Kế hoạch thực hiện Chương trình hành động số 58-CTr/TU ngày 30/3/2023 của Ban Chấp hành Đảng bộ tỉnh

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
Căn cứ Chương trình hành động số 58-CTr/TU ngày 30/3/2023 của Ban Chấp hành Đảng bộ tỉnh;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chương trình hành động số 58-CTr/TU.
`;
  it('ends its title before the authority line, and names its issuer with the place under it', () => {
    const r = extractDocument('qd.txt', decision);
    expect(r.title).toBe('Về việc ban hành Kế hoạch thực hiện Chương trình hành động số 58-CTr/TU ngày 30/3/2023 của Ban Chấp hành Đảng bộ tỉnh');
    expect(r.issuer).toMatchObject({ name: 'Ủy ban nhân dân tỉnh Bình Thuận', province: 'Bình Thuận', level: 'provincial' });
    expect(r.implements.map((x) => [x.code, x.issuedOn])).toEqual([['58-CTr/TU', '2023-03-30']]);
  });
  it('a place line stays with the body above it; a party committee\'s line is no place', () => {
    const name = (header: string) => extractDocument('x.txt', `${header}\nSố: 1/QĐ-UBND\nngày 2 tháng 1 năm 2024\nQUYẾT ĐỊNH\nVề việc thành lập tổ công tác\n`).issuer.name;
    expect(name('ỦY BAN NHÂN DÂN\nHUYỆN HÀM THUẬN BẮC')).toBe('Ủy ban nhân dân huyện Hàm Thuận Bắc');
    expect(name('ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH')).toBe('Ủy ban nhân dân thành phố Hồ Chí Minh');
    expect(name('TỈNH ỦY BÌNH PHƯỚC\nBAN TUYÊN GIÁO')).toMatch(/^Ban \S+ \S+ Tỉnh ủy Bình Phước$/);
  });
});
