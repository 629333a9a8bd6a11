/** Organisation patterns for task assignments. */

/** An organisation name starts with one of these heads (after "Đề nghị", "Đối với"). */
export const ORG_HEAD_RE = /^(?:(?:các|Các|Các cơ quan,)\s)?(?:Ban|ban|Ủy ban|Uỷ ban|UBND|HĐND|Sở|sở|Đảng đoàn|đảng đoàn|Đảng ủy|Đảng uỷ|đảng ủy|đảng uỷ|Văn phòng|Hội|Báo|Đài|Cấp ủy|Cấp uỷ|cấp ủy|cấp uỷ|Thường trực|Thường vụ|Mặt trận|MTTQ|Tỉnh đoàn|Đoàn|Trường|Hội đồng|Công an|Bộ|Cục|Chi cục|Phòng|Trung tâm|Viện|Tòa án|Toà án|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|huyện ủy|huyện uỷ|Huyện ủy|Huyện uỷ|cơ quan|địa phương|đơn vị|ngành|Liên đoàn|Công đoàn|Ngân hàng|Kho bạc|Chi bộ|chi bộ|chi(?=,\s*(?:đảng|Đảng) bộ)|Quân|Bộ Chỉ huy|tổ chức|Tổ chức|đoàn thể|Đảng bộ|đảng bộ)(?=\s|,|$)/;

/**
 * A leading body shared by the next items of a list: "Ban Cán sự đảng Tòa án nhân dân tỉnh, Viện kiểm sát
 * nhân dân tỉnh" names two party committees. [prefix at the start of the first item, head of a later item
 * that takes it]. A later item that names its own body ("Ban Thường vụ Tỉnh đoàn") keeps its name.
 */
export const SHARED_PREFIX_RULES: ReadonlyArray<[RegExp, RegExp]> = [
  [/^(?:Ban Cán sự đảng|Ban cán sự đảng|ban cán sự đảng)(?=\s)/, /^(?:Tòa án|Toà án|Viện [Kk]iểm sát|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Sở|Cục|Thanh tra|Bộ)\s/],
  [/^(?:Đảng đoàn|đảng đoàn)(?=\s)/, /^(?:Hội đồng nhân dân|HĐND|Mặt trận|Ủy ban Mặt trận|Uỷ ban Mặt trận|Ủy ban MTTQ|Uỷ ban MTTQ|Hội|Liên đoàn|Liên minh)\s/],
];

/** Prefixes removed from organisation names. */
export const ORG_PREFIX_RE = /^(?:Đề nghị|đề nghị|Đối với|đối với|Giao|giao|Yêu cầu)\s/;
/** Of those, the one that makes the item a topic ("Đối với …"), a noun phrase rather than "ORG VERB task". */
export const TOPIC_PREFIX_RE = /^(?:Đối với|đối với)\s/;

/** Verbs that start the task part of "ORG VERB …". Lower case only: "Ban Tổ chức" is a name. */
export const TASK_VERB_SOURCE = [
  'chủ trì', 'phối hợp', 'chỉ đạo', 'tăng cường', 'theo dõi', 'thực hiện', 'triển khai', 'xây dựng', 'tổ chức',
  'báo cáo', 'tham mưu', 'hướng dẫn', 'lãnh đạo', 'căn cứ', 'có trách nhiệm', 'chịu trách nhiệm', 'đôn đốc',
  'nghiên cứu', 'kiểm tra', 'tiếp tục', 'quán triệt', 'cụ thể hóa', 'cụ thể hoá', 'bố trí', 'đảm bảo', 'bảo đảm',
  'thường xuyên', 'chủ động', 'tuyên truyền', 'phổ biến', 'quản lý', 'động viên', 'rà soát',
].join('|');

/** Kinds of organisations, tested in order. */
export const ORG_KIND_RULES: ReadonlyArray<[RegExp, string]> = [
  [/Đảng đoàn|Ban Cán sự đảng|ban cán sự đảng/i, 'party'],
  [/Mặt trận|MTTQ/i, 'front'],
  [/Báo |Đài |cơ quan báo chí|báo chí|Truyền hình|Hội Nhà báo/i, 'press'],
  // "Sở …" (a department), not "cơ sở" ("Cấp ủy cơ sở lãnh đạo …" was a state body).
  [/(?<![Cc]ơ\s)(?<!\p{L})[Ss]ở(?!\p{L})/u, 'state'],
  [/Ủy ban nhân dân|Uỷ ban nhân dân|UBND|HĐND|Hội đồng nhân dân|Tòa án|Toà án|Viện kiểm sát|Viện Kiểm sát|Công an|Bộ Chỉ huy|chính quyền/i, 'state'],
  [/Hội |Tỉnh đoàn|Đoàn |Công đoàn|Liên đoàn|Hội Cựu|đoàn thể|tổ chức chính trị - xã hội/i, 'mass'],
  [/ủy|uỷ|Đảng|đảng|Ban Tuyên giáo|Ban Tổ chức|Ban Dân vận|Ban Nội chính|Ban tuyên giáo|tuyên huấn/i, 'party'],
];
