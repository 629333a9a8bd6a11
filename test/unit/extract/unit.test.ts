/** Units below the province (extract/unit.ts): found in headers, issuers and titles; bare names completed; identity kept apart. */
import { describe, expect, it } from 'vitest';
import { extractDocument, issuingUnit, resolveCorpus } from '../../../server/src/extract/index.js';
import { completeName, documentUnit, unitFromHeader, unitInText, unitOf } from '../../../server/src/extract/unit.js';
import { recordToRows } from '../../../server/src/graph/rows.js';
import { communePlan, communeUbndPlan, districtPlan, provincialGuide } from '../../fixtures/unit-texts.js';

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

describe('every district, bloc and commune numbers its own texts: their identity carries the unit', () => {
  const uid = (r: ReturnType<typeof extractDocument>) => recordToRows(r).directive.uid;
  const a = extractDocument('a.txt', communePlan('Phú Lạc', '15-KH/ĐU'));
  const b = extractDocument('b.txt', communePlan('Phước Thể', '15-KH/ĐU'));

  it('two communes\' plans of one code and day are two texts, each implementing its district\'s plan', () => {
    expect([uid(a), uid(b)]).toEqual(['15-KH/ĐU@2023-05-10#binh-thuan/xa-phu-lac', '15-KH/ĐU@2023-05-10#binh-thuan/xa-phuoc-the']);
    expect([issuingUnit(a), issuingUnit(b)]).toEqual(['xã Phú Lạc', 'xã Phước Thể']);
    for (const r of [a, b]) {
      expect(r.implements.map((x) => [x.code, x.unit])).toEqual([['12-KH/HU', 'huyện Tuy Phong']]);
      expect(recordToRows(r).links.filter((l) => l.kind === 'IMPLEMENTS').map((l) => l.to)).toEqual(['12-KH/HU@2023-04-20#binh-thuan/huyen-tuy-phong']);
      expect(recordToRows(r).directive.unit).toBe(issuingUnit(r));
    }
    // The district's own plan has the identity its communes name.
    expect(uid(extractDocument('d.txt', districtPlan('Tuy Phong', '12-KH/HU', '20')))).toBe('12-KH/HU@2023-04-20#binh-thuan/huyen-tuy-phong');
  });

  it('an undated mention of a district\'s code is the citing commune\'s district\'s text, dated by the corpus', () => {
    const undated = communePlan('Phú Lạc', '15-KH/ĐU').replace('Kế hoạch số 12-KH/HU, ngày 20/4/2023 của Ban Thường vụ Huyện ủy Tuy Phong', 'Kế hoạch số 12-KH/HU của Ban Thường vụ Huyện ủy');
    const records = resolveCorpus([
      extractDocument('tuy-phong.txt', districtPlan('Tuy Phong', '12-KH/HU', '20')),
      extractDocument('bac-binh.txt', districtPlan('Bắc Bình', '12-KH/HU', '25')),
      extractDocument('phu-lac.txt', undated),
    ]);
    expect(records.slice(0, 2).map(uid)).toEqual(['12-KH/HU@2023-04-20#binh-thuan/huyen-tuy-phong', '12-KH/HU@2023-04-25#binh-thuan/huyen-bac-binh']);
    const ref = records[2]!.implements[0]!;
    expect([ref.code, ref.issuedOn, ref.resolvedIssuedOn, ref.dateSource, ref.unit]).toEqual(['12-KH/HU', null, '2023-04-20', 'corpus', 'huyện Tuy Phong']);
    expect(recordToRows(records[2]!).links.find((l) => l.kind === 'IMPLEMENTS')?.to).toBe('12-KH/HU@2023-04-20#binh-thuan/huyen-tuy-phong');
  });

  it('a district\'s code nobody says the district of stays a text of the province, never one district\'s', () => {
    const provincial = provincialGuide(90, 5, 'Các huyện ủy tham khảo Kế hoạch số 12-KH/HU, ngày 20/4/2023 khi xây dựng kế hoạch.');
    const r = extractDocument('p.txt', provincial);
    const ref = r.cites.find((x) => x.code === '12-KH/HU')!;
    expect(ref.unit ?? null).toBeNull();
    expect(recordToRows(r).links.map((l) => l.to)).toContain('12-KH/HU@2023-04-20#binh-thuan');
  });

  it('a code every level writes ("…/KH-UBND") is the unit\'s its mention names, at that unit\'s level', () => {
    const ubnd = communeUbndPlan('Phú Lạc', '15-KH/ĐU', '10/5/2023');
    const r = extractDocument('u.txt', ubnd);
    expect([uid(r), r.issuer.level]).toEqual(['20/KH-UBND@2023-05-18#binh-thuan/xa-phu-lac', 'commune']);
    expect(r.implements.map((x) => [x.code, x.level, x.unit])).toEqual([['15-KH/ĐU', 'commune', 'xã Phú Lạc'], ['45/KH-UBND', 'district', 'huyện Tuy Phong']]);
    expect(recordToRows(r).links.map((l) => l.to)).toEqual(['15-KH/ĐU@2023-05-10#binh-thuan/xa-phu-lac', '45/KH-UBND@2023-05-02#binh-thuan/huyen-tuy-phong']);
    // The commune's party plan it implements is the text `a` above, not `b`.
    expect(recordToRows(r).links[0]!.to).toBe(uid(a));
  });

  it('a stated link\'s end with a code every level writes is at the level of the unit it names, as a mention is', () => {
    const provincial = provincialGuide(
      91, 6, 'Kế hoạch số 45/KH-UBND, ngày 2/5/2023 của UBND huyện Tuy Phong triển khai Chương trình hành động số 58-CTr/TU, ngày 30/3/2023 của Ban Chấp hành Đảng bộ tỉnh.',
    );
    const r = extractDocument('p.txt', provincial);
    const link = r.inferred.find((l) => l.from.code === '45/KH-UBND')!;
    expect(link.from).toMatchObject({ unit: 'huyện Tuy Phong', level: 'district' });
    expect(link.to.level ?? null).toBeNull(); // the code's own level: said only where the unit changes it
    const stub = recordToRows(r).stubs.find((d) => d.code === '45/KH-UBND')!;
    expect([stub.uid, stub.level, stub.levelRank]).toEqual(['45/KH-UBND@2023-05-02#binh-thuan/huyen-tuy-phong', 'district', 2]);
    // The same text mentioned directly by a commune's plan: one identity, one level.
    const mentioned = recordToRows(extractDocument('u.txt', communeUbndPlan('Phú Lạc', '15-KH/ĐU', '10/5/2023'))).stubs.find((d) => d.code === '45/KH-UBND')!;
    expect([mentioned.uid, mentioned.level]).toEqual([stub.uid, stub.level]);
  });
});

