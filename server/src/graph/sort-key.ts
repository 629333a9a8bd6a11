/**
 * A name's place in Vietnamese alphabetical order, as a string that sorts by code units — what Neo4j's ORDER BY and
 * its indexes compare. Names compared as they are put "Ủy ban Kiểm tra" and "Đảng đoàn …" after "Văn phòng", "các cơ
 * quan" after every capitalised name and "Ban Tuyên giáo" before "Ban Tổ chức" (ổ is U+1ED5).
 *
 * Three levels, as a dictionary orders: the letters of the Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư …, case
 * and tone aside), then the tones (none, huyền, hỏi, ngã, sắc, nặng), then lower case before upper case. Digits come
 * before letters, spaces and punctuation before digits; a letter of another alphabet after z. Pure.
 */

const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
/** Letter → its primary weight: one code unit from 'A' up, in the alphabet's order (above the digits '0'–'9'). */
const PRIMARY = new Map(ALPHABET.map((l, i) => [l, String.fromCharCode(0x41 + i)]));
const OTHER_LETTER = String.fromCharCode(0x41 + ALPHABET.length);
/** Combining marks that make another letter of the alphabet: breve (ă), circumflex (â ê ô), horn (ơ ư). */
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031b']);
/** Tone marks, in dictionary order: huyền, hỏi, ngã, sắc, nặng. */
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
/** Below every weight, so that a name sorts before the names it begins. */
const LEVEL_SEPARATOR = '\u0001';

/** A character's weights at the three levels; a space is told apart, as runs of spaces weigh as one. */
interface Weights {
  primary: string;
  tone: string;
  case: string;
  space: boolean;
}

/**
 * Weights of one base character with its combining marks. Remembered: names are made of few distinct clusters, and
 * weighing each again was the largest part of a national corpus's organisation rows (60 000 names; the keys now 3–4×
 * faster, the same).
 */
const clusterWeights = new Map<string, Weights>();

function weigh(cluster: string): Weights {
  const base = cluster[0]!;
  const marks = cluster.slice(1);
  const lower = base.toLowerCase();
  if (/\s/u.test(base)) return { primary: ' ', tone: '', case: '', space: true };
  if (/[0-9]/.test(base)) return { primary: base, tone: '', case: '', space: false };
  if (!/\p{L}/u.test(base)) return { primary: '!', tone: '', case: '', space: false };
  const letter = `${lower}${[...marks].filter((m) => LETTER_MARKS.has(m)).join('')}`.normalize('NFC');
  return {
    primary: PRIMARY.get(letter) ?? PRIMARY.get(lower) ?? `${OTHER_LETTER}${lower}`,
    tone: String(TONES.findIndex((t) => marks.includes(t)) + 1),
    case: base === lower ? 'a' : 'b',
    space: false,
  };
}

export function nameSortKey(name: string): string {
  let primary = '';
  let tones = '';
  let cases = '';
  // Each base character with the combining marks that follow it (NFD: "ắ" = a + breve + acute).
  for (const [cluster] of name.normalize('NFD').matchAll(/\P{M}\p{M}*/gu)) {
    let w = clusterWeights.get(cluster);
    if (w === undefined) {
      w = weigh(cluster);
      if (clusterWeights.size < 10_000) clusterWeights.set(cluster, w);
    }
    if (w.space) {
      if (!primary.endsWith(' ')) primary += ' ';
      continue;
    }
    primary += w.primary;
    tones += w.tone;
    cases += w.case;
  }
  return `${primary.trim()}${LEVEL_SEPARATOR}${tones}${LEVEL_SEPARATOR}${cases}`;
}
