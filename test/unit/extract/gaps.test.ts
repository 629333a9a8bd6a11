/** Known gaps of the first extractor version, each checked on the real seed text. */
import { describe, expect, it } from 'vitest';
import type { Assignment, Reference, Task } from '../../../server/src/extract/index.js';
import { seed } from './helpers.js';

const asg = (prefix: string, org: string): Assignment[] => seed(prefix).assignments.filter((a) => a.organization === org);
const ref = (refs: Reference[], code: string, date?: string): Reference => {
  const r = refs.find((x) => x.code === code && (date === undefined || (x.resolvedIssuedOn ?? x.issuedOn) === date));
  if (!r) throw new Error(`no reference ${code} ${date ?? ''}`);
  return r;
};
const allRefs = (prefix: string) => [...seed(prefix).implements, ...seed(prefix).cites];
function tasksOf(prefix: string): Task[] {
  const seen = new Map<number, Task>();
  for (const a of seed(prefix).assignments) for (const t of a.tasks) seen.set(t.start, t);
  return [...seen.values()];
}

describe('assignments', () => {
  it('003 IV.2 "Căn cứ …, các đảng đoàn, …; Ban Thường vụ Tỉnh đoàn; … xây dựng kế hoạch": the bodies it addresses', () => {
    const text = seed('003').text;
    const item = text.indexOf('**2.** Căn cứ Nghị quyết số 28-NQ/TW');
    expect(item).toBeGreaterThan(0);
    const inItem = seed('003').assignments.filter((a) => a.start > item && a.start < text.indexOf('**3.**', item));
    expect(inItem.map((a) => a.organization)).toEqual([
      'các đảng đoàn, ban cán sự đảng',
      'các cơ quan, ban Đảng của Tỉnh ủy',
      'Ban Thường vụ Tỉnh đoàn',
      'các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc tỉnh',
      // The item's second sentence names another body with its own task.
      'Ban Cán sự đảng Ủy ban nhân dân tỉnh',
    ]);
    for (const a of inItem.slice(0, 4)) {
      expect(a.tasks).toHaveLength(1);
      expect(a.tasks[0]!.text).toMatch(/^xây dựng kế hoạch cụ thể để quán triệt, triển khai, tổ chức thực hiện nghiêm túc/);
      expect(a.tasks[0]!.text.endsWith('đơn vị, địa phương.')).toBe(true);
    }
    expect(inItem.map((a) => a.kind)).toEqual(['party', 'party', 'mass', 'party', 'party']);
    expect(inItem[3]!.level).toBe('district');
    const ubnd = inItem[4]!;
    expect(ubnd.tasks.map((t) => t.text)).toEqual(['lãnh đạo, chỉ đạo Ủy ban nhân dân tỉnh xây dựng kế hoạch triển khai thực hiện Chương trình hành động của Tỉnh ủy.']);
    for (const a of inItem) expect(text.slice(a.start, a.end)).toBe(a.quote);
  });

  it('003 2.9 "Ban Cán sự đảng Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh": the shared prefix goes to both', () => {
    const toa = asg('003', 'Ban Cán sự đảng Tòa án nhân dân tỉnh');
    const vks = asg('003', 'Ban Cán sự đảng Viện kiểm sát nhân dân tỉnh');
    expect(toa).toHaveLength(1);
    expect(vks).toHaveLength(1);
    expect(vks[0]!.quote).toBe('Viện kiểm sát nhân dân tỉnh');
    expect(vks[0]!.kind).toBe('party');
    expect(vks[0]!.tasks).toEqual(toa[0]!.tasks);
    expect(vks[0]!.tasks[0]!.text).toMatch(/^Lãnh đạo tiếp tục đổi mới tổ chức/);
    expect(asg('003', 'Viện kiểm sát nhân dân tỉnh')).toHaveLength(0);
    // A later item naming its own body keeps its name ("…, Ban Thường vụ Tỉnh đoàn" after "Đảng đoàn …").
    expect(seed('003').assignments.some((a) => a.organization === 'Đảng đoàn Ban Thường vụ Tỉnh đoàn')).toBe(false);
    expect(asg('003', 'Đảng đoàn Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh')).toHaveLength(1);
  });

  it('004: the stray recipient lines after item 9 are not tasks', () => {
    const last = seed('004').assignments.at(-1)!;
    expect(last.organization).toBe('Ban tuyên giáo các huyện, thị, thành ủy và các đảng ủy trực thuộc Tỉnh ủy');
    expect(last.tasks).toHaveLength(2);
    expect(last.tasks[1]!.text.endsWith('các trang/nhóm fanpage của địa phương, đơn vị mình.')).toBe(true);
    for (const t of tasksOf('004')) {
      expect(t.text).not.toContain('đảng ủy trực thuộc Tỉnh ủy,');
      expect(t.text).not.toMatch(/^Ban tuyên giáo các huyện, thị, thành ủy,/);
    }
  });

  it('003: a task with two timing notes keeps both; timing is the first', () => {
    const t = tasksOf('003').find((x) => x.text.startsWith('Chủ trì, phối hợp với các cơ quan liên quan, tham mưu tổng kết việc thực hiện Kết luận số 86-KL/TW'))!;
    expect(t.timings!.map((x) => x.text)).toEqual([
      'hoàn thành trong năm 2024, sau khi có văn bản chỉ đạo của Trung ương',
      'hoàn thành trong năm 2025, sau khi có văn bản chỉ đạo của Trung ương',
    ]);
    expect(t.timings!.map((x) => [x.kind, x.fromYear, x.toYear])).toEqual([['conditional', 2024, 2024], ['conditional', 2025, 2025]]);
    expect(t.timing).toEqual(t.timings![0]);
    // Every task: timing === timings[0] (or null when there is none).
    for (const x of tasksOf('003')) expect(x.timing).toEqual(x.timings?.[0] ?? null);
  });

  it('003: a task broken by a footnote has one quote covering both parts', () => {
    const text = seed('003').text;
    const t = tasksOf('003').find((x) => x.text.startsWith('Chỉ đạo đẩy mạnh công tác dân vận, trọng tâm nâng cao chất lượng'))!;
    expect(t.text).toMatch(/đề cao trách nhiệm trong giải quyết các kiến nghị phản ánh và những nguyện vọng chính đáng của Nhân dân \(nhiệm vụ thường xuyên\)\.$/);
    expect(t.text).not.toContain('Tham mưu sơ kết');
    expect(text.slice(t.start, t.end)).toBe(t.quote);
    expect(t.quote.startsWith('Chỉ đạo đẩy mạnh công tác dân vận')).toBe(true);
    expect(t.quote.endsWith('giải quyết các kiến nghị phản ánh và những nguyện vọng chính đáng của Nhân dân (*nhiệm vụ thường xuyên*).')).toBe(true);
    expect(t.timing?.kind).toBe('recurring');
  });
});

