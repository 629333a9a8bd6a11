/**
 * Congress resolutions, named without a code: "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "Nghị
 * quyết Đại hội XIII của Đảng", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV", "Nghị quyết Đại hội đại biểu Đảng bộ
 * Khối các cơ quan tỉnh lần thứ IX". Data only; congress.ts reads them. Flat text: single spaces, one line.
 */

/** A congress's number as printed: a Roman numeral up to XLIX. */
const ROMAN = '(?=[IVXL])(?:XL|X{0,3})(?:IX|IV|V?I{0,3})';

/** Which body held the congress, as the words after "Đảng bộ" say. */
export const CONGRESS_UNIT_WORDS = ['tỉnh', 'thành phố', 'huyện', 'thị xã', 'quận', 'Khối', 'khối', 'xã', 'phường', 'thị trấn'] as const;

/**
 * Groups: `tw` the type word; `nat` the national congress ("đại biểu toàn quốc", "Đảng toàn quốc"); `body` a party
 * organisation's congress ("Đảng bộ tỉnh Bình Thuận") with its `word` and `name`; `n` the number; `party` "của Đảng"
 * (the Party's congress: national). "nghị quyết đại hội đảng bộ các cấp" (every level's congresses) is no document.
 */
export const CONGRESS_SOURCE =
  '(?<![\\p{L}\\d])(?<tw>[Nn]ghị quyết) (?:[Đđ]ại hội) ' +
  '(?:(?<nat>(?:[Đđ]ại biểu )?(?:Đảng toàn quốc|toàn quốc)) |' +
  `(?<body>(?:[Đđ]ại biểu )?[Đđ]ảng bộ (?<word>${CONGRESS_UNIT_WORDS.join('|')})(?<name>(?: (?!lần )[\\p{L}\\d.-]+){0,6}?)) )?` +
  `(?:lần thứ )?(?<n>${ROMAN})(?![\\p{L}\\d])` +
  '(?<party> (?:của )?Đảng(?! bộ)(?![\\p{L}]))?';

/** Sticky: tried only where the words are (CONGRESS_ANCHOR), not scanned across a whole text. */
export function congressRegex(): RegExp {
  return new RegExp(CONGRESS_SOURCE, 'yu');
}

/**
 * Every congress mention holds these words, found by a plain search (a regex scan of each text cost ≈ 8 % of the
 * extraction); the mention starts CONGRESS_ANCHOR_AT characters before them ("Nghị quyết Đ").
 */
export const CONGRESS_ANCHOR = 'ại hội ';
export const CONGRESS_ANCHOR_AT = 'Nghị quyết Đ'.length;

/**
 * A congress's own resolution names the congress as its issuer: "Đại hội đại biểu lần thứ XIV Đảng bộ tỉnh Bình Thuận"
 * (the heading's lines, "ĐẢNG BỘ TỈNH BÌNH THUẬN / ĐẠI HỘI ĐẠI BIỂU LẦN THỨ XIV"), "Đại hội đại biểu toàn quốc lần thứ
 * XIII". Any case: header lines are written in capitals.
 */
export const OWN_CONGRESS_RE = /(?:^|\s)Đại hội (?:đại biểu )?(?<nat>(?:Đảng )?toàn quốc )?(?:[Đđ]ảng bộ [\p{L} ]{1,40}? )?lần thứ (?<n>[ivxl]+)(?![\p{L}\d])/iu;

/**
 * A congress resolution's code as the graph names it ("Đại hội XIII/TW", "Đại hội XIV/TU") and as users type it, with or
 * without diacritics: "nghị quyết đại hội XIII", "dai hoi 13", "đại hội lần thứ XIV/TU".
 */
export const CONGRESS_CODE_RE =
  /^\s*(?:ngh[iị]\s+quy[eếê]t\s+)?[đd][aạ]i\s+h[oộô]i\s+(?:l[aầâ]n\s+th[uứư]\s+)?(?<n>[ivxl]+|\d{1,2})\s*(?:\/\s*(?<i>tw|tu|hu|đuk|duk|đu|du))?\s*$/iu;

/**
 * The code's issuer part by the word after "Đảng bộ" (lower-cased): a province's, a district's, a bloc's, a commune's;
 * a city that is a province is a province's (congress.ts).
 */
export const CONGRESS_ISSUERS: Readonly<Record<string, string>> = {
  'tỉnh': 'TU',
  'huyện': 'HU',
  'thị xã': 'HU',
  'quận': 'HU',
  'thành phố': 'HU',
  'khối': 'ĐUK',
  'xã': 'ĐU',
  'phường': 'ĐU',
  'thị trấn': 'ĐU',
};
