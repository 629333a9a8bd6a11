/**
 * The wording of a mentioned document's subject ("Chỉ thị số 05-CT/TW … về <subject>") that the texts of a corpus
 * agree on.
 *
 * A mention's subject ends where its sentence seems to go on, and a sentence can go on in words a title could hold:
 * "… về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh và kết quả thực hiện Chuyên đề năm
 * 2023: “…”" (the sentence's second object, not the directive's title). Texts also shorten a title ("… cầm quyền của
 * Đảng; các quy định …" where others give "… cầm quyền của Đảng đối với hệ thống chính trị trong giai đoạn mới"). So a
 * wording counts as agreed when two texts give it, or give it and go on after it; the longest such wording wins.
 * Nothing is agreed from a single text, nor between wordings that differ otherwise.
 */

/** What may follow the shorter wording inside the longer one: a word or clause boundary, never a letter or "-". */
export const SUBJECT_BOUNDARIES: readonly string[] = [' ', ',', ';', ':', '.', '(', '“', '"'];

/** Whether `longer` is `shorter` (case aside) with more words after it. */
export function runsOnFrom(longer: string, shorter: string): boolean {
  return (
    shorter.length > 0 &&
    shorter.length < longer.length &&
    SUBJECT_BOUNDARIES.includes(longer.charAt(shorter.length)) &&
    longer.slice(0, shorter.length).toLowerCase() === shorter.toLowerCase()
  );
}

const sameWording = (a: string, b: string) => a.length === b.length && a.toLowerCase() === b.toLowerCase();

/**
 * The wording the texts agree on, given one subject per text (nulls and empty ones ignored): the longest wording that
 * at least two texts give or go on from; of wordings as long, the one more texts support, then the spelling more texts
 * use exactly ("cơ sở đảng" / "cơ sở Đảng"), then the first in code-point order — the same whatever the texts' order.
 * Null when there is none.
 */
export function agreedSubject(perText: ReadonlyArray<string | null | undefined>): string | null {
  const given = perText.filter((s): s is string => s != null && s !== '');
  let best: { w: string; support: number; exact: number } | null = null;
  for (const w of new Set(given)) {
    if (best != null && w.length < best.w.length) continue;
    const support = given.filter((s) => sameWording(s, w) || runsOnFrom(s, w)).length;
    if (support < 2) continue;
    const exact = given.filter((s) => s === w).length;
    const better =
      best == null ||
      w.length > best.w.length ||
      support > best.support ||
      (support === best.support && (exact > best.exact || (exact === best.exact && w < best.w)));
    if (better) best = { w, support, exact };
  }
  return best?.w ?? null;
}
