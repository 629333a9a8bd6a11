/**
 * Synthetic national cascade, written in the genre's real form so the real extractor parses it:
 * central resolutions → provincial action programmes (CTr/TU) → provincial boards and the provincial
 * People's Committee (HD/BTGTU, KH/BTCTU, KH/BDVTU, KH-UBND, KH-MTTQ-BTT) → [districts, pre-2025 map only]
 * → communes (Đảng ủy xã plans, commune People's Committee plans, chi bộ plans).
 *
 * Pure and deterministic: same options → byte-identical output (seeded PRNG, no clock, no Math.random).
 * Every text starts with SYNTHETIC_MARKER and every file name with "synthetic_".
 */
import { PROVINCES_POST_2025, PROVINCES_PRE_2025, slugify, type Province } from '../extract/provinces.js';
import { personName, placeNames } from './names.js';
import { createRng, type Rng } from './prng.js';

export const SYNTHETIC_MARKER = '[Tài liệu tổng hợp — SYNTHETIC — không phải văn bản thật]';
export const SYNTHETIC_PREFIX = 'synthetic_';

export type SyntheticLevel = 'central' | 'provincial' | 'district' | 'commune';
export type SyntheticKind =
  | 'resolution' | 'programme' | 'board-guidance' | 'board-plan' | 'ubnd-plan' | 'front-plan'
  | 'district-plan' | 'commune-party-plan' | 'commune-ubnd-plan' | 'cell-plan';

export interface DocKey {
  code: string;
  issuedOn: string;
  /** null for central documents. */
  province: string | null;
  /** The issuing unit below the province ("huyện Hàm Thuận Bắc", "xã Hàm Thắng"); null for central and provincial texts. */
  unit: string | null;
}

/** A generated text and what the generator intended: its identity (DocKey), level, kind and what it implements (for tests and the bench; the graph gets only the text). */
export interface SyntheticDocument extends DocKey {
  file: string;
  text: string;
  level: SyntheticLevel;
  kind: SyntheticKind;
  implements: DocKey | null;
}

export interface NationalOptions {
  seed: number;
  /** 0..1: share of provinces generated (at least one). 1 = the whole country. */
  scale: number;
  /** Administrative map: 34 provinces (after 1 July 2025, no district level) or 63 (before, with districts). */
  provinces: 34 | 63;
  /** Commune-level units in the whole country at scale 1 (default 3 321, the post-2025 count). */
  communes?: number;
  /** Average chi bộ (cell) plans per commune and resolution (default 1). Raise it for a denser graph. */
  cellsPerCommune?: number;
  /** Central resolutions generated (1..4, default 4). */
  resolutions?: number;
}

interface Resolution {
  key: DocKey;
  number: string;
  issuer: string;
  term: string;
  conference: string;
  about: string;
}

const RESOLUTIONS: Resolution[] = [
  {
    key: { code: '28-NQ/TW', issuedOn: '2022-11-17', province: null, unit: null }, number: '28', issuer: 'Ban Chấp hành Trung ương Đảng', term: 'XIII',
    conference: 'HỘI NGHỊ LẦN THỨ SÁU BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII',
    about: 'tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng đối với hệ thống chính trị trong giai đoạn mới',
  },
  {
    key: { code: '57-NQ/TW', issuedOn: '2024-12-22', province: null, unit: null }, number: '57', issuer: 'Bộ Chính trị', term: 'XIII',
    conference: 'CỦA BỘ CHÍNH TRỊ',
    about: 'đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
  },
  {
    key: { code: '68-NQ/TW', issuedOn: '2025-05-04', province: null, unit: null }, number: '68', issuer: 'Bộ Chính trị', term: 'XIII',
    conference: 'CỦA BỘ CHÍNH TRỊ',
    about: 'phát triển kinh tế tư nhân',
  },
  {
    key: { code: '21-NQ/TW', issuedOn: '2022-06-16', province: null, unit: null }, number: '21', issuer: 'Ban Chấp hành Trung ương Đảng', term: 'XIII',
    conference: 'HỘI NGHỊ LẦN THỨ NĂM BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII',
    about: 'tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới',
  },
];

/** Codes of the real seed corpus: never reused, so a synthetic text cannot replace a real one. */
const RESERVED = new Set(['58-CTr/TU@2023-03-30#binh-thuan', '86-HD/BTGTU@2023-06-28#binh-phuoc', '374/KH-MTTQ-BTT@2023-07-25#soc-trang']);

