/**
 * Find: every code mention in the flat text, with what surrounds it (type words before, date, issuer and
 * term after). No interpretation of the link here — see relations.ts.
 */
import { codeRegex } from './patterns/codes.js';
import { DATE_AFTER_CODE_RE } from './patterns/dates.js';
import { TYPE_WORDS_SOURCE } from './patterns/types.js';
import { fromGroups, issuerLevel, type CodeGroups, type ParsedCode } from './codes.js';
import { dateFromGroups, type DateGroups } from './dates.js';
import type { Flat } from './normalize.js';
import type { LevelKey } from './types.js';
import { provinceIn } from './place.js';

export interface Mention {
  /** Flat span of the whole mention: type words … code … date … issuer … term. */
  start: number;
  end: number;
  codeStart: number;
  codeEnd: number;
  code: string;
  parsed: ParsedCode;
  /** Type words before the code as printed ("Nghị quyết"), or null. */
  typeWord: string | null;
  issuedOn: string | null;
  issuer: string | null;
  term: string | null;
  /** Province named in the mention's issuer ("… Đảng bộ tỉnh Bình Thuận"). */
  issuerProvince: string | null;
  level: LevelKey | null;
}

const TYPE_BEFORE_RE = new RegExp(`(?:^|[^\\p{L}])(?<tw>${TYPE_WORDS_SOURCE})\\s?(?:số\\s?:?\\s?)?$`, 'iu');
const OF_RE = /^\s?,?\s?của\s/;
const WORD_RE = /\s?([^\s,;:()."“”'/]+)/y;
const TERM_RE = /^\s?\(?\s?(?:khóa|khoá|Khóa|Khoá)\s?(?<t>[IVXLC]+(?:,\s?[IVXLC]+)*)\s?\)?/;
const UPPER_START_RE = /^[\p{Lu}]/u;
const DIGITS_RE = /^\d{1,2}$/;
const CONNECTORS = new Set([
  'tỉnh', 'huyện', 'xã', 'thành', 'phố', 'thị', 'nhân', 'dân', 'hành', 'chấp', 'thường', 'vụ', 'trực', 'đảng', 'bộ',
  'ủy', 'uỷ', 'ban', 'lần', 'thứ', 'nghị', 'chính', 'trị', 'thư', 'chức', 'giáo', 'vận', 'kiểm', 'tra', 'trận',
  'quốc', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'năm', 'ba', 'hai', 'một', 'tư', 'trung', 'ương', 'khối', 'cơ', 'quan',
  'các', 'phủ', 'hội', 'đồng', 'tướng', 'văn', 'phòng',
]);
const TRAILING_DROP = new Set(['các', 'lần', 'thứ', 'và', 'năm', 'tư', 'ba', 'hai', 'một']);

const LOOK_BEHIND = 48;
const LOOK_AHEAD = 200;

function readIssuer(text: string, from: number): { issuer: string; end: number } | null {
  const head = OF_RE.exec(text.slice(from, from + 12));
  if (!head) return null;
  let pos = from + head[0].length;
  const words: string[] = [];
  let end = pos;
  const ends: number[] = [];
  WORD_RE.lastIndex = pos;
  for (let i = 0; i < 14; i++) {
    WORD_RE.lastIndex = pos;
    const m = WORD_RE.exec(text);
    if (!m) break;
    const w = m[1]!;
    const ok = UPPER_START_RE.test(w) ? w !== 'Tuy' : CONNECTORS.has(w.toLowerCase()) || (DIGITS_RE.test(w) && words.length > 0);
    if (!ok) break;
    if (words.length === 0 && !UPPER_START_RE.test(w)) break;
    words.push(w);
    pos = m.index + m[0].length;
    ends.push(pos);
    end = pos;
  }
  while (words.length > 0 && TRAILING_DROP.has(words[words.length - 1]!.toLowerCase())) {
    words.pop();
    ends.pop();
    end = ends.length ? ends[ends.length - 1]! : from;
  }
  if (words.length === 0) return null;
  return { issuer: words.join(' '), end };
}

export function findMentions(flat: Flat): Mention[] {
  const text = flat.text;
  const out: Mention[] = [];
  const re = codeRegex();
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const parsed = fromGroups(m.groups as CodeGroups);
    if (!parsed || !parsed.knownType) continue;
    const codeStart = m.index;
    const codeEnd = codeStart + m[0].length;

    let start = codeStart;
    let typeWord: string | null = null;
    const left = text.slice(Math.max(0, codeStart - LOOK_BEHIND), codeStart);
    const tb = TYPE_BEFORE_RE.exec(left);
    if (tb && tb.groups) {
      typeWord = tb.groups.tw!;
      start = codeStart - left.length + tb.index + tb[0].indexOf(typeWord);
    }

    let end = codeEnd;
    let issuedOn: string | null = null;
    const right = text.slice(codeEnd, codeEnd + LOOK_AHEAD);
    const dm = DATE_AFTER_CODE_RE.exec(right);
    if (dm && dm.groups) {
      const iso = dateFromGroups(dm.groups as DateGroups);
      if (iso) {
        issuedOn = iso;
        end = codeEnd + dm[0].length;
      }
    }
    let issuer: string | null = null;
    const is = readIssuer(text, end);
    if (is) {
      issuer = is.issuer;
      end = is.end;
    }
    let term: string | null = null;
    const tm = TERM_RE.exec(text.slice(end, end + 24));
    if (tm && tm.groups) {
      term = tm.groups.t!.replace(/\s/g, '');
      end += tm[0].replace(/\s+$/, '').length;
    }
    const level = issuerLevel(parsed.issuer);
    const issuerProvince = issuer ? provinceIn(issuer) : null;
    out.push({ start, end, codeStart, codeEnd, code: parsed.code, parsed, typeWord, issuedOn, issuer, term, issuerProvince, level });
    re.lastIndex = codeEnd;
  }
  return out;
}
