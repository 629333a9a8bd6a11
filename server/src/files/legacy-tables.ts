/**
 * Legacy Vietnamese 8-bit encodings as data: TCVN 5712:1993 VN3 (the ".Vn…" ABC fonts) and VNI-Windows
 * (the "VNI-…" fonts). The TCVN3 letters agree byte for byte with the TCVN 5712 codec of iconv-lite
 * (its 0xA1–0xFE range is VN3); the tests check that.
 */

/**
 * TCVN3 (ABC), TCVN 5712:1993 VN3: one byte per precomposed letter. Only lower-case toned letters and the
 * seven upper-case letters Ă Â Ê Ô Ơ Ư Đ exist; upper-case toned letters were drawn with a separate
 * upper-case font (".VnTimeH") on the same lower-case bytes, which a converter cannot tell apart.
 * Bytes not listed (ASCII, 0xA0, 0xB0–0xB4, 0xBA, 0xBF, 0xC0–0xC5, 0xCD, 0xDA, 0xDB, 0xE0, 0xF0, 0xFF)
 * are not letters in VN3.
 */
export const TCVN3_LETTERS: ReadonlyArray<readonly [byte: number, letter: string]> = [
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
  [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
  [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb8, 'á'], [0xb9, 'ạ'], [0xbb, 'ằ'], [0xbc, 'ẳ'],
  [0xbd, 'ẵ'], [0xbe, 'ắ'], [0xc6, 'ặ'], [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xca, 'ấ'],
  [0xcb, 'ậ'], [0xcc, 'è'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd0, 'é'], [0xd1, 'ẹ'], [0xd2, 'ề'],
  [0xd3, 'ể'], [0xd4, 'ễ'], [0xd5, 'ế'], [0xd6, 'ệ'], [0xd7, 'ì'], [0xd8, 'ỉ'], [0xdc, 'ĩ'],
  [0xdd, 'í'], [0xde, 'ị'], [0xdf, 'ò'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe3, 'ó'], [0xe4, 'ọ'],
  [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe8, 'ố'], [0xe9, 'ộ'], [0xea, 'ờ'], [0xeb, 'ở'],
  [0xec, 'ỡ'], [0xed, 'ớ'], [0xee, 'ợ'], [0xef, 'ù'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf3, 'ú'],
  [0xf4, 'ụ'], [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf8, 'ứ'], [0xf9, 'ự'], [0xfa, 'ỳ'],
  [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfd, 'ý'], [0xfe, 'ỵ'],
];

/** VNI-Windows: letters written with one byte (đ, ơ, ư, the toned i, ỵ), lower and upper case. */
export const VNI_LETTERS: ReadonlyArray<readonly [byte: number, letter: string]> = [
  [0xf1, 'đ'], [0xd1, 'Đ'], [0xf4, 'ơ'], [0xd4, 'Ơ'], [0xf6, 'ư'], [0xd6, 'Ư'],
  [0xec, 'ì'], [0xcc, 'Ì'], [0xed, 'í'], [0xcd, 'Í'], [0xe6, 'ỉ'], [0xc6, 'Ỉ'],
  [0xf3, 'ĩ'], [0xd3, 'Ĩ'], [0xf2, 'ị'], [0xd2, 'Ị'], [0xee, 'ỵ'], [0xce, 'Ỵ'],
];

/**
 * VNI-Windows: mark bytes written after a base vowel (a, e, i, o, u, y, ơ, ư): the combining marks they
 * stand for. Lower-case bytes follow lower-case letters, upper-case bytes (0xC0–0xDC) upper-case ones;
 * e.g. "a" + 0xF9 "ù" = "á", "o" + 0xE4 "ä" = "ộ", "A" + 0xC9 "É" = "Ắ".
 */
export const VNI_MARKS: ReadonlyArray<readonly [lower: number, upper: number, marks: string]> = [
  [0xf9, 0xd9, '\u0301'], // sắc (acute)
  [0xf8, 0xd8, '\u0300'], // huyền (grave)
  [0xfb, 0xdb, '\u0309'], // hỏi (hook above)
  [0xf5, 0xd5, '\u0303'], // ngã (tilde)
  [0xef, 0xcf, '\u0323'], // nặng (dot below)
  [0xe2, 0xc2, '\u0302'], // circumflex: â ê ô
  [0xe1, 0xc1, '\u0302\u0301'], // ấ ế ố
  [0xe0, 0xc0, '\u0302\u0300'], // ầ ề ồ
  [0xe5, 0xc5, '\u0302\u0309'], // ẩ ể ổ
  [0xe3, 0xc3, '\u0302\u0303'], // ẫ ễ ỗ
  [0xe4, 0xc4, '\u0302\u0323'], // ậ ệ ộ
  [0xea, 0xca, '\u0306'], // breve: ă
  [0xe9, 0xc9, '\u0306\u0301'], // ắ
  [0xe8, 0xc8, '\u0306\u0300'], // ằ
  [0xfa, 0xda, '\u0306\u0309'], // ẳ
  [0xfc, 0xdc, '\u0306\u0303'], // ẵ
  [0xeb, 0xcb, '\u0306\u0323'], // ặ
];
