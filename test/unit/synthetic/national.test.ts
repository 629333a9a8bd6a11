import { describe, expect, it } from 'vitest';
import { extractDocument, issuingUnit, resolveCorpus } from '../../../server/src/extract/index.js';
import { generateNational, planNational, SYNTHETIC_MARKER, type SyntheticDocument } from '../../../server/src/synthetic/index.js';

const small = { seed: 42, scale: 0.06, provinces: 34 } as const;

describe('generateNational: determinism', () => {
  it('same seed → identical output; different seed → different output', () => {
    const a = generateNational(small);
    const b = generateNational(small);
    expect(b).toEqual(a);
    const c = generateNational({ ...small, seed: 43 });
    expect(c.map((d) => d.text).join('\n')).not.toEqual(a.map((d) => d.text).join('\n'));
  });

  it('never calls Math.random', () => {
    const orig = Math.random;
    Math.random = () => {
      throw new Error('Math.random used');
    };
    try {
      expect(generateNational({ seed: 1, scale: 0.03, provinces: 63 }).length).toBeGreaterThan(0);
    } finally {
      Math.random = orig;
    }
  });
});

const identity = (d: SyntheticDocument) => `${d.code}@${d.issuedOn}#${d.province ?? ''}/${d.unit ?? ''}`;

describe('generateNational: shape', () => {
  const docs = generateNational(small);
  const plan = planNational(small);
  const count = (pred: (d: SyntheticDocument) => boolean) => docs.filter(pred).length;

  it('counts per level follow the plan', () => {
    const P = plan.provinces.length;
    const communes = plan.provinces.reduce((a, p) => a + p.communes.length, 0);
    expect(P).toBe(2); // round(34 × 0.06)
    expect(count((d) => d.level === 'central')).toBe(4);
    expect(count((d) => d.kind === 'programme')).toBe(4 * P);
    expect(count((d) => d.level === 'provincial')).toBe(4 * P * 6); // programme + 5 boards
    expect(count((d) => d.level === 'district')).toBe(0); // no district level after 2025
    expect(count((d) => d.kind === 'commune-party-plan')).toBe(4 * communes);
    expect(count((d) => d.kind === 'commune-ubnd-plan')).toBe(4 * communes);
    const cells = count((d) => d.kind === 'cell-plan');
    expect(cells).toBeGreaterThan(4 * communes * 0.7);
    expect(cells).toBeLessThan(4 * communes * 1.3);
  });

  it('the 63-province map has a district level', () => {
    const d63 = generateNational({ seed: 42, scale: 0.03, provinces: 63 });
    expect(d63.some((d) => d.level === 'district')).toBe(true);
    expect(d63.filter((d) => d.kind === 'commune-party-plan').every((d) => d.implements?.code.endsWith('-KH/HU'))).toBe(true);
  });

  it('national size: ~3 300 communes, ≥ 35 000 documents', () => {
    const p = planNational({ seed: 42, scale: 1, provinces: 34 });
    expect(p.provinces).toHaveLength(34);
    expect(p.provinces.reduce((a, x) => a + x.communes.length, 0)).toBe(3321);
    const p63 = planNational({ seed: 42, scale: 1, provinces: 63 });
    expect(p63.provinces).toHaveLength(63);
    const all = generateNational({ seed: 42, scale: 1, provinces: 34 });
    expect(all.length).toBeGreaterThanOrEqual(35_000);
    const keys = new Set(all.map(identity));
    expect(keys.size).toBe(all.length);
    // Each commune numbers its own texts, as real ones do: hundreds of code + date pairs repeat within a province,
    // told apart only by their unit.
    const withoutUnit = new Set(all.map((d) => `${d.code}@${d.issuedOn}#${d.province ?? ''}`));
    expect(all.length - withoutUnit.size).toBeGreaterThan(100);
  }, 120_000);

  it('every document is marked synthetic, identities are unique', () => {
    expect(docs.every((d) => d.file.startsWith('synthetic_') && d.text.startsWith(`${SYNTHETIC_MARKER}\n`))).toBe(true);
    const keys = docs.map(identity);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(docs.map((d) => d.file)).size).toBe(docs.length);
  });

  it('texts carry the genre form', () => {
    const ctr = docs.find((d) => d.kind === 'programme')!;
    expect(ctr.text).toMatch(/^ĐẢNG BỘ (?:TỈNH|THÀNH PHỐ) /m);
    expect(ctr.text).toMatch(new RegExp(`^Số ${ctr.code.replace(/[/]/g, '\\/')}$`, 'm'));
    expect(ctr.text).toMatch(/^Thực hiện Nghị quyết số \d+-NQ\/TW, ngày \d+\/\d+\/\d{4} của /m);
    expect(ctr.text).toMatch(/^[\p{L} -]+, ngày \d\d tháng \d\d năm \d{4}$/mu);
    expect(ctr.text).toMatch(/TỔ CHỨC THỰC HIỆN/);
    expect(ctr.text).toMatch(/\((?:nhiệm vụ thường xuyên|thực hiện năm \d{4})\)/);
    expect(ctr.text).toMatch(/^Nơi nhận:$/m);
    expect(ctr.text).toMatch(/^T\/M (?:TỈNH|THÀNH) ỦY$/m);
  });
});

