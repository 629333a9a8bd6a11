/**
 * Find: every code mention in the flat text, with what surrounds it (type words before, date, issuer and
 * term after). No interpretation of the link here — see relations.ts.
 */
import { codeRegex } from './patterns/codes.js';
import { DATE_AFTER_CODE_RE } from './patterns/dates.js';
import { TYPE_WORDS_SOURCE } from './patterns/types.js';
import { OPENING_SUBJECT_RE } from './patterns/issuers.js';
import { fromGroups, issuerLevel, type CodeGroups, type ParsedCode } from './codes.js';
import { dateFromGroups, type DateGroups } from './dates.js';
import type { Flat } from './normalize.js';
import type { LevelKey } from './types.js';
import { provinceIn } from './place.js';
import { findCongressMentions } from './congress.js';

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
  /** The "về …" phrase after the mention (what the document is about), or null. */
  subject: string | null;
}

const TYPE_BEFORE_RE = new RegExp(`(?:^|[^\\p{L}])(?<tw>${TYPE_WORDS_SOURCE})\\s?(?:số\\s?:?\\s?)?$`, 'iu');
const OF_RE = /^\s?,?\s?của\s/;
/** A word of an issuer's name: on the same line (a title's issuer is followed by the opening "Thực hiện …" on the next). */
const WORD_RE = / ?([^\s,;:()."“”'/]+)/y;
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

/** "về" right after the mention, possibly after an alias "(viết tắt là …)". */
const SUBJECT_HEAD_RE = /^\s?,?\s?(?:\((?:viết tắt|sau đây gọi tắt|sau đây gọi là|gọi tắt)[^()]{0,160}\)\s?,?\s?)?về\s/;
/** Parentheses that end a subject: an alias or a timing annotation. */
const SUBJECT_STOP_PAREN_RE =
  /\((?:viết tắt|sau đây|gọi tắt|nhiệm vụ|thực hiện|hoàn thành|triển khai|sau khi|từ năm|trong năm|năm|quý|hằng năm|hàng năm|định kỳ|thường xuyên|trước|đến)/iy;
/**
 * The next item of a list of documents: ", Quy định số 99-QĐ/TW", " và Kế hoạch số 07-KH/TW", ", gắn với thực hiện
 * Kết luận số 21-KL/TW".
 */
const NEXT_DOC_RE = new RegExp(
  `(?:,\\s?|\\svà\\s)(?:(?:gắn với|cùng với|đồng thời)\\s(?:việc\\s)?(?:tiếp tục\\s)?thực hiện\\s)?(?:${TYPE_WORDS_SOURCE})\\s?(?:số\\s?:?\\s?)?\\d`,
  'y',
);
/**
 * Where the sentence goes on after the subject: ", góp phần …", " đã đạt được …" (its predicate), " và các Chương
 * trình, Kế hoạch của Tỉnh ủy" (other documents, named by their type).
 */
const SUBJECT_END_RE = new RegExp(`(?:,\\s(?:góp phần|đồng thời|nhằm)\\s|\\sđã\\s|\\svà\\scác\\s(?:${TYPE_WORDS_SOURCE})[\\s,])`, 'y');
/**
 * A sentence that starts with its verb ("- Căn cứ …", "Tiếp tục thực hiện …"): ", <verb> <its object>" starts its
 * next predicate (", xây dựng kế hoạch triển khai …", ", thực hiện đồng bộ các giải pháp …"). A verb alone is not
 * enough: titles list nouns that are verbs too ("về thông tin, tuyên truyền …").
 */
const VERB_START_RE = /\s?(?:[-+•–]\s?)?(?:Căn cứ|Tiếp tục|Thực hiện|Triển khai|Quán triệt|Bám sát)\s/y;
const MAX_SENTENCE_BEFORE = 400;

/** Whether the sentence holding the text at `at` starts with its verb (looked for at most 400 characters back). */
function inVerbSentence(text: string, at: number): boolean {
  const min = Math.max(0, at - MAX_SENTENCE_BEFORE);
  let i = at - 1;
  for (; i >= min; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 46 || c === 59 || c === 58) break; // line end, ".", ";", ":"
  }
  if (i < min && min > 0) return false;
  VERB_START_RE.lastIndex = i + 1;
  return VERB_START_RE.test(text);
}
const COMMA_TASK_VERB_RE =
  /,\s(?:xây dựng|ban hành|tổ chức|thực hiện|triển khai|chỉ đạo)\s(?:kế hoạch|chương trình|đồng bộ|các|có hiệu quả|nghiêm|tốt)\s/y;
const UPPER_RE = /\p{Lu}/u;
/** ", Ban Thường vụ Đảng ủy Khối xây dựng …": the main clause of an opening sentence starts. */
const CLAUSE_RE = new RegExp(OPENING_SUBJECT_RE.source, 'uy');
const QUOTED_RE = /^(?:"[^"]+"|“[^“”]+”)$/;
const MAX_SUBJECT = 400;

/**
 * The subject of a mention ending at `from`: "… về <subject>", ending at ";", a closing parenthesis
 * not opened inside, an alias or timing parenthesis, the next document of a list, a sentence end or
 * the line end. Null when the mention is not followed by "về".
 */
export function readSubject(text: string, from: number, inVerbSentence = false): string | null {
  let k = from;
  while (k < from + 3 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 44)) k++;
  const c0 = text.charCodeAt(k);
  if (c0 !== 118 && c0 !== 40) return null; // "v", "("
  const head = SUBJECT_HEAD_RE.exec(text.slice(from, from + 200));
  if (!head) return null;
  const s = from + head[0].length;
  const limit = Math.min(text.length, s + MAX_SUBJECT);
  let depth = 0;
  let i = s;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 59) break; // line end, ";"
    if (c === 40) {
      // "("
      SUBJECT_STOP_PAREN_RE.lastIndex = i;
      if (SUBJECT_STOP_PAREN_RE.test(text)) break;
      depth++;
    } else if (c === 41) {
      // ")"
      if (depth === 0) break;
      depth--;
    } else if (c === 46) {
      // "." at a sentence end
      const n = text.charCodeAt(i + 1);
      if (i + 1 >= text.length || n === 10 || (n === 32 && UPPER_RE.test(text.charAt(i + 2)))) break;
    } else if (c === 44 || c === 32) {
      // ", " or " ": the next document of a list, the main clause or the predicate of the sentence
      SUBJECT_END_RE.lastIndex = i;
      if (SUBJECT_END_RE.test(text)) break;
      if (c === 32 && text.charCodeAt(i + 1) !== 118) continue; // " v…" only
      NEXT_DOC_RE.lastIndex = i;
      if (NEXT_DOC_RE.test(text)) break;
      if (c === 44 && UPPER_RE.test(text.charAt(i + 2))) {
        CLAUSE_RE.lastIndex = i;
        if (CLAUSE_RE.test(text)) break;
      }
      if (c === 44 && inVerbSentence) {
        COMMA_TASK_VERB_RE.lastIndex = i;
        if (COMMA_TASK_VERB_RE.test(text)) break;
      }
    }
  }
  let subject = text.slice(s, i).replace(/[\s,;:.]+$/, '').trim();
  if (QUOTED_RE.test(subject)) subject = subject.slice(1, -1).trim();
  return subject || null;
}

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
    // "Tuy nhiên" ("however") starts the next sentence; "Tuy Phong" is a district's name.
    const however = w === 'Tuy' && /^\s?nhiên(?![\p{L}])/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8));
    const ok = UPPER_START_RE.test(w) ? !however : CONNECTORS.has(w.toLowerCase()) || (DIGITS_RE.test(w) && words.length > 0);
    if (!ok) break;
    if (words.length === 0 && !UPPER_START_RE.test(w)) break;
    words.push(w);
    pos = m.index + m[0].length;
    ends.push(pos);
    end = pos;
  }
  // "… của Ban Bí thư Trung ương Đảng ban hành …": the verb is not part of the name.
  for (let i = 1; i < words.length; i++) {
    if (words[i - 1] === 'ban' && words[i] === 'hành') {
      words.length = i - 1;
      ends.length = i - 1;
      end = ends.length ? ends[ends.length - 1]! : from;
      break;
    }
  }
  while (words.length > 0 && TRAILING_DROP.has(words[words.length - 1]!.toLowerCase())) {
    words.pop();
    ends.pop();
    end = ends.length ? ends[ends.length - 1]! : from;
  }
  if (words.length === 0) return null;
  return { issuer: words.join(' '), end };
}

