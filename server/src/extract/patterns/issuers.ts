/** Issuing bodies: the subject of the opening sentence, level words, and code issuer ↔ name rules. */

/** ", Ban Tuyên giáo Tỉnh ủy hướng dẫn …" — the body that issues the document. */
export const OPENING_SUBJECT_RE =
  /(?:^|[,;)]\s?)(?<org>(?:Ban|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Hội|Đảng ủy|Đảng uỷ|Đảng đoàn|Bộ Chính trị|Bộ|Sở|Thường trực|Huyện ủy|Huyện uỷ|Chi bộ|Văn phòng|Mặt trận|Đoàn|Thủ tướng|Chính phủ)[^,;()]{0,100}?)\s(?<v>hướng dẫn|xây dựng|ban hành|chỉ đạo|yêu cầu|đề ra|thông báo|kết luận|quyết định|quy định|triển khai|đề nghị|lập)(?=[\s,.:]|$)/gu;

/** Level of a body from its name, tested in order. */
export const NAME_LEVEL_RULES: ReadonlyArray<[RegExp, string]> = [
  [/Trung ương|Trung ương|Bộ Chính trị|Ban Bí thư|Chính phủ|Thủ tướng|Quốc hội/, 'central'],
  [/(?:Đảng|đảng) (?:ủy|uỷ) (?:Khối|khối)|Khối các cơ quan|Khối doanh nghiệp/, 'district'],
  [/(?:[Cc]ấp (?:ủy|uỷ) cơ sở|tổ chức cơ sở đảng|(?:Đảng|đảng) (?:ủy|uỷ) (?:xã|phường|thị trấn)|(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (?:xã|phường|thị trấn))/, 'commune'],
  [/[Hh]uyện|[Qq]uận (?:ủy|uỷ)|[Tt]hị (?:ủy|uỷ)|thị xã|thành phố trực thuộc|các huyện|thành (?:ủy|uỷ) trực thuộc/, 'district'],
  [/Tỉnh (?:ủy|uỷ)|TỈNH (?:ỦY|UỶ)|[Tt]ỉnh|Thành (?:ủy|uỷ)|Đảng bộ tỉnh/, 'provincial'],
];

/** Code issuer part → pattern the issuing body's name must match (used to identify numberless texts). */
export const ISSUER_NAME_RULES: ReadonlyArray<[RegExp, RegExp]> = [
  [/^TU$/, /^(?:Tỉnh (?:ủy|uỷ)|Ban Chấp hành Đảng bộ tỉnh|Ban Thường vụ Tỉnh (?:ủy|uỷ)|Thường trực Tỉnh (?:ủy|uỷ))/],
  [/^BTGTU$/, /^Ban Tuyên giáo Tỉnh (?:ủy|uỷ)/i],
  [/^BTCTU$/, /^Ban Tổ chức Tỉnh (?:ủy|uỷ)/i],
  [/^BDVTU$/, /^Ban Dân vận Tỉnh (?:ủy|uỷ)/i],
  [/^ĐUK$/, /Đảng (?:ủy|uỷ) Khối/],
  [/^UBND$/, /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)/],
  [/^MTTQ/, /(?:MTTQ|Mặt trận Tổ quốc)/],
  [/^TW$/, /^(?:Ban Chấp hành Trung ương|Bộ Chính trị|Ban Bí thư)/],
  [/^BTGTW$/, /^Ban Tuyên giáo Trung ương/],
];

/** Canonical names for code issuers (used when the text names no issuer). */
export const ISSUER_NAMES: Readonly<Record<string, string>> = {
  TW: 'Ban Chấp hành Trung ương Đảng',
  TU: 'Tỉnh ủy',
  BTGTU: 'Ban Tuyên giáo Tỉnh ủy',
  BTCTU: 'Ban Tổ chức Tỉnh ủy',
  BDVTU: 'Ban Dân vận Tỉnh ủy',
  UBKTTU: 'Ủy ban Kiểm tra Tỉnh ủy',
  VPTU: 'Văn phòng Tỉnh ủy',
  BTGTW: 'Ban Tuyên giáo Trung ương',
  BTCTW: 'Ban Tổ chức Trung ương',
  VPTW: 'Văn phòng Trung ương Đảng',
  ĐUK: 'Đảng ủy Khối',
  UBND: 'Ủy ban nhân dân',
  CP: 'Chính phủ',
  TTg: 'Thủ tướng Chính phủ',
};
