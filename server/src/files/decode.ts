/**
 * Decoding plain-text bytes: UTF-8 (with/without BOM), UTF-16 LE/BE (BOM or clear zero-byte pattern), and
 * the legacy Vietnamese 8-bit encodings TCVN3 (ABC) and VNI, converted to Unicode when unambiguous.
 */
import iconv from 'iconv-lite';
import { convertLegacy, detectLegacy, type LegacyEncoding } from './legacy.js';
import { SourceError } from './errors.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function utf16Guess(buf: Uint8Array): 'utf16le' | 'utf16be' | null {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) zeroEven++;
    if (buf[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return 'utf16le';
  if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return 'utf16be';
  return null;
}

function controlRatio(s: string): number {
  const n = Math.min(s.length, 1 << 20);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffe || c === 0xffff) bad++;
  }
  return n ? bad / n : 0;
}

/** Decode the bytes of a .txt/.md file. Throws SourceError naming the file. */
export function decodeText(buf: Uint8Array, file: string): string {
  let text: string;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    try {
      text = UTF8.decode(buf.subarray(3));
    } catch {
      throw new SourceError('unknown-encoding', file, 'has a UTF-8 byte-order mark but is not valid UTF-8');
    }
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    text = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset + 2, buf.byteLength - 2), 'utf16le');
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    text = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset + 2, buf.byteLength - 2), 'utf16be');
  } else {
    const g = utf16Guess(buf);
    if (g) text = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), g);
    else {
      if (buf.indexOf(0) >= 0) throw new SourceError('binary', file, 'binary content (NUL bytes), not a text file');
      try {
        text = UTF8.decode(buf);
      } catch {
        const legacy = detectLegacy(buf);
        if (!legacy) {
          throw new SourceError('unknown-encoding', file, 'not valid UTF-8/UTF-16 text and no known Vietnamese encoding (binary?)');
        }
        text = convertOrRefuse(buf, legacy, file);
      }
    }
  }
  if (controlRatio(text) > 0.01) throw new SourceError('binary', file, 'binary content (control characters), not a text file');
  return text;
}

function convertOrRefuse(src: Uint8Array | string, legacy: LegacyEncoding, file: string): string {
  const r = convertLegacy(src, legacy);
  if (!r.ok) throw new SourceError('legacy-encoding', file, `${r.reason}; convert it to Unicode (UTF-8) first`);
  return r.text;
}

/**
 * Text that is legacy-encoded Vietnamese read as Latin-1 ("§¶ng", "Ñaûng", e.g. from a .docx typed in
 * a ".VnTime" or "VNI-Times" font): converted to Unicode; refused when ambiguous. Other text unchanged.
 */
export function convertLegacyText(text: string, file: string): string {
  const legacy = detectLegacy(text);
  return legacy ? convertOrRefuse(text, legacy, file) : text;
}

/**
 * A text given as text (the ingestDocument mutation), checked as a file's decoded bytes are: no NUL, few control
 * characters (file bytes sent as text are refused), a legacy encoding read as Latin-1 converted. Throws SourceError.
 */
export function checkGivenText(text: string, file: string): string {
  if (text.includes('\0') || controlRatio(text) > 0.01) {
    throw new SourceError('binary', file, 'text contains binary control characters: send the decoded text, not the file bytes');
  }
  return convertLegacyText(text, file);
}

/** Throws when `text` is legacy-encoded and cannot be converted unambiguously (kept for callers). */
export function checkLegacyText(text: string, file: string): void {
  convertLegacyText(text, file);
}
