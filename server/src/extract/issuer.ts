/** Who issued the document, and at which level. */
import { ISSUER_NAME_RULES, ISSUER_NAMES, NAME_LEVEL_RULES, OPENING_SUBJECT_RE } from './patterns/issuers.js';
import { issuerLevel, type ParsedCode } from './codes.js';
import { findProvince } from './provinces.js';
import type { LevelKey } from './types.js';

export function levelFromName(name: string): LevelKey | null {
  for (const [re, level] of NAME_LEVEL_RULES) if (re.test(name)) return level;
  return null;
}

/** Subject of the opening sentence: "…, Ban Tuyên giáo Tỉnh ủy hướng dẫn …" → "Ban Tuyên giáo Tỉnh ủy". */
export function openingSubject(opening: string): string | null {
  OPENING_SUBJECT_RE.lastIndex = 0;
  let last: string | null = null;
  let m: RegExpExecArray | null;
  while ((m = OPENING_SUBJECT_RE.exec(opening)) !== null) last = m.groups!.org!.trim();
  return last;
}

/** "TỈNH ỦY BÌNH PHƯỚC" + "BAN TUYÊN GIÁO" → "Ban Tuyên giáo Tỉnh ủy Bình Phước". */
export function nameFromHeader(lines: string[]): string | null {
  if (lines.length === 0) return null;
  // The header names the body under what it belongs to ("TỈNH ỦY BÌNH PHƯỚC / BAN TUYÊN GIÁO": Ban Tuyên giáo Tỉnh ủy
  // Bình Phước), but a place line names where the body above it is ("ỦY BAN NHÂN DÂN / TỈNH BÌNH THUẬN": Ủy ban nhân
  // dân tỉnh Bình Thuận), and stays with it.
  const parts: string[] = [];
  for (const line of lines) {
    const place = HEADER_PLACE_RE.exec(line);
    if (place && parts.length) parts[parts.length - 1] = `${parts[parts.length - 1]} ${place[1]!.toLowerCase()} ${properName(line.slice(place[0].length))}`;
    else parts.push(sentenceCase(line));
  }
  return parts.reverse().join(' ');
}

/** A header line naming a place: "TỈNH BÌNH THUẬN", "HUYỆN HÀM THUẬN BẮC", "XÃ PHÚ LẠC" (not "TỈNH ỦY …", "HUYỆN ỦY …"). */
const HEADER_PLACE_RE = /^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s(?!(?:ỦY|UỶ)(?:\s|$))/u;

/** "BÌNH THUẬN" → "Bình Thuận"; a province by its own spelling ("Hồ Chí Minh", "Bà Rịa - Vũng Tàu"). */
function properName(upper: string): string {
  const name = upper.trim();
  return findProvince(name)?.name ?? name.toLowerCase().replace(/(^|\s)(\p{Ll})/gu, (_m, a: string, c: string) => a + c.toUpperCase());
}

function sentenceCase(upper: string): string {
  const lower = upper.toLowerCase();
  let s = lower.charAt(0).toUpperCase() + lower.slice(1);
  s = s.replace(/(^|\s)tỉnh (ủy|uỷ)/g, (_m, a: string, b: string) => `${a}Tỉnh ${b}`);
  s = s.replace(/(^|\s)trung ương/g, (_m, a: string) => `${a}Trung ương`);
  // A congress's number: "ĐẠI HỘI ĐẠI BIỂU LẦN THỨ XIV" → "Đại hội đại biểu lần thứ XIV".
  s = s.replace(/(lần thứ )([ivxl]+)(?=\s|$)/gu, (_m, a: string, n: string) => a + n.toUpperCase());
  // Re-capitalise a trailing province name.
  const words = s.split(' ');
  for (let k = Math.min(4, words.length - 1); k >= 1; k--) {
    const tail = words.slice(words.length - k).join(' ');
    const p = findProvince(tail);
    if (p) return [...words.slice(0, words.length - k), p.name].join(' ');
  }
  return s;
}

export function nameFromCode(code: ParsedCode | null): string | null {
  return code ? (ISSUER_NAMES[code.issuer] ?? null) : null;
}

export function issuerLevelFor(name: string | null, code: ParsedCode | null): LevelKey | null {
  return (name ? levelFromName(name) : null) ?? (code ? issuerLevel(code.issuer) : null);
}

/** Whether a code's issuer part can denote a body with this name (strict: unknown → false). */
export function issuerMatchesName(issuerPart: string, name: string | null): boolean {
  if (!name) return false;
  for (const [codeRe, nameRe] of ISSUER_NAME_RULES) if (codeRe.test(issuerPart)) return nameRe.test(name);
  return false;
}
