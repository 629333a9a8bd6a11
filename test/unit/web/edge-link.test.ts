/** A selected edge in the address: named by what survives a re-ingest (relation, ends, which of a pair's edges). */
import { describe, expect, it } from 'vitest';
import { edgeRef, edgesToTellApart, findEdge, formatEdgeRef, parseEdgeRef, resolveSelection, selectionParam, type LinkedEdge } from '../../../web/src/graph/edge-link.js';

const PROGRAMME = '58-CTr/TU@2023-03-30#binh-thuan';
const RESOLUTION = '28-NQ/TW@2022-11-17#';
const BOARD = 'ban dan van tinh uy#binh-thuan';
const OFFICE = 'van phong tinh uy#binh-thuan';

/**
 * The edges of one cascade answer, their ids as Neo4j gave them (`gen`: which ingest). The board is given tasks in
 * two places of the programme (quotes at 900 and 4 200): two assignments between the same pair, listed in either
 * order (the server's order changes when the text is written again).
 */
const answer = (gen: number, boardFirst = false): LinkedEdge[] => {
  const board = [
    { id: `5:db:${gen}02`, kind: 'ASSIGNED_TO' as const, apiSource: PROGRAMME, apiTarget: BOARD },
    { id: `5:db:${gen}04`, kind: 'ASSIGNED_TO' as const, apiSource: PROGRAMME, apiTarget: BOARD },
  ];
  return [
    { id: `5:db:${gen}01`, kind: 'IMPLEMENTS', apiSource: PROGRAMME, apiTarget: RESOLUTION },
    boardFirst ? board[1]! : board[0]!,
    { id: `5:db:${gen}03`, kind: 'ASSIGNED_TO', apiSource: PROGRAMME, apiTarget: OFFICE },
    boardFirst ? board[0]! : board[1]!,
  ];
};
/** Where each quote starts: the assignment of id …02 stands earlier in the text than …04, whatever the answer's order. */
const startsOf = (gen: number) => new Map<string, number | null>([[`5:db:${gen}02`, 900], [`5:db:${gen}04`, 4200]]);
const byId = (edges: LinkedEdge[]) => new Map(edges.map((e) => [e.id, e]));
const nodes = new Set([PROGRAMME, RESOLUTION, BOARD, OFFICE]);

describe('edge references', () => {
  it('name an edge by its relation and its ends', () => {
    const edges = answer(1);
    expect(formatEdgeRef(edgeRef(edges[0]!, edges)!)).toBe(`IMPLEMENTS~${PROGRAMME}~${RESOLUTION}`);
    expect(formatEdgeRef(edgeRef(edges[2]!, edges)!)).toBe(`ASSIGNED_TO~${PROGRAMME}~${OFFICE}`);
  });

  it('tell the edges joining one pair apart by where their quotes stand in the text, once that is known', () => {
    const edges = answer(1);
    expect(edgeRef(edges[3]!, edges)).toBeNull();
    expect(edgeRef(edges[1]!, edges, startsOf(1))).toEqual({ kind: 'ASSIGNED_TO', source: PROGRAMME, target: BOARD, n: 1 });
    expect(formatEdgeRef(edgeRef(edges[3]!, edges, startsOf(1))!)).toBe(`ASSIGNED_TO~${PROGRAMME}~${BOARD}~2`);
    // Listed the other way round: the same numbers.
    const swapped = answer(1, true);
    expect(formatEdgeRef(edgeRef(swapped[3]!, swapped, startsOf(1))!)).toBe(`ASSIGNED_TO~${PROGRAMME}~${BOARD}`);
    // Quotes that could not be loaded: the answer's order.
    const unknown = new Map<string, number | null>();
    expect(edgeRef(swapped[1]!, swapped, unknown)!.n).toBe(1);
  });

  it('read back what they wrote, ids holding ~ and % included', () => {
    for (const ref of [
      { kind: 'CITES' as const, source: 'doc:3f2a', target: RESOLUTION, n: 1 },
      { kind: 'ASSIGNED_TO' as const, source: 'a~b%7E%25c', target: 'x~~y#z', n: 12 },
    ]) {
      expect(parseEdgeRef(formatEdgeRef(ref))).toEqual(ref);
    }
    expect(formatEdgeRef({ kind: 'ASSIGNED_TO', source: 'a~b', target: '100%', n: 1 })).toBe('ASSIGNED_TO~a%7Eb~100%25');
    expect(parseEdgeRef(`ASSIGNED_TO~${PROGRAMME}~${BOARD}~1`)).toEqual({ kind: 'ASSIGNED_TO', source: PROGRAMME, target: BOARD, n: 1 });
  });

  it('are told apart from node ids and elementIds', () => {
    for (const other of [PROGRAMME, BOARD, 'doc:3f2a', '5:0b3a7c1e-4f7d-4c8e-9d3a-1b2c3d4e5f60:1234', 'FOO~a~b', 'IMPLEMENTS~a', 'IMPLEMENTS~~b', 'IMPLEMENTS~a~b~0', 'IMPLEMENTS~a~b~x', 'IMPLEMENTS~a~b~1~2', '']) {
      expect(parseEdgeRef(other), other).toBeNull();
    }
  });

  it('find the edge among those of another answer', () => {
    const ref = edgeRef(answer(1)[3]!, answer(1), startsOf(1))!;
    expect(findEdge(ref, answer(2, true), startsOf(2))?.id).toBe('5:db:204');
    // Not before the quotes tell the pair apart; not a third one; not another pair.
    expect(findEdge(ref, answer(2))).toBeNull();
    expect(findEdge({ ...ref, n: 3 }, answer(2), startsOf(2))).toBeUndefined();
    expect(findEdge({ ...ref, target: 'someone else' }, answer(2))).toBeUndefined();
    // A pair of one edge needs no quote.
    expect(findEdge({ kind: 'IMPLEMENTS', source: PROGRAMME, target: RESOLUTION, n: 1 }, answer(2))?.id).toBe('5:db:201');
  });

  it('say whose quotes are needed: a pair\'s edges when several join it', () => {
    const edges = byId(answer(1));
    expect(edgesToTellApart(`ASSIGNED_TO~${PROGRAMME}~${BOARD}~2`, edges).map((e) => e.id)).toEqual(['5:db:102', '5:db:104']);
    expect(edgesToTellApart('5:db:104', edges).map((e) => e.id)).toEqual(['5:db:102', '5:db:104']);
    expect(edgesToTellApart('5:db:103', edges)).toEqual([]);
    expect(edgesToTellApart(BOARD, edges)).toEqual([]);
  });
});

