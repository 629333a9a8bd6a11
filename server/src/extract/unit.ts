/**
 * The unit below the province a document belongs to, and the names that are relative to it. A commune's plan
 * assigns tasks to "Văn phòng Đảng ủy", a bloc's to "Ban Tuyên giáo Đảng ủy Khối", a district's standing committee
 * signs as "Ban Thường vụ Huyện ủy": every commune, bloc or district of the province writes the same words for its
 * own body. Such names are completed with the unit ("Văn phòng Đảng ủy xã Hàm Thắng"), and a name that cannot be
 * completed and names no unit of its own ("Cấp ủy cơ sở", "Đoàn Thanh niên thôn 1") is given the unit, so that the
 * graph keeps the bodies of two units apart. Pure; no I/O.
 */
import { levelRank } from './levels.js';
import { ANY_LEVEL_ISSUER_RE, BLOC_ISSUER_RE } from './patterns/codes.js';
import { findProvince } from './provinces.js';
import {
  BARE_BLOC_RE, BARE_DISTRICT_COMMITTEE_RE, BARE_PARTY_COMMITTEE_RE, BARE_UNIT_WORD_RE, DISTRICT_COMMITTEE, HEADER_UNIT_RULES,
  OF_OTHER_BEFORE_RE, TEXT_UNIT_RULES,
} from './patterns/units.js';
import type { LevelKey, Unit } from './types.js';

type RuleKind = 'commune' | 'district' | 'district-committee' | 'bloc';

/** "HÀM THUẬN BẮC" → "Hàm Thuận Bắc"; a name already in mixed case is kept. */
function properCase(s: string): string {
  const t = s.trim().replace(/\s+/g, ' ');
  if (/\p{Ll}/u.test(t)) return t;
  return t
    .toLowerCase()
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

const COMMITTEE_WORD: Readonly<Record<string, string>> = { huyện: 'huyện', quận: 'quận', thị: 'thị xã', thành: 'thành phố' };

function toUnit(kind: RuleKind, word: string | undefined, rawName: string): Unit | null {
  if (kind === 'bloc') {
    const rest = rawName.trim().replace(/\s+/g, ' ').toLowerCase().replace(/doanh nghiệp/, 'Doanh nghiệp').replace(/(?<=\s|^)đảng(?=\s|$)/, 'Đảng');
    return { kind: 'bloc', name: `Khối ${rest}`, proper: rest, level: 'district' };
  }
  const proper = properCase(rawName);
  // "thành phố Hà Nội", "Thành ủy Hà Nội", "tỉnh …": a province, not a unit below it.
  if (findProvince(proper)) return null;
  const w = word!.toLowerCase();
  if (kind === 'commune') return { kind: 'commune', name: `${w} ${proper}`, proper, level: 'commune' };
  const named = kind === 'district-committee' ? COMMITTEE_WORD[w]! : w;
  return { kind: 'district', name: `${named} ${proper}`, proper, level: 'district' };
}

function deeper(a: Unit | null, b: Unit | null): Unit | null {
  if (!a) return b;
  if (!b) return a;
  return (levelRank(b.level) ?? 0) >= (levelRank(a.level) ?? 0) ? b : a;
}

/** The lowest unit the header's upper-case lines name ("ĐẢNG BỘ HUYỆN TUY PHONG" then "ĐẢNG ỦY XÃ PHÚ LẠC" → the commune). */
export function unitFromHeader(lines: readonly string[]): Unit | null {
  let found: Unit | null = null;
  let district: Unit | null = null;
  for (const line of lines) {
    const t = line.trim().replace(/\s+/g, ' ');
    for (const [re, kind] of HEADER_UNIT_RULES) {
      const m = re.exec(t);
      if (!m) continue;
      const unit = toUnit(kind, m.groups!.word, m.groups!.name!);
      if (unit?.kind === 'district') district = unit;
      found = deeper(found, unit);
      break;
    }
  }
  return found?.kind === 'commune' && district ? { ...found, within: district } : found;
}

/** The first unit a phrase names that is not the unit of a text it refers to ("… của Ban Thường vụ Huyện ủy X"). */
export function unitInText(s: string, only?: Unit['kind']): Unit | null {
  let best: { at: number; unit: Unit } | null = null;
  for (const [re, kind] of TEXT_UNIT_RULES) {
    if (only && (kind === 'district-committee' ? 'district' : kind) !== only) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
      if (OF_OTHER_BEFORE_RE.test(s.slice(Math.max(0, m.index - 60), m.index))) continue;
      const unit = toUnit(kind, m.groups!.word, m.groups!.name!);
      if (unit && (!best || m.index < best.at)) best = { at: m.index, unit };
      break;
    }
  }
  return best?.unit ?? null;
}

/** The unit a bare name asks for: "Ban Thường vụ Đảng ủy Khối" → a bloc, "… Huyện ủy" → a district, "… Đảng ủy" → a commune. */
function bareKind(name: string): Unit['kind'] | null {
  if (BARE_BLOC_RE.test(name)) return 'bloc';
  if (BARE_DISTRICT_COMMITTEE_RE.test(name)) return 'district';
  if (BARE_PARTY_COMMITTEE_RE.test(name)) return 'commune';
  const w = BARE_UNIT_WORD_RE.exec(name)?.groups?.word;
  if (!w) return null;
  return (['xã', 'phường', 'thị trấn', 'đặc khu'] as string[]).includes(w) ? 'commune' : 'district';
}

