import { describe, expect, it } from 'vitest';
import type { ExtractedRecord, Reference, Task } from '../../../server/src/extract/index.js';
import { allEvidence, seed, seedRecords, seedText, SEED_FILES } from './helpers.js';

const codes = (refs: Reference[]) => refs.map((r) => r.code).sort();
const find = (refs: Reference[], code: string, date?: string | null) =>
  refs.filter((r) => r.code === code && (date === undefined || (r.resolvedIssuedOn ?? r.issuedOn) === date));
const orgs = (r: ExtractedRecord) => r.assignments.map((a) => a.organization);
function uniqueTasks(r: ExtractedRecord): Task[] {
  const seen = new Map<number, Task>();
  for (const a of r.assignments) for (const t of a.tasks) seen.set(t.start, t);
  return [...seen.values()];
}

describe('seed corpus', () => {
  it('has five documents', () => {
    expect(SEED_FILES).toHaveLength(5);
    expect(seedRecords()).toHaveLength(5);
  });

  it('evidence invariant: text.slice(start, end) === quote for every evidence of every record', () => {
    let n = 0;
    for (const r of seedRecords()) {
      const evs = allEvidence(r);
      expect(evs.length).toBeGreaterThan(20);
      for (const { path, ev } of evs) {
        n++;
        expect(ev.start, `${r.file}${path}`).toBeLessThanOrEqual(ev.end);
        expect(r.text.slice(ev.start, ev.end), `${r.file}${path}`).toBe(ev.quote);
        expect(ev.quote.length, `${r.file}${path}`).toBeGreaterThan(0);
      }
    }
    expect(n).toBeGreaterThan(250);
  });

  it('an implemented text counts each of its mentions once (the opening one too), its alias not', () => {
    // Occurrences of the code in the text, less the one in "(viết tắt là … số 58-Ctr/TU)" / "(viết tắt là Nghị quyết số 28-NQ/TW)".
    const count = (prefix: string, re: RegExp, aliases: number) => (seedText(prefix).match(re) ?? []).length - aliases;
    const mentions = (prefix: string, code: string) => seed(prefix).implements.find((x) => x.code === code)!.mentions;
    expect(mentions('000', '58-CTr/TU')).toBe(count('000', /58\s?-\s?C[Tt]r\s?\/\s?TU/g, 1));
    expect(mentions('001', '293-KH/TU')).toBe(count('001', /293\s?-\s?KH\s?\/\s?TU/g, 0));
    expect(mentions('003', '28-NQ/TW')).toBe(count('003', /28\s?-\s?NQ\s?\/\s?TW/g, 1));
    expect(mentions('004', '108-HD/BTGTW')).toBe(1);
  });

  it('record text is the NFC source without BOM', () => {
    for (const r of seedRecords()) {
      expect(r.text).toBe(r.text.normalize('NFC'));
      expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
      expect(r.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.synthetic).toBe(false);
    }
    // 002 is not NFC on disk; its record text is.
    expect(seed('002').text).toBe(seedText('002'));
  });

  it('references carry raw code text and parsed dates', () => {
    for (const r of seedRecords()) {
      for (const ref of [...r.implements, ...r.cites]) {
        expect(ref.quote).toContain(ref.raw);
        if (ref.issuedOn) expect(ref.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (ref.level === 'central') expect(ref.province).toBeNull();
      }
    }
  });
});

describe('000 — Hướng dẫn of Ban Tuyên giáo Tỉnh ủy Bình Thuận', () => {
  const r = () => seed('000');
  it('type, code, date, province, issuer', () => {
    expect(r().type).toBe('HD');
    expect(r().typeName).toBe('Hướng dẫn');
    expect(r().category).toBe('document');
    expect(r().code).toBeNull();
    expect(r().resolvedCode).toBeNull();
    expect(r().issuedOn).toBeNull();
    expect(r().province).toBe('Bình Thuận');
    expect(r().issuer).toEqual({ name: 'Ban Tuyên giáo Tỉnh ủy', province: 'Bình Thuận', level: 'provincial' });
    expect(r().title).toMatch(/^tuyên truyền thực hiện Chương trình hành động số 58-Ctr\/TU/);
  });
  it('implements exactly 58-CTr/TU of 2023-03-30, and through it relates to 28-NQ/TW', () => {
    expect(codes(r().implements)).toEqual(['58-CTr/TU']);
    const impl = r().implements[0]!;
    expect(impl).toMatchObject({ issuedOn: '2023-03-30', raw: '58-Ctr/TU', verb: 'thực hiện', type: 'CTr', province: 'Bình Thuận', level: 'provincial', term: 'XIV' });
    expect(impl.quote.startsWith('Chương trình hành động số 58-Ctr/TU, ngày 30/3/2023')).toBe(true);
    const link = r().inferred.find((l) => l.from.code === '58-CTr/TU' && l.to.code === '28-NQ/TW');
    expect(link).toBeDefined();
    expect(link!.from).toEqual({ code: '58-CTr/TU', issuedOn: '2023-03-30', province: 'Bình Thuận' });
    expect(link!.to).toEqual({ code: '28-NQ/TW', issuedOn: '2022-11-17', province: null });
    expect(link!.verb).toBe('về thực hiện');
  });
  it('cites', () => {
    const c = r().cites;
    const nq28 = find(c, '28-NQ/TW', '2022-11-17');
    expect(nq28).toHaveLength(1);
    expect(nq28[0]!.raw).toBe('28 - NQ/TW');
    expect(nq28[0]!.mentions).toBeGreaterThan(5);
    expect(find(c, '3588/KH-UBND', '2022-10-25')[0]).toMatchObject({ province: 'Bình Thuận', type: 'KH' });
    expect(find(c, '8-QĐi/TW', '2018-10-25')[0]!.raw).toBe('08-QĐi/TW');
    expect(find(c, '213-QĐ/TW', '2020-01-02')[0]!.raw).toBe('213- QĐ/TW');
    expect(find(c, '101-QĐ/TW', '2012-06-07')).toHaveLength(1);
    expect(find(c, '48-KL/TW', '2023-01-30')[0]!.issuer).toBe('Bộ Chính trị');
    // "Nghị quyết số 18-NQ/TW, Nghị quyết số 19-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa XII)": the list shares
    // its issuer and term, and term XII dates 18-NQ/TW from the corpus (002: "18-NQ/TW, ngày 25/10/2017 … khoá XII").
    expect(find(c, '18-NQ/TW')[0]).toMatchObject({ issuer: 'Ban Chấp hành Trung ương Đảng', term: 'XII', resolvedIssuedOn: '2017-10-25', dateSource: 'corpus' });
    // Subjects end where the sentence goes on: " và các Chương trình, Kế hoạch của Tỉnh ủy", ", góp phần …".
    expect(find(c, '40-KL/TW')[0]!.subject).toBe('nâng cao hiệu quả công tác quản lý biên chế của hệ thống chính trị giai đoạn 2022 – 2026');
    expect(find(c, '20-TB/TW')[0]!.subject).toMatch(/quản lý sau khi bị kỷ luật$/);
  });
  it('third-party links stated in the text', () => {
    const l = r().inferred.find((x) => x.from.code === '2696-CV/BTCTU');
    expect(l?.to.code).toBe('114-KH/BTCTW');
    expect(r().inferred.some((x) => x.from.code === '117-KH/TU' && x.to.code === '21-NQ/TW')).toBe(true);
  });
  it('assignments, timing, signer, recipients', () => {
    expect(orgs(r())).toEqual(expect.arrayContaining(['Sở Thông tin và Truyền thông', 'Các cơ quan báo chí', 'Mặt trận và các tổ chức chính trị - xã hội tỉnh']));
    expect(orgs(r())).not.toContain('Tài liệu tuyên truyền');
    const first = r().assignments[0]!;
    expect(first.organization).toBe('Ban tuyên giáo, tuyên huấn các huyện, thị, thành uỷ, đảng uỷ trực thuộc');
    expect(first.tasks).toHaveLength(2);
    expect(first.level).toBe('district');
    expect(r().assignments.find((a) => a.organization === 'Sở Thông tin và Truyền thông')!.kind).toBe('state');
    // The text has no timing annotations.
    expect(uniqueTasks(r()).filter((t) => t.timing)).toHaveLength(0);
    expect(r().signer).toMatchObject({ name: 'Võ Thanh Bình', capacity: 'TRƯỞNG BAN' });
    expect(r().recipients).toContain('Sở Thông tin và Truyền thông');
    expect(r().recipients.some((x) => x.startsWith('Lưu'))).toBe(false);
  });
  it('aliases', () => {
    expect(r().aliases.find((a) => a.alias === 'Chương trình hành động số 58-Ctr/TU')?.code).toBe('58-CTr/TU');
    expect(r().aliases.find((a) => a.alias === 'HĐND')?.quote).toBe('Hội đồng nhân dân (HĐND)');
  });
});

describe('001 — Kế hoạch of Đảng ủy Khối (Quảng Nam)', () => {
  const r = () => seed('001');
  it('type, code, province, issuer', () => {
    expect(r().type).toBe('KH');
    expect(r().code).toBeNull();
    expect(r().issuedOn).toBeNull();
    expect(r().province).toBe('Quảng Nam');
    // "Ban Thường vụ Đảng ủy Khối" names the bloc's committee bare, as every bloc of the province writes it: the
    // title says which ("… ở Đảng bộ Khối các cơ quan tỉnh").
    expect(r().unit).toMatchObject({ kind: 'bloc', name: 'Khối các cơ quan tỉnh', level: 'district' });
    expect(r().issuer).toEqual({ name: 'Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh', province: 'Quảng Nam', level: 'district' });
  });
  it('implements exactly 293-KH/TU', () => {
    expect(codes(r().implements)).toEqual(['293-KH/TU']);
    expect(r().implements[0]).toMatchObject({ issuedOn: '2023-07-20', issuer: 'Ban Thường vụ Tỉnh ủy', verb: 'thực hiện' });
  });
  it('cites 101-QĐ/TW of 2012 and of 2023 as two references', () => {
    const q = find(r().cites, '101-QĐ/TW');
    expect(q.map((x) => x.issuedOn).sort()).toEqual(['2012-06-07', '2023-02-28']);
    expect(q.find((x) => x.issuedOn === '2023-02-28')!.raw).toBe('101 -QĐ/TW');
    // "Quy định số 101-QĐ/TW": a …-QĐ/TW is a Quy định or a Quyết định, and the text says which.
    expect(q.map((x) => x.typeName)).toEqual(['Quy định', 'Quy định']);
    expect(find(r().cites, '25-KH/ĐUK', '2022-03-17')[0]).toMatchObject({ level: 'district', province: 'Quảng Nam' });
    expect(find(r().cites, '283-KH/TU', '2023-06-18')[0]!.verb).toBe('căn cứ');
  });
  it('"Đối với <committees that …> (examples)": the whole phrase names the addressee, its tasks are the bullets', () => {
    const a = r().assignments.find((x) => x.organization.startsWith('cấp ủy cơ sở'))!;
    expect(a.organization).toBe('cấp ủy cơ sở lãnh đạo thực hiện nhiệm vụ tuyên truyền');
    expect(a.tasks.map((t) => t.text.slice(0, 20))).toEqual(['Bám sát sự chỉ đạo t', 'Căn cứ Kế hoạch số 2', 'Phát huy vai trò, tr']);
    expect(r().assignments.find((x) => x.organization === 'Cấp ủy cơ sở')!.tasks).toHaveLength(3);
    // A party body ("cơ sở" is no "Sở", a department of the state).
    expect(a.kind).toBe('party');
  });
  it("the bloc's bodies named bare are completed; its grassroots committees keep the bloc as their unit", () => {
    const by = (name: string) => r().assignments.find((x) => x.organization === name)!;
    expect(by('Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh').quote).toMatch(/^Ban Tuyên giáo Đảng ủy Khối\s*$/);
    expect(by('Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh').unit).toBeUndefined();
    expect(by('Cấp ủy cơ sở').unit).toBe('Khối các cơ quan tỉnh');
  });
  it('"Kế hoạch số 78-KH/TU … và Kế hoạch số 25-KH/ĐUK … về thực hiện Kết luận số 01-KL/TW": both plans implement it', () => {
    const to01 = r().inferred.filter((l) => l.to.code === '1-KL/TW').map((l) => `${l.from.code}@${l.from.issuedOn}`).sort();
    expect(to01).toEqual(['25-KH/ĐUK@2022-03-17', '78-KH/TU@2021-09-27']);
    for (const l of r().inferred) expect(r().text.slice(l.start, l.end)).toBe(l.quote);
  });
  it('a subject ends where the sentence goes on (", xây dựng kế hoạch …" after "Căn cứ …")', () => {
    expect(find(r().cites, '283-KH/TU')[0]!.subject).toBe(
      'thông tin, tuyên truyền về công tác xây dựng Đảng, hệ thống chính trị năm 2023 và hưởng ứng Giải báo chí toàn quốc về xây dựng Đảng (Giải Búa liềm vàng) lần thứ VIII - năm 2023',
    );
  });
  it('footnotes', () => {
    expect(r().footnotes.map((f) => f.label)).toEqual(['¹', '²']);
    expect(r().footnotes[0]!.text.startsWith('Quy định số 101-QĐ/TW, ngày 07/6/2012')).toBe(true);
  });
  it('assignments and signer', () => {
    expect(orgs(r())).toEqual(
      expect.arrayContaining(['Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh', 'Ban Tổ chức Đảng ủy Khối các cơ quan tỉnh', 'Ủy ban Kiểm tra Đảng ủy Khối các cơ quan tỉnh', 'Cấp ủy cơ sở']),
    );
    expect(r().assignments.find((a) => a.organization === 'Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh')!.tasks.length).toBeGreaterThanOrEqual(3);
    expect(r().signer).toMatchObject({ name: 'Nguyễn Xuân Đức', capacity: 'T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ' });
    expect(r().recipients).toEqual(['Ban Thường vụ Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy', 'Các Ban, Văn phòng Đảng ủy Khối', 'Ban Thường vụ CDVC tỉnh, Đoàn Khối các cơ quan tỉnh', 'Cấp ủy cơ sở']);
  });
});

describe('002 — Kế hoạch 374/KH-MTTQ-BTT (Sóc Trăng)', () => {
  const r = () => seed('002');
  it('own code from the annex line', () => {
    expect(r().type).toBe('KH');
    expect(r().code).toBe('374/KH-MTTQ-BTT');
    expect(r().codeSource).toBe('annex');
    expect(r().issuedOn).toBe('2023-07-25');
    expect(r().province).toBe('Sóc Trăng');
    expect(r().issuer).toMatchObject({ name: 'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh', level: 'provincial' });
    expect(r().text).toContain('(Kèm theo Kế hoạch số: 374  /KH-MTTQ-BTT, ngày 25/7/2023');
    expect(find(r().cites, '374/KH-MTTQ-BTT')).toHaveLength(0);
  });
  it('implements exactly 70-KH/TU ("Căn cứ")', () => {
    expect(codes(r().implements)).toEqual(['70-KH/TU']);
    expect(r().implements[0]).toMatchObject({ issuedOn: '2023-05-23', verb: 'căn cứ', province: 'Sóc Trăng' });
  });
  it('keeps two different 18-NQ/TW apart; an undated mention takes the date its term or its paragraph gives', () => {
    const q = find(r().cites, '18-NQ/TW');
    expect(q.map((x) => x.resolvedIssuedOn ?? null).sort()).toEqual(['2017-10-25', '2022-06-16']);
    // "(Nghị quyết số 18-NQ/TW, ngày 16/6/2022) và Chương trình số 30-CTr/TU … thực hiện Nghị quyết số 18-NQ/TW":
    // the same paragraph, no term — the resolution of 2022; "18-NQ/TW của Ban Chấp hành Trung ương Đảng khoá XII"
    // is that of 2017 (term XII), not the 2022 one (term XIII).
    const of2022 = find(r().cites, '18-NQ/TW', '2022-06-16')[0]!;
    const of2017 = find(r().cites, '18-NQ/TW', '2017-10-25')[0]!;
    expect(of2022).toMatchObject({ mentions: 2, term: null });
    expect(of2017).toMatchObject({ mentions: 3, term: 'XII', issuer: 'Ban Chấp hành Trung ương Đảng' });
    const thirty = r().inferred.find((x) => x.from.code === '30-CTr/TU')!;
    expect(thirty.to).toMatchObject({ code: '18-NQ/TW', issuedOn: '2022-06-16' });
  });
  it('an undated mention of another term is not dated from the corpus (37-NQ/TW khoá XII is not that of 2014, khoá XI)', () => {
    // 003 cites "Nghị quyết số 37-NQ/TW, ngày 09/10/2014 của Bộ Chính trị (khóa XI)"; 002 "… 37-NQ/TW của Bộ Chính trị khoá XII".
    expect(find(seed('003').cites, '37-NQ/TW')[0]).toMatchObject({ issuedOn: '2014-10-09', term: 'XI' });
    const q = find(r().cites, '37-NQ/TW');
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ issuedOn: null, term: 'XII', resolvedIssuedOn: null, dateSource: null });
  });
  it('inferred links', () => {
    const l = r().inferred.find((x) => x.from.code === '32-CTr/TU');
    expect(l).toMatchObject({ from: { issuedOn: '2023-02-24', province: 'Sóc Trăng' }, to: { code: '28-NQ/TW', issuedOn: '2022-11-17' }, verb: 'thực hiện' });
    expect(r().inferred.some((x) => x.from.code === '716-TB/TU' && x.to.code === '16-TB/TW')).toBe(true);
  });
  it('assignments and signer (before the annex)', () => {
    expect(orgs(r())).toEqual(['Ban Phong trào - Tuyên giáo Ủy ban MTTQ Việt Nam tỉnh', 'Văn phòng Ủy ban MTTQ Việt Nam tỉnh', 'Ban Thường trực Ủy ban MTTQ Việt Nam các huyện, thị xã, thành phố']);
    expect(r().assignments.every((a) => a.kind === 'front')).toBe(true);
    expect(r().signer).toMatchObject({ name: 'Đỗ Tấn Hậu', capacity: 'TM. BAN THƯỜNG TRỰC PHÓ CHỦ TỊCH THƯỜNG TRỰC' });
    expect(r().recipients).toContain('Ban Tổ chức Tỉnh ủy');
  });
});

