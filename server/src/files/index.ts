/**
 * Reading source files: the only I/O part of extraction. Returns decoded text (the extractor removes a
 * BOM and applies NFC itself).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { convertLegacyText, decodeText } from './decode.js';
import { docxText } from './docx.js';
import { SourceError } from './errors.js';
import { pdfText } from './pdf.js';

export { SourceError, type SourceErrorCode } from './errors.js';
export { decodeText } from './decode.js';
export { convertLegacy, decodeLegacy, detectLegacy, type LegacyEncoding, type LegacyResult } from './legacy.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ReadOptions {
  /** Largest file accepted, in bytes (default 20 MB). */
  maxBytes?: number;
}

export interface Source {
  file: string;
  text: string;
}

export async function readSource(file: string, opts: ReadOptions = {}): Promise<Source> {
  let st;
  try {
    st = await fs.stat(file);
  } catch {
    throw new SourceError('not-found', file, 'no such file');
  }
  if (!st.isFile()) throw new SourceError('not-a-file', file, 'not a regular file');
  checkSize(file, st.size, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  return sourceFromBytes(file, await fs.readFile(file), opts);
}

/**
 * A file's bytes read as `readSource` reads the file (its type from the name's extension): what the API does with a
 * file sent to it. Refuses an empty or too large one, and one without text.
 */
export async function sourceFromBytes(file: string, buf: Buffer, opts: ReadOptions = {}): Promise<Source> {
  checkSize(file, buf.length, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  const ext = path.extname(file).toLowerCase();
  let text: string;
  if (ext === '.docx') text = await docxText(buf, file);
  else if (ext === '.pdf') text = await pdfText(buf, file);
  else text = decodeText(buf, file);
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new SourceError('empty', file, 'no text in file');
  // Legacy-encoded text (also inside .docx/.pdf) is converted to Unicode, or refused when ambiguous.
  text = convertLegacyText(text, file);
  return { file, text };
}

function checkSize(file: string, bytes: number, max: number): void {
  if (bytes === 0) throw new SourceError('empty', file, 'empty file');
  if (bytes > max) throw new SourceError('too-large', file, `file too large (${sizeText(bytes)} > ${sizeText(max)} limit)`);
}

/** "2.4 MB", "12 KB", "300 bytes". */
function sizeText(bytes: number): string {
  if (bytes >= 1048576) return `${(bytes / 1048576).toFixed(1)} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}