describe('generateNational: the real extractor reads what was intended', () => {
  const sampleOf = (docs: SyntheticDocument[]) => {
    // Every central and provincial document plus every 7th commune document.
    return docs.filter((d, i) => d.level !== 'commune' || i % 7 === 0);
  };

  for (const provinces of [34, 63] as const) {
    it(`round-trip: code, date, province, level, implements (${provinces} provinces)`, () => {
      const docs = generateNational({ seed: 5, scale: provinces === 34 ? 0.06 : 0.04, provinces });
      const sample = sampleOf(docs);
      const records = resolveCorpus(sample.map((d) => extractDocument(d.file, d.text, { synthetic: true })));
      const got = records.map((r) => ({
        code: r.code,
        issuedOn: r.issuedOn,
        province: r.province ?? null,
        level: r.issuer.level,
        unit: issuingUnit(r),
        implements: r.implements.map((i) => ({ code: i.code, issuedOn: i.issuedOn, province: i.province, unit: i.unit ?? null })),
        synthetic: r.synthetic,
        assignments: r.assignments.length > 0,
        signer: r.signer?.name != null,
      }));
      const want = sample.map((d) => ({
        code: d.code,
        issuedOn: d.issuedOn,
        province: d.province,
        level: d.level,
        unit: d.unit,
        implements: d.implements ? [d.implements] : [],
        synthetic: true,
        assignments: true,
        signer: true,
      }));
      expect(got).toEqual(want);
    });
  }

  it('the marker line does not disturb the header (same record without it)', () => {
    const d = generateNational(small).find((x) => x.kind === 'board-guidance')!;
    const a = extractDocument(d.file, d.text);
    const b = extractDocument(d.file, d.text.slice(SYNTHETIC_MARKER.length + 1));
    expect([a.code, a.issuedOn, a.province, a.issuer.name, a.title]).toEqual([b.code, b.issuedOn, b.province, b.issuer.name, b.title]);
    expect(a.implements.map((i) => i.code)).toEqual(b.implements.map((i) => i.code));
  });

  it('a central resolution\'s title is what it is about, not the issuing body under its heading', () => {
    const central = generateNational(small).filter((x) => x.level === 'central');
    expect(central.length).toBeGreaterThan(0);
    for (const d of central) {
      const title = extractDocument(d.file, d.text).title!;
      expect(title, d.file).toMatch(/^về /);
      expect(d.text).toContain(`\n${title}\n`);
    }
    // "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ / về …" and "HỘI NGHỊ LẦN THỨ … KHÓA XIII"; an upper-case title of its own is kept.
    const text = (lines: string[]) => ['BAN CHẤP HÀNH TRUNG ƯƠNG', '*', 'Số 57-NQ/TW', '', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Hà Nội, ngày 22 tháng 12 năm 2024', '', ...lines, '', 'I. MỤC TIÊU', '1. Nội dung.'].join('\n');
    expect(extractDocument('a.txt', text(['NGHỊ QUYẾT', 'CỦA BỘ CHÍNH TRỊ', 'về đột phá phát triển khoa học'])).title).toBe('về đột phá phát triển khoa học');
    expect(extractDocument('b.txt', text(['NGHỊ QUYẾT', 'HỘI NGHỊ LẦN THỨ SÁU BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII', 'về tiếp tục đổi mới'])).title).toBe('về tiếp tục đổi mới');
    expect(extractDocument('c.txt', text(['KẾ HOẠCH', 'TUYÊN TRUYỀN KỶ NIỆM NGÀY THÀNH LẬP ĐẢNG'])).title).toBe('TUYÊN TRUYỀN KỶ NIỆM NGÀY THÀNH LẬP ĐẢNG');
    expect(extractDocument('d.txt', text(['NGHỊ QUYẾT', 'CỦA BỘ CHÍNH TRỊ'])).title).toBe('CỦA BỘ CHÍNH TRỊ');
  });

  it("a commune's bodies named bare are read as the commune's own, as those named in full", () => {
    const plans = generateNational(small).filter((x) => x.kind === 'commune-party-plan');
    const bare = plans.filter((d) => /\n1\. Văn phòng Đảng ủy\n/.test(d.text));
    expect(bare.length).toBeGreaterThan(0);
    expect(bare.length).toBeLessThan(plans.length);
    for (const d of plans) {
      const r = extractDocument(d.file, d.text);
      const unit = r.unit!.name; // "xã Hàm Thắng"
      expect(r.issuer.name, d.file).toBe(`Ban Thường vụ Đảng ủy ${unit}`);
      expect(r.assignments.map((a) => a.organization), d.file).toEqual([
        `Văn phòng Đảng ủy ${unit}`, `Ban Xây dựng Đảng Đảng ủy ${unit}`, `Ủy ban Kiểm tra Đảng ủy ${unit}`,
        `Ủy ban Mặt trận Tổ quốc Việt Nam ${unit}`, `Ủy ban nhân dân ${unit}`, `Chi bộ các thôn, khu phố thuộc Đảng ủy ${unit}`,
      ]);
      expect(r.assignments.every((a) => a.level === 'commune' && a.unit === undefined), d.file).toBe(true);
    }
  });

  it('timing annotations are parsed on assignments', () => {
    const d = generateNational(small).find((x) => x.kind === 'commune-party-plan')!;
    const r = extractDocument(d.file, d.text);
    const kinds = new Set(r.assignments.flatMap((a) => a.tasks.map((t) => t.timing?.kind)));
    expect(r.assignments.length).toBe(6);
    expect([...kinds].some((k) => k === 'recurring' || k === 'year' || k === 'range' || k === 'date')).toBe(true);
  });
});
