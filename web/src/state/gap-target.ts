/**
 * Where a row of the gap list leads. The list is the server's, for the whole cascade; the graph draws a part of it:
 * a large cascade's highest levels (the commune plans folded), a capped one's nearest texts, or its directives without
 * their organisations. A row leads to its organisation when it is drawn, else to a view that draws it — that
 * province's part, every level, every organisation — with it selected; when no view would, nowhere (shown as text).
 */
import type { Gap } from '../api/types.js';
import { NO_PROVINCE_MAP, provinceMatcher, type ProvinceMap } from '../graph/provinces.js';
import type { ViewState } from './url.js';

export type GapTarget = { kind: 'node'; id: string } | { kind: 'view'; patch: Partial<ViewState> } | null;

export interface GapContext {
  /** The organisation's node in the model, if it holds it. */
  nodeId: string | null;
  /** The cascade shown was folded to its highest levels, or cut by the server's cap. */
  partial: boolean;
  /** The server left the organisations out (they are drawn with `orgs`). */
  orgsFolded: boolean;
  view: Pick<ViewState, 'filters' | 'levels' | 'orgs'>;
  /** The 2025 map: a new province chosen has loaded the parts of those it took over too (graph/provinces.ts). */
  provinces?: ProvinceMap;
}

export function gapTarget(gap: Gap, ctx: GapContext): GapTarget {
  if (ctx.nodeId) return { kind: 'node', id: ctx.nodeId };
  const orgs = ctx.orgsFolded && !ctx.view.orgs ? { orgs: true } : {};
  const select = { ...orgs, selected: gap.key };
  if (ctx.partial) {
    // A province's whole part is loaded when it is picked: the smallest view that draws a provincial organisation. A
    // province of the 2025 map picked has loaded those it took over too (Lâm Đồng: Bình Thuận's gaps).
    const provinces = ctx.view.filters.provinces;
    const narrowed = provinces.length === 1 && provinceMatcher(provinces, ctx.provinces ?? NO_PROVINCE_MAP)(gap.province);
    if (gap.province && !narrowed) return { kind: 'view', patch: { filters: { ...ctx.view.filters, provinces: [gap.province] }, ...select } };
    if (!ctx.view.levels) return { kind: 'view', patch: { levels: true, ...select } };
  }
  if (ctx.orgsFolded && !ctx.view.orgs) return { kind: 'view', patch: select };
  return null;
}