describe('references: subject and issuer', () => {
  const NQ28 = 'tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng đối với hệ thống chính trị trong giai đoạn mới';

  it('gives the "về …" phrase of the mention', () => {
    const nq = ref(seed('000').cites, '28-NQ/TW', '2022-11-17');
    expect(nq.subject).toBe(NQ28);
    expect(nq.issuer).toBe('Ban Chấp hành Trung ương Đảng');
    expect(ref(seed('003').implements, '28-NQ/TW').subject).toBe(NQ28);
    expect(ref(seed('002').cites, '28-NQ/TW').subject).toBe(NQ28);
    expect(ref(seed('000').cites, '48-KL/TW').subject).toBe('tiếp tục thực hiện sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2023 - 2030');
    expect(ref(seed('003').cites, '96-QĐ/TW').subject).toBe('việc lấy phiếu tín nhiệm đối với các chức danh, chức vụ lãnh đạo, quản lý trong hệ thống chính trị');
  });

  it('stops at ";", an unopened ")", "(viết tắt", a timing note, the next listed document and the main clause', () => {
    // ";"
    expect(ref(seed('001').cites, '101-QĐ/TW', '2012-06-07').subject).toBe('trách nhiệm nêu gương của cán bộ, đảng viên, nhất là cán bộ lãnh đạo chủ chốt các cấp');
    // ")" closing the parenthesis the mention stands in
    expect(ref(seed('004').cites, '101-QĐ/TW', '2023-02-28').subject).toBe('trách nhiệm, quyền hạn và việc bổ nhiệm, miễn nhiệm, khen thưởng, kỷ luật lãnh đạo cơ quan báo chí');
    // "(viết tắt …)"
    expect(ref(seed('000').implements, '58-CTr/TU').subject).toBe(
      `thực hiện Nghị quyết số 28-NQ/TW, ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng (khóa XIII) về ${NQ28}`,
    );
    // "(*thực hiện trong năm 2025, …*)"
    expect(ref(seed('003').cites, '37-NQ/TW').subject).toBe('công tác lý luận và định hướng nghiên cứu đến năm 2030');
    // ", Quy định số 100-QĐ/TW …"
    expect(ref(seed('004').cites, '99-QĐ/TW').subject).toBe('cờ Đảng Cộng sản Việt Nam và việc sử dụng cờ Đảng');
    // "…, Ban Thường vụ Đảng ủy Khối xây dựng kế hoạch …"
    expect(ref(seed('001').implements, '293-KH/TU').subject).toBe('đẩy mạnh tuyên truyền công tác xây dựng Đảng và hệ thống chính trị trên địa bàn tỉnh');
  });

  it('is null when the mention gives none', () => {
    expect(ref(seed('004').implements, '108-HD/BTGTW').subject).toBeNull();
    expect(ref(seed('002').cites, '32-CTr/TU').subject).toBeNull();
    for (const p of ['000', '001', '002', '003', '004']) {
      for (const r of allRefs(p)) {
        expect(r.subject === null || (typeof r.subject === 'string' && r.subject.length > 0)).toBe(true);
        if (r.subject) expect(r.subject).not.toMatch(/[;\n]|\(viết tắt|^\s|\s$/);
      }
    }
  });

  it('fills the issuer the mention names', () => {
    expect(ref(seed('000').cites, '48-KL/TW').issuer).toBe('Bộ Chính trị');
    expect(ref(seed('001').implements, '293-KH/TU').issuer).toBe('Ban Thường vụ Tỉnh ủy');
    expect(ref(seed('003').implements, '28-NQ/TW').issuer).toBe('Ban Chấp hành Trung ương');
    // "của Ban Bí thư Trung ương Đảng ban hành …": the verb is not part of the name.
    expect(ref(seed('002').cites, '61-QĐ/TW').issuer).toBe('Ban Bí thư Trung ương Đảng');
    // A mention naming no issuer stays null.
    expect(ref(seed('004').cites, '99-QĐ/TW').issuer).toBeNull();
    // Every mention "… của <Body>" has an issuer.
    for (const p of ['000', '001', '002', '003', '004']) {
      for (const r of allRefs(p)) {
        if (r.quote.includes(' của Ban ') || r.quote.includes(' của Bộ Chính trị')) expect(r.issuer, `${p} ${r.code}`).not.toBeNull();
      }
    }
  });
});
