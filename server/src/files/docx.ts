/**
 * .docx → text via mammoth: its document tree written as mammoth's raw text writes it (a paragraph, then a blank
 * line), except that a table keeps its rows: one line a row, its cells between "|" as a Markdown table writes them
 * ("| 1 | Rà soát … | Sở Nội vụ | Quý IV/2023 |"). Raw text put each cell on a line of its own, and the plans'
 * task tables ("Phụ lục phân công nhiệm vụ": task, lead body, deadline) lost which body was given which task.
 */
import mammoth from 'mammoth';
import { SourceError } from './errors.js';

/** What mammoth's document tree is made of, as far as text goes. */
interface DocElement {
  type: string;
  value?: string;
  children?: DocElement[];
}

export async function docxText(buf: Buffer, file: string): Promise<string> {
  let tree: DocElement | null = null;
  try {
    // The tree as mammoth reads it (transformDocument, public); the HTML it then writes is not used.
    await mammoth.convertToHtml({ buffer: buf }, {
      transformDocument: (doc: DocElement) => {
        tree = doc;
        return doc;
      },
    } as Parameters<typeof mammoth.convertToHtml>[1]);
  } catch (e) {
    throw new SourceError('bad-docx', file, `not a readable .docx (${(e as Error).message.split('\n')[0]})`);
  }
  if (!tree) throw new SourceError('bad-docx', file, 'not a readable .docx (no document in it)');
  return rawText(tree);
}

function rawText(el: DocElement): string {
  if (el.type === 'text') return el.value ?? '';
  if (el.type === 'tab') return '\t';
  if (el.type === 'table') return tableText(el);
  const inner = (el.children ?? []).map(rawText).join('');
  return el.type === 'paragraph' ? `${inner}\n\n` : inner;
}

/** A table: a line a row, then a blank line; a cell's paragraphs joined by a space, a "|" in a cell written "/". */
function tableText(table: DocElement): string {
  const rows = (table.children ?? []).filter((r) => r.type === 'tableRow');
  const lines = rows.map((row) => {
    const cells = (row.children ?? []).filter((c) => c.type === 'tableCell').map((c) => rawText(c).replace(/\s+/g, ' ').replace(/\|/g, '/').trim());
    return `| ${cells.join(' | ')} |`;
  });
  return lines.length ? `${lines.join('\n')}\n\n` : '';
}