/** Every code mention, and every congress resolution named without a code (congress.ts), in text order. */
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
    const subject = readSubject(text, end, inVerbSentence(text, start));
    out.push({ start, end, codeStart, codeEnd, code: parsed.code, parsed, typeWord, issuedOn, issuer, term, issuerProvince, level, subject });
    re.lastIndex = codeEnd;
  }
  const congresses = findCongressMentions(flat);
  if (congresses.length) {
    out.push(...congresses);
    out.sort((a, b) => a.start - b.start);
  }
  shareListIssuers(text, out);
  return out;
}

/** Nothing but a list separator between two mentions: ", " or " và ". */
const LIST_GAP_RE = /^\s?,?\s?(?:và\s)?$/;

/**
 * "Nghị quyết số 18-NQ/TW, Nghị quyết số 19-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa XII)": the issuer and
 * term after the last text of a list belong to each text of the list with the same issuing code (…/TW) that
 * names none of its own. Right to left, so a list of three passes them on to its first.
 */
function shareListIssuers(text: string, mentions: Mention[]): void {
  for (let i = mentions.length - 2; i >= 0; i--) {
    const m = mentions[i]!;
    const next = mentions[i + 1]!;
    if (m.issuer != null || m.term != null || m.subject != null || next.issuer == null) continue;
    if (m.parsed.issuer !== next.parsed.issuer || !LIST_GAP_RE.test(text.slice(m.end, next.start))) continue;
    m.issuer = next.issuer;
    m.term = next.term;
    m.issuerProvince = next.issuerProvince;
  }
}
