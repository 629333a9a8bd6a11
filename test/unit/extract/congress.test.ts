import { describe, expect, it } from 'vitest';
import { codeLevel, codeType, extractDocument, normalizeCode, parseCode, type Reference } from '../../../server/src/extract/index.js';
import { romanNumeral } from '../../../server/src/extract/codes.js';
import { provincialCongressResolution } from '../../fixtures/congress-texts.js';
import { seed } from './helpers.js';

const congresses = (refs: Reference[]) => refs.filter((r) => r.code.startsWith('Đại hội'));

/** A provincial text (Bình Thuận's propaganda board) whose body is `body`. */
function provincialText(body: string, opening = 'Thực hiện Kế hoạch số 70-KH/TU, ngày 23/5/2023 của Ban Thường vụ Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy hướng dẫn như sau:'): string {
  return ['TỈNH ỦY BÌNH THUẬN', 'BAN TUYÊN GIÁO', 'Số 12-HD/BTGTU', 'Phan Thiết, ngày 02 tháng 8 năm 2023', 'HƯỚNG DẪN', 'tuyên truyền', opening, body].join('\n');
}

describe('congress resolutions named without a code', () => {
  it('the Party national congress in each of its wordings is one code, central, whatever the citing province', () => {
    const wordings = [
      'Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng',
      'Nghị quyết Đại hội XIII của Đảng',
      'Nghị quyết Đại hội lần thứ XIII của Đảng',
      'Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII',
      'nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII',
    ];
    for (const w of wordings) {
      const r = extractDocument('t.txt', provincialText(`1. Tuyên truyền kết quả thực hiện ${w}; các nội dung khác.`));
      const [ref, ...more] = congresses(r.cites);
      expect(more, w).toHaveLength(0);
      expect(ref, w).toMatchObject({ code: 'Đại hội XIII/TW', type: 'NQ', level: 'central', province: null, issuedOn: null, issuer: 'Đại hội đại biểu toàn quốc' });
      expect(ref!.quote).toBe(w);
      expect(r.text.slice(ref!.start, ref!.end)).toBe(ref!.quote);
      expect(ref!.raw).toBe(w.replace(/^[Nn]ghị quyết /, ''));
      expect(ref!.subject).toBe('Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng');
    }
  });

  it("a province's congress is the citing text's province's, or the one it names; its unit's, the citing unit's", () => {
    const r = extractDocument(
      't.txt',
      provincialText(
        '1. Kết quả thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV và Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Ninh Thuận lần thứ XIV, nghị quyết đại hội đảng bộ các cấp nhiệm kỳ 2020 - 2025; Nghị quyết Đại hội Đảng bộ huyện Tuy Phong lần thứ XII.',
      ),
    );
    const refs = congresses(r.cites);
    expect(refs.map((x) => [x.code, x.province, x.level, x.unit ?? null])).toEqual([
      ['Đại hội XIV/TU', 'Bình Thuận', 'provincial', null],
      ['Đại hội XIV/TU', 'Ninh Thuận', 'provincial', null],
      ['Đại hội XII/HU', 'Bình Thuận', 'district', 'huyện Tuy Phong'],
    ]);
    expect(refs[1]!.quote).toBe('Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Ninh Thuận lần thứ XIV');
    for (const x of refs) expect(r.text.slice(x.start, x.end)).toBe(x.quote);
  });

  it('the opening "Thực hiện Nghị quyết Đại hội …" is what a text implements; a stated link is inferred', () => {
    const r = extractDocument(
      't.txt',
      provincialText(
        '1. Chương trình hành động số 05-CTr/TU, ngày 12/3/2021 của Tỉnh ủy thực hiện Nghị quyết Đại hội XIII của Đảng.',
        'Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV, Ban Tuyên giáo Tỉnh ủy hướng dẫn như sau:',
      ),
    );
    expect(r.implements.map((x) => [x.code, x.province, x.verb])).toEqual([
      ['Đại hội XIII/TW', null, 'thực hiện'],
      ['Đại hội XIV/TU', 'Bình Thuận', 'thực hiện'],
    ]);
    expect(r.inferred.map((l) => [l.from.code, l.to.code])).toEqual([['5-CTr/TU', 'Đại hội XIII/TW']]);
  });

  it('is not guessed: a bare number, every level\'s congresses, a province\'s congress in a central text', () => {
    const local = extractDocument('t.txt', provincialText('1. Thực hiện Nghị quyết Đại hội XIV; Nghị quyết Đại hội đảng bộ các cấp; Văn kiện Đại hội XIII của Đảng.'));
    expect(congresses([...local.implements, ...local.cites])).toEqual([]);
    const central = extractDocument(
      't.txt',
      ['BAN CHẤP HÀNH TRUNG ƯƠNG', 'Số 28-NQ/TW', 'Hà Nội, ngày 17 tháng 11 năm 2022', 'NGHỊ QUYẾT', 'về đổi mới', '1. Các tỉnh ủy tổng kết Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV và Nghị quyết Đại hội Đảng bộ huyện lần thứ XII.'].join('\n'),
    );
    expect(central.province).toBeNull();
    expect(congresses(central.cites)).toEqual([]);
  });

  it('the seed: every text cites the XIII congress; 001, 002 and 004 their province\'s; 001 its bloc\'s', () => {
    const named = (p: string) => congresses(seed(p).cites).map((x) => [x.code, x.province, x.unit ?? null]);
    expect(named('000')).toEqual([['Đại hội XIII/TW', null, null]]);
    expect(named('001')).toEqual([
      ['Đại hội XIII/TW', null, null],
      ['Đại hội XXII/TU', 'Quảng Nam', null],
      ['Đại hội IX/ĐUK', 'Quảng Nam', 'Khối các cơ quan tỉnh'],
    ]);
    expect(named('002')).toEqual([['Đại hội XIII/TW', null, null], ['Đại hội XIV/TU', 'Sóc Trăng', null]]);
    expect(named('003')).toEqual([['Đại hội XIII/TW', null, null]]);
    expect(named('004')).toEqual([['Đại hội XI/TU', 'Bình Phước', null], ['Đại hội XIII/TW', null, null]]);
    // 002 names it eleven times: one reference, its mentions counted.
    expect(congresses(seed('002').cites)[0]!.mentions).toBe(11);
    expect(seed('003').implements.map((x) => x.code)).not.toContain('Đại hội XIII/TW');
  });

  it("a congress's own resolution takes its congress's code from its heading; its title is the heading's line", () => {
    const provincial = extractDocument('t.txt', provincialCongressResolution('Bình Thuận', 'XIV', '16'));
    expect(provincial).toMatchObject({
      type: 'NQ', code: 'Đại hội XIV/TU', resolvedCode: 'Đại hội XIV/TU', codeSource: 'header', issuedOn: '2020-10-16', province: 'Bình Thuận',
      title: 'ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH BÌNH THUẬN LẦN THỨ XIV, NHIỆM KỲ 2020 - 2025',
      issuer: { name: 'Đại hội đại biểu lần thứ XIV Đảng bộ tỉnh Bình Thuận', level: 'provincial', province: 'Bình Thuận' },
    });
    // What it cites is another congress: the Party's twelfth.
    expect(provincial.cites.map((x) => x.code)).toEqual(['Đại hội XII/TW']);
    const national = extractDocument(
      't.txt',
      [
        'ĐẢNG CỘNG SẢN VIỆT NAM', 'ĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC LẦN THỨ XIII', '*', 'Hà Nội, ngày 01 tháng 02 năm 2021', '', 'NGHỊ QUYẾT',
        'ĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC LẦN THỨ XIII CỦA ĐẢNG', '',
        'Đại hội đại biểu toàn quốc lần thứ XIII của Đảng họp từ ngày 25/01/2021 đến ngày 01/02/2021 tại Thủ đô Hà Nội.',
      ].join('\n'),
    );
    expect(national).toMatchObject({ code: 'Đại hội XIII/TW', issuedOn: '2021-02-01', province: null, issuer: { level: 'central' }, title: 'ĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC LẦN THỨ XIII CỦA ĐẢNG' });
    // A resolution of a standing committee that prints no number is no congress's.
    const other = extractDocument('t.txt', ['TỈNH ỦY BÌNH THUẬN', 'Phan Thiết, ngày 02 tháng 8 năm 2023', 'NGHỊ QUYẾT', 'về công tác cán bộ', 'I. NỘI DUNG'].join('\n'));
    expect(other.code).toBeNull();
  });

  it('codes: as the graph writes them and as users type them', () => {
    expect(normalizeCode('Đại hội XIII/TW')).toBe('Đại hội XIII/TW');
    expect(normalizeCode('nghị quyết đại hội XIII')).toBe('Đại hội XIII/TW');
    expect(normalizeCode('dai hoi 13')).toBe('Đại hội XIII/TW');
    expect(normalizeCode('Nghi quyet dai hoi lan thu 14 / tu')).toBe('Đại hội XIV/TU');
    expect(normalizeCode('đại hội ix/đuk')).toBe('Đại hội IX/ĐUK');
    expect(normalizeCode('dai hoi IX/DUK')).toBe('Đại hội IX/ĐUK');
    expect(normalizeCode('đại hội IIII')).toBeNull();
    expect(normalizeCode('đại hội 0')).toBeNull();
    expect(normalizeCode('đại hội 50')).toBeNull();
    expect(normalizeCode('đại hội')).toBeNull();
    expect(parseCode('Đại hội XIV/TU')).toMatchObject({ type: 'NQ', issuer: 'TU', number: 'XIV', congress: true });
    expect(codeLevel('Đại hội XIII/TW')).toBe('central');
    expect(codeLevel('Đại hội XII/HU')).toBe('district');
    expect(codeLevel('Đại hội IX/ĐUK')).toBe('district');
    expect(codeLevel('Đại hội XXV/ĐU')).toBe('commune');
    expect(codeType('Đại hội XIV/TU')).toBe('NQ');
    expect([1, 4, 9, 13, 14, 22, 39, 49].map(romanNumeral)).toEqual(['I', 'IV', 'IX', 'XIII', 'XIV', 'XXII', 'XXXIX', 'XLIX']);
  });
});
