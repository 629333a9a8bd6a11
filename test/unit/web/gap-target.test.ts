/** Where a row of the gap list leads, and the rows of the chosen province. */
import { describe, expect, it } from 'vitest';
import type { Gap } from '../../../web/src/api/types.js';
import { gapTarget } from '../../../web/src/state/gap-target.js';
import { DEFAULT_FILTERS } from '../../../web/src/state/url.js';

const gap = (key: string, province: string | null, level = 'commune'): Gap => ({ organization: key, unit: null, key, province, level, tasks: 2 });
const view = { filters: { ...DEFAULT_FILTERS }, levels: false, orgs: false };

describe('gapTarget', () => {
  it('leads to a drawn organisation', () => {
    expect(gapTarget(gap('o', 'Bình Thuận'), { nodeId: 'o', partial: true, orgsFolded: false, view })).toEqual({ kind: 'node', id: 'o' });
  });

  it('loads the province of a commune organisation a folded level hides, then selects it', () => {
    expect(gapTarget(gap('o', 'Bình Thuận'), { nodeId: null, partial: true, orgsFolded: false, view })).toEqual({
      kind: 'view',
      patch: { filters: { ...DEFAULT_FILTERS, provinces: ['Bình Thuận'] }, selected: 'o' },
    });
    // Organisations the server left out too: drawn as well.
    expect(gapTarget(gap('o', 'Bình Thuận'), { nodeId: null, partial: true, orgsFolded: true, view })).toMatchObject({ kind: 'view', patch: { orgs: true, selected: 'o' } });
  });

  it('shows every level when the province is loaded already (or the organisation has none)', () => {
    const narrowed = { ...view, filters: { ...DEFAULT_FILTERS, provinces: ['Bình Thuận'] } };
    expect(gapTarget(gap('o', 'Bình Thuận'), { nodeId: null, partial: true, orgsFolded: false, view: narrowed })).toEqual({ kind: 'view', patch: { levels: true, selected: 'o' } });
    expect(gapTarget(gap('o', null, 'central'), { nodeId: null, partial: true, orgsFolded: false, view })).toEqual({ kind: 'view', patch: { levels: true, selected: 'o' } });
  });

  it('draws every organisation of a whole cascade the server folded', () => {
    expect(gapTarget(gap('o', 'Bình Thuận'), { nodeId: null, partial: false, orgsFolded: true, view })).toEqual({ kind: 'view', patch: { orgs: true, selected: 'o' } });
  });

  it('leads nowhere when no view would draw it (shown as text, not a dead link)', () => {
    expect(gapTarget(gap('o', 'Bình Thuận'), { nodeId: null, partial: false, orgsFolded: false, view })).toBeNull();
    expect(gapTarget(gap('o', null), { nodeId: null, partial: true, orgsFolded: false, view: { ...view, levels: true } })).toBeNull();
  });
});
