/**
 * Search among the nodes a graph draws ("Tìm trong đồ thị…"): organisations and directives, by name, code, type and
 * province, with or without diacritics ("ban dan van" finds "Ban Dân vận Tỉnh ủy"). Every word of the query must
 * start a word of the node; the whole query found in its name or code ranks it first.
 */
import type { SearchHit } from '../api/types.js';
import type { GNode } from './model.js';

/** Lower case without diacritics (đ → d), as the server's search folds its texts. */
export const foldText = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

const words = (s: string): string[] => foldText(s).split(/[\s\-/(),.·:;]+/).filter(Boolean);

/** The words a node is found by, and the name (label or code) a whole-query match ranks first. */
function searchable(n: GNode): { words: string[]; names: string[] } {
  const names = [n.label, n.code ?? ''].filter(Boolean).map((s) => foldText(s).replace(/\s+/g, ' '));
  // Not the title: the explorer loads it for the root and the selected directive only.
  return { words: words([n.label, n.code, n.typeName, n.type, n.province].filter(Boolean).join(' ')), names };
}

/**
 * The nodes matching the query, best first: the whole query starting a name or code, then found inside one, then
 * every word matched elsewhere; shorter names first within each. `limit` of them.
 */
export function searchNodes(nodes: Iterable<GNode>, query: string, limit = 8): GNode[] {
  const wanted = words(query);
  if (!wanted.length) return [];
  const phrase = foldText(query).trim().replace(/\s+/g, ' ');
  const found: Array<{ n: GNode; rank: number; length: number }> = [];
  for (const n of nodes) {
    const s = searchable(n);
    if (!wanted.every((w) => s.words.some((x) => x.startsWith(w)))) continue;
    const rank = s.names.some((x) => x.startsWith(phrase)) ? 0 : s.names.some((x) => x.includes(phrase)) ? 1 : 2;
    found.push({ n, rank, length: (n.code ?? n.label).length });
  }
  found.sort((a, b) => a.rank - b.rank || a.length - b.length || a.n.label.localeCompare(b.n.label, 'vi'));
  return found.slice(0, limit).map((f) => f.n);
}

/** A node as a search suggestion (the shape the server's search answers with). */
export function nodeHit(n: GNode): SearchHit {
  return { id: n.id, kind: n.kind, label: n.label, code: n.code, title: n.title ?? null, type: n.type, province: n.province, issuedOn: n.issuedOn, score: 0, snippet: null };
}