const TASKS = [
  'Tham mưu cấp ủy quán triệt, triển khai thực hiện nghiêm túc các nội dung của kế hoạch đến cán bộ, đảng viên và Nhân dân',
  'Chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc, kiểm tra việc thực hiện kế hoạch',
  'Đổi mới nội dung, hình thức tuyên truyền; chú trọng tuyên truyền trên các nền tảng số và mạng xã hội',
  'Rà soát, sửa đổi, bổ sung quy chế làm việc, bảo đảm phù hợp với tình hình thực tế của địa phương',
  'Định kỳ sơ kết, tổng kết, báo cáo kết quả thực hiện về cấp ủy cấp trên',
  'Nâng cao chất lượng sinh hoạt chi bộ, gắn với thực hiện chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Tăng cường kiểm tra, giám sát việc thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước ở cơ sở',
  'Phát huy vai trò giám sát, phản biện xã hội của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội',
  'Đẩy mạnh cải cách hành chính, chuyển đổi số trong hoạt động của các cơ quan trong hệ thống chính trị',
  'Xây dựng, nhân rộng các mô hình mới, cách làm hay trong tổ chức thực hiện',
  'Bố trí nguồn lực, kinh phí bảo đảm triển khai các nhiệm vụ được giao',
  'Tổ chức lấy ý kiến của Nhân dân đối với các chủ trương lớn của địa phương',
];

const PURPOSE = [
  'Quán triệt sâu sắc, đầy đủ các quan điểm, mục tiêu, nhiệm vụ và giải pháp đề ra, tạo sự thống nhất cao về nhận thức và hành động trong toàn Đảng bộ và sự đồng thuận trong Nhân dân.',
  'Xác định rõ nhiệm vụ, giải pháp, phân công cụ thể cho từng cơ quan, đơn vị, gắn với trách nhiệm của người đứng đầu; bảo đảm thực hiện nghiêm túc, thiết thực, hiệu quả, phù hợp với điều kiện của địa phương.',
  'Việc triển khai thực hiện phải được tiến hành thường xuyên, liên tục, có trọng tâm, trọng điểm, gắn với thực hiện nhiệm vụ chính trị của địa phương, cơ quan, đơn vị.',
];

const TIMINGS = (y: number) => ['(nhiệm vụ thường xuyên)', `(thực hiện năm ${y})`, `(thực hiện năm ${y + 1})`, `(thực hiện từ năm ${y} - năm ${y + 2})`, `(hoàn thành trong quý III năm ${y})`];

