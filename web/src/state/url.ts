/**
 * The view lives in the URL so a deep link restores it:
 *   ?code=28-NQ/TW&issuedOn=2022-11-17&province=…&rel=IMPLEMENTS,CITES&prov=…&lvl=central,provincial
 *    &from=2023-01-01&to=2023-12-31&sel=<node id>&step=2&gaps=1&lag=1&due=1&period=BY_YEAR:2023&time=1&orgs=1&levels=1&exp=<node id>&exp=…&lang=en&api=…
 *   ?read=1 (the page reading a file without storing it)
 *   ?province=Bình Thuận (a province's page: the central directives its texts implement)
 *   ?org=<Organization.key> (an organisation's page: the texts giving it tasks across every directive, and its own)
 */
import { ALL_RELATIONS, type Relation } from '../api/types.js';
import type { Lang } from '../i18n/dictionary.js';

export interface Filters {
  relations: Relation[];
  provinces: string[];
  levels: string[];
  from: string | null;
  to: string | null;
}

export interface ViewState {
  code: string | null;
  issuedOn: string | null;
  province: string | null;
  filters: Filters;
  selected: string | null;
  /** Briefing step (null = not in briefing mode). */
  step: number | null;
  gaps: boolean;
  /** The implementation lag table (days per province and level) is open. */
  lag: boolean;
  /** The tasks by when they are due ("Tiến độ nhiệm vụ") are shown. */
  due: boolean;
  /** The period whose tasks that section lists ("BY_YEAR:2023": a key of the API's taskSchedule), or none. */
  period: string | null;
  /** The texts on a timeline (x: issue date, y: level) instead of the layered drawing (graph/timeline.ts). */
  time: boolean;
  /** Draw every organisation even when a large cascade would fold them into their directives (graph/fold.ts). */
  orgs: boolean;
  /** Every level of a large cascade, not only the highest ones that fit (the server folds the lower ones by default). */
  levels: boolean;
  /**
   * Directives expanded (double-click / "Mở rộng"), in the order they were: an expansion can bring the node the next
   * one expands. One `exp` parameter each — node ids hold commas and spaces ("58-CTr/TU@2023-02-10#Bình Thuận").
   */
  expanded: string[];
  /** The page that reads a file without storing it (`?read=1`; the start page's "Đọc thử một văn bản"). */
  read: boolean;
  /** An organisation's page (`?org=<key>`), when no cascade and no file is open. */
  org: string | null;
  lang: Lang;
}

/** Expansions kept in an address: a link pasted with hundreds would load a cascade per id, one after the other. */
export const MAX_EXPANDED = 30;

export const DEFAULT_FILTERS: Filters = { relations: [...ALL_RELATIONS], provinces: [], levels: [], from: null, to: null };

const list = (v: string | null) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
/** Node ids as the address gives them: trimmed, non-empty, of a sane length, each once, at most MAX_EXPANDED. */
function nodeIds(values: string[]): string[] {
  const ids = new Set<string>();
  for (const v of values) {
    const id = v.trim();
    if (id && id.length <= 300 && ids.size < MAX_EXPANDED) ids.add(id);
  }
  return [...ids];
}
/** A day of the calendar written yyyy-mm-dd ("2023-02-30" is none: the server refuses it, the address drops it). */
function isoDate(v: string | null): string | null {
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const t = Date.parse(`${v}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().startsWith(v) ? v : null;
}

/** A period's key as the API writes it ("BY_YEAR:2023", "RECURRING"); anything else is dropped. */
function periodKey(v: string | null): string | null {
  return v && /^(?:(?:BY_YEAR|FROM_YEAR):\d{4}|RECURRING|CONDITIONAL|NONE)$/.test(v) ? v : null;
}

export function parseView(search: string): ViewState {
  const p = new URLSearchParams(search);
  const rel = list(p.get('rel')).filter((r): r is Relation => (ALL_RELATIONS as readonly string[]).includes(r));
  const step = p.get('step');
  return {
    code: p.get('code') || null,
    issuedOn: isoDate(p.get('issuedOn')),
    province: p.get('province') || null,
    filters: {
      relations: p.has('rel') ? rel : [...ALL_RELATIONS],
      provinces: list(p.get('prov')),
      levels: list(p.get('lvl')),
      from: isoDate(p.get('from')),
      to: isoDate(p.get('to')),
    },
    selected: p.get('sel') || null,
    step: step !== null && /^\d+$/.test(step) ? Number(step) : null,
    gaps: p.get('gaps') === '1',
    lag: p.get('lag') === '1',
    due: p.get('due') === '1',
    period: p.get('due') === '1' ? periodKey(p.get('period')) : null,
    time: p.get('time') === '1',
    orgs: p.get('orgs') === '1',
    levels: p.get('levels') === '1',
    expanded: nodeIds(p.getAll('exp')),
    read: !p.get('code') && p.get('read') === '1',
    org: (!p.get('code') && p.get('read') !== '1' && p.get('org')?.trim().slice(0, 400)) || null,
    lang: p.get('lang') === 'en' ? 'en' : 'vi',
  };
}

export function serializeView(view: ViewState, keep: URLSearchParams = new URLSearchParams()): string {
  const p = new URLSearchParams();
  const api = keep.get('api');
  if (api) p.set('api', api);
  if (view.code) p.set('code', view.code);
  if (view.code && view.issuedOn) p.set('issuedOn', view.issuedOn);
  if (view.code && view.province) p.set('province', view.province);
  if (view.code) {
    const f = view.filters;
    if (f.relations.length !== ALL_RELATIONS.length) p.set('rel', f.relations.join(','));
    if (f.provinces.length) p.set('prov', f.provinces.join(','));
    if (f.levels.length) p.set('lvl', f.levels.join(','));
    if (f.from) p.set('from', f.from);
    if (f.to) p.set('to', f.to);
    if (view.selected) p.set('sel', view.selected);
    if (view.step !== null) p.set('step', String(view.step));
    if (view.gaps) p.set('gaps', '1');
    if (view.lag) p.set('lag', '1');
    if (view.due) p.set('due', '1');
    if (view.due && view.period) p.set('period', view.period);
    if (view.time) p.set('time', '1');
    if (view.orgs) p.set('orgs', '1');
    if (view.levels) p.set('levels', '1');
    for (const id of view.expanded) p.append('exp', id);
  }
  if (!view.code && view.read) p.set('read', '1');
  if (!view.code && !view.read && view.org) p.set('org', view.org);
  if (!view.code && !view.read && !view.org && view.province) p.set('province', view.province);
  if (view.lang !== 'vi') p.set('lang', view.lang);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Write the view to the address bar; push a history entry only when the cascade changes. */
export function writeView(view: ViewState, push: boolean): void {
  const search = serializeView(view, new URLSearchParams(window.location.search));
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}
