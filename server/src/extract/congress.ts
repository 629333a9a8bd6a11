/**
 * Find: congresses' resolutions, which texts name without a code ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII
 * của Đảng"), as mentions of a code of their own ("Đại hội XIII/TW", codes.ts congressCode), so that resolving and
 * annotating them is what it is for any other mention. Whose congress it is:
 *  - the Party's national congress when the words say "toàn quốc" or "của Đảng";
 *  - a province's when they say "Đảng bộ tỉnh" (or "Đảng bộ thành phố" of a city that is a province), the province
 *    named or else the citing text's own (relations.ts placedMention);
 *  - a district's, a bloc's or a commune's when they say so, the unit named or the citing text's own of that kind;
 *  - else none: "Nghị quyết Đại hội XIII" alone may be a province's fourteenth or the Party's thirteenth — not guessed.
 * A congress's resolution is about everything; its node's title (the mention's subject) is its name, written one way
 * whatever the wording: "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng".
 */
import { congressCode, congressNumeral, issuerLevel, type ParsedCode } from './codes.js';
import { levelFromName } from './issuer.js';
import { CONGRESS_ANCHOR, CONGRESS_ANCHOR_AT, CONGRESS_ISSUERS, OWN_CONGRESS_RE, congressRegex } from './patterns/congress.js';
import type { LevelKey } from './types.js';
import { provinceIn } from './place.js';
import type { Flat } from './normalize.js';
import type { Mention } from './references.js';

const NATIONAL_ISSUER = 'Đại hội đại biểu toàn quốc';

/** The code's issuer part for a congress of a body at this level ("Khối": a bloc's). */
const ISSUER_BY_LEVEL: Readonly<Record<LevelKey, string>> = { central: 'TW', provincial: 'TU', district: 'HU', commune: 'ĐU' };

/**
 * A congress's own resolution, which prints no number: its code from its issuer's name ("Đại hội đại biểu lần thứ xiv
 * Đảng bộ tỉnh Bình Thuận" → "Đại hội XIV/TU"), so the text takes the place of the node every citing text leads to.
 * Null when the name is no congress's, or says nothing of whose (a level the name does not give is not guessed).
 */
export function ownCongressCode(issuerName: string | null): ParsedCode | null {
  const m = issuerName ? OWN_CONGRESS_RE.exec(issuerName) : null;
  const numeral = m ? congressNumeral(m.groups!.n!) : null;
  if (!numeral) return null;
  if (m!.groups!.nat) return congressCode(numeral, 'TW');
  const level = levelFromName(issuerName!);
  const issuer = level === 'district' && /(?:^|\s)khối(?:\s|$)/iu.test(issuerName!) ? 'ĐUK' : level ? ISSUER_BY_LEVEL[level] : null;
  return issuer ? congressCode(numeral, issuer) : null;
}

export function findCongressMentions(flat: Flat): Mention[] {
  const out: Mention[] = [];
  const text = flat.text;
  const re = congressRegex();
  for (let at = text.indexOf(CONGRESS_ANCHOR); at >= 0; at = text.indexOf(CONGRESS_ANCHOR, at + 1)) {
    if (at < CONGRESS_ANCHOR_AT) continue;
    re.lastIndex = at - CONGRESS_ANCHOR_AT;
    const m = re.exec(text);
    if (!m) continue;
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    const codeStart = start + g.tw!.length + 1;
    let issuerCode: string | null = null;
    let issuer = NATIONAL_ISSUER;
    let issuerProvince: string | null = null;
    if (g.nat != null || (g.body == null && g.party != null)) issuerCode = 'TW';
    else if (g.body != null) {
      const body = `${g.word!}${g.name!}`;
      issuer = `Đại hội ${g.body.replace(/^[Đđ]ại biểu /, '')}`;
      issuerProvince = /^(?:tỉnh|thành phố)/.test(body) ? provinceIn(body) : null;
      const word = g.word!.toLowerCase();
      if (word === 'tỉnh' && !issuerProvince && g.name) continue; // "Đảng bộ tỉnh <not a province>"
      issuerCode = issuerProvince ? 'TU' : CONGRESS_ISSUERS[word]!;
    }
    if (!issuerCode) continue;
    const parsed = congressCode(g.n!, issuerCode);
    const title = issuerCode === 'TW' ? `Nghị quyết ${NATIONAL_ISSUER} lần thứ ${parsed.number} của Đảng` : `Nghị quyết ${issuer} lần thứ ${parsed.number}`;
    out.push({
      start,
      end,
      codeStart,
      codeEnd: end,
      code: parsed.code,
      parsed,
      typeWord: g.tw!,
      issuedOn: null,
      issuer,
      term: null,
      issuerProvince,
      level: issuerLevel(issuerCode),
      subject: title,
    });
  }
  return out;
}
