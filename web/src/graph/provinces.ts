/**
 * Which provinces a choice of the province filter covers, by the rule the API's `provinces` arguments follow (cascade,
 * gapPage): a province of the 2025 map stands for itself and the provinces of the old map it took over ("Lâm Đồng":
 * Lâm Đồng, Bình Thuận, Đắk Nông); a province of the old map, or a name the map does not know, only for itself. Texts
 * keep the names of their time (a 2023 programme says Bình Thuận, a 2025 plan Lâm Đồng), so the graph, the gap list
 * and the lag table all follow this rule. Names are compared folded, as the in-graph search compares them (case and
 * diacritics ignored: "lam dong", "Lâm Đồng").
 */
import type { Translate } from '../i18n/translate.js';
import { foldText } from './search.js';

/** What the explorer knows of the 2025 map (the API's `provinces` query): the old provinces each new one took over. */
export interface ProvinceMap {
  /** A province of the new map (folded name) → the provinces of the old map it took over, as the API names them. */
  tookOver: ReadonlyMap<string, readonly string[]>;
  /** Every province the map names (folded name → the API's spelling). */
  names: ReadonlyMap<string, string>;
}

/** No map (not loaded yet, or not to be had): each name stands only for itself. */
export const NO_PROVINCE_MAP: ProvinceMap = { tookOver: new Map(), names: new Map() };

/** A province name folded for comparison: "Bà Rịa - Vũng Tàu" → "ba ria vung tau", "Lâm Đồng" → "lam dong". */
export const provinceKey = (name: string): string =>
  foldText(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The map from the API's answer (each province with the old ones it took over; those of the old map took over none). */
export function provinceMap(provinces: ReadonlyArray<{ name: string; tookOver: readonly string[] }>): ProvinceMap {
  const tookOver = new Map<string, readonly string[]>();
  const names = new Map<string, string>();
  for (const p of provinces) {
    if (p.tookOver.length) tookOver.set(provinceKey(p.name), p.tookOver);
    for (const name of [p.name, ...p.tookOver]) names.set(provinceKey(name), name);
  }
  return { tookOver, names };
}

/** The provinces a chosen one stands for, as the API names them: itself, then those it took over. */
export function provinceArea(chosen: string, map: ProvinceMap): string[] {
  return [chosen, ...(map.tookOver.get(provinceKey(chosen)) ?? [])];
}

/**
 * Whether a province (a node's, a gap's, a lag table row's) is among those the chosen ones cover. No province chosen:
 * every one, as the filter then hides nothing; a node without a province is covered by no choice.
 */
export function provinceMatcher(chosen: readonly string[], map: ProvinceMap): (province: string | null | undefined) => boolean {
  if (!chosen.length) return () => true;
  const covered = new Set(chosen.flatMap((c) => provinceArea(c, map)).map(provinceKey));
  return (province) => !!province && covered.has(provinceKey(province));
}

/** A choice of the province filter: the plain name (what the address keeps), and the other names present it covers. */
export interface ProvinceOption {
  name: string;
  /** Names present in the cascade of provinces this one took over (shown: "Lâm Đồng (gồm Bình Thuận)"). */
  includes: string[];
}

/**
 * The province filter's choices from the names the cascade's nodes carry, in Vietnamese order: each province once (as
 * the map spells it when the cascade does too), a new province with the old names present that it covers. An old name
 * is offered on its own too (it stands only for itself).
 */
export function provinceOptions(present: Iterable<string>, map: ProvinceMap): ProvinceOption[] {
  const byKey = new Map<string, string>();
  for (const name of [...present].sort((a, b) => a.localeCompare(b, 'vi'))) {
    const key = provinceKey(name);
    if (!byKey.has(key) || map.names.get(key) === name) byKey.set(key, name);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'vi')).map((name) => ({
    name,
    includes: provinceArea(name, map)
      .slice(1)
      .map((old) => byKey.get(provinceKey(old)))
      .filter((old): old is string => !!old),
  }));
}

/** How the filter names a choice: "Lâm Đồng (gồm Bình Thuận)" / "Lâm Đồng (incl. Bình Thuận)", or the name alone. */
export function optionLabel(option: ProvinceOption, t: Translate): string {
  return option.includes.length ? t('provinceIncludes', { province: option.name, others: option.includes.join(', ') }) : option.name;
}

/** How the filter names a chosen province (any spelling): as its option, or as it is when the cascade does not name it. */
export function chosenLabel(chosen: string, options: readonly ProvinceOption[], t: Translate): string {
  const option = options.find((o) => provinceKey(o.name) === provinceKey(chosen));
  return option ? optionLabel(option, t) : chosen;
}

/** The option a chosen name is (the same province in another spelling picks it too), else the name as it is. */
export function chosenOption(chosen: string | undefined, options: readonly ProvinceOption[]): string {
  if (!chosen) return '';
  return options.find((o) => provinceKey(o.name) === provinceKey(chosen))?.name ?? chosen;
}
