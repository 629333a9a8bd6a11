/** Which requests the response cache answers ahead: the most asked-for cascade request, put to the largest roots. */
import { describe, expect, it } from 'vitest';
import { cascadesAhead, rootVariables, withRoot } from '../../../server/src/api/cascade-ahead.js';
import type { CascadeRoot } from '../../../server/src/graph/queries/largest-cascades.js';
import { CASCADE_VIEW_QUERY, cascadeVariables } from '../../../web/src/api/queries.js';


const request = (query: string, variables: Record<string, unknown> | null = null, operationName: string | null = null) => ({ query, variables, operationName });
const root = (code: string, issuedOn: string | null, province: string | null): CascadeRoot => ({ uid: `${code}@${issuedOn}`, code, issuedOn, province, size: 100 });
/** A request body as the web app sends it, read back as the server's JSON parser gives it to the cache. */
const explorer = (r: CascadeRoot, direction: 'DOWN' | 'UP' = 'DOWN') =>
  JSON.parse(JSON.stringify({ query: CASCADE_VIEW_QUERY, variables: cascadeVariables(r, 4, direction) })) as { query: string; variables: Record<string, unknown> };

describe('rootVariables', () => {
  it('finds the variables naming the root of the explorer’s cascade request', () => {
    expect(rootVariables(request(CASCADE_VIEW_QUERY))).toEqual({ code: 'code', issuedOn: 'issuedOn', province: 'province' });
    expect(rootVariables(request('query Q($c: String!) { cascade(code: $c, depth: 2) { truncated } }'))).toEqual({ code: 'c' });
  });

  it('takes only one cascade whose root is a variable', () => {
    expect(rootVariables(request('{ cascade(code: "28-NQ/TW") { truncated } }'))).toBeNull();
    expect(rootVariables(request('query($c: String!) { cascade(code: $c) { truncated } levels { key } }'))).toBeNull();
    expect(rootVariables(request('{ levels { key } }'))).toBeNull();
    expect(rootVariables(request('mutation($c: String!) { cascade(code: $c) { truncated } }'))).toBeNull();
    expect(rootVariables(request('query {'))).toBeNull();
    const two = 'query A($c: String!) { cascade(code: $c) { truncated } } query B { levels { key } }';
    expect(rootVariables(request(two))).toBeNull();
    expect(rootVariables(request(two, null, 'A'))).toEqual({ code: 'c' });
    expect(rootVariables(request(two, null, 'B'))).toBeNull();
  });
});

describe('withRoot', () => {
  const central = root('28-NQ/TW', '2022-11-17', null);
  const provincial = root('58-CTr/TU', '2023-03-30', 'Bình Thuận');
  const undated = root('12-KH/UBND', null, 'Đồng Tháp');

  it('gives the very request the explorer sends for another root (so its answer is found by the same key)', () => {
    for (const asked of [central, provincial, undated]) {
      for (const other of [central, provincial, undated]) {
        for (const direction of ['DOWN', 'UP'] as const) {
          const template = explorer(asked, direction);
          const made = withRoot(request(template.query, template.variables), rootVariables(request(template.query))!, other);
          expect(JSON.stringify([made.query, made.variables, made.operationName])).toBe(
            JSON.stringify([explorer(other, direction).query, explorer(other, direction).variables, null]),
          );
        }
      }
    }
  });

  it('names the other root by id when the request named its root by id (a shared link)', () => {
    const byId = JSON.parse(JSON.stringify({ query: CASCADE_VIEW_QUERY, variables: cascadeVariables({ code: '28-NQ/TW@2022-11-17' }, 4, 'DOWN') }));
    const made = withRoot(request(byId.query, byId.variables), rootVariables(request(byId.query))!, provincial);
    expect(made.variables).toEqual({ code: provincial.uid, depth: 4, direction: 'DOWN' });
  });

  it('keeps the request’s other variables and leaves out the root variables it does not take', () => {
    const made = withRoot(request('query($c: String!) { cascade(code: $c) { truncated } }', { c: 'x', depth: 2 }), { code: 'c' }, provincial);
    expect(made.variables).toEqual({ c: '58-CTr/TU', depth: 2 });
  });
});

describe('cascadesAhead', () => {
  const largest = async (n: number) => [root('28-NQ/TW', '2022-11-17', null), root('58-CTr/TU', '2023-03-30', 'Bình Thuận')].slice(0, n);

  it('takes the most asked-for cascade request as the pattern, and puts it to the largest roots', async () => {
    const levels = request('{ levels { key } }');
    const asked = explorer(root('86-HD/BTGTU', '2023-06-01', 'Bình Thuận'), 'UP');
    const ahead = cascadesAhead(largest, 2);
    const pattern = ahead.pattern([levels, request(asked.query, asked.variables), request(CASCADE_VIEW_QUERY, explorer(root('1', null, null)).variables)]);
    expect(pattern?.variables).toEqual(asked.variables);
    expect((await ahead.requests(pattern!)).map((r) => r.variables)).toEqual([
      { code: '28-NQ/TW', issuedOn: '2022-11-17', depth: 4, direction: 'UP' },
      { code: '58-CTr/TU', issuedOn: '2023-03-30', province: 'Bình Thuận', depth: 4, direction: 'UP' },
    ]);
    expect(ahead.pattern([levels])).toBeNull();
    expect(await cascadesAhead(largest, 0).requests(pattern!)).toEqual([]);
    expect(await ahead.requests(levels)).toEqual([]);
  });
});
