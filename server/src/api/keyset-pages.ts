/**
 * `directivesPage` / `organizationsPage`: cursor (keyset) pages in any order of the type's own fields, for walking the
 * whole graph, or a filtered part of it, page after page (notebooks, exports).
 *
 * Why not the generated `…Connection`: @neo4j/graphql 7 answers `directivesConnection(first, after, sort)` by
 * collecting every match into one list (for the Directive interface, each match's whole projection — with `text`,
 * the 150 MB of national texts), then `UNWIND`s it, sorts and skips the offset its cursor holds:
 *
 *     MATCH (this0:Document&Directive)
 *     WITH collect({node: this0}) AS edges, count(this0) AS totalCount
 *     CALL (edges) { UNWIND edges AS edge WITH edge.node AS this0 WITH * ORDER BY this0.issuedOn, this0.uid
 *                    SKIP $offset LIMIT $first RETURN collect({node: {…}}) AS var1 }
 *
 * Neo4j's Top operator keeps offset + first rows, and charges each of them with the whole `edges` list it carries: at
 * national scale 8.7 MB (documentsConnection) or 47 MB (directivesConnection, three fields selected) per row kept,
 * so page 1 of 100 needed 0.9 GB and 4.7 GB, and page 2 of documentsConnection 1.7 GB — past Neo4j's transaction
 * memory (70 % of the heap). Cursors there are offsets (`arrayconnection:N`), so every later page costs more.
 *
 * Here a cursor holds the sort values of its row: a page is read from the row after it (graph/queries/keyset.ts),
 * off an index when the order starts with an indexed field, and only its rows are given to @neo4j/graphql, which
 * reads the fields the query selects below `node` (relationships included) as it does for `directives(where: { uid:
 * { in: […] } })`. `where` takes the filters of the type's own fields, as the generated `…Where` writes them.
 */
import {
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isListType,
  Kind,
  type FieldNode,
  type GraphQLFieldConfig,
  type GraphQLFieldResolver,
  type GraphQLInputFieldConfigMap,
  type GraphQLResolveInfo,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import neo4j from 'neo4j-driver';
import { keysetCount, keysetOrder, keysetPage, type KeysetRow, type Predicate, type SortKey } from '../graph/queries/keyset.js';
import type { ApiContext } from './context.js';
import { userError } from './errors.js';

export interface KeysetEntity {
  /** The query field added. */
  field: string;
  /** The schema's type (object or interface) of the nodes. */
  type: string;
  /** The Neo4j label every node of the type carries. */
  label: string;
  /** Its unique, never missing field: ends every order. */
  key: string;
  /** The generated list field that reads nodes by key (`directives`). */
  list: string;
}

export const KEYSET_PAGES: readonly KeysetEntity[] = [
  { field: 'directivesPage', type: 'Directive', label: 'Directive', key: 'uid', list: 'directives' },
  { field: 'organizationsPage', type: 'Organization', label: 'Organization', key: 'key', list: 'organizations' },
];

export const MAX_PAGE = 1000;
/** Fields no order may use: a cursor carries the sort values of its row. */
const UNSORTABLE = new Set(['text']);
/** The filter operators translated here (graph property → Cypher); another one in the schema stops the start. */
const OPERATORS = new Set(['eq', 'in', 'gt', 'gte', 'lt', 'lte', 'contains', 'startsWith', 'endsWith', 'includes']);
/** Alias under which a delegated read returns each node's key. */
const KEY_ALIAS = '_keysetPageKey';

type Kind_ = 'Date' | 'Int' | 'Float' | 'Boolean' | 'String' | 'ID' | 'List';

interface Built {
  entity: KeysetEntity;
  /** Scalar fields of the type and their kinds. */
  kinds: Map<string, Kind_>;
  /** Filter fields of the where input: property name → its kind. */
  filters: Map<string, Kind_>;
  /** Implementations (for `typename`), when the type is an interface. */
  typenames: Set<string> | null;
}

interface PageSource {
  built: Built;
  rows: KeysetRow[];
  cursors: string[];
  hasNext: boolean;
  hasPrevious: boolean;
  where: Predicate;
}

// ---------------------------------------------------------------- cursors

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

function orderSignature(order: readonly SortKey[]): string {
  return order.map((k) => `${k.field}:${k.desc ? 'DESC' : 'ASC'}`).join(',');
}

function encodeValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (neo4j.isDate(v)) return String(v);
  return v;
}

