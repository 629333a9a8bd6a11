/**
 * Task tables ("Phụ lục phân công nhiệm vụ"): a row is a line written "| cell | cell |" (a .docx table as files/docx.ts
 * writes it, or a Markdown table); its header names the columns by what they hold.
 */

/** A table row: "|" first and last. */
export const TABLE_ROW_RE = /^\|.*\|$/;
/** A Markdown separator row: "|---|:---:|". */
export const TABLE_RULE_RE = /^\|(?:\s*:?-{2,}:?\s*\|)+$/;
/** The column of the body in charge: "Cơ quan chủ trì", "Đơn vị thực hiện", "Chủ trì thực hiện", "Cơ quan, đơn vị chịu trách nhiệm". */
export const LEAD_COLUMN_RE = /chủ trì|^(?:cơ quan|đơn vị|bộ phận|cấp)(?:,?\s(?:cơ quan|đơn vị|địa phương))?\s(?:thực hiện|phụ trách|chịu trách nhiệm|được giao|tham mưu)/iu;
/** The column of the bodies that help: not the one in charge. */
export const HELPER_COLUMN_RE = /phối hợp/iu;
/** The column of the task: "Nội dung nhiệm vụ", "Nhiệm vụ", "Công việc", "Nội dung công việc", "Hoạt động". */
export const TASK_COLUMN_RE = /nội dung|nhiệm vụ|công việc|hoạt động|giải pháp/iu;
/** The column of the deadline: "Thời gian hoàn thành", "Thời hạn", "Tiến độ". */
export const TIME_COLUMN_RE = /thời gian|thời hạn|tiến độ|hoàn thành|thời điểm/iu;
