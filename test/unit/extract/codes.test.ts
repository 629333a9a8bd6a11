import { describe, expect, it } from 'vitest';
import { normalizeCode, parseCode, parseDate, findDates, codeLevel, extractDocument } from '../../../server/src/extract/index.js';
import { findMentions } from '../../../server/src/extract/references.js';
import { flatten } from '../../../server/src/extract/normalize.js';

function mentionsIn(text: string) {
  return findMentions(flatten(text));
}

describe('code variants in running text', () => {
  const cases: [string, string, string][] = [
    ['Nghị quyết số 28 - NQ/TW, ngày 17/11/2022', '28-NQ/TW', '28 - NQ/TW'],
    ['Chương trình hành động số 58- Ctr/TU', '58-CTr/TU', '58- Ctr/TU'],
    ['Quy định số 101 -QĐ/TW, 28/02/2023', '101-QĐ/TW', '101 -QĐ/TW'],
    ['Quy định số 08-QĐi/TW, ngày 25/10/2018', '8-QĐi/TW', '08-QĐi/TW'],
    ['Kế hoạch số 25-KH/ĐUK, ngày 17/3/2022', '25-KH/ĐUK', '25-KH/ĐUK'],
    ['Kế hoạch số 3588/KH-UBND ngày 25/10/2022', '3588/KH-UBND', '3588/KH-UBND'],
    ['Kế hoạch số 374/KH-MTTQ-BTT', '374/KH-MTTQ-BTT', '374/KH-MTTQ-BTT'],
    ['Kèm theo Kế hoạch số: 374  /KH-MTTQ-BTT, ngày 25/7/2023', '374/KH-MTTQ-BTT', '374  /KH-MTTQ-BTT'],
    ['Nghị quyết số 05-NQ/TW', '5-NQ/TW', '05-NQ/TW'],
    ['Nghị định số 15/2023/NĐ-CP', '15/2023/NĐ-CP', '15/2023/NĐ-CP'],
    ['Quyết định số 1579/QĐ-TTg', '1579/QĐ-TTg', '1579/QĐ-TTg'],
  ];
  for (const [text, code, raw] of cases) {
    it(`${raw} → ${code}`, () => {
      const ms = mentionsIn(text);
      expect(ms).toHaveLength(1);
      expect(ms[0]!.code).toBe(code);
      const r = extractDocument('t.txt', `Nội dung: ${text}.`);
      if (text.startsWith('Kèm theo')) {
        // An annex line names the document's own code: not a citation.
        expect(r.code).toBe(code);
        expect(r.codeSource).toBe('annex');
        expect(r.cites).toHaveLength(0);
        return;
      }
      const ref = r.cites[0]!;
      expect(ref.code).toBe(code);
      expect(ref.raw).toBe(raw);
      expect(r.text.slice(ref.start, ref.end)).toBe(ref.quote);
    });
  }

  it('does not take dates, ranges or plain numbers for codes', () => {
    expect(mentionsIn('giai đoạn 2023 - 2030, ngày 17/11/2022, 17-11-2022, nhiệm kỳ 2020-2025, T.176, 5% biên chế')).toHaveLength(0);
  });

  it('reads the date, issuer and term that follow a code', () => {
    const [m] = mentionsIn('Nghị quyết số 28-NQ/TW, ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng (khóa XIII) về tiếp tục');
    expect(m!.issuedOn).toBe('2022-11-17');
    expect(m!.issuer).toBe('Ban Chấp hành Trung ương Đảng');
    expect(m!.term).toBe('XIII');
    expect(m!.typeWord).toBe('Nghị quyết');
  });

  it('reads a date split over lines and one without "ngày"', () => {
    const ms = mentionsIn('Quy định 205-QĐ/TW, ngày\n\n23/9/2019 của Bộ Chính trị; Quy định số 101-QĐ/TW 28/02/2023 về');
    expect(ms.map((m) => m.issuedOn)).toEqual(['2019-09-23', '2023-02-28']);
  });
});

describe('normalizeCode (user input)', () => {
  it.each([
    ['28 - NQ/TW', '28-NQ/TW'],
    ['28-nq/tw', '28-NQ/TW'],
    ['  58- ctr/tu ', '58-CTr/TU'],
    ['08-QĐI/TW', '8-QĐi/TW'],
    ['101 -qđ/tw', '101-QĐ/TW'],
    ['05-NQ/TW', '5-NQ/TW'],
    ['số: 374  /kh-mttq-btt', '374/KH-MTTQ-BTT'],
    ['3588/KH-UBND', '3588/KH-UBND'],
    ['15/2023/nđ-cp', '15/2023/NĐ-CP'],
    ['1579/qđ-ttg', '1579/QĐ-TTg'],
  ])('%s → %s', (input, out) => {
    expect(normalizeCode(input)).toBe(out);
  });
  it.each(['', 'hello', '28', '17/11/2022', '2023 - 2030', '28-XYZ/TW'])('rejects %j', (input) => {
    expect(normalizeCode(input)).toBeNull();
  });
  it('parses parts', () => {
    expect(parseCode('15/2023/NĐ-CP')).toMatchObject({ number: '15', year: '2023', type: 'NĐ', issuer: 'CP', form: 'state' });
    expect(parseCode('25-KH/ĐUK')).toMatchObject({ number: '25', type: 'KH', issuer: 'ĐUK', form: 'party' });
  });
  it('derives levels from issuers', () => {
    expect(codeLevel('28-NQ/TW')).toBe('central');
    expect(codeLevel('108-HD/BTGTW')).toBe('central');
    expect(codeLevel('58-CTr/TU')).toBe('provincial');
    expect(codeLevel('86-HD/BTGTU')).toBe('provincial');
    expect(codeLevel('3588/KH-UBND')).toBe('provincial');
    expect(codeLevel('25-KH/ĐUK')).toBe('district');
  });
});

describe('dates', () => {
  it.each([
    ['ngày 17/11/2022', '2022-11-17'],
    ['17-11-2022', '2022-11-17'],
    ['17.11.2022', '2022-11-17'],
    ['ngày 28 tháng 6 năm 2023', '2023-06-28'],
    ['Bình Phước, ngày 28 tháng 6 năm 2023', '2023-06-28'],
    ['ngày 7/6/2012', '2012-06-07'],
  ])('%s → %s', (s, iso) => {
    expect(parseDate(s)).toBe(iso);
  });
  it('rejects impossible dates', () => {
    expect(parseDate('31/02/2023')).toBeNull();
    expect(parseDate('17/13/2022')).toBeNull();
  });
  it('finds several dates with offsets', () => {
    const s = 'từ ngày 01/02/2023 đến ngày 3 tháng 4 năm 2024';
    const ds = findDates(s);
    expect(ds.map((d) => d.iso)).toEqual(['2023-02-01', '2024-04-03']);
    expect(s.slice(ds[1]!.index, ds[1]!.index + ds[1]!.length)).toBe('ngày 3 tháng 4 năm 2024');
  });
});