function encodeCursor(order: readonly SortKey[], values: readonly unknown[]): string {
  return b64(JSON.stringify({ o: orderSignature(order), v: values.map(encodeValue) }));
}

function decodeValue(v: unknown, kind: Kind_ | undefined): unknown {
  if (v === null) return null;
  switch (kind) {
    case 'Date':
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new neo4j.types.Date(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10)));
      break;
    case 'Int':
      if (Number.isSafeInteger(v)) return neo4j.int(v as number);
      break;
    case 'Float':
      if (typeof v === 'number') return v;
      break;
    case 'Boolean':
      if (typeof v === 'boolean') return v;
      break;
    case 'String':
    case 'ID':
      if (typeof v === 'string') return v;
      break;
  }
  throw new Error('bad value');
}

function decodeCursor(cursor: string, order: readonly SortKey[], built: Built): unknown[] {
  const wrong = (why: string) => userError(`after: ${why}; pass the endCursor (or an edge's cursor) of a page read with the same sort`, 'BAD_USER_INPUT');
  let parsed: { o?: unknown; v?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown; v?: unknown };
  } catch {
    throw wrong(`"${cursor.slice(0, 40)}" is not a cursor of ${built.entity.field}`);
  }
  if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.v) || typeof parsed.o !== 'string') throw wrong(`"${cursor.slice(0, 40)}" is not a cursor of ${built.entity.field}`);
  const signature = orderSignature(order);
  if (parsed.o !== signature) throw wrong(`this cursor was made for the order ${parsed.o}, not ${signature}`);
  if (parsed.v.length !== order.length) throw wrong('this cursor does not hold a value for every sort field');
  try {
    return parsed.v.map((v, i) => decodeValue(v, built.kinds.get(order[i]!.field)));
  } catch {
    throw wrong('this cursor holds a value of the wrong type');
  }
}

// ---------------------------------------------------------------- sort and where

function sortKeys(sort: ReadonlyArray<Record<string, string | null | undefined>> | null | undefined, built: Built): SortKey[] {
  const keys: SortKey[] = [];
  for (const element of sort ?? []) {
    const given = Object.entries(element).filter(([, dir]) => dir !== null && dir !== undefined);
    if (given.length !== 1) throw userError(`sort: each element names one field, e.g. [{ issuedOn: ASC }, { ${built.entity.key}: ASC }]`, 'BAD_USER_INPUT');
    const [field, dir] = given[0]!;
    if (UNSORTABLE.has(field)) throw userError(`sort: ${built.entity.field} cannot be sorted by ${field} (a cursor holds the sort values of its row)`, 'BAD_USER_INPUT');
    if (!built.kinds.has(field)) throw userError(`sort: ${field} is not a field ${built.entity.field} sorts by`, 'BAD_USER_INPUT');
    if (keys.some((k) => k.field === field)) throw userError(`sort: ${field} is named twice`, 'BAD_USER_INPUT');
    keys.push({ field, desc: dir === 'DESC' });
  }
  return keys;
}

const prop = (field: string) => `n.\`${field.replace(/`/g, '``')}\``;

