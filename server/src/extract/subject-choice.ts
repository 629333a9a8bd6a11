/**
 * The wording of a mentioned document's subject ("Chỉ thị số 05-CT/TW … về <subject>") — and of its issuer ("… của
 * Ban Chấp hành Trung ương Đảng") — that the texts of a corpus agree on.
 *
 * A mention's subject ends where its sentence seems to go on, and a sentence can go on in words a title could hold:
 * "… về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh và kết quả thực hiện Chuyên đề năm
 * 2023: “…”" (the sentence's second object, not the directive's title). Texts also shorten a title ("… cầm quyền của
 * Đảng; các quy định …" where others give "… cầm quyền của Đảng đối với hệ thống chính trị trong giai đoạn mới"). So a
 * wording counts as agreed when two texts give it, or give it and go on after it; the longest such wording wins.
 * Nothing is agreed from a single text, nor between wordings that differ otherwise. Issuers are named the same way,
 * at length or not ("Ban Chấp hành Trung ương Đảng" by two texts, "Ban Chấp hành Trung ương" by one, "Hội nghị lần thứ
 * sáu Ban Chấp hành Trung ương Đảng" by another: the first is agreed).
 */

/** What may follow the shorter wording inside the longer one: a word or clause boundary, never a letter or "-". */
const SUBJECT_BOUNDARIES: readonly string[] = [' ', ',', ';', ':', '.', '(', '“', '"'];

/** Whether `longer` is `shorter` (case aside) with more words after it. */
export function runsOnFrom(longer: string, shorter: string): boolean {
  return (
    shorter.length > 0 &&
    shorter.length < longer.length &&
    SUBJECT_BOUNDARIES.includes(longer.charAt(shorter.length)) &&
    longer.slice(0, shorter.length).toLowerCase() === shorter.toLowerCase()
  );
}

/**
 * The wording the texts agree on, given one wording per text (nulls and empty ones ignored): the longest wording that
 * at least two texts give or go on from; of wordings as long, the one more texts support, then the spelling more texts
 * use exactly ("cơ sở đảng" / "cơ sở Đảng"), then the first in code-point order — the same whatever the texts' order.
 * Null when there is none. A national resolution is mentioned by tens of thousands of texts: wordings are counted
 * once each, and those that go on from one are found next to it in their sorted order.
 */
export function agreedWording(perText: ReadonlyArray<string | null | undefined>): string | null {
  const exact = new Map<string, number>();
  for (const s of perText) if (s != null && s !== '') exact.set(s, (exact.get(s) ?? 0) + 1);
  if (exact.size === 0) return null;
  // Texts per wording, case aside; sorted, every wording that starts with another follows it directly.
  const folded = new Map<string, number>();
  for (const [s, n] of exact) {
    const k = s.toLowerCase();
    folded.set(k, (folded.get(k) ?? 0) + n);
  }
  const keys = [...folded.keys()].sort();
  const support = new Map<string, number>();
  keys.forEach((k, i) => {
    let n = folded.get(k)!;
    for (let j = i + 1; j < keys.length && keys[j]!.startsWith(k); j++) if (runsOnFrom(keys[j]!, k)) n += folded.get(keys[j]!)!;
    support.set(k, n);
  });
  let best: { w: string; support: number; exact: number } | null = null;
  for (const [w, count] of exact) {
    const n = support.get(w.toLowerCase())!;
    if (n < 2) continue;
    const better =
      best == null ||
      w.length > best.w.length ||
      (w.length === best.w.length && (n > best.support || (n === best.support && (count > best.exact || (count === best.exact && w < best.w)))));
    if (better) best = { w, support: n, exact: count };
  }
  return best?.w ?? null;
}
