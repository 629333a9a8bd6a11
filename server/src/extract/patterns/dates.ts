/** Date patterns (regex sources) for Vietnamese texts. */

/** "17/11/2022", "17-11-2022", "17.11.2022" with optional spaces around separators. */
export const NUMERIC_DATE_SOURCE = '(?<d>\\d{1,2})\\s?(?<sep>[/.\\-])\\s?(?<m>\\d{1,2})\\s?\\k<sep>\\s?(?<y>(?:19|20)\\d\\d)';
/** "ngày 28 tháng 6 năm 2023" */
export const WORDED_DATE_SOURCE = 'ngày\\s?(?<wd>\\d{1,2})\\s?tháng\\s?(?<wm>\\d{1,2})\\s?năm\\s?(?<wy>(?:19|20)\\d\\d)';

/** A date right after a code: ", ngày 17/11/2022", " 28/02/2023", ", ngày 28 tháng 6 năm 2023". */
export const DATE_AFTER_CODE_RE = new RegExp(
  `^\\s?,?\\s?(?:${WORDED_DATE_SOURCE}|(?:ngày\\s?)?${NUMERIC_DATE_SOURCE})`,
  'i',
);

/** Any date anywhere. Global. */
export const ANY_DATE_SOURCE = `(?:${WORDED_DATE_SOURCE}|(?<![\\d/])(?:ngày\\s?)?${NUMERIC_DATE_SOURCE}(?![\\d/]))`;
