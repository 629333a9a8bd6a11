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

const line = (row: readonly CsvValue[]): string => `${row.map(field).join(',')}\r\n`;

/**
 * The file in pieces of about `chunkChars` characters (the byte-order mark and the header first), for a server to send
 * one at a time: a national task table is 25 MB, and building it whole held every other request up for a second.
 */
export function* csvChunks(header: readonly string[], rows: Iterable<readonly CsvValue[]>, chunkChars = 64 * 1024): Generator<string> {
  let chunk = `\uFEFF${line(header)}`;
  for (const row of rows) {
    chunk += line(row);
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
