/**
 * Detection of legacy Vietnamese 8-bit encodings (TCVN3/ABC, VNI), on raw bytes and on text that was
 * decoded as if it were Latin-1/Windows-1252 (e.g. a .docx typed with a ".VnTime" or "VNI-Times" font).
 * We refuse such input with an error naming the encoding rather than convert it: a wrong table would
 * silently corrupt names and codes.
 */

export type LegacyEncoding = 'TCVN3 (ABC)' | 'VNI';

// TCVN3: đ = 0xAE "®", Đ = 0xA7 "§", ư = 0xAD, ơ = 0xAC, ê = 0xAA, â = 0xA9, ă = 0xA8, ô = 0xAB,
// toned vowels 0xB5–0xFE ("¸" á, "Ö" ệ, "Õ" ế …), all standalone bytes.
const TCVN3_STRONG = new Set([0xa7, 0xae, 0xad, 0xac, 0xaa, 0xa9, 0xb8, 0xb5, 0xb6, 0xb9, 0xd6, 0xd5, 0xc7, 0xca, 0xcb, 0xe9, 0xe8, 0xf9]);
// VNI: a vowel followed by a tone/shape byte ("aù" á, "aø" à, "eä" ệ, "oâ" ô), đ = 0xF1 "ñ", Đ = 0xD1 "Ñ".
const VNI_MARKS = new Set([0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe8, 0xe9, 0xea, 0xeb, 0xef, 0xf5, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc8, 0xc9, 0xca, 0xcb, 0xcf, 0xd5, 0xd8, 0xd9, 0xda, 0xdb, 0xdc]);
const VOWELS = new Set([...'aeiouyAEIOUY'].map((c) => c.charCodeAt(0)));

/** Codes (0–255) of a byte sequence or of a Latin-1-range string. */
function at(src: Uint8Array | string, i: number): number {
  return typeof src === 'string' ? src.charCodeAt(i) : src[i]!;
}

export function detectLegacy(src: Uint8Array | string): LegacyEncoding | null {
  const n = Math.min(src.length, 1 << 20);
  let high = 0;
  let vniPairs = 0;
  let vniD = 0;
  let tcvn = 0;
  let letters = 0;
  let vietUnicode = 0;
  for (let i = 0; i < n; i++) {
    const c = at(src, i);
    if (c >= 0x1ea0 && c <= 0x1ef9) vietUnicode++;
    if (c === 0x0111 || c === 0x0110 || c === 0x01a1 || c === 0x01b0) vietUnicode++;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
    if (c < 0x80 || c > 0xff) continue;
    high++;
    if (i > 0 && VNI_MARKS.has(c) && VOWELS.has(at(src, i - 1))) vniPairs++;
    if (c === 0xf1 || c === 0xd1) vniD++;
    if (TCVN3_STRONG.has(c)) tcvn++;
  }
  // Text with real Vietnamese Unicode letters is not legacy.
  if (vietUnicode > 0 && vietUnicode * 4 > high) return null;
  if (high < 8 || high * 50 < letters) return null;
  if ((vniPairs + vniD) / high > 0.6) return 'VNI';
  if (tcvn / high > 0.3) return 'TCVN3 (ABC)';
  return null;
}
