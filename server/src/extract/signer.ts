/** Signature block: capacity lines in upper case, then the signer's name. */
import { RECIPIENTS_RE } from './patterns/headings.js';
import { evidence, type Flat, type Line } from './normalize.js';
import type { Signer } from './types.js';

const NAME_RE = /^\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*){1,4}$/u;
const SIGNED_RE = /^\(?\s?(?:đã ký|Đã ký|ký|Ký|đã ký và đóng dấu)\s?\)?$/;
const CAPACITY_RE = /^[^\p{Ll}]{2,60}$/u;
const NOT_NAME_RE = /^(?:Nơi Nhận|Kính Gửi)$/i;
const SCAN = 40;

export function findSigner(flat: Flat, ls: Line[], skip: Set<number>): { signer: Signer; firstLine: number } | null {
  // Signature blocks sit after "Nơi nhận" (which may precede an annex), else at the end of the text.
  const windows: [number, number][] = [];
  ls.forEach((l, i) => {
    if (RECIPIENTS_RE.test(l.text)) windows.push([Math.min(ls.length - 1, i + SCAN), i + 1]);
  });
  windows.push([ls.length - 1, Math.max(0, ls.length - SCAN)]);
  for (const [hi, lo] of windows) {
    const found = scan(flat, ls, skip, hi, lo);
    if (found) return found;
  }
  return null;
}

function scan(flat: Flat, ls: Line[], skip: Set<number>, hi: number, from: number): { signer: Signer; firstLine: number } | null {
  for (let i = from; i <= hi; i++) {
    if (skip.has(i)) continue;
    const t = ls[i]!.text;
    if (!NAME_RE.test(t) || NOT_NAME_RE.test(t)) continue;
    const caps: number[] = [];
    for (let j = i - 1; j >= 0 && j >= i - 6; j--) {
      if (skip.has(j)) continue;
      const c = ls[j]!.text;
      if (SIGNED_RE.test(c)) continue;
      if (CAPACITY_RE.test(c) && /\p{Lu}/u.test(c) && !c.startsWith('-')) caps.unshift(j);
      else break;
    }
    if (caps.length === 0) continue;
    const capacity = caps.map((j) => ls[j]!.text).join(' ');
    const ev = evidence(flat, ls[caps[0]!]!.start, ls[i]!.end);
    return { signer: { name: t, capacity, evidence: ev }, firstLine: caps[0]! };
  }
  return null;
}
