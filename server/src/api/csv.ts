/**
 * CSV as spreadsheets open it (RFC 4180): comma-separated, CRLF line ends, fields with a comma, quote or line break
 * quoted, and a UTF-8 byte-order mark, without which Excel reads Vietnamese as Windows-1252. A text field that a
 * spreadsheet would take for a formula (it starts with =, +, -, @, a tab or a carriage return: "- Tuyên truyền …",
 * "=HYPERLINK(…)") is written after an apostrophe, which spreadsheets show as text and do not display.
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function field(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(field).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