describe('003 — Chương trình hành động with no printed number (Bình Thuận)', () => {
  const r = () => seed('003');
  it('is resolved through the corpus to 58-CTr/TU of Bình Thuận', () => {
    expect(r().type).toBe('CTr');
    expect(r().typeName).toBe('Chương trình hành động');
    expect(r().code).toBeNull();
    expect(r().text).not.toMatch(/58\s?-\s?C[Tt]r/);
    expect(r().resolvedCode).toBe('58-CTr/TU');
    expect(r().codeSource).toBe('corpus');
    expect(r().resolvedIssuedOn).toBe('2023-03-30');
    expect(r().province).toBe('Bình Thuận');
    expect(r().issuer).toMatchObject({ name: 'Ban Chấp hành Đảng bộ tỉnh', level: 'provincial' });
  });
  it('implements 28-NQ/TW (and the Politburo plan 12-KH/TW named with it)', () => {
    expect(codes(r().implements)).toEqual(['12-KH/TW', '28-NQ/TW']);
    expect(find(r().implements, '28-NQ/TW')[0]).toMatchObject({ issuedOn: '2022-11-17', term: 'XIII', verb: 'thực hiện', level: 'central' });
  });
  it('subjects end at the predicate (" đã đạt được …") or the next text (", gắn với thực hiện Kết luận số 21-KL/TW")', () => {
    expect(find(r().cites, '15-NQ/TW')[0]!.subject).toBe('tiếp tục đổi mới phương thức lãnh đạo của Đảng đối với hoạt động của hệ thống chính trị');
    expect(find(r().cites, '5-CT/TW')[0]!.subject).toBe('đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh');
    expect(find(r().cites, '66-KH/TU')[0]!.subject).toMatch(/trách nhiệm nêu gương của cán bộ, đảng viên$/);
  });
  it('states that 12-NQ/TU implemented 15-NQ/TW', () => {
    const l = r().inferred.find((x) => x.from.code === '12-NQ/TU');
    expect(l).toMatchObject({ from: { issuedOn: '2007-10-19', province: 'Bình Thuận' }, to: { code: '15-NQ/TW', issuedOn: '2007-07-30' }, verb: 'triển khai thực hiện' });
  });
  it('assignments with timing', () => {
    expect(orgs(r())).toEqual(expect.arrayContaining([
      'Đảng đoàn Hội đồng nhân dân tỉnh', 'Ban Cán sự đảng Ủy ban nhân dân tỉnh', 'Ban Tuyên giáo Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy',
      'Ban Dân vận Tỉnh ủy', 'Ủy ban Kiểm tra Tỉnh ủy', 'Ban Nội chính Tỉnh ủy', 'Văn phòng Tỉnh ủy',
      'Các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc Tỉnh ủy',
    ]));
    const text = r().text;
    const section = text.slice(text.indexOf('2. Nhiệm vụ và giải pháp cụ thể'), text.indexOf('IV. TỔ CHỨC THỰC HIỆN'));
    const annotations = [...section.matchAll(/\(\*([^*]+)\*\)/g)].map((m) => m[1]!);
    const recurringInText = annotations.filter((a) => /thường xuyên/.test(a)).length;
    // Conditional timing: count task paragraphs (bullets / paragraphs) that carry a "sau khi" annotation.
    const chunks = section.split(/\n(?=- |#|\d)/);
    const conditionalInText = chunks.filter((c) => /\(\*[^*]*sau khi[^*]*\*\)/.test(c)).length;
    const tasks = uniqueTasks(r()).filter((t) => t.start < text.indexOf('IV. TỔ CHỨC THỰC HIỆN'));
    expect(recurringInText).toBeGreaterThan(20);
    expect(tasks.filter((t) => t.timing?.kind === 'recurring')).toHaveLength(recurringInText);
    expect(tasks.filter((t) => t.timing?.kind === 'conditional')).toHaveLength(conditionalInText);
    const hdnd = r().assignments.find((a) => a.organization === 'Đảng đoàn Hội đồng nhân dân tỉnh')!;
    expect(hdnd.tasks.map((t) => t.timing?.text)).toEqual([
      'thực hiện từ năm 2023', 'nhiệm vụ thường xuyên',
      'thực hiện từ năm 2023, sau khi có văn bản chỉ đạo của Ủy ban Thường vụ Quốc hội', 'thực hiện từ năm 2026',
    ]);
    expect(hdnd.tasks[0]!.timing).toMatchObject({ kind: 'range', fromYear: 2023, toYear: null });
    // "từ năm 2023, sau khi …": from 2023 on, once the condition is met — no end year.
    expect(hdnd.tasks[2]!.timing).toMatchObject({ kind: 'conditional', fromYear: 2023, toYear: null });
    const btc = r().assignments.find((a) => a.organization === 'Ban Tổ chức Tỉnh ủy')!;
    expect(btc.tasks.find((t) => t.timing?.text === 'thực hiện từ năm 2024 - năm 2026')!.timing).toMatchObject({ kind: 'range', fromYear: 2024, toYear: 2026 });
    expect(btc.tasks.find((t) => t.timing?.text === 'thực hiện năm 2023')!.timing).toMatchObject({ kind: 'year', fromYear: 2023, toYear: 2023 });
  });
  it('footnote and signer', () => {
    expect(r().footnotes).toHaveLength(1);
    expect(r().footnotes[0]!.label).toBe('1');
    expect(r().footnotes[0]!.text.startsWith('Tham mưu sơ kết')).toBe(true);
    expect(r().footnotes[0]!.quote.startsWith('(1)</sup> Tham mưu')).toBe(true);
    expect(find(r().cites, '101-QĐ/TW', '2012-06-07')[0]!.raw).toBe('101- QĐ/TW');
    expect(r().signer).toMatchObject({ name: 'Dương Văn An', capacity: 'T/M TỈNH ỦY BÍ THƯ' });
  });
});

describe('004 — Số 86-HD/BTGTU (Bình Phước)', () => {
  const r = () => seed('004');
  it('header code, date, place', () => {
    expect(r().type).toBe('HD');
    expect(r().code).toBe('86-HD/BTGTU');
    expect(r().codeSource).toBe('header');
    expect(r().issuedOn).toBe('2023-06-28');
    expect(r().place).toBe('Bình Phước');
    expect(r().province).toBe('Bình Phước');
    expect(r().issuer).toMatchObject({ name: 'Ban Tuyên giáo Tỉnh ủy', province: 'Bình Phước', level: 'provincial' });
    expect(find(r().cites, '86-HD/BTGTU')).toHaveLength(0);
  });
  it('implements exactly 108-HD/BTGTW', () => {
    expect(codes(r().implements)).toEqual(['108-HD/BTGTW']);
    expect(r().implements[0]).toMatchObject({ issuedOn: '2023-06-20', issuer: 'Ban Tuyên giáo Trung ương', level: 'central', province: null });
  });
  it('cites 101-QĐ/TW of 2023 (date without "ngày") and of 2012 (lost footnote)', () => {
    expect(find(r().cites, '101-QĐ/TW').map((x) => x.issuedOn).sort()).toEqual(['2012-06-07', '2023-02-28']);
    expect(r().footnotes).toHaveLength(1);
    expect(r().footnotes[0]!.label).toBe('\uFFFD');
  });
  it('assignments; no signature in the text', () => {
    expect(orgs(r())).toEqual(expect.arrayContaining(['Ban Tuyên giáo Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy', 'Sở Văn hóa - Thể thao và Du lịch', 'Hội Nhà báo tỉnh', 'Các cơ quan báo chí của tỉnh']));
    expect(orgs(r()).some((o) => o.startsWith('Đề nghị'))).toBe(false);
    expect(r().assignments.find((a) => a.organization === 'Ban Tuyên giáo Tỉnh ủy')!.tasks).toHaveLength(5);
    expect(r().signer).toBeNull();
  });
});

describe('corpus resolution never guesses', () => {
  it('leaves 000 and 001 without a code (nothing in the corpus identifies them)', () => {
    expect(seed('000').resolvedCode).toBeNull();
    expect(seed('001').resolvedCode).toBeNull();
  });
  it('dates an undated central mention only when the corpus has exactly one date for it', () => {
    const kl01 = find(seed('001').cites, '1-KL/TW')[0]!;
    expect(kl01.issuedOn).toBeNull();
    expect(kl01.resolvedIssuedOn).toBe('2021-05-18');
    expect(kl01.dateSource).toBe('corpus');
    // 21-KL/TW is dated 25/10/2021 and 25/11/2021 in the corpus: stays undated in 001.
    const kl21 = find(seed('001').cites, '21-KL/TW')[0]!;
    expect(kl21.resolvedIssuedOn ?? null).toBeNull();
  });
});
