/**
 * The province filter's rule, as the API's `provinces` arguments have it: a province of the 2025 map covers the
 * provinces of the old map it took over (Lâm Đồng: Bình Thuận), an old one only itself; names in any spelling.
 */
import { describe, expect, it } from 'vitest';
import { PROVINCES, provinceArea as apiArea } from '../../../server/src/extract/provinces.js';
import type { Cascade, CascadeEdge, CascadeNode, Gap } from '../../../web/src/api/types.js';
import { modelFromCascade } from '../../../web/src/graph/model.js';
import { chosenLabel, chosenOption, NO_PROVINCE_MAP, provinceArea, provinceMap, provinceMatcher, provinceOptions } from '../../../web/src/graph/provinces.js';
import { visibleIds } from '../../../web/src/graph/visibility.js';
import { translator } from '../../../web/src/i18n/translate.js';
import { gapTarget } from '../../../web/src/state/gap-target.js';
import { DEFAULT_FILTERS, type Filters } from '../../../web/src/state/url.js';

/** What the API's `provinces(newMapOnly: true) { name tookOver }` answers, in part. */
const MAP = provinceMap([
  { name: 'Lâm Đồng', tookOver: ['Bình Thuận', 'Đắk Nông'] },
  { name: 'Đà Nẵng', tookOver: ['Quảng Nam'] },
  { name: 'Hà Nội', tookOver: [] },
]);

describe('provinceMatcher', () => {
  it('lets a province of the 2025 map cover those it took over', () => {
    const lamDong = provinceMatcher(['Lâm Đồng'], MAP);
    expect(['Lâm Đồng', 'Bình Thuận', 'Đắk Nông'].map(lamDong)).toEqual([true, true, true]);
    expect(['Quảng Nam', 'Đà Nẵng', 'Hà Nội', null, undefined].map(lamDong)).toEqual([false, false, false, false, false]);
  });

  it('lets a province of the old map cover only itself', () => {
    const binhThuan = provinceMatcher(['Bình Thuận'], MAP);
    expect(['Bình Thuận', 'Lâm Đồng', 'Đắk Nông'].map(binhThuan)).toEqual([true, false, false]);
  });

  it('takes names in any spelling, chosen or stored (case, diacritics, hyphens)', () => {
    expect(provinceMatcher(['lam dong'], MAP)('Bình Thuận')).toBe(true);
    expect(provinceMatcher(['LÂM ĐỒNG'], MAP)('binh thuan')).toBe(true);
    expect(provinceMatcher(['Bà Rịa - Vũng Tàu'], MAP)('Ba Ria Vung Tau')).toBe(true);
    expect(provinceArea('da nang', MAP)).toEqual(['da nang', 'Quảng Nam']);
  });

  it('covers everything with nothing chosen; a name the map does not know (or no map) only itself', () => {
    expect(provinceMatcher([], MAP)(null)).toBe(true);
    expect(provinceMatcher(['Tỉnh Không Có'], MAP)('Tỉnh Không Có')).toBe(true);
    expect(provinceMatcher(['Lâm Đồng'], NO_PROVINCE_MAP)('Bình Thuận')).toBe(false);
    expect(provinceMatcher(['Lâm Đồng', 'Quảng Nam'], MAP)('Quảng Nam')).toBe(true);
  });

  it('agrees with the API for every province of both maps, given the map the API answers with', () => {
    // The resolver's answer to provinces(newMapOnly: true) { name tookOver } (server/src/api/resolvers.ts).
    const fromApi = provinceMap(PROVINCES.filter((p) => p.post2025).map((p) => ({ name: p.name, tookOver: apiArea(p.name).slice(1) })));
    for (const p of PROVINCES) {
      const area = new Set(apiArea(p.name));
      const covers = provinceMatcher([p.name], fromApi);
      for (const other of PROVINCES) expect(covers(other.name), `${p.name} → ${other.name}`).toBe(area.has(other.name));
    }
  });
});

const doc = (id: string, province: string | null, extra: Partial<CascadeNode> = {}): CascadeNode => ({
  id, kind: 'DIRECTIVE', label: id, code: id, type: 'KH', typeName: null, level: province ? 'provincial' : 'central', levelRank: province ? 2 : 1, province,
  issuedOn: null, stub: false, depth: 1, lagDays: null, ...extra,
});
const edge = (source: string, target: string, kind: CascadeEdge['kind'] = 'IMPLEMENTS'): CascadeEdge => ({ id: `${source}>${target}`, source, target, kind, inferred: false, lagDays: null });

/**
 * A central resolution implemented by a 2023 Bình Thuận programme (its guidance and an organisation below it), a 2025
 * Lâm Đồng plan, and cited by a Quảng Nam plan.
 */
