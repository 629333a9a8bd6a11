/** Timing annotations in task lists: "(nhiệm vụ thường xuyên)", "(thực hiện năm 2023)". */

/** Parenthesised annotation; the content must start with a timing word. */
export const TIMING_PAREN_RE = /\((?<t>(?:nhiệm vụ|thực hiện|hoàn thành|triển khai|sau khi|từ năm|trong năm|năm|quý|hằng năm|hàng năm|định kỳ|thường xuyên|trước|đến)[^()]{0,160})\)/gi;

export const RECURRING_RE = /thường xuyên|hằng năm|hàng năm|định kỳ|liên tục/i;
export const CONDITIONAL_RE = /sau khi|khi có/i;
export const RANGE_RE = /(?<a>(?:19|20)\d\d)\s?(?:-|–|đến)\s?(?:năm\s)?(?<b>(?:19|20)\d\d)/;
export const FROM_YEAR_RE = /từ (?:tháng \d{1,2} )?năm (?<a>(?:19|20)\d\d)/i;
export const YEAR_RE = /(?:19|20)\d\d/g;
export const MONTH_RE = /tháng\s\d{1,2}|quý\s[IV1-4]+/i;

/** The end of a period named within a year, for a task's due day: "tháng 6/2023", "tháng 6 năm 2023". */
export const MONTH_OF_YEAR_RE = /tháng\s?(?<m>\d{1,2})\s?(?:\/|năm\s?)(?<y>(?:19|20)\d\d)/gi;
/** "quý III năm 2023", "quý IV/2023", "quý 2/2024". */
export const QUARTER_OF_YEAR_RE = /quý\s?(?<q>IV|I{1,3}|[1-4])\s?(?:\/|năm\s?)(?<y>(?:19|20)\d\d)/gi;
/** "6 tháng đầu năm 2023" (ends 30 June); "6 tháng cuối năm" is the year's end. */
export const FIRST_HALF_RE = /6 tháng đầu năm\s?(?<y>(?:19|20)\d\d)/gi;
/** The end of a period begun "từ …": "đến năm 2025", "đến hết tháng 6/2024", "đến ngày 30/6/2025", "đến quý II/2025". */
export const UNTIL_YEAR_RE = /(?:đến|tới)\s(?:hết\s)?(?:ngày\s\d{1,2}\s?\/\s?\d{1,2}\s?\/\s?|(?:tháng\s?\d{1,2}|quý\s?(?:IV|I{1,3}|[1-4]))\s?(?:\/|năm\s?)|năm\s)?(?<y>(?:19|20)\d\d)/i;
