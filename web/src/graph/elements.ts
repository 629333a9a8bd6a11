/** GraphModel → Cytoscape element definitions: labels (province in the label), sizes, colours, shapes. */
import type cytoscape from 'cytoscape';
import type { Lang } from '../i18n/dictionary.js';
import { formatCount, formatDate, formatDays, levelName, typeName } from '../i18n/format.js';
import type { Translate } from '../i18n/translate.js';
import { LINE_HEIGHT, lineWidths, NODE_FONT_SIZE, wrapWords } from './measure.js';
import { nodeSize } from './node-size.js';
import type { GEdge, GNode, GraphModel } from './model.js';
import { ORGANIZATION_STYLE, typeStyle } from './palette.js';

/**
 * `assignees`: organisations folded into this directive (graph/fold.ts), `below`: texts of lower levels the server
 * left out that implement it; each shown as a last line.
 */
export function nodeLabelLines(n: GNode, t: Translate, lang: Lang, assignees = 0, below = 0): string[] {
  if (n.kind === 'ORGANIZATION') {
    // The API label may end with "(Province)"; the province gets its own line.
    const name = n.province ? n.label.replace(new RegExp(`\\s*\\(${escapeRegExp(n.province)}\\)\\s*$`), '') : n.label;
    const lines = wrapWords(name, 22);
    const shown = lines.length > 3 ? [...lines.slice(0, 2), `${lines[2]}…`] : lines;
    return n.province ? [...shown, `(${n.province})`] : shown;
  }
  const head = n.code ?? typeName(lang, n.type, n.typeName) ?? n.label;
  // A district's, bloc's or commune's text by its unit: two communes' 15-KH/ĐU of one day are told apart.
  const where = n.unit ?? n.province ?? levelName(t, n.level);
  const date = formatDate(lang, n.issuedOn);
  return [head || n.id, where, date, below > 0 ? t('implementersFolded', { n: formatCount(lang, below) }) : '', assignees > 0 ? t('assigneeCount', { n: formatCount(lang, assignees) }) : ''].filter(Boolean);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function nodeElement(n: GNode, t: Translate, lang: Lang, estimate = false, assignees = 0, below = 0): cytoscape.ElementDefinition {
  const style = n.kind === 'ORGANIZATION' ? ORGANIZATION_STYLE : typeStyle(n.type);
  const lines = nodeLabelLines(n, t, lang, assignees, below);
  // The root's label is drawn bold (styles.ts: node.root).
  const size = nodeSize(style.shape, lineWidths(lines, NODE_FONT_SIZE, estimate, n.isRoot ? 'bold' : 'normal'), NODE_FONT_SIZE * LINE_HEIGHT);
  const classes = [n.kind === 'ORGANIZATION' ? 'org' : 'doc'];
  if (n.stub) classes.push('stub');
  if (n.isRoot) classes.push('root');
  return {
    group: 'nodes',
    classes,
    data: {
      id: n.id,
      kind: n.kind,
      label: lines.join('\n'),
      code: n.code,
      type: n.type,
      province: n.province,
      level: n.level,
      issuedOn: n.issuedOn,
      rank: n.rank,
      assignees,
      below,
      gen: n.gen,
      color: style.color,
      textColor: style.text,
      shape: style.shape,
      w: size.w,
      h: size.h,
    },
  };
}

export function edgeLabel(e: GEdge, t: Translate, lang: Lang): string {
  const parts: string[] = [];
  if (e.kind === 'IMPLEMENTS' && e.lagDays !== null && e.lagDays !== undefined) parts.push(formatDays(t, lang, e.lagDays));
  if (e.inferred) parts.push(`(${t('inferred')})`);
  return parts.join(' ');
}

export function edgeElement(e: GEdge, t: Translate, lang: Lang): cytoscape.ElementDefinition {
  const classes = [e.kind.toLowerCase().replace('_', '-')];
  if (e.inferred) classes.push('inferred');
  return {
    group: 'edges',
    classes,
    data: { id: e.id, source: e.source, target: e.target, kind: e.kind, inferred: e.inferred, label: edgeLabel(e, t, lang), lagDays: e.lagDays },
  };
}

/**
 * `assignees`: per directive, the organisations folded into it (graph/fold.ts). A directive's lower-level implementers
 * left out by the server are counted on it until it is expanded (its neighbours then drawn).
 */
export function toElements(model: GraphModel, t: Translate, lang: Lang, assignees?: ReadonlyMap<string, number>): cytoscape.ElementDefinition[] {
  const estimate = model.nodes.size > 2000;
  return [
    ...[...model.nodes.values()].map((n) => nodeElement(n, t, lang, estimate, assignees?.get(n.id) ?? 0, model.expansions.has(n.id) ? 0 : (n.implementersFolded ?? 0))),
    ...[...model.edges.values()].map((e) => edgeElement(e, t, lang)),
  ];
}
