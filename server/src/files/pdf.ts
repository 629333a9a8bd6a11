/** .pdf → text layer via pdfjs-dist (legacy build, runs in Node without a worker thread). */
import { SourceError } from './errors.js';

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

export async function pdfText(buf: Buffer, file: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    const task = pdfjs.getDocument({
      data: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength).slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    });
    doc = await task.promise;
  } catch (e) {
    throw new SourceError('bad-pdf', file, `not a readable PDF (${(e as Error).message})`);
  }
  try {
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let s = '';
      for (const it of content.items as TextItemLike[]) {
        if (typeof it.str === 'string') s += it.str;
        if (it.hasEOL) s += '\n';
      }
      pages.push(s);
      page.cleanup();
    }
    const text = pages.join('\n\n');
    if (text.trim() === '') throw new SourceError('no-text-layer', file, 'no text layer (scanned PDF?)');
    return text;
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError('bad-pdf', file, `PDF text extraction failed (${(e as Error).message})`);
  } finally {
    await doc.destroy();
  }
}
