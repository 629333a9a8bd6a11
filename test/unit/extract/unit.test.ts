/** Units below the province (extract/unit.ts): found in headers, issuers and titles; bare names completed; identity kept apart. */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../server/src/extract/index.js';
import { completeName, documentUnit, unitFromHeader, unitInText, unitOf } from '../../../server/src/extract/unit.js';
import { recordToRows } from '../../../server/src/graph/rows.js';

describe('the unit of a header', () => {
  it('the lowest unit named, with its district', () => {
    const u = unitFromHeader(['ĐẢNG BỘ TỈNH BÌNH THUẬN', 'ĐẢNG BỘ HUYỆN TUY PHONG', 'ĐẢNG ỦY XÃ PHÚ LẠC']);
    expect(u).toMatchObject({ kind: 'commune', name: 'xã Phú Lạc', proper: 'Phú Lạc', level: 'commune', within: { name: 'huyện Tuy Phong' } });
    expect(unitFromHeader(['ỦY BAN NHÂN DÂN', 'PHƯỜNG 2'])).toMatchObject({ name: 'phường 2' });
    expect(unitFromHeader(['ĐẢNG BỘ TỈNH BÌNH THUẬN', 'HUYỆN ỦY HÀM THUẬN BẮC'])).toMatchObject({ kind: 'district', name: 'huyện Hàm Thuận Bắc' });
    expect(unitFromHeader(['THỊ ỦY LA GI'])).toMatchObject({ kind: 'district', name: 'thị xã La Gi' });
    expect(unitFromHeader(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ PHAN THIẾT'])).toMatchObject({ kind: 'district', name: 'thành phố Phan Thiết' });
    expect(unitFromHeader(['ĐẢNG BỘ TỈNH QUẢNG NAM', 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH'])).toMatchObject({ kind: 'bloc', name: 'Khối các cơ quan tỉnh' });
  });
  it('a province is no unit below the province', () => {
    expect(unitFromHeader(['THÀNH ỦY HÀ NỘI', 'BAN TUYÊN GIÁO'])).toBeNull();
    expect(unitFromHeader(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HỒ CHÍ MINH'])).toBeNull();
    expect(unitFromHeader(['TỈNH ỦY BÌNH PHƯỚC', 'BAN TUYÊN GIÁO'])).toBeNull();
  });
});

describe('the unit of a text', () => {
  it('named in running text, not the unit of a text it refers to, not "xã hội"', () => {
    expect(unitInText('Ban Thường vụ Đảng ủy xã Hàm Thắng')).toMatchObject({ name: 'xã Hàm Thắng' });
    expect(unitInText('các tổ chức chính trị - xã hội tỉnh')).toBeNull();
    expect(unitInText('thực hiện Kế hoạch số 12-KH/HU của Ban Thường vụ Huyện ủy Bắc Bình')).toBeNull();
  });
  it('a bare issuer takes the title\'s unit of its kind, and only of its kind', () => {
    expect(documentUnit([], 'Ban Thường vụ Đảng ủy Khối', 'đẩy mạnh tuyên truyền ở Đảng bộ Khối các cơ quan tỉnh')).toMatchObject({ name: 'Khối các cơ quan tỉnh' });
    // A commune's committee named bare; the title names the district's plan it implements: no unit is guessed.
    expect(documentUnit([], 'Ban Thường vụ Đảng ủy', 'thực hiện Kế hoạch số 12-KH/HU của Ban Thường vụ Huyện ủy Bắc Bình')).toBeNull();
    expect(documentUnit([], 'Ban Tuyên giáo Tỉnh ủy', 'tuyên truyền ở huyện Bắc Bình')).toBeNull();
  });
});

describe('names completed with the unit, and the unit kept when a name does not say', () => {
  const commune = unitFromHeader(['ĐẢNG BỘ HUYỆN TUY PHONG', 'ĐẢNG ỦY XÃ PHÚ LẠC'])!;
  const district = unitFromHeader(['HUYỆN ỦY HÀM THUẬN BẮC'])!;
  it('completes the bare words of its own unit only', () => {
    expect(completeName('Văn phòng Đảng ủy', commune)).toBe('Văn phòng Đảng ủy xã Phú Lạc');
    expect(completeName('Ủy ban nhân dân xã', commune)).toBe('Ủy ban nhân dân xã Phú Lạc');
    expect(completeName('Thường trực Huyện ủy', commune)).toBe('Thường trực Huyện ủy Tuy Phong');
    expect(completeName('Ban Tuyên giáo Huyện ủy', district)).toBe('Ban Tuyên giáo Huyện ủy Hàm Thuận Bắc');
    expect(completeName('Ban Thường vụ Thị ủy', district)).toBe('Ban Thường vụ Thị ủy');
    expect(completeName('Các đảng ủy', district)).toBe('Các đảng ủy');
    expect(completeName('Ban Tuyên giáo Tỉnh ủy', commune)).toBe('Ban Tuyên giáo Tỉnh ủy');
    expect(completeName('Ủy ban nhân dân xã Hàm Thắng', commune)).toBe('Ủy ban nhân dân xã Hàm Thắng');
  });
  it('keeps the unit of a name that names none, of its level or below', () => {
    expect(unitOf('Đoàn Thanh niên thôn 1', 'commune', commune)).toBe('xã Phú Lạc');
    expect(unitOf('Các cơ quan báo chí', null, district)).toBe('huyện Hàm Thuận Bắc');
    expect(unitOf('Ủy ban nhân dân xã Hàm Thắng', 'commune', district)).toBeNull();
    expect(unitOf('Ban Tuyên giáo Tỉnh ủy', 'provincial', commune)).toBeNull();
    expect(unitOf('Văn phòng Đảng ủy xã Phú Lạc', 'commune', commune)).toBeNull();
  });
});

/** A commune's plan as communes write them: its own bodies named bare. */
const communePlan = (commune: string, code: string) => `ĐẢNG BỘ TỈNH BÌNH THUẬN
ĐẢNG BỘ HUYỆN TUY PHONG
ĐẢNG ỦY XÃ ${commune.toUpperCase()}
*
Số ${code}

ĐẢNG CỘNG SẢN VIỆT NAM
${commune}, ngày 10 tháng 5 năm 2023

KẾ HOẠCH
thực hiện Kế hoạch số 12-KH/HU của Ban Thường vụ Huyện ủy Tuy Phong

Thực hiện Kế hoạch số 12-KH/HU, ngày 20/4/2023 của Ban Thường vụ Huyện ủy Tuy Phong, Ban Thường vụ Đảng ủy xây dựng Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
Quán triệt sâu rộng trong cán bộ, đảng viên.

II. TỔ CHỨC THỰC HIỆN
1. Văn phòng Đảng ủy tham mưu Ban Thường vụ Đảng ủy theo dõi, đôn đốc việc thực hiện kế hoạch (nhiệm vụ thường xuyên).
2. Đoàn Thanh niên thôn 1 tổ chức tuyên truyền trong đoàn viên (thực hiện năm 2023).
3. Ban Tuyên giáo Tỉnh ủy hướng dẫn nội dung tuyên truyền.
`;

describe('two communes of one district write the same words for their own bodies', () => {
  const a = extractDocument('a.txt', communePlan('Phú Lạc', '15-KH/ĐU'));
  const b = extractDocument('b.txt', communePlan('Phước Thể', '16-KH/ĐU'));
  it('each text names its own bodies, and the bodies of the province stay one', () => {
    expect(a.issuer.name).toBe('Ban Thường vụ Đảng ủy xã Phú Lạc');
    expect(a.assignments.map((x) => [x.organization, x.unit ?? null])).toEqual([
      ['Văn phòng Đảng ủy xã Phú Lạc', null],
      ['Đoàn Thanh niên thôn 1', 'xã Phú Lạc'],
      ['Ban Tuyên giáo Tỉnh ủy', null],
    ]);
    for (const x of a.assignments) expect(a.text.slice(x.start, x.end)).toBe(x.quote);
  });
  it('the graph keeps their bodies apart: organisation keys', () => {
    const keys = (r: typeof a) => recordToRows(r).organizations.map((o) => o.key);
    const [ka, kb] = [keys(a), keys(b)];
    expect(ka.filter((k) => kb.includes(k))).toEqual(['ban tuyen giao tinh uy#binh-thuan']);
    expect(ka).toContain('doan thanh nien thon 1#binh-thuan@xa phu lac');
    expect(recordToRows(a).organizations.find((o) => o.name === 'Đoàn Thanh niên thôn 1')).toMatchObject({ unit: 'xã Phú Lạc' });
    expect(recordToRows(a).issuer).toMatchObject({ name: 'Ban Thường vụ Đảng ủy xã Phú Lạc', unit: null });
  });
});
