/**
 * Aliases: "(viết tắt là Nghị quyết số 28-NQ/TW)", "(sau đây gọi tắt là …)", and organisation
 * abbreviations whose letters are the initials of the words before them: "Hội đồng nhân dân (HĐND)".
 */
import { codeRegex } from './patterns/codes.js';
import { fromGroups, type CodeGroups } from './codes.js';
import { evidence, type Flat } from './normalize.js';
import { foldDiacritics } from './provinces.js';
import type { Mention } from './references.js';
import type { Alias } from './types.js';

const SHORT_FOR_RE = /\((?:sau đây\s)?(?:gọi|viết)\stắt(?:\slà)?\s?:?\s?(?<a>[^()]{1,200})\)/gi;
const ABBR_RE = /\((?<a>[A-ZĐ]{2,8})\)/g;
const WORD_BEFORE_RE = /[\p{L}]+/gu;

export interface AliasSpan {
  start: number;
  end: number;
}

export function findAliases(flat: Flat, mentions: Mention[]): { aliases: Alias[]; spans: AliasSpan[] } {
  const text = flat.text;
  const aliases: Alias[] = [];
  const spans: AliasSpan[] = [];
  SHORT_FOR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SHORT_FOR_RE.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    const inner = m.groups!.a!.replace(/[“”"]/g, '').trim();
    let code: string | null = null;
    const cm = codeRegex().exec(inner);
    const p = cm ? fromGroups(cm.groups as CodeGroups) : null;
    if (p && p.knownType) code = p.code;
    else {
      // Nearest mention before the parenthesis.
      for (let i = mentions.length - 1; i >= 0; i--) {
        if (mentions[i]!.end <= s) {
          code = mentions[i]!.code;
          break;
        }
      }
    }
    spans.push({ start: s, end: e });
    const ev = evidence(flat, s, e);
    aliases.push({ quote: ev.quote, start: ev.start, end: ev.end, alias: inner, code });
  }
  ABBR_RE.lastIndex = 0;
  const seen = new Set<string>();
  while ((m = ABBR_RE.exec(text)) !== null) {
    const abbr = m.groups!.a!;
    if (seen.has(abbr)) continue;
    const k = abbr.length;
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    const words = [...before.matchAll(WORD_BEFORE_RE)];
    if (words.length < k) continue;
    const last = words.slice(words.length - k);
    const initials = last.map((w) => foldDiacritics(w[0]!.charAt(0)).toUpperCase()).join('');
    if (initials !== foldDiacritics(abbr).toUpperCase()) continue;
    // Must end right before the parenthesis.
    const lastW = last[last.length - 1]!;
    if (before.slice(lastW.index + lastW[0].length).trim() !== '') continue;
    const s = m.index - before.length + last[0]!.index;
    seen.add(abbr);
    const ev = evidence(flat, s, m.index + m[0].length);
    aliases.push({ quote: ev.quote, start: ev.start, end: ev.end, alias: abbr, code: null });
  }
  aliases.sort((a, b) => a.start - b.start);
  return { aliases, spans };
}

export function insideSpan(spans: AliasSpan[], s: number, e: number): boolean {
  for (const sp of spans) if (s >= sp.start && e <= sp.end) return true;
  return false;
}
