/** Which province a text belongs to. */
import { PROVINCE_CONTEXT_RE, SITE_SLUG_RE, SITE_TLDS } from './patterns/places.js';
import { findProvince, provinceBySlug } from './provinces.js';

/** Longest run of 1–4 words at the start of `words` that names a province. */
function matchWords(words: string[]): string | null {
  for (let k = Math.min(4, words.length); k >= 1; k--) {
    const p = findProvince(words.slice(0, k).join(' '));
    if (p) return p.name;
  }
  return null;
}

/** Province named in a short phrase with a context word ("… Đảng bộ tỉnh Bình Thuận"), else null. */
export function provinceIn(s: string): string | null {
  PROVINCE_CONTEXT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PROVINCE_CONTEXT_RE.exec(s)) !== null) {
    const name = matchWords(m.groups!.name!.split(/\s(?:-\s)?/));
    if (name) return name;
  }
  return null;
}

/** Votes for provinces across a text: mentions with a context word, and provincial site names. */
export function provinceVotes(text: string, weight = 1, votes = new Map<string, number>()): Map<string, number> {
  PROVINCE_CONTEXT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PROVINCE_CONTEXT_RE.exec(text)) !== null) {
    const name = matchWords(m.groups!.name!.split(/\s(?:-\s)?/));
    if (name) votes.set(name, (votes.get(name) ?? 0) + weight);
  }
  for (const tld of SITE_TLDS) {
    for (let at = text.indexOf(tld); at >= 0; at = text.indexOf(tld, at + tld.length)) {
      const sm = SITE_SLUG_RE.exec(text.slice(Math.max(0, at - 24), at));
      const p = sm ? provinceBySlug(sm[1]!) : null;
      if (p) votes.set(p.name, (votes.get(p.name) ?? 0) + weight);
    }
  }
  return votes;
}

export function bestVote(votes: Map<string, number>): string | null {
  let best: string | null = null;
  let bestN = 0;
  let tie = false;
  for (const [k, n] of votes) {
    if (n > bestN) {
      best = k;
      bestN = n;
      tie = false;
    } else if (n === bestN) tie = true;
  }
  return tie ? null : best;
}
