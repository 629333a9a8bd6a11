/** Line-level patterns: headings, bullets, structural markers. Applied to trimmed lines of flat text. */

/** "I. MỤC ĐÍCH, YÊU CẦU", "IV- TỔ CHỨC THỰC HIỆN". */
export const ROMAN_HEADING_RE = /^(?<num>[IVX]{1,5})\s?[.\-–]\s?(?<title>[^\p{Ll}]+)$/u;
/** Sections that assign tasks. */
export const ASSIGNMENT_SECTION_RE = /^(?:[IVX]{1,5}\s?[.\-–]\s?)?(?:TỔ CHỨC THỰC HIỆN|Tổ chức thực hiện)\s?:?$/;
export const SPECIFIC_TASKS_RE = /^(?<num>\d{1,2})\s?\.\s?Nhiệm vụ(?:,| và)? giải pháp cụ thể\s?:?$/i;
/** Numbered item: "1. …", "2.1. …", "1) …". */
export const NUMBERED_RE = /^(?<num>\d{1,2}(?:\.\d{1,2}){0,3})(?:\.|\))\s?(?<rest>.*)$/;
/** Bullet: "- …", "+ …", "• …". */
export const BULLET_RE = /^(?:[-+•–]\s?)+(?<rest>.*)$/;
/** Opening that names what the document implements. */
export const OPENING_RE = /^(?<verb>Thực hiện|Căn cứ|Triển khai|Thi hành)\s/;
/** Ends the body. */
export const RECIPIENTS_RE = /^(?:Nơi nhận|NƠI NHẬN|Kính gửi)\s?:?/;
export const CLOSING_RE = /^(?:Trên đây là|Trong quá trình (?:tổ chức )?thực hiện)/;
export const ANNEX_RE = /^\(?\s?(?:Kèm theo|Ban hành kèm theo)\s/i;
/** Header boilerplate lines. */
export const NATIONAL_HEADER_RE = /^(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HO[ÀA] XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s?-\s?Tự do\s?-\s?Hạnh phúc|\*|-+)$/;
export const OWN_NUMBER_RE = /^Số\s?:?\s?/;
/**
 * A line under the type heading that names who issued it, not what it is about: "CỦA BỘ CHÍNH TRỊ", "HỘI NGHỊ LẦN THỨ
 * SÁU BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII" (then "về …", the title). Upper case only.
 */
export const TITLE_ISSUER_LINE_RE = /^(?:CỦA\s|HỘI NGHỊ\s|BAN CHẤP HÀNH\s|BỘ CHÍNH TRỊ\b|BAN BÍ THƯ\b|ĐẠI HỘI\s)[^\p{Ll}]*$/u;
export const PLACE_DATE_RE = /^(?:(?<place>[\p{Lu}][\p{L} .\-]{1,40}?)\s?,\s?)?ngày\s?(?<d>\d{1,2})\s?tháng\s?(?<m>\d{1,2})\s?năm\s?(?<y>(?:19|20)\d\d)$/u;
