/** .docx → raw text via mammoth. */
import mammoth from 'mammoth';
import { SourceError } from './errors.js';

export async function docxText(buf: Buffer, file: string): Promise<string> {
  try {
    const r = await mammoth.extractRawText({ buffer: buf });
    return r.value;
  } catch (e) {
    throw new SourceError('bad-docx', file, `not a readable .docx (${(e as Error).message.split('\n')[0]})`);
  }
}
