/** Header, type heading, title and opening paragraph. */
import { codeRegex } from './patterns/codes.js';
import { NATIONAL_HEADER_RE, OPENING_RE, OWN_NUMBER_RE, PLACE_DATE_RE, ROMAN_HEADING_RE, NUMBERED_RE, TITLE_ISSUER_LINE_RE } from './patterns/headings.js';
import { TYPE_HEADINGS } from './patterns/types.js';
import { fromGroups, type CodeGroups, type ParsedCode } from './codes.js';
import { isoDate } from './dates.js';
import type { Line } from './normalize.js';

export interface HeaderInfo {
  /** Index of the type heading line, or -1. */
  typeLine: number;
  type: string | null;
  typeName: string | null;
  ownCode: ParsedCode | null;
  /** Index of the line holding the own code. */
  ownCodeLine: number;
  issuedOn: string | null;
  place: string | null;
  /** Upper-case issuer lines in the header ("TỈNH ỦY BÌNH PHƯỚC", "BAN TUYÊN GIÁO"). */
  issuerLines: string[];
  /** Flat ranges of header lines (for province votes). */
  headerLines: Line[];
  title: string | null;
  titleLines: Line[];
  /** Opening lines ("Thực hiện …", "Căn cứ …"). */
  opening: { line: Line; verb: string }[];
  /** Index of the first line after the preamble (first section heading). */
  bodyStart: number;
}

const HEADING_MAP = new Map(TYPE_HEADINGS.map(([h, k]) => [h, k]));
const HAS_LOWER_RE = /\p{Ll}/u;
/** A paragraph's sentence: starts with a capital, runs on in lower case, ends with a full stop. */
const FIRST_SENTENCE_RE = /^\p{Lu}\p{Ll}*\s.{60,}\.$/u;
const TYPE_SCAN = 30;

function headingName(h: string): string {
  return h.charAt(0) + h.slice(1).toLowerCase();
}

export function parseHeader(ls: Line[], skip: Set<number>): HeaderInfo {
  const info: HeaderInfo = {
    typeLine: -1, type: null, typeName: null, ownCode: null, ownCodeLine: -1, issuedOn: null, place: null,
    issuerLines: [], headerLines: [], title: null, titleLines: [], opening: [], bodyStart: ls.length,
  };
  const n = Math.min(ls.length, TYPE_SCAN);
  for (let i = 0; i < n; i++) {
    const t = ls[i]!.text;
    const key = HEADING_MAP.get(t.replace(/[.:]$/, ''));
    if (key) {
      info.typeLine = i;
      info.type = key;
      info.typeName = headingName(t.replace(/[.:]$/, ''));
      break;
    }
  }
  const headerEnd = info.typeLine >= 0 ? info.typeLine : Math.min(ls.length, 8);
  for (let i = 0; i < headerEnd; i++) {
    const line = ls[i]!;
    const t = line.text;
    info.headerLines.push(line);
    if (OWN_NUMBER_RE.test(t)) {
      const re = codeRegex();
      const m = re.exec(t);
      const p = m ? fromGroups(m.groups as CodeGroups) : null;
      if (p && p.knownType && !info.ownCode) {
        info.ownCode = p;
        info.ownCodeLine = i;
      }
      continue;
    }
    const pd = PLACE_DATE_RE.exec(t);
    if (pd && pd.groups) {
      info.issuedOn = isoDate(+pd.groups.d!, +pd.groups.m!, +pd.groups.y!);
      if (pd.groups.place) info.place = pd.groups.place.trim();
      continue;
    }
    if (NATIONAL_HEADER_RE.test(t) || HAS_LOWER_RE.test(t)) continue;
    if (/\p{Lu}/u.test(t)) info.issuerLines.push(t);
  }
  // Title: lines after the type heading up to the opening / first section.
  let i = info.typeLine + 1;
  const titleParts: string[] = [];
  if (info.typeLine >= 0) {
    for (; i < ls.length && info.titleLines.length < 4; i++) {
      if (skip.has(i)) break;
      const t = ls[i]!.text;
      if ((OPENING_RE.test(t) && !(titleParts.length === 0 && openingAsTitle(ls, i, skip))) || ROMAN_HEADING_RE.test(t) || NUMBERED_RE.test(t) || /^Kính gửi/.test(t)) break;
      if (/^[-_=]{3,}$/.test(t)) {
        i++;
        break;
      }
      // A decision's authority line after its title ("Về việc … / CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"): capitals after a
      // title line in lower case end the title (a title written in capitals throughout stays whole).
      if (titleParts.length && HAS_LOWER_RE.test(titleParts[titleParts.length - 1]!) && !HAS_LOWER_RE.test(t) && /\p{Lu}{2}/u.test(t)) break;
      // A sentence after a title in capitals is the text's first paragraph ("NGHỊ QUYẾT / ĐẠI HỘI ĐẠI BIỂU … LẦN THỨ XIV
      // / Đại hội đại biểu Đảng bộ tỉnh … họp từ ngày …."), not more of the title ("… / về tiếp tục đổi mới …").
      if (titleParts.length && !HAS_LOWER_RE.test(titleParts[titleParts.length - 1]!) && FIRST_SENTENCE_RE.test(t)) break;
      info.titleLines.push(ls[i]!);
      titleParts.push(t);
    }
    // "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ / về …": the issuing body's lines belong to the heading; the title is what follows.
    let from = 0;
    while (from < titleParts.length - 1 && TITLE_ISSUER_LINE_RE.test(titleParts[from]!)) from++;
    const about = titleParts.slice(from);
    if (about.length) info.title = about.join(' ').replace(/\s+/g, ' ').trim();
  } else i = 0;
  // Opening: consecutive "Thực hiện/Căn cứ" lines before the first section heading.
  for (; i < ls.length; i++) {
    if (skip.has(i)) continue;
    const t = ls[i]!.text;
    if (ROMAN_HEADING_RE.test(t) || NUMBERED_RE.test(t)) break;
    const om = OPENING_RE.exec(t);
    if (om && om.groups) info.opening.push({ line: ls[i]!, verb: om.groups.verb!.toLowerCase() });
    else if (info.opening.length) {
      i++;
      break;
    }
  }
  info.bodyStart = i;
  return info;
}

/**
 * A first line after the type heading that begins as an opening does ("Triển khai thực hiện Chương trình hành động số
 * 58-CTr/TU …", as People's Committees title their plans) is the title when it is no sentence of the opening — it
 * ends without ":", ";", "," or "." and does not begin with "Căn cứ" — and an opening line follows it before the
 * first section.
 */
function openingAsTitle(ls: Line[], at: number, skip: Set<number>): boolean {
  const t = ls[at]!.text;
  if (/[:;,.]$/.test(t) || /^Căn cứ\s/.test(t)) return false;
  for (let j = at + 1; j < ls.length; j++) {
    if (skip.has(j)) continue;
    const next = ls[j]!.text;
    if (ROMAN_HEADING_RE.test(next) || NUMBERED_RE.test(next)) return false;
    if (OPENING_RE.test(next)) return true;
  }
  return false;
}