describe('resolveSelection', () => {
  it('opens a node by its id', () => {
    expect(resolveSelection(BOARD, nodes, byId(answer(1)))).toEqual({ id: BOARD, group: 'nodes', param: BOARD });
  });

  it('opens the same edge after a re-ingest gave every relationship a new id and listed them in another order', () => {
    const before = answer(1);
    const param = selectionParam({ id: before[3]!.id, group: 'edges' }, byId(before), startsOf(1));
    expect(param).toBe(`ASSIGNED_TO~${PROGRAMME}~${BOARD}~2`);
    const after = byId(answer(2, true));
    expect(resolveSelection(param, nodes, after)).toBeNull();
    expect(resolveSelection(param, nodes, after, startsOf(2))).toEqual({ id: '5:db:204', group: 'edges', param });
    const office = `ASSIGNED_TO~${PROGRAMME}~${OFFICE}`;
    expect(resolveSelection(office, nodes, after)).toEqual({ id: '5:db:203', group: 'edges', param: office });
  });

  it('still opens an edge named by its elementId (an older link), named again the lasting way once it can be', () => {
    const edges = byId(answer(1));
    expect(resolveSelection('5:db:103', nodes, edges)).toEqual({ id: '5:db:103', group: 'edges', param: `ASSIGNED_TO~${PROGRAMME}~${OFFICE}` });
    expect(resolveSelection('5:db:104', nodes, edges)).toEqual({ id: '5:db:104', group: 'edges', param: '5:db:104' });
    expect(resolveSelection('5:db:104', nodes, edges, startsOf(1))).toEqual({ id: '5:db:104', group: 'edges', param: `ASSIGNED_TO~${PROGRAMME}~${BOARD}~2` });
  });

  it('opens nothing for what the elements do not hold', () => {
    expect(resolveSelection('5:db:102', nodes, byId(answer(2)))).toBeNull();
    expect(resolveSelection(`ASSIGNED_TO~${PROGRAMME}~${BOARD}~3`, nodes, byId(answer(2)), startsOf(2))).toBeNull();
    expect(resolveSelection('nobody#nowhere', nodes, byId(answer(2)))).toBeNull();
  });

  it('names a node by its id, and an edge of a pair not told apart yet by its elementId', () => {
    expect(selectionParam({ id: BOARD, group: 'nodes' }, byId(answer(1)))).toBe(BOARD);
    expect(selectionParam({ id: '5:db:104', group: 'edges' }, byId(answer(1)))).toBe('5:db:104');
  });
});
