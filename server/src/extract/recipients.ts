/** "Nơi nhận:" list. */
import { RECIPIENTS_RE } from './patterns/headings.js';
import type { Line } from './normalize.js';

const BULLET_RE = /^[-+•–]\s?/;
const UPPER_LINE_RE = /^[^\p{Ll}]{2,60}$/u;
const ARCHIVE_RE = /^Lưu(?:\s|:|$)/;

export function findRecipients(ls: Line[], skip: Set<number>, signerLine: number): string[] {
  let i = ls.findIndex((l) => RECIPIENTS_RE.test(l.text));
  if (i < 0) return [];
  const items: string[] = [];
  const first = ls[i]!.text.replace(RECIPIENTS_RE, '').trim();
  if (first) items.push(first);
  for (i++; i < ls.length; i++) {
    if (skip.has(i)) continue;
    if (signerLine >= 0 && i >= signerLine) break;
    const t = ls[i]!.text;
    if (t.startsWith('}') || (UPPER_LINE_RE.test(t) && /\p{Lu}/u.test(t) && !BULLET_RE.test(t))) break;
    if (BULLET_RE.test(t)) items.push(t.replace(BULLET_RE, ''));
    else if (items.length) items[items.length - 1] += ' ' + t;
    else break;
  }
  return items
    .map((s) => s.replace(/\s+/g, ' ').replace(/[\s,;.]+$/, '').trim())
    .filter((s) => s && !ARCHIVE_RE.test(s));
}
