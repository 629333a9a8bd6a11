/** One title and one issuer per mentioned document: what the corpus's texts agree on (extract/subject-choice.ts, resolveCorpus step 3). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreedWording, extractDocument, resolveCorpus, runsOnFrom } from '../../../server/src/extract/index.js';
import { planBulkLoad } from '../../../server/src/graph/bulk-plan.js';
import { CORPUS_DIR, SEED_FILES } from './helpers.js';

const HCM = 'đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh';
const RUN_ON = `${HCM} và kết quả thực hiện Chuyên đề năm 2023: “Sóc Trăng phát huy ý chí tự lực, tự cường”`;
const NQ28 = 'tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng đối với hệ thống chính trị trong giai đoạn mới';
const NQ28_SHORT = 'tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng';

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('agreedWording', () => {
  it('a wording one text runs on from, which another gives and stops at, is the agreed one', () => {
    expect(agreedWording([RUN_ON, HCM])).toBe(HCM);
    expect(agreedWording([RUN_ON, null, HCM, HCM])).toBe(HCM);
  });

  it('the full title more texts give wins over a shortened one', () => {
    expect(agreedWording([NQ28_SHORT, NQ28, NQ28, NQ28_SHORT])).toBe(NQ28);
  });

  it('nothing is agreed from one text, or between wordings that differ inside', () => {
    expect(agreedWording([RUN_ON])).toBeNull();
    expect(agreedWording([RUN_ON, null, ''])).toBeNull();
    expect(agreedWording(['chủ trương khuyến khích, bảo vệ cán bộ', 'chủ trương khuyến khích và bảo vệ cán bộ'])).toBeNull();
  });

  it('a wording is cut only at a boundary: "giai đoạn 2021" is not agreed from "giai đoạn 2021-2025"', () => {
    expect(runsOnFrom('phát triển nguồn nhân lực giai đoạn 2021-2025', 'phát triển nguồn nhân lực giai đoạn 2021')).toBe(false);
    expect(runsOnFrom('phát triển nguồn nhân lực giai đoạn 2021 – 2025', 'phát triển nguồn nhân lực giai đoạn 2021')).toBe(true);
    expect(runsOnFrom('phát triển nguồn nhân lựcs', 'phát triển nguồn nhân lực')).toBe(false);
    expect(agreedWording(['phát triển giai đoạn 2021-2025', 'phát triển giai đoạn 2021'])).toBeNull();
  });

  it('the same whatever the order of the texts; of spellings differing in case, the one more texts use', () => {
    const lower = 'xây dựng tổ chức cơ sở đảng';
    const upper = 'xây dựng tổ chức cơ sở Đảng';
    for (const p of permutations([lower, upper, lower, `${upper} và nâng cao`])) expect(agreedWording(p)).toBe(lower);
    for (const p of permutations([RUN_ON, HCM, NQ28_SHORT, null])) expect(agreedWording(p)).toBe(HCM);
  });
});

describe('the seed corpus', () => {
  const raw = () => SEED_FILES.map((f) => extractDocument(f, readFileSync(path.join(CORPUS_DIR, f), 'utf8')));
  const titles = (records: ReturnType<typeof raw>) => {
    const plan = planBulkLoad(records);
    return new Map([...plan.stubs.Document, ...plan.stubs.Regulation].map((s) => [s.uid, s.title]));
  };

  it('002 runs 5-CT/TW\'s subject on into "… và kết quả thực hiện Chuyên đề năm 2023"; 003 and 004 stop at the title', () => {
    const rs = resolveCorpus(raw());
    const ct5 = rs.flatMap((r) => r.cites.filter((x) => x.code === '5-CT/TW').map((x) => [r.file.slice(0, 3), x.subject, x.resolvedSubject ?? null]));
    expect(ct5).toEqual([
      ['002', expect.stringContaining('Chuyên đề năm 2023'), HCM],
      ['003', HCM, HCM],
      ['004', HCM, HCM],
    ]);
  });

  it('mentioned documents get the agreed title whichever text the plan meets first; 001 and 004 shorten 28-NQ/TW\'s', () => {
    const rs = raw();
    const forward = titles(resolveCorpus(rs));
    expect(forward.get('5-CT/TW@2016-06-15')).toBe(HCM);
    expect(forward.get('28-NQ/TW@2022-11-17')).toBe(NQ28);
    expect(forward.get('1-KL/TW@2021-05-18')).toBe(`Tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về ${HCM}`);
    for (const order of [[...rs].reverse(), [rs[2]!, rs[4]!, rs[1]!, rs[3]!, rs[0]!]]) {
      const t = titles(resolveCorpus(order));
      for (const uid of ['5-CT/TW@2016-06-15', '28-NQ/TW@2022-11-17', '1-KL/TW@2021-05-18', '21-NQ/TW@2022-06-16', '14-KL/TW@2021-09-22', '55-QĐ/TW@2016-12-19']) {
        expect([uid, t.get(uid)]).toEqual([uid, forward.get(uid)]);
      }
    }
  });

  it('a record resolved again in another corpus keeps no agreement of the first one', () => {
    const resolved = resolveCorpus(raw());
    const again = resolveCorpus([resolved.find((r) => r.file.startsWith('002'))!])[0]!;
    expect(again.cites.find((x) => x.code === '5-CT/TW')).toMatchObject({ subject: expect.stringContaining('Chuyên đề năm 2023') });
    expect(again.cites.find((x) => x.code === '5-CT/TW')!.resolvedSubject).toBeUndefined();
  });

  it('issuers too: the name most texts give or go on from, in any order (004 names none for 28-NQ/TW and 1-KL/TW)', () => {
    const rs = raw();
    const issuers = (records: ReturnType<typeof raw>) => {
      const plan = planBulkLoad(records);
      return new Map([...plan.stubs.Document, ...plan.stubs.Regulation].map((s) => [s.uid, s.issuerName]));
    };
    // 000: "… Trung ương Đảng", 001 and 003: "Ban Chấp hành Trung ương", 002: "Hội nghị lần thứ sáu …", 004: none.
    expect(agreedWording(['Ban Chấp hành Trung ương Đảng', 'Ban Chấp hành Trung ương', 'Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng', 'Ban Chấp hành Trung ương', null])).toBe(
      'Ban Chấp hành Trung ương',
    );
    for (const order of [rs, [...rs].reverse(), [rs[4]!, rs[2]!, rs[0]!, rs[1]!, rs[3]!]]) {
      const i = issuers(resolveCorpus(order));
      expect([i.get('28-NQ/TW@2022-11-17'), i.get('1-KL/TW@2021-05-18'), i.get('21-KL/TW@2021-10-25')]).toEqual(['Ban Chấp hành Trung ương', 'Bộ Chính trị', 'Ban Chấp hành Trung ương']);
    }
  });

  it('a title the first mention did not give is filled from a later one (21-KL/TW of 25/10/2021: 002 and 003 give none, 004 does)', () => {
    const t = titles(resolveCorpus(raw()));
    expect(t.get('21-KL/TW@2021-10-25')).toBe('đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị');
  });
});