function cascade(): Cascade {
  const root = doc('nq', null, { depth: 0 });
  const nodes = [
    root,
    doc('ctr-bt', 'Bình Thuận'),
    doc('hd-bt', 'Bình Thuận', { depth: 2 }),
    { ...doc('btg-bt', 'Bình Thuận', { depth: 2 }), kind: 'ORGANIZATION' as const, code: null, type: null },
    doc('kh-ld', 'Lâm Đồng'),
    doc('kh-qn', 'Quảng Nam'),
  ];
  const edges = [edge('ctr-bt', 'nq'), edge('hd-bt', 'ctr-bt'), edge('ctr-bt', 'btg-bt', 'ASSIGNED_TO'), edge('kh-ld', 'nq'), edge('kh-qn', 'nq', 'CITES')];
  return { truncated: false, root, nodes, edges };
}

describe('visibleIds with a province chosen', () => {
  const model = modelFromCascade(cascade())!;
  const shown = (filters: Filters, map = MAP) => [...model.nodes.keys()].filter((id) => visibleIds(model, filters, undefined, map).has(id)).sort();
  const only = (...provinces: string[]): Filters => ({ ...DEFAULT_FILTERS, provinces });

  it('shows the new province\'s texts with those of the old provinces it took over', () => {
    expect(shown(only('Lâm Đồng'))).toEqual(['btg-bt', 'ctr-bt', 'hd-bt', 'kh-ld', 'nq']);
    expect(shown(only('lam dong'))).toEqual(shown(only('Lâm Đồng')));
  });

  it('shows an old province on its own, without the new province that took it over', () => {
    expect(shown(only('Bình Thuận'))).toEqual(['btg-bt', 'ctr-bt', 'hd-bt', 'nq']);
    expect(shown(only('Quảng Nam'))).toEqual(['kh-qn', 'nq']);
  });

  it('takes each name literally until the map is known', () => {
    expect(shown(only('Lâm Đồng'), NO_PROVINCE_MAP)).toEqual(['kh-ld', 'nq']);
  });

  it('keeps the briefing step\'s cut', () => {
    expect([...visibleIds(model, only('Lâm Đồng'), new Set(['nq', 'ctr-bt', 'kh-ld']), MAP)].filter((id) => model.nodes.has(id)).sort()).toEqual(['ctr-bt', 'kh-ld', 'nq']);
  });
});

describe('the province filter\'s choices', () => {
  const vi = translator('vi');
  const en = translator('en');

  it('offers a new province with the old names it covers that the cascade holds, and the old names on their own', () => {
    const options = provinceOptions(['Quảng Nam', 'Lâm Đồng', 'Bình Thuận', 'Bình Thuận'], MAP);
    expect(options).toEqual([
      { name: 'Bình Thuận', includes: [] },
      { name: 'Lâm Đồng', includes: ['Bình Thuận'] },
      { name: 'Quảng Nam', includes: [] },
    ]);
    expect(chosenLabel('Lâm Đồng', options, vi)).toBe('Lâm Đồng (gồm Bình Thuận)');
    expect(chosenLabel('lam dong', options, en)).toBe('Lâm Đồng (incl. Bình Thuận)');
    expect(chosenLabel('Bình Thuận', options, en)).toBe('Bình Thuận');
    // Quảng Nam's successor is not in this cascade: nothing to say of it.
    expect(chosenLabel('Đà Nẵng', options, vi)).toBe('Đà Nẵng');
  });

  it('keeps the plain name as the choice (the address stores it), whatever its spelling in the address', () => {
    const options = provinceOptions(['Lâm Đồng', 'Bình Thuận'], MAP);
    expect(chosenOption('lam dong', options)).toBe('Lâm Đồng');
    expect(chosenOption('Hà Nội', options)).toBe('Hà Nội');
    expect(chosenOption(undefined, options)).toBe('');
  });

  it('offers one choice per province, whatever the spellings the texts carry (the map\'s when present)', () => {
    expect(provinceOptions(['Đà Nẵng', 'Quang Nam', 'Quảng Nam'], MAP)).toEqual([
      { name: 'Đà Nẵng', includes: ['Quảng Nam'] },
      { name: 'Quảng Nam', includes: [] },
    ]);
    expect(provinceOptions(['Tinh Moi', 'Tỉnh Mới'], MAP)).toEqual([{ name: 'Tinh Moi', includes: [] }]);
  });
});

describe('gap rows under a new province', () => {
  const gap = (key: string, province: string): Gap => ({ organization: key, unit: null, key, province, level: 'commune', tasks: 1 });
  const narrowedTo = (province: string) => ({ filters: { ...DEFAULT_FILTERS, provinces: [province] }, levels: false, orgs: false });

  it('an old province\'s gap is in the part a new province chosen loaded: every level is shown, the filter kept', () => {
    expect(gapTarget(gap('o', 'Bình Thuận'), { nodeId: null, partial: true, orgsFolded: false, view: narrowedTo('Lâm Đồng'), provinces: MAP })).toEqual({
      kind: 'view',
      patch: { levels: true, selected: 'o' },
    });
  });

  it('an old province chosen has not loaded the new one\'s part: the row loads it', () => {
    expect(gapTarget(gap('o', 'Lâm Đồng'), { nodeId: null, partial: true, orgsFolded: false, view: narrowedTo('Bình Thuận'), provinces: MAP })).toEqual({
      kind: 'view',
      patch: { filters: { ...DEFAULT_FILTERS, provinces: ['Lâm Đồng'] }, selected: 'o' },
    });
  });
});
