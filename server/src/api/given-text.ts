/**
 * A text sent to the API (`ingestDocument`, `previewDocument`): either decoded text (`text`) or the file's bytes in
 * base64 (`contentBase64`: a .docx, a .pdf, a .txt in any encoding the CLI reads), read as the CLI reads a file.
 */
import path from 'node:path';
import { checkGivenText } from '../files/decode.js';
import { SourceError } from '../files/errors.js';
import { sourceFromBytes } from '../files/index.js';
import { SUPPORTED_EXTENSIONS } from '../ingest/ingest.js';
import { userError } from './errors.js';

/** Largest text or file accepted (the request body limit, BODY_LIMIT, usually refuses a large one first). */
const MAX_GIVEN_BYTES = 5 * 1024 * 1024;

export interface GivenText {
  fileName: string;
  text?: string | null;
  contentBase64?: string | null;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The file name checked and the text decoded; a GraphQL error (BAD_USER_INPUT) says what is wrong with either. */
export async function givenText(args: GivenText): Promise<{ fileName: string; text: string }> {
  const fileName = args.fileName.trim();
  if (!fileName || fileName.length > 255 || /[/\\\0]/.test(fileName)) throw userError('fileName must be a plain file name (no folders), 1–255 characters', 'BAD_USER_INPUT');
  const hasText = args.text != null;
  const hasBytes = args.contentBase64 != null;
  if (hasText === hasBytes) throw userError('give either text (the decoded text) or contentBase64 (the file’s bytes in base64), not both', 'BAD_USER_INPUT');
  try {
    if (hasText) return { fileName, text: checkedText(args.text!, fileName) };
    const ext = path.extname(fileName).toLowerCase();
    if (!SUPPORTED_EXTENSIONS.includes(ext)) throw userError(`fileName must end in ${SUPPORTED_EXTENSIONS.join(', ')} (it decides how the bytes are read)`, 'BAD_USER_INPUT');
    const b64 = args.contentBase64!.replace(/\s+/g, '');
    if (!BASE64.test(b64) || b64.length % 4 === 1) throw userError('contentBase64 is not base64', 'BAD_USER_INPUT');
    const source = await sourceFromBytes(fileName, Buffer.from(b64, 'base64'), { maxBytes: MAX_GIVEN_BYTES });
    return { fileName, text: source.text };
  } catch (e) {
    if (e instanceof SourceError) throw userError(e.reason, 'BAD_USER_INPUT');
    throw e;
  }
}

function checkedText(text: string, fileName: string): string {
  if (!text.trim()) throw userError('text is empty', 'BAD_USER_INPUT');
  if (text.length > MAX_GIVEN_BYTES) throw userError(`text is larger than ${MAX_GIVEN_BYTES / 1024 / 1024} MB`, 'BAD_USER_INPUT');
  if (/[\0-\x08\x0e-\x1f]/.test(text.slice(0, 4096))) throw userError('text contains binary control characters: send the decoded text, not the file bytes (or send them as contentBase64)', 'BAD_USER_INPUT');
  // The whole text checked as a file's would be, and a TCVN3 / VNI text read as Latin-1 converted as the CLI does.
  return checkGivenText(text, fileName);
}