// ---- dates ----------------------------------------------------------------------------------------------

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function maxIso(a: string, b: string): string {
  return a > b ? a : b;
}
function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}
/** "17/11/2022" as printed in mentions (day and month without leading zeros, like the real texts). */
function slash(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${d}/${m}/${y}`;
}
/** "ngày 17 tháng 11 năm 2022" as printed in the header. */
function longDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `ngày ${String(d).padStart(2, '0')} tháng ${String(m).padStart(2, '0')} năm ${y}`;
}

// ---- plan -----------------------------------------------------------------------------------------------

interface CommunePlan {
  name: string;
  /** "xã" or "phường". */
  kind: string;
  district: DistrictPlan | null;
}
interface DistrictPlan {
  name: string;
}
interface ProvincePlan {
  province: Province;
  /** "tỉnh" or "thành phố". */
  unit: string;
  term: string;
  districts: DistrictPlan[];
  communes: CommunePlan[];
}

export interface NationalPlan {
  provinces: ProvincePlan[];
  resolutions: number;
}

/** Communes per province: ~total/P each, ±40 %, summing to `total` over the whole map. */
function communeCounts(rng: Rng, n: number, total: number): number[] {
  const w = Array.from({ length: n }, () => 0.6 + rng.next() * 0.8);
  const sum = w.reduce((a, b) => a + b, 0);
  const counts = w.map((x) => Math.max(3, Math.floor((x / sum) * total)));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % n, left--) counts[i]! += 1;
  return counts;
}

export function planNational(opts: NationalOptions): NationalPlan {
  const rng = createRng(opts.seed).fork('plan');
  const map = opts.provinces === 63 ? PROVINCES_PRE_2025 : PROVINCES_POST_2025;
  if (opts.provinces !== 34 && opts.provinces !== 63) throw new Error('provinces must be 34 or 63');
  if (!(opts.scale > 0 && opts.scale <= 1)) throw new Error('scale must be in (0, 1]');
  const total = opts.communes ?? 3321;
  const counts = communeCounts(rng, map.length, total);
  const all: ProvincePlan[] = map.map((province, i) => {
    const prng = rng.fork(`province:${province.slug}`);
    const names = placeNames(prng, counts[i]! + (opts.provinces === 63 ? 20 : 0));
    const districts: DistrictPlan[] =
      opts.provinces === 63 ? names.slice(counts[i]!).slice(0, Math.max(2, Math.min(20, Math.round(counts[i]! / 5)))).map((name) => ({ name })) : [];
    const communes: CommunePlan[] = names.slice(0, counts[i]!).map((name, k) => ({
      name,
      kind: prng.chance(0.2) ? 'phường' : 'xã',
      district: districts.length ? districts[k % districts.length]! : null,
    }));
    return { province, unit: province.kind === 'city' ? 'thành phố' : 'tỉnh', term: prng.pick(['XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI']), districts, communes };
  });
  const n = Math.max(1, Math.round(map.length * opts.scale));
  const chosen = rng.shuffle(all).slice(0, n).sort((a, b) => a.province.slug.localeCompare(b.province.slug));
  return { provinces: chosen, resolutions: Math.max(1, Math.min(RESOLUTIONS.length, opts.resolutions ?? RESOLUTIONS.length)) };
}

// ---- text building --------------------------------------------------------------------------------------

interface Mentionable {
  key: DocKey;
  /** "Chương trình hành động", "Hướng dẫn", "Kế hoạch", "Nghị quyết". */
  typeName: string;
  /** Body named in mentions: "Ban Chấp hành Đảng bộ tỉnh Bình Thuận (khóa XIV)". */
  by: string;
  about: string;
  /** For plans of a resolution: the resolution (for "về thực hiện Nghị quyết số …" chains). */
  resolution: Resolution;
}

function mention(m: Mentionable, withDate = true): string {
  return `${m.typeName} số ${m.key.code}${withDate ? `, ngày ${slash(m.key.issuedOn)}` : ''} của ${m.by}`;
}
function resolutionMention(r: Resolution): string {
  return `Nghị quyết số ${r.key.code}, ngày ${slash(r.key.issuedOn)} của ${r.issuer} (khóa ${r.term}) về ${r.about}`;
}

interface Assigned {
  org: string;
  tasks: number;
}

function body(rng: Rng, year: number, extraCites: string[], orgs: Assigned[], closing: string): string[] {
  const out: string[] = ['I. MỤC ĐÍCH, YÊU CẦU', ''];
  rng.sample(PURPOSE, 2).forEach((p, i) => out.push(`${i + 1}. ${p}`, ''));
  out.push('II. NHIỆM VỤ, GIẢI PHÁP', '');
  const tasks = rng.sample(TASKS, 3);
  tasks.forEach((t, i) => {
    const cite = extraCites[i] ? `, gắn với thực hiện ${extraCites[i]}` : '';
    out.push(`${i + 1}. ${t}${cite}.`, '');
  });
  out.push('III. TỔ CHỨC THỰC HIỆN', '');
  const timings = TIMINGS(year);
  orgs.forEach((o, i) => {
    out.push(`${i + 1}. ${o.org}`, '');
    for (const t of rng.sample(TASKS, o.tasks)) out.push(`- ${t} ${rng.pick(timings)}.`);
    out.push('');
  });
  out.push(closing, '');
  return out;
}

function signature(rng: Rng, capacity: string[], recipients: string[]): string[] {
  return ['Nơi nhận:', '', ...recipients.map((r, i) => `- ${r}${i === recipients.length - 1 ? '.' : ','}`), '', ...capacity, '', personName(rng)];
}

function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}

// ---- generator ------------------------------------------------------------------------------------------

class Numbering {
  private next = new Map<string, number>();
  constructor(private rng: Rng) {}
  /**
   * A fresh number for this (issuing body, code suffix). Each body numbers its own texts, as real ones do: a province's
   * bodies never repeat a code and date, while two communes (districts) of a province may issue the same code on the
   * same day — texts told apart by their unit (graph/identity.ts).
   */
  take(scope: string, suffix: string, issuedOn: string, province: Province | null, format: (n: number) => string): string {
    const k = `${scope}|${suffix}`;
    let n = this.next.get(k) ?? this.rng.int(15, 120);
    for (;;) {
      const code = format(n);
      n += this.rng.int(1, 6);
      if (!RESERVED.has(`${code}@${issuedOn}#${province ? province.slug : ''}`)) {
        this.next.set(k, n);
        return code;
      }
    }
  }
}