/** A where value of the page's where input as a Cypher condition on `n` (null: no condition). */
export function wherePredicate(where: Record<string, unknown> | null | undefined, built: Pick<Built, 'filters' | 'typenames'>): Predicate {
  const params: Record<string, unknown> = {};
  let n = 0;
  const param = (v: unknown) => {
    const name = `w${n++}`;
    params[name] = v;
    return `$${name}`;
  };
  const value = (v: unknown, kind: Kind_): unknown => (kind === 'Int' && typeof v === 'number' ? neo4j.int(v) : Array.isArray(v) ? v.map((x) => value(x, kind)) : v);
  const all = (parts: Array<string | null>): string | null => {
    const kept = parts.filter((p): p is string => p !== null);
    return kept.length === 0 ? null : kept.length === 1 ? kept[0]! : kept.map((p) => `(${p})`).join(' AND ');
  };
  const walk = (w: Record<string, unknown> | null | undefined): string | null => {
    if (!w) return null;
    const parts: Array<string | null> = [];
    for (const [name, given] of Object.entries(w)) {
      if (given === undefined || given === null) continue;
      if (name === 'AND') parts.push(all((given as Array<Record<string, unknown>>).map(walk)));
      else if (name === 'OR') {
        const alts = (given as Array<Record<string, unknown>>).map(walk);
        // As @neo4j/graphql reads it: an alternative without a condition drops out.
        const kept = alts.filter((p): p is string => p !== null);
        parts.push(kept.length === 0 ? null : kept.map((p) => `(${p})`).join(' OR '));
      } else if (name === 'NOT') {
        const inner = walk(given as Record<string, unknown>);
        parts.push(inner === null ? null : `NOT (${inner})`);
      } else if (name === 'typename') {
        const names = given as string[];
        parts.push(names.length === 0 ? 'false' : names.map((t) => `n:\`${t}\``).join(' OR '));
      } else {
        const kind = built.filters.get(name);
        if (!kind) throw userError(`where: ${name} is not a field this page filters on`, 'BAD_USER_INPUT');
        const p = prop(name);
        for (const [op, v] of Object.entries(given as Record<string, unknown>)) {
          if (v === undefined) continue;
          // As @neo4j/graphql does: a null value asks for the property to be missing, whatever the operator.
          if (v === null) {
            parts.push(`${p} IS NULL`);
            continue;
          }
          const x = param(value(v, kind));
          switch (op) {
            case 'eq':
              parts.push(`${p} = ${x}`);
              break;
            case 'in':
              parts.push(`${p} IN ${x}`);
              break;
            case 'gt':
              parts.push(`${p} > ${x}`);
              break;
            case 'gte':
              parts.push(`${p} >= ${x}`);
              break;
            case 'lt':
              parts.push(`${p} < ${x}`);
              break;
            case 'lte':
              parts.push(`${p} <= ${x}`);
              break;
            case 'contains':
              parts.push(`${p} CONTAINS ${x}`);
              break;
            case 'startsWith':
              parts.push(`${p} STARTS WITH ${x}`);
              break;
            case 'endsWith':
              parts.push(`${p} ENDS WITH ${x}`);
              break;
            case 'includes':
              parts.push(`${x} IN ${p}`);
              break;
            default:
              throw userError(`where: ${name}.${op} is not offered here`, 'BAD_USER_INPUT');
          }
        }
      }
    }
    return all(parts);
  };
  return { cypher: walk(where), params };
}

// ---------------------------------------------------------------- the node's fields, read by @neo4j/graphql

function included(node: SelectionNode, variables: Record<string, unknown>): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
  return include?.if !== false;
}

/** The fields named `name` directly below the given fields (fragments followed), by response name. */
function subfields(fieldNodes: readonly FieldNode[], name: string, info: GraphQLResolveInfo): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const walk = (set: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const s of set?.selections ?? []) {
      if (!included(s, info.variableValues)) continue;
      if (s.kind === Kind.FIELD) {
        if (s.name.value !== name) continue;
        const key = s.alias?.value ?? s.name.value;
        out.set(key, [...(out.get(key) ?? []), s]);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(s.selectionSet, seen);
      } else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        walk(info.fragments[s.name.value]?.selectionSet, seen);
      }
    }
  };
  for (const f of fieldNodes) walk(f.selectionSet, new Set());
  return out;
}

/**
 * The nodes of `keys` as @neo4j/graphql's `list` field reads them for the selection `nodeFields` (their own fields,
 * relationships, nested connections), by key. One read for the page, whatever it selects.
 */
async function readNodes(entity: KeysetEntity, keys: string[], nodeFields: readonly FieldNode[], ctx: ApiContext, info: GraphQLResolveInfo): Promise<Map<string, unknown>> {
  const query = info.schema.getQueryType()!;
  const list = query.getFields()[entity.list];
  if (!list?.resolve) throw new Error(`schema has no ${entity.list} field to read ${entity.type} nodes`);
  const keyField: FieldNode = { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: KEY_ALIAS }, name: { kind: Kind.NAME, value: entity.key } };
  const fieldNode: FieldNode = {
    kind: Kind.FIELD,
    name: { kind: Kind.NAME, value: entity.list },
    selectionSet: { kind: Kind.SELECTION_SET, selections: [...nodeFields.flatMap((f) => f.selectionSet?.selections ?? []), keyField] },
  };
  const listInfo: GraphQLResolveInfo = {
    ...info,
    fieldName: entity.list,
    fieldNodes: [fieldNode],
    returnType: list.type,
    parentType: query,
    path: { prev: undefined, key: entity.list, typename: query.name },
  };
  const got = (await list.resolve(undefined, { where: { [entity.key]: { in: keys } } }, ctx, listInfo)) as Array<Record<string, unknown>>;
  return new Map(got.map((node) => [String(node[KEY_ALIAS]), node]));
}

