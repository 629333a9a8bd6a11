/** Expansions: kept in the address, and an expansion never folds away the organisations drawn before it. */
import { describe, expect, it } from 'vitest';
import type { Cascade, CascadeEdge, CascadeNode } from '../../../web/src/api/types.js';
import { foldAssignees, foldedImplementersLeft, organizationsToDraw } from '../../../web/src/graph/fold.js';
import { mergeExpansion, modelFromCascade } from '../../../web/src/graph/model.js';
import { MAX_EXPANDED, parseView, serializeView } from '../../../web/src/state/url.js';

const doc = (id: string, extra: Partial<CascadeNode> = {}): CascadeNode => ({
  id, kind: 'DIRECTIVE', label: id, code: id, type: 'KH', typeName: null, level: 'provincial', levelRank: 2, province: 'Bình Thuận', issuedOn: null,
  stub: false, depth: 1, lagDays: null, ...extra,
});
const org = (id: string): CascadeNode => ({ ...doc(id), kind: 'ORGANIZATION', code: null, type: null });
const edge = (source: string, target: string, kind: CascadeEdge['kind']): CascadeEdge => ({ id: `${source}>${target}`, source, target, kind, inferred: false, lagDays: null });

/** A root assigning tasks to `orgs` organisations, implemented by `plans` texts. */
function cascade(rootId: string, orgs: number, plans: string[] = [], orgPrefix = rootId): Cascade {
  const root = doc(rootId, { depth: 0 });
  const nodes = [root, ...plans.map((p) => doc(p))];
  const edges = plans.map((p) => edge(p, rootId, 'IMPLEMENTS'));
  for (let i = 0; i < orgs; i++) {
    nodes.push(org(`${orgPrefix}-org${i}`));
    edges.push(edge(rootId, `${orgPrefix}-org${i}`, 'ASSIGNED_TO'));
  }
  return { truncated: false, root, nodes, edges };
}

describe('expansions in the address', () => {
  it('round-trips the expanded ids, in order, ids with commas, spaces and # included', () => {
    const view = parseView('?code=28-NQ/TW');
    expect(view.expanded).toEqual([]);
    const expanded = ['19-CTr/TU@2023-01-10#Bình Thuận', 'doc:abc,def', '58-CTr/TU@2023-03-30#binh-thuan'];
    const search = serializeView({ ...view, expanded });
    expect(parseView(search).expanded).toEqual(expanded);
  });

  it('tolerates bad values: empty, blank, repeated, overlong, too many', () => {
    const many = Array.from({ length: MAX_EXPANDED + 10 }, (_, i) => `exp=n${i}`).join('&');
    expect(parseView(`?code=X&exp=&exp=%20%20&exp=a&exp=a&exp=${'x'.repeat(400)}&exp=%20b%20`).expanded).toEqual(['a', 'b']);
    expect(parseView(`?code=X&${many}`).expanded).toHaveLength(MAX_EXPANDED);
  });

  it('keeps no expansions without a cascade', () => {
    expect(serializeView({ ...parseView(''), expanded: ['a'] })).toBe('');
  });
});

describe('organisations drawn across an expansion', () => {
  it('an expansion crossing the threshold folds only the organisations it brought', () => {
    // A provincial programme (19 organisations) whose root, expanded, brings 300 texts and 450 organisations.
    let model = modelFromCascade(cascade('root', 19))!;
    expect(organizationsToDraw(model)).toBeNull();
    model = mergeExpansion(model, 'root', cascade('root', 450, Array.from({ length: 300 }, (_, i) => `p${i}`), 'more'));
    const draw = organizationsToDraw(model)!;
    expect(draw.size).toBe(19);
    const folded = foldAssignees(model, draw);
    const drawnOrgs = [...folded.model.nodes.values()].filter((n) => n.kind === 'ORGANIZATION').map((n) => n.id);
    expect(drawnOrgs.sort()).toEqual(Array.from({ length: 19 }, (_, i) => `root-org${i}`).sort());
    // The root counts the 450 left out, not the 19 it still draws.
    expect(folded.assignees.get('root')).toBe(450);
  });

  it('an expansion that fits draws its organisations; a later one that does not, folds only its own', () => {
    let model = modelFromCascade(cascade('root', 10, ['a', 'b']))!;
    model = mergeExpansion(model, 'a', cascade('a', 100));
    expect(organizationsToDraw(model)).toBeNull();
    model = mergeExpansion(model, 'b', cascade('b', 350));
    const draw = organizationsToDraw(model)!;
    expect(draw.size).toBe(110);
    expect(draw.has('a-org99')).toBe(true);
    expect(draw.has('b-org0')).toBe(false);
  });

  it('a cascade too large to draw its own organisations folds them all', () => {
    expect(organizationsToDraw(modelFromCascade(cascade('root', 401))!)!.size).toBe(0);
  });
});

describe('lower-level texts still folded', () => {
  it('counts down as the nodes carrying them are expanded', () => {
    const c = cascade('root', 0, ['a', 'b']);
    c.nodes = c.nodes.map((n) => (n.id === 'a' ? { ...n, implementersFolded: 92 } : n.id === 'b' ? { ...n, implementersFolded: 30 } : n));
    let model = modelFromCascade(c)!;
    expect(foldedImplementersLeft(model, 122)).toBe(122);
    model = mergeExpansion(model, 'a', cascade('a', 0, Array.from({ length: 92 }, (_, i) => `c${i}`)));
    expect(foldedImplementersLeft(model, 122)).toBe(30);
  });
});

describe('dates in the address', () => {
  it('keeps a day of the calendar and drops what is none (the server would refuse it)', () => {
    expect(parseView('?code=28-NQ/TW&issuedOn=2022-11-17&from=2024-02-29').issuedOn).toBe('2022-11-17');
    expect(parseView('?code=28-NQ/TW&from=2024-02-29').filters.from).toBe('2024-02-29');
    for (const bad of ['2023-02-30', '2023-13-45', '2023-3-30', 'garbage']) {
      const v = parseView(`?code=28-NQ/TW&issuedOn=${bad}&from=${bad}&to=${bad}`);
      expect([v.issuedOn, v.filters.from, v.filters.to], bad).toEqual([null, null, null]);
    }
  });
});