export function generateNational(opts: NationalOptions): SyntheticDocument[] {
  const plan = planNational(opts);
  const root = createRng(opts.seed);
  const docs: SyntheticDocument[] = [];
  const post2025 = opts.provinces === 34;
  const cells = opts.cellsPerCommune ?? 1;
  let seq = 0;
  const numbering = new Map<string, Numbering>();
  const push = (d: Omit<SyntheticDocument, 'file' | 'text'>, lines: string[], slug: string) => {
    const file = `${SYNTHETIC_PREFIX}${String(seq++).padStart(6, '0')}_${d.level}_${slug}_${slugify(d.code)}.txt`;
    docs.push({ file, text: [SYNTHETIC_MARKER, ...lines].join('\n') + '\n', ...d });
  };

  for (const r of RESOLUTIONS.slice(0, plan.resolutions)) {
    const rng = root.fork(`resolution:${r.key.code}`);
    // Central resolution.
    push(
      { level: 'central', kind: 'resolution', ...r.key, implements: null },
      [
        upper(r.issuer === 'Bộ Chính trị' ? 'Ban Chấp hành Trung ương' : r.issuer.replace(/ Đảng$/, '')), '*', `Số ${r.key.code}`, '',
        'ĐẢNG CỘNG SẢN VIỆT NAM', `Hà Nội, ${longDate(r.key.issuedOn)}`, '',
        'NGHỊ QUYẾT', r.conference, `về ${r.about}`, '',
        ...body(rng, Number(r.key.issuedOn.slice(0, 4)) + 1, [], [
          { org: 'Các tỉnh ủy, thành ủy, các ban đảng, ban cán sự đảng, đảng đoàn, đảng ủy trực thuộc Trung ương', tasks: 2 },
          { org: 'Ban Tuyên giáo Trung ương', tasks: 2 },
          { org: 'Ban Tổ chức Trung ương', tasks: 2 },
        ], 'Nghị quyết này được phổ biến đến chi bộ.'),
        ...signature(rng, ['T/M BAN CHẤP HÀNH TRUNG ƯƠNG', 'TỔNG BÍ THƯ'], ['Các tỉnh ủy, thành ủy', 'Các ban đảng, ban cán sự đảng, đảng đoàn, đảng ủy trực thuộc Trung ương', 'Lưu Văn phòng Trung ương Đảng']),
      ],
      'trung-uong',
    );
    const resolutionM: Mentionable = { key: r.key, typeName: 'Nghị quyết', by: `${r.issuer} (khóa ${r.term})`, about: r.about, resolution: r };

    for (const pp of plan.provinces) {
      const p = pp.province;
      const prng = rng.fork(`p:${p.slug}`);
      // One numbering per province across resolutions: numbers only grow, so identities never collide.
      const num = numbering.get(p.slug) ?? new Numbering(root.fork(`num:${p.slug}`));
      numbering.set(p.slug, num);
      const P = `${pp.unit} ${p.name}`; // "tỉnh Bình Thuận"
      const tu = pp.unit === 'thành phố' ? 'Thành ủy' : 'Tỉnh ủy';
      const partyHeader = [`ĐẢNG BỘ ${upper(P)}`];
      const floor = post2025 ? '2025-07-15' : '2022-01-01';
      const base = maxIso(addDays(r.key.issuedOn, prng.int(30, 150)), addDays(floor, prng.int(0, 90)));
      const year = Number(base.slice(0, 4));

      // Provincial action programme.
      const ctrKey: DocKey = { code: num.take(p.slug, 'CTr/TU', base, p, (n) => `${n}-CTr/TU`), issuedOn: base, province: p.name, unit: null };
      const ctr: Mentionable = { key: ctrKey, typeName: 'Chương trình hành động', by: `Ban Chấp hành Đảng bộ ${P} (khóa ${pp.term})`, about: `thực hiện ${resolutionMention(r).replace(/, ngày [^ ]+ /, ' ')}`, resolution: r };
      push(
        { level: 'provincial', kind: 'programme', ...ctrKey, implements: r.key },
        [
          ...partyHeader, upper(tu), '*', `Số ${ctrKey.code}`, '',
          'ĐẢNG CỘNG SẢN VIỆT NAM', `${p.name}, ${longDate(base)}`, '',
          'CHƯƠNG TRÌNH HÀNH ĐỘNG', `thực hiện Nghị quyết số ${r.key.code} của ${r.issuer} (khóa ${r.term}) về ${r.about}`, '',
          `Thực hiện ${resolutionMention(r)}, Ban Chấp hành Đảng bộ ${pp.unit} xây dựng Chương trình hành động với những nội dung như sau:`, '',
          ...body(prng, year, [], [
            { org: `Đảng đoàn Hội đồng nhân dân ${pp.unit}`, tasks: 2 },
            { org: `Ban Cán sự đảng Ủy ban nhân dân ${pp.unit}`, tasks: 3 },
            { org: `Ban Tổ chức ${tu}`, tasks: 2 },
            { org: `Ban Tuyên giáo ${tu}`, tasks: 2 },
            { org: `Ban Dân vận ${tu}`, tasks: 2 },
            { org: `Ủy ban Kiểm tra ${tu}`, tasks: 2 },
            { org: `Văn phòng ${tu}`, tasks: 1 },
          ], `Trên đây là Chương trình hành động của Ban Chấp hành Đảng bộ ${P} thực hiện Nghị quyết số ${r.key.code}.`),
          ...signature(prng, [`T/M ${upper(tu)}`, 'BÍ THƯ'], ['Ban Bí thư Trung ương Đảng (b/c)', 'Các ban đảng Trung ương (b/c)', `Các ban, đảng đoàn, ban cán sự đảng ${pp.unit}`, `Các đảng ủy trực thuộc ${tu}`, `Lưu Văn phòng ${tu}`]),
        ],
        p.slug,
      );

      // Provincial boards and the provincial People's Committee.
      type Board = { kind: SyntheticKind; suffix: string; fmt: (n: number) => string; typeName: string; heading: string; header: string[]; subject: string; verb: string; cap: string[]; state: boolean };
      const boards: Board[] = [
        { kind: 'board-guidance', suffix: 'HD/BTGTU', fmt: (n) => `${n}-HD/BTGTU`, typeName: 'Hướng dẫn', heading: 'HƯỚNG DẪN', header: [upper(`${tu} ${p.name}`), 'BAN TUYÊN GIÁO', '*'], subject: `Ban Tuyên giáo ${tu}`, verb: 'hướng dẫn công tác tuyên truyền như sau:', cap: ['K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'], state: false },
        { kind: 'board-plan', suffix: 'KH/BTCTU', fmt: (n) => `${n}-KH/BTCTU`, typeName: 'Kế hoạch', heading: 'KẾ HOẠCH', header: [upper(`${tu} ${p.name}`), 'BAN TỔ CHỨC', '*'], subject: `Ban Tổ chức ${tu}`, verb: 'xây dựng Kế hoạch thực hiện như sau:', cap: ['TRƯỞNG BAN'], state: false },
        { kind: 'board-plan', suffix: 'KH/BDVTU', fmt: (n) => `${n}-KH/BDVTU`, typeName: 'Kế hoạch', heading: 'KẾ HOẠCH', header: [upper(`${tu} ${p.name}`), 'BAN DÂN VẬN', '*'], subject: `Ban Dân vận ${tu}`, verb: 'xây dựng Kế hoạch thực hiện như sau:', cap: ['TRƯỞNG BAN'], state: false },
        { kind: 'ubnd-plan', suffix: 'KH-UBND', fmt: (n) => `${n}/KH-UBND`, typeName: 'Kế hoạch', heading: 'KẾ HOẠCH', header: ['ỦY BAN NHÂN DÂN', upper(P), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'], subject: `Ủy ban nhân dân ${P}`, verb: 'ban hành Kế hoạch triển khai thực hiện như sau:', cap: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], state: true },
        { kind: 'front-plan', suffix: 'KH-MTTQ-BTT', fmt: (n) => `${n}/KH-MTTQ-BTT`, typeName: 'Kế hoạch', heading: 'KẾ HOẠCH', header: ['ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM', upper(P), 'BAN THƯỜNG TRỰC'], subject: `Ban Thường trực Ủy ban MTTQ Việt Nam ${pp.unit}`, verb: 'xây dựng Kế hoạch triển khai thực hiện như sau:', cap: ['TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH'], state: true },
      ];
      const boardMs = new Map<string, Mentionable>();
      for (const b of boards) {
        const brng = prng.fork(b.suffix);
        const on = addDays(base, brng.int(7, 60));
        const key: DocKey = { code: num.take(p.slug, b.suffix, on, p, b.fmt), issuedOn: on, province: p.name, unit: null };
        const own: Mentionable = { key, typeName: b.typeName, by: b.subject, about: ctr.about, resolution: r };
        boardMs.set(b.suffix, own);
        push(
          { level: 'provincial', kind: b.kind, ...key, implements: ctrKey },
          [
            ...(b.state ? [] : partyHeader), ...b.header, `Số ${key.code}`, '',
            ...(b.state ? [] : ['ĐẢNG CỘNG SẢN VIỆT NAM']), `${p.name}, ${longDate(on)}`, '',
            b.heading, `thực hiện Chương trình hành động số ${ctrKey.code} của Ban Chấp hành Đảng bộ ${pp.unit} về thực hiện Nghị quyết số ${r.key.code} của ${r.issuer} (khóa ${r.term}) về ${r.about}`, '',
            `Thực hiện ${mention(ctr)} về thực hiện ${resolutionMention(r)}, ${b.subject} ${b.verb}`, '',
            ...body(brng, year, [mention(resolutionM)], boardOrgs(brng, pp, tu), `Trên đây là ${b.typeName.toLowerCase()} của ${b.subject}; đề nghị các cơ quan, đơn vị triển khai thực hiện.`),
            ...signature(brng, b.cap, [`Thường trực ${tu} (b/c)`, `Các ban đảng ${pp.unit}`, 'Các đảng ủy xã, phường', 'Lưu VT']),
          ],
          p.slug,
        );
      }
      const guidance = boardMs.get('HD/BTGTU')!;
      const ubndPlan = boardMs.get('KH-UBND')!;

      // Districts (pre-2025 map only).
      const districtMs = new Map<string, Mentionable>();
      for (const d of pp.districts) {
        const drng = prng.fork(`d:${d.name}`);
        const on = addDays(base, drng.int(10, 60));
        const key: DocKey = { code: num.take(`${p.slug}/${d.name}`, 'KH/HU', on, p, (n) => `${n}-KH/HU`), issuedOn: on, province: p.name, unit: `huyện ${d.name}` };
        const by = `Ban Thường vụ Huyện ủy ${d.name}`;
        districtMs.set(d.name, { key, typeName: 'Kế hoạch', by, about: ctr.about, resolution: r });
        push(
          { level: 'district', kind: 'district-plan', ...key, implements: ctrKey },
          [
            ...partyHeader, `HUYỆN ỦY ${upper(d.name)}`, '*', `Số ${key.code}`, '',
            'ĐẢNG CỘNG SẢN VIỆT NAM', `${d.name}, ${longDate(on)}`, '',
            'KẾ HOẠCH', `thực hiện Chương trình hành động số ${ctrKey.code} của Ban Chấp hành Đảng bộ ${pp.unit}`, '',
            `Thực hiện ${mention(ctr)} về thực hiện ${resolutionMention(r)}, ${by} xây dựng Kế hoạch thực hiện trên địa bàn huyện như sau:`, '',
            ...body(drng, year, [mention(guidance)], [
              { org: `Ban Tuyên giáo Huyện ủy ${d.name}`, tasks: 2 },
              { org: `Ban Tổ chức Huyện ủy ${d.name}`, tasks: 2 },
              { org: `Ủy ban Kiểm tra Huyện ủy ${d.name}`, tasks: 2 },
              { org: `Các đảng ủy xã, thị trấn thuộc huyện ${d.name}`, tasks: 2 },
            ], `Trên đây là Kế hoạch của ${by}.`),
            ...signature(drng, ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ'], [`Ban Thường vụ ${tu} (b/c)`, 'Các đảng ủy xã, thị trấn', 'Lưu Văn phòng Huyện ủy']),
          ],
          p.slug,
        );
      }

      // Communes.
      for (const c of pp.communes) {
        const crng = prng.fork(`c:${c.name}`);
        const X = `${c.kind} ${c.name}`; // "xã Hàm Thắng"
        const parent = c.district ? districtMs.get(c.district.name)! : ctr;
        const on = addDays(parent.key.issuedOn, crng.int(10, 90));
        const cy = Number(on.slice(0, 4));
        const commune = `${p.slug}/${c.district?.name ?? ''}/${c.name}`;
        const key: DocKey = { code: num.take(commune, 'KH/ĐU', on, p, (n) => `${n}-KH/ĐU`), issuedOn: on, province: p.name, unit: X };
        const du = `Đảng ủy ${X}`;
        // Half of the communes name their own bodies bare, as real commune plans do ("Văn phòng Đảng ủy", "Ủy ban nhân
        // dân xã"): the extractor completes them from the header (extract/unit.ts). A fork: the other draws stay as they were.
        const bare = crng.fork('bare').chance(0.5);
        const ownDu = bare ? 'Đảng ủy' : du;
        const ownX = bare ? c.kind : X;
        const partyPlan: Mentionable = { key, typeName: 'Kế hoạch', by: `Ban Thường vụ ${du}`, about: parent.about, resolution: r };
        // A quarter of the texts spell out the whole chain ("… về thực hiện Nghị quyết số …"), as real ones often do.
        const chain = crng.chance(0.25) ? ` về thực hiện ${resolutionMention(r)}` : ` về ${r.about}`;
        push(
          { level: 'commune', kind: 'commune-party-plan', ...key, implements: parent.key },
          [
            ...partyHeader, ...(c.district ? [`ĐẢNG BỘ HUYỆN ${upper(c.district.name)}`] : []), upper(du), '*', `Số ${key.code}`, '',
            'ĐẢNG CỘNG SẢN VIỆT NAM', `${c.name}, ${longDate(on)}`, '',
            'KẾ HOẠCH', `thực hiện ${parent.typeName} số ${parent.key.code} của ${parent.by.replace(/ \(khóa [IVX]+\)$/, '')}`, '',
            `Thực hiện ${mention(parent)}${chain}, Ban Thường vụ ${ownDu} xây dựng Kế hoạch thực hiện trên địa bàn ${X}, ${P} như sau:`, '',
            ...body(crng, cy, [mention(guidance), mention(resolutionM)], [
              { org: `Văn phòng ${ownDu}`, tasks: 2 },
              { org: `Ban Xây dựng Đảng ${du}`, tasks: 2 },
              { org: `Ủy ban Kiểm tra ${ownDu}`, tasks: 2 },
              { org: `Ủy ban Mặt trận Tổ quốc Việt Nam ${ownX}`, tasks: 2 },
              { org: `Ủy ban nhân dân ${ownX}`, tasks: 2 },
              { org: `Chi bộ các thôn, khu phố thuộc ${du}`, tasks: 1 },
            ], `Trên đây là Kế hoạch thực hiện của Ban Thường vụ ${du}; đề nghị các chi bộ, cơ quan, đơn vị nghiêm túc triển khai thực hiện.`),
            ...signature(crng, ['T/M ĐẢNG ỦY', crng.pick(['BÍ THƯ', 'PHÓ BÍ THƯ'])], [`Ban Thường vụ ${tu} (b/c)`, `Các đồng chí Ủy viên Ban Chấp hành ${du}`, 'Các chi bộ trực thuộc', 'Lưu Văn phòng Đảng ủy']),
          ],
          p.slug,
        );

        // Commune People's Committee plan: implements the commune party plan, cites the provincial one.
        const uOn = addDays(on, crng.int(3, 30));
        const uKey: DocKey = { code: num.take(commune, 'KH-UBND', uOn, p, (n) => `${n}/KH-UBND`), issuedOn: uOn, province: p.name, unit: X };
        const ubnd = `Ủy ban nhân dân ${X}`;
        push(
          { level: 'commune', kind: 'commune-ubnd-plan', ...uKey, implements: key },
          [
            'ỦY BAN NHÂN DÂN', upper(X), `Số ${uKey.code}`, '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', `${c.name}, ${longDate(uOn)}`, '',
            'KẾ HOẠCH', `triển khai thực hiện Kế hoạch số ${key.code} của Ban Thường vụ ${du}`, '',
            `Thực hiện ${mention(partyPlan)}, ${ubnd} ban hành Kế hoạch triển khai thực hiện trên địa bàn ${X}, ${P} như sau:`, '',
            ...body(crng, cy, [mention(ubndPlan)], [
              { org: `Văn phòng Hội đồng nhân dân và Ủy ban nhân dân ${X}`, tasks: 2 },
              { org: `Phòng Kinh tế ${X}`, tasks: 2 },
              { org: `Phòng Văn hóa - Xã hội ${X}`, tasks: 2 },
              { org: `Công an ${X}`, tasks: 1 },
              { org: `Ủy ban Mặt trận Tổ quốc Việt Nam ${X}`, tasks: 1 },
            ], `Trên đây là Kế hoạch của ${ubnd}; yêu cầu các cơ quan, đơn vị triển khai thực hiện.`),
            ...signature(crng, ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], [`Ủy ban nhân dân ${pp.unit} (b/c)`, `Thường trực ${du}`, 'Các cơ quan, đơn vị', 'Lưu VT']),
          ],
          p.slug,
        );

        // Chi bộ plans: on average `cells` per commune and resolution.
        const k = cells <= 0 ? 0 : crng.int(Math.max(0, Math.floor(cells) - 1), Math.ceil(cells) + 1);
        for (let j = 0; j < k; j++) {
          const bOn = addDays(on, crng.int(3, 30));
          // The commune's cells share one numbering: texts of two cells of a commune are told apart by neither unit nor code.
          const bKey: DocKey = { code: num.take(commune, 'KH/CB', bOn, p, (n) => `${n}-KH/CB`), issuedOn: bOn, province: p.name, unit: X };
          const cb = `Chi bộ ${crng.pick(['thôn', 'khu phố', 'ấp'])} ${j + 1}`;
          push(
            { level: 'commune', kind: 'cell-plan', ...bKey, implements: key },
            [
              ...partyHeader, upper(du), `CHI BỘ ${upper(cb.replace(/^Chi bộ /, ''))}`, '*', `Số ${bKey.code}`, '',
              'ĐẢNG CỘNG SẢN VIỆT NAM', `${c.name}, ${longDate(bOn)}`, '',
              'KẾ HOẠCH', `thực hiện Kế hoạch số ${key.code} của Ban Thường vụ ${du}`, '',
              `Thực hiện ${mention(partyPlan)}, ${cb}, ${du} xây dựng Kế hoạch thực hiện như sau:`, '',
              ...body(crng, cy, [mention(guidance)], [
                { org: `Đoàn Thanh niên ${cb.replace(/^Chi bộ /, '')}`, tasks: 2 },
                { org: `Ban công tác Mặt trận ${cb.replace(/^Chi bộ /, '')}`, tasks: 1 },
              ], `Trên đây là Kế hoạch của ${cb}.`),
              ...signature(crng, ['T/M CHI BỘ', 'BÍ THƯ'], [`Ban Thường vụ ${du} (b/c)`, 'Đảng viên trong chi bộ', 'Lưu chi bộ']),
            ],
            p.slug,
          );
        }
      }
    }
  }
  return docs;
}

function boardOrgs(rng: Rng, pp: ProvincePlan, tu: string): Assigned[] {
  const pool: Assigned[] = [
    { org: `Sở Nội vụ ${pp.unit} ${pp.province.name}`, tasks: 2 },
    { org: `Sở Văn hóa, Thể thao và Du lịch ${pp.unit} ${pp.province.name}`, tasks: 2 },
    { org: `Sở Khoa học và Công nghệ ${pp.unit} ${pp.province.name}`, tasks: 2 },
    { org: `Báo ${pp.province.name}`, tasks: 1 },
    { org: `Đài Phát thanh - Truyền hình ${pp.province.name}`, tasks: 1 },
    { org: `Ban Tổ chức ${tu}`, tasks: 2 },
    { org: `Ủy ban Kiểm tra ${tu}`, tasks: 2 },
    { org: `Ban Tuyên giáo ${tu}`, tasks: 2 },
  ];
  return rng.sample(pool, 4);
}