describe('the party organisations below a district committee, as its plans name them', () => {
  it('"Các chi, đảng bộ trực thuộc", "các chi bộ, đảng bộ", "Đảng bộ các xã" are assigned their tasks', () => {
    const plan = districtPlan('Hàm Thuận Bắc', '45-KH/HU', '12').replace(
      '1. Ban Tuyên giáo Huyện ủy hướng dẫn tuyên truyền (nhiệm vụ thường xuyên).',
      [
        '1. Ban Tuyên giáo Huyện ủy hướng dẫn tuyên truyền (nhiệm vụ thường xuyên).',
        '2. Các chi, đảng bộ trực thuộc Huyện ủy xây dựng kế hoạch thực hiện phù hợp với tình hình thực tế.',
        '3. Đảng bộ các xã, thị trấn tổ chức quán triệt đến cán bộ, đảng viên (thực hiện năm 2023).',
        '4. Các chi bộ, đảng bộ cơ sở báo cáo kết quả về Văn phòng Huyện ủy.',
      ].join('\n'),
    );
    const r = extractDocument('kh.txt', plan);
    expect(r.assignments.map((a) => [a.organization, a.tasks.map((t) => t.timing?.text ?? null)])).toEqual([
      ['Ban Tuyên giáo Huyện ủy Hàm Thuận Bắc', ['nhiệm vụ thường xuyên']],
      ['Các chi, đảng bộ trực thuộc Huyện ủy Hàm Thuận Bắc', [null]],
      ['Đảng bộ các xã, thị trấn', ['thực hiện năm 2023']],
      ['Các chi bộ, đảng bộ cơ sở', [null]],
    ]);
    for (const a of r.assignments) expect(r.text.slice(a.start, a.end)).toBe(a.quote);
  });
});
