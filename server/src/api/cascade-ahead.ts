/**
 * Cascades answered before anybody asks: the most asked-for cascade request (usually the explorer's own) is taken as
 * a pattern and asked for the largest cascades of the graph, so that the first visitor of any provincial programme
 * meets an answer from memory, not 50–60 ms of Neo4j and JSON (a national resolution: 130–190 ms).
 *
 * A request qualifies when it selects `cascade` alone and names its root through variables (`code`, and optionally
 * `issuedOn` and `province`). Another root is put in as the explorer writes it (`cascadeVariables` in the web app's
 * api/queries.ts):
 * code, then the date and the province when the directive has them, then the request's other variables unchanged —
 * so the stored answer's key is the one the explorer's request will have.
 */
import { getOperationAST, Kind, parse } from 'graphql';
import type { CascadeRoot } from '../graph/queries/largest-cascades.js';
import type { AheadOptions, CachedRequest } from './response-cache.js';

/** The variables naming a cascade's root in a request, or null when the request is not one cascade by variables. */
export interface RootVariables {
  code: string;
  issuedOn?: string;
  province?: string;
}

/** Parsed queries: a cache holds thousands of requests but few distinct query texts. */
const parsed = new Map<string, RootVariables | null>();
const PARSED_MAX = 256;

export function rootVariables(request: CachedRequest): RootVariables | null {
  const key = `${request.operationName ?? ''}\n${request.query}`;
  let names = parsed.get(key);
  if (names === undefined) {
    names = readRootVariables(request);
    if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, names);
  }
  return names;
}

function readRootVariables(request: CachedRequest): RootVariables | null {
  let doc;
  try {
    doc = parse(request.query, { noLocation: true });
  } catch {
    return null;
  }
  const op = getOperationAST(doc, request.operationName);
  if (!op || op.operation !== 'query' || op.selectionSet.selections.length !== 1) return null;
  const field = op.selectionSet.selections[0]!;
  if (field.kind !== Kind.FIELD || field.name.value !== 'cascade') return null;
  const vars: Partial<RootVariables> = {};
  for (const arg of field.arguments ?? []) {
    const name = arg.name.value;
    if (name !== 'code' && name !== 'issuedOn' && name !== 'province') continue;
    // A root written into the query text cannot be swapped for another one.
    if (arg.value.kind !== Kind.VARIABLE) return null;
    vars[name] = arg.value.name.value;
  }
  return vars.code ? (vars as RootVariables) : null;
}

/**
 * `request` asked for `root` instead of its own. A request naming its root by id (`code: "28-NQ/TW@2022-11-17"`, as the
 * explorer does when opened from a link `?code=ID`) names the other root by id too, with no date or province.
 */
export function withRoot(request: CachedRequest, names: RootVariables, root: CascadeRoot): CachedRequest {
  const rest = Object.entries(request.variables ?? {}).filter(([k]) => k !== names.code && k !== names.issuedOn && k !== names.province);
  const given = request.variables?.[names.code];
  const byId = typeof given === 'string' && (given.startsWith('doc:') || given.includes('@'));
  const variables: Record<string, unknown> = { [names.code]: byId ? root.uid : root.code };
  if (!byId && names.issuedOn && root.issuedOn) variables[names.issuedOn] = root.issuedOn;
  if (!byId && names.province && root.province) variables[names.province] = root.province;
  return { ...request, variables: { ...variables, ...Object.fromEntries(rest) } };
}

/**
 * The cache's `ahead`: the pattern is the first cascade among the cached requests (most asked-for first), and the
 * requests like it are the same cascade request for the `count` largest cascades.
 */
export function cascadesAhead(largest: (count: number) => Promise<CascadeRoot[]>, count: number): AheadOptions {
  return {
    pattern(asked) {
      for (const request of asked) if (rootVariables(request)) return request;
      return null;
    },
    async requests(pattern) {
      const names = rootVariables(pattern);
      if (!names || count <= 0) return [];
      return (await largest(count)).map((root) => withRoot(pattern, names, root));
    },
  };
}
