/** Briefing steps: one per layer (top to bottom), cumulative, each with a short caption. */
import type { Lang } from '../i18n/dictionary.js';
import { formatCount, levelName } from '../i18n/format.js';
import type { Translate } from '../i18n/translate.js';
import { computeLayers, layerIndex, type Layer } from './layers.js';
import { median, type GraphModel } from './model.js';

export interface BriefingStep {
  /** All node ids shown at this step (this layer and the ones above). */
  nodeIds: Set<string>;
  /** Nodes that appear at this step. */
  newIds: string[];
  caption: string;
}

/** Types that carry a directive out (programmes, plans, guidance, projects): "văn bản triển khai" in the captions. */
const PLAN_TYPES = new Set(['CTr', 'KH', 'HD', 'ĐA']);

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

export function briefingSteps(model: GraphModel, visible: Set<string>, t: Translate, lang: Lang = 'vi'): BriefingStep[] {
  const nodes = [...model.nodes.values()].filter((n) => visible.has(n.id));
  const layers = computeLayers(nodes.map((n) => ({ id: n.id, rank: n.rank, gen: n.gen, isOrg: n.kind === 'ORGANIZATION' })));
  const steps: BriefingStep[] = [];
  const shown = new Set<string>();
  const stepOf = layerIndex(layers);
  for (const layer of layers) {
    const members = layer.ids.map((id) => model.nodes.get(id)!);
    for (const id of layer.ids) shown.add(id);
    const root = members.find((n) => n.isRoot);
    const levelKey = members.find((n) => n.level)?.level ?? null;
    let level = levelName(t, levelKey);
    // Texts carrying out texts of their own level (a province's boards and departments its programme): the level alone
    // would read like the step before, so the caption says so.
    if (!layer.isOrg && levelKey && implementsOwnLevel(model, new Set(layer.ids), levelKey)) level = t('levelSameLevel', { level });
    let caption: string;
    if (root) {
      caption = t('captionRoot', { code: root.code ?? root.label, title: clip(root.title ?? root.typeName ?? '', 140) });
    } else if (layer.isOrg) {
      // Organisations are layered by who assigned them their tasks: several steps of one level (those of the root, those
      // of the provincial programmes) say whose assignments they show.
      const who = assignersOf(model, layer, visible, stepOf, t, lang);
      caption = who ? t('captionOrgsBy', { level, n: members.length, who }) : t('captionOrgs', { level, n: members.length });
    } else {
      const provinces = new Set(members.map((n) => n.province).filter(Boolean));
      const plans = members.filter((n) => n.type && PLAN_TYPES.has(n.type)).length;
      caption = t(plans === members.length ? 'captionLayerAllPlans' : 'captionLayer', { level, docs: members.length, plans, provinces: provinces.size });
      const lag = median(members.map((n) => n.lagDays).filter((d): d is number => d !== null && d !== undefined));
      if (lag !== null) caption += ` · ${t('captionLag', { n: formatCount(lang, Math.round(lag)) })}`;
    }
    // Texts of lower levels the server folded into this layer's texts (not yet expanded): said, as the graph labels them.
    let folded = 0;
    for (const n of members) if (!model.expansions.has(n.id)) folded += n.implementersFolded ?? 0;
    if (folded > 0) caption += ` · ${t('captionFolded', { n: formatCount(lang, folded) })}`;
    steps.push({ nodeIds: new Set(shown), newIds: layer.ids, caption });
  }
  return steps;
}

/** Whether a text of this layer implements a text of `level` outside it (the API's direction: source implements target). */
function implementsOwnLevel(model: GraphModel, ids: Set<string>, level: string): boolean {
  for (const e of model.edges.values()) {
    if (e.kind === 'IMPLEMENTS' && ids.has(e.apiSource) && !ids.has(e.apiTarget) && model.nodes.get(e.apiTarget)?.level === level) return true;
  }
  return false;
}

/**
 * Who gave an organisations' layer its tasks, for its caption: the one text (its code), or "12 văn bản cấp tỉnh
 * (bước 3)" — the texts of the generation just above that assign tasks to it, their level and the step that shows them.
 */
function assignersOf(model: GraphModel, layer: Layer, visible: Set<string>, stepOf: Map<string, number>, t: Translate, lang: Lang): string | null {
  const ids = new Set(layer.ids);
  const all = new Set<string>();
  for (const e of model.edges.values()) if (e.kind === 'ASSIGNED_TO' && ids.has(e.target) && visible.has(e.source)) all.add(e.source);
  // An organisation sits one generation below the lowest text assigning it tasks: that text put it in this layer.
  const placing = [...all].filter((id) => model.nodes.get(id)?.gen === layer.gen - 1);
  const assigners = (placing.length ? placing : [...all]).map((id) => model.nodes.get(id)!);
  if (!assigners.length) return null;
  if (assigners.length === 1) return assigners[0]!.code ?? assigners[0]!.label;
  const levels = new Set(assigners.map((n) => n.level));
  const level = levels.size === 1 ? levelName(t, assigners[0]!.level).toLocaleLowerCase(lang === 'vi' ? 'vi-VN' : 'en-US') : '';
  const who = t('assignersMany', { n: formatCount(lang, assigners.length), level }).replace(/\s+/g, ' ');
  const steps = new Set(assigners.map((n) => stepOf.get(n.id)));
  const step = steps.size === 1 ? [...steps][0] : undefined;
  return step !== undefined ? t('assignersStep', { who, step: step + 1 }) : who;
}
