/** Timing annotations in task lists: "(nhiệm vụ thường xuyên)", "(thực hiện năm 2023)". */

/** Parenthesised annotation; the content must start with a timing word. */
export const TIMING_PAREN_RE = /\((?<t>(?:nhiệm vụ|thực hiện|hoàn thành|triển khai|sau khi|từ năm|trong năm|năm|quý|hằng năm|hàng năm|định kỳ|thường xuyên|trước|đến)[^()]{0,160})\)/gi;

export const RECURRING_RE = /thường xuyên|hằng năm|hàng năm|định kỳ|liên tục/i;
export const CONDITIONAL_RE = /sau khi|khi có/i;
export const RANGE_RE = /(?<a>(?:19|20)\d\d)\s?(?:-|–|đến)\s?(?:năm\s)?(?<b>(?:19|20)\d\d)/;
export const FROM_YEAR_RE = /từ (?:tháng \d{1,2} )?năm (?<a>(?:19|20)\d\d)/i;
export const YEAR_RE = /(?:19|20)\d\d/g;
export const MONTH_RE = /tháng\s\d{1,2}|quý\s[IV1-4]+/i;