// ---------------------------------------------------------------- schema

function scalarKind(typeName: string, list: boolean): Kind_ | null {
  if (list) return typeName === 'String' ? 'List' : null;
  return (['Date', 'Int', 'Float', 'Boolean', 'String', 'ID'] as const).find((k) => k === typeName) ?? null;
}

function buildEntity(schema: GraphQLSchema, entity: KeysetEntity) {
  const type = schema.getType(entity.type);
  if (!isObjectType(type) && !isInterfaceType(type)) throw new Error(`schema has no type ${entity.type}`);
  const generatedWhere = schema.getType(`${entity.type}Where`);
  const sort = schema.getType(`${entity.type}Sort`);
  const pageInfo = schema.getType('PageInfo');
  if (!isInputObjectType(generatedWhere) || !isInputObjectType(sort) || !isObjectType(pageInfo)) throw new Error(`schema has no ${entity.type}Where, ${entity.type}Sort or PageInfo`);
  const kinds = new Map<string, Kind_>();
  for (const f of Object.values(type.getFields())) {
    let t = f.type;
    if (t instanceof GraphQLNonNull) t = t.ofType;
    const kind = scalarKind(getNamedType(t).name, isListType(t));
    if (kind) kinds.set(f.name, kind);
  }
  const filters = new Map<string, Kind_>();
  let typenames: Set<string> | null = null;
  const whereFields: GraphQLInputFieldConfigMap = {};
  const where: GraphQLInputObjectType = new GraphQLInputObjectType({
    name: `${entity.type}PageWhere`,
    description: `Filters of ${entity.field}: the ${entity.type}'s own fields, written as in ${entity.type}Where.`,
    fields: () => ({
      ...whereFields,
      AND: { type: new GraphQLList(new GraphQLNonNull(where)) },
      OR: { type: new GraphQLList(new GraphQLNonNull(where)) },
      NOT: { type: where },
    }),
  });
  for (const f of Object.values(generatedWhere.getFields())) {
    const named = getNamedType(f.type);
    if (f.name === 'typename' && isEnumType(named)) {
      typenames = new Set(named.getValues().map((v) => v.name));
      whereFields[f.name] = { type: f.type, description: f.description };
      continue;
    }
    const kind = kinds.get(f.name);
    if (!kind || !isInputObjectType(named)) continue;
    for (const op of Object.keys(named.getFields())) {
      if (!OPERATORS.has(op)) throw new Error(`${named.name}.${op}: a filter operator ${entity.field} does not translate (api/keyset-pages.ts)`);
    }
    filters.set(f.name, kind);
    whereFields[f.name] = { type: f.type, description: f.description };
  }
  const built: Built = { entity, kinds, filters, typenames };

  const edge = new GraphQLObjectType({
    name: `${entity.type}PageEdge`,
    fields: {
      cursor: { type: new GraphQLNonNull(GraphQLString), description: `Pass as \`after\` to read the ${entity.type} nodes after this one, in the same order.` },
      node: {
        type: new GraphQLNonNull(type),
        // Read for the page by the edges' resolver, under this field's response name (an alias, or `node`).
        resolve: (source: { nodes: Map<string, unknown> }, _args, _ctx, info) => source.nodes.get(String(info.path.key)),
      },
    },
  });
  const page = new GraphQLObjectType({
    name: `${entity.type}Page`,
    description: `One page of ${entity.field}.`,
    fields: {
      edges: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(edge))),
        resolve: async (source: PageSource, _args, ctx: ApiContext, info) => {
          const wanted = subfields(info.fieldNodes, 'node', info);
          const keys = source.rows.map((r) => r.key);
          const reads = new Map<string, Map<string, unknown>>();
          for (const [responseName, fieldNodes] of wanted) reads.set(responseName, keys.length ? await readNodes(entity, keys, fieldNodes, ctx, info) : new Map());
          const edges = [];
          for (const [i, row] of source.rows.entries()) {
            const nodes = new Map<string, unknown>();
            let gone = false;
            for (const [responseName, read] of reads) {
              const node = read.get(row.key);
              if (node === undefined) gone = true;
              nodes.set(responseName, node);
            }
            // Removed between the page's read and its nodes' (an ingest replaced it): left out.
            if (!gone) edges.push({ cursor: source.cursors[i], nodes });
          }
          return edges;
        },
      },
      pageInfo: {
        type: new GraphQLNonNull(pageInfo),
        resolve: (source: PageSource) => ({
          hasNextPage: source.hasNext,
          hasPreviousPage: source.hasPrevious,
          startCursor: source.cursors[0] ?? null,
          endCursor: source.cursors.at(-1) ?? null,
        }),
      },
      totalCount: {
        type: new GraphQLNonNull(GraphQLInt),
        description: 'How many match the filter (a count of its own, asked only when selected).',
        resolve: (source: PageSource, _args, ctx: ApiContext) =>
          keysetCount(ctx.driver, { label: entity.label, where: source.where, database: ctx.config.neo4jDatabase, timeoutMs: ctx.config.txTimeoutMs }),
      },
    },
  });

  const resolve: GraphQLFieldResolver<unknown, ApiContext, { first: number; after?: string | null; sort?: Array<Record<string, string>> | null; where?: Record<string, unknown> | null }> = async (_src, args, ctx) => {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE) throw userError(`first must be between 1 and ${MAX_PAGE}`, 'BAD_USER_INPUT');
    const order = keysetOrder(sortKeys(args.sort, built), entity.key);
    const after = args.after ? decodeCursor(args.after, order, built) : null;
    const where = wherePredicate(args.where, built);
    const { rows, hasNext } = await keysetPage(ctx.driver, {
      label: entity.label,
      key: entity.key,
      sort: order,
      after,
      first: args.first,
      where,
      database: ctx.config.neo4jDatabase,
      timeoutMs: ctx.config.txTimeoutMs,
    });
    const source: PageSource = { built, rows, cursors: rows.map((r) => encodeCursor(order, r.values)), hasNext, hasPrevious: after !== null, where };
    return source;
  };

  const field: GraphQLFieldConfig<unknown, ApiContext> = {
    type: new GraphQLNonNull(page),
    description:
      `${entity.type} nodes a page at a time, in a stable order, with cursors: pass a page's \`pageInfo.endCursor\` as \`after\` for the next. ` +
      `Page 400 costs what page 1 costs (the generated ${entity.list}Connection reads every match for each page and fails on later pages at national scale). ` +
      `The order is \`sort\` followed by ${entity.key} (${entity.key} alone when none is given); a cursor serves only the order it was made with. ` +
      `\`where\` filters on the ${entity.type}'s own fields.`,
    args: {
      first: { type: new GraphQLNonNull(GraphQLInt), defaultValue: 100, description: `Rows of the page, 1–${MAX_PAGE}.` },
      after: { type: GraphQLString, description: 'The cursor to start after (a previous page\'s pageInfo.endCursor); none for the first page.' },
      sort: { type: new GraphQLList(new GraphQLNonNull(sort)), description: `One field per element, as for ${entity.list}Connection; not text.` },
      where: { type: where },
    },
    resolve: resolve as GraphQLFieldResolver<unknown, ApiContext>,
  };
  return { field, types: [where, edge, page] };
}

/** The schema with a keyset page field on Query for each entity (types as @neo4j/graphql generated them). */
export function withKeysetPages(schema: GraphQLSchema, entities: readonly KeysetEntity[] = KEYSET_PAGES): GraphQLSchema {
  const config = schema.toConfig();
  const query = schema.getQueryType();
  if (!query) throw new Error('schema has no Query type');
  const added = entities.map((e) => ({ e, ...buildEntity(schema, e) }));
  const queryConfig = query.toConfig();
  for (const { e } of added) if (queryConfig.fields[e.field]) throw new Error(`Query.${e.field} exists already`);
  const newQuery = new GraphQLObjectType({ ...queryConfig, fields: { ...queryConfig.fields, ...Object.fromEntries(added.map(({ e, field }) => [e.field, field])) } });
  return new GraphQLSchema({
    ...config,
    query: newQuery,
    types: [...config.types.filter((t) => t !== query), ...added.flatMap((a) => a.types)],
  });
}