/**
 * The document's unit below the province: the header's lines first, then the issuer's name, then — when the issuer's
 * name is bare ("Ban Thường vụ Đảng ủy Khối") — the title's unit of that kind ("… ở Đảng bộ Khối các cơ quan tỉnh").
 */
export function documentUnit(headerLines: readonly string[], issuerName: string | null, title: string | null): Unit | null {
  const fromHeader = unitFromHeader(headerLines);
  if (fromHeader) return fromHeader;
  if (issuerName) {
    const own = unitInText(issuerName);
    if (own) return own;
    const kind = bareKind(issuerName);
    if (kind && title) return unitInText(title, kind);
  }
  return null;
}

/** "huyện" of "huyện Hàm Thuận Bắc". */
function unitWord(unit: Unit): string {
  return unit.name.slice(0, unit.name.length - unit.proper.length - 1);
}

/** "Ban Tuyên giáo Đảng ủy Khối" + bloc "Khối các cơ quan tỉnh" → "Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh". */
export function completeName(name: string, unit: Unit | null): string {
  if (!unit) return name;
  if (unit.kind === 'bloc') return BARE_BLOC_RE.test(name) ? `${name} ${unit.proper}` : name;
  const committee = BARE_DISTRICT_COMMITTEE_RE.exec(name);
  if (committee) {
    // A commune's text names its district's committee bare too ("Thường trực Huyện ủy").
    const district = unit.kind === 'district' ? unit : (unit.within ?? null);
    return district && DISTRICT_COMMITTEE[unitWord(district)]?.startsWith(committee.groups!.word!) ? `${name} ${district.proper}` : name;
  }
  const word = unitWord(unit);
  if (unit.kind === 'commune' && BARE_PARTY_COMMITTEE_RE.test(name)) return `${name} ${unit.name}`;
  const bareWord = BARE_UNIT_WORD_RE.exec(name)?.groups?.word;
  if (bareWord && bareWord === word) return `${name} ${unit.proper}`;
  return name;
}

/**
 * The unit to keep with an organisation of a unit's document: none when its name names a unit of its own
 * ("Ủy ban nhân dân xã Hàm Thắng", "Ban Tuyên giáo Tỉnh ủy") or it stands above the unit (a provincial body);
 * else the document's unit.
 */
export function unitOf(name: string, level: LevelKey | null, unit: Unit | null): string | null {
  if (!unit) return null;
  const rank = levelRank(level);
  if (rank != null && rank < (levelRank(unit.level) ?? 0)) return null;
  if (unitInText(name)) return null;
  if (/Tỉnh (?:ủy|uỷ)|(?:^|\s)tỉnh(?:$|\s)/u.test(name)) return null;
  return unit.name;
}

/** The kind of unit whose body a code of this level and issuer comes from: a district's, a bloc's, a commune's; null above. */
function codeUnitKind(level: LevelKey | null, codeIssuer: string | null): Unit['kind'] | null {
  if (level === 'commune') return 'commune';
  if (level === 'district') return codeIssuer && BLOC_ISSUER_RE.test(codeIssuer) ? 'bloc' : 'district';
  return null;
}

/**
 * The unit below the province whose body issued a mentioned text: part of that text's identity, as every commune,
 * district and bloc of a province numbers its own texts ("05-KH/ĐU" of two communes on one day are two texts).
 *  - The unit the mention's issuer names ("… của Ban Thường vụ Đảng ủy xã Hàm Thắng", "… của UBND huyện Tuy Phong");
 *  - else, for a code of a unit's committee, the citing text's own unit of that kind: a commune's text citing
 *    "12-KH/HU" cites its own district's plan (the only Huyện ủy above it), a bloc's text citing "25-KH/ĐUK" its bloc's;
 *  - else null: a provincial or central code (its province says whose it is), or a unit nobody says — such a mention
 *    then stays a text of the province alone, never matched with one unit's text.
 */
export function mentionUnit(issuer: string | null, level: LevelKey | null, codeIssuer: string | null, doc: Unit | null): Unit | null {
  if (level === 'central') return null;
  // A provincial party code ("…/TU", "…/BTGTU") is the province's whatever the words after it say.
  if (level === 'provincial' && !(codeIssuer && ANY_LEVEL_ISSUER_RE.test(codeIssuer))) return null;
  const named = issuer ? unitInText(issuer) : null;
  if (named) return named;
  const kind = codeUnitKind(level, codeIssuer);
  if (!kind || !doc) return null;
  if (kind === 'district') return doc.kind === 'district' ? doc : doc.kind === 'commune' ? (doc.within ?? null) : null;
  return doc.kind === kind ? doc : null;
}

/** The unit a document's own identity carries: its unit when its issuer stands below the province, else none. */
export function issuingUnit(record: { unit?: Unit | null; issuer: { level: LevelKey | null } }): string | null {
  if (!record.unit) return null;
  const rank = levelRank(record.issuer.level);
  return rank != null && rank > (levelRank('provincial') ?? 1) ? record.unit.name : null;
}
