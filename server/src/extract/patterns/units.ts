/**
 * Units below the province: a bloc of party organisations ("Đảng bộ Khối các cơ quan tỉnh"), a district-level unit
 * ("Huyện ủy Hàm Thuận Bắc", "thị xã La Gi") and a commune ("Đảng ủy xã Hàm Thắng", "phường 2"). Patterns only; the
 * logic is in ../unit.ts.
 */

/** A proper name after a unit word: capitalised words or numbers ("Hàm Thuận Bắc", "Phú Thủy", "2"). */
const PROPER = String.raw`(?:\p{Lu}[\p{L}]*|\d{1,3})(?:\s(?:-\s)?(?:\p{Lu}[\p{L}]*|\d{1,3})){0,4}`;

/** Words that name a unit of each kind, as in running text (lower case), with the party committee's word. */
export const UNIT_WORDS = {
  commune: ['xã', 'phường', 'thị trấn', 'đặc khu'],
  district: ['huyện', 'quận', 'thị xã', 'thành phố'],
} as const;

/** The party committee of a district-level unit, by unit word: a "thị xã" has a "Thị ủy". */
export const DISTRICT_COMMITTEE: Readonly<Record<string, string>> = {
  huyện: 'Huyện ủy',
  quận: 'Quận ủy',
  'thị xã': 'Thị ủy',
  'thành phố': 'Thành ủy',
};

/**
 * A unit named in a header line, upper case ("ĐẢNG ỦY XÃ HÀM THẮNG", "XÃ HÀM THẮNG", "HUYỆN ỦY HÀM THUẬN BẮC",
 * "ĐẢNG BỘ HUYỆN TUY PHONG", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"); matched case-insensitively, the whole line.
 */
export const HEADER_UNIT_RULES: ReadonlyArray<[RegExp, 'commune' | 'district' | 'district-committee' | 'bloc']> = [
  [/^(?:(?:ĐẢNG (?:ỦY|UỶ|BỘ)|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM)\s+)?(?<word>XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+(?<name>\S.*)$/iu, 'commune'],
  [/^(?<word>HUYỆN|QUẬN|THỊ|THÀNH)\s+(?:ỦY|UỶ)\s+(?<name>\S.*)$/iu, 'district-committee'],
  [/^(?:(?:ĐẢNG BỘ|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM)\s+)?(?<word>HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ)\s+(?<name>\S.*)$/iu, 'district'],
  [/^(?:ĐẢNG (?:ỦY|UỶ|BỘ)\s+)?KHỐI\s+(?<name>(?:CÁC\s+)?(?:CƠ QUAN|DOANH NGHIỆP).*)$/iu, 'bloc'],
];

/**
 * A unit named in running text: "Đảng ủy xã Hàm Thắng", "Huyện ủy Hàm Thuận Bắc", "ở Đảng bộ Khối các cơ quan tỉnh".
 * Global: the caller sets lastIndex to 0 before each search.
 */
export const TEXT_UNIT_RULES: ReadonlyArray<[RegExp, 'commune' | 'district' | 'district-committee' | 'bloc']> = [
  [new RegExp(String.raw`(?<![\p{L}])(?<word>xã|phường|thị trấn|đặc khu)\s(?<name>${PROPER})`, 'gu'), 'commune'],
  [new RegExp(String.raw`(?<![\p{L}])(?<word>Huyện|Quận|Thị|Thành) (?:ủy|uỷ)\s(?<name>${PROPER})`, 'gu'), 'district-committee'],
  [new RegExp(String.raw`(?<![\p{L}])(?<word>huyện|quận|thị xã|thành phố)\s(?<name>${PROPER})`, 'gu'), 'district'],
  [/(?:Đảng (?:ủy|uỷ|bộ)) Khối\s(?<name>(?:các\s)?(?:cơ quan|[Dd]oanh nghiệp)(?:\s(?:và|các|cơ quan|[Dd]oanh nghiệp|Đảng|đảng))*\s(?:tỉnh|thành phố))/gu, 'bloc'],
];

/** Before a unit in a title: the unit belongs to the text implemented ("… của Ban Thường vụ Huyện ủy …"), not its issuer. */
export const OF_OTHER_BEFORE_RE = /của\s(?:[\p{L}]+\s){0,4}$/u;

/** A name that ends on a unit's bare word, to be completed with the document's unit ("Ban Tuyên giáo Đảng ủy Khối"). */
export const BARE_BLOC_RE = /(?:Đảng (?:ủy|uỷ)|Đảng bộ) Khối$/u;
export const BARE_PARTY_COMMITTEE_RE = /(?:^|\s)(?:Đảng|đảng) (?:ủy|uỷ)$/u;
export const BARE_DISTRICT_COMMITTEE_RE = /(?:^|\s)(?<word>Huyện|Quận|Thị|Thành) (?:ủy|uỷ)$/u;
export const BARE_UNIT_WORD_RE = /\s(?<word>xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố)$/u;
