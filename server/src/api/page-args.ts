/**
 * The queries @neo4j/graphql generates pass `limit`, `offset` and `first` to Cypher as they are: a negative one, at any
 * depth of the request (`documents(limit: -1)`, `documents { implements(limit: $n) }`), was Neo4j's own error, an
 * INTERNAL_SERVER_ERROR without a word in production. Each generated root field checks its whole selection first.
 */
import { Kind, valueFromASTUntyped, type FragmentDefinitionNode, type GraphQLFieldResolver, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { userError } from './errors.js';

const PAGE_ARGS = new Set(['limit', 'offset', 'first']);

/** The first `field(arg: n)` with n < 0 in a selection (fragments followed once), or null. */
export function negativePageArg(
  selections: SelectionSetNode | undefined,
  variables: Record<string, unknown>,
  fragments: Record<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): string | null {
  for (const s of selections?.selections ?? []) {
    if (s.kind === Kind.FIELD) {
      for (const a of s.arguments ?? []) {
        if (!PAGE_ARGS.has(a.name.value)) continue;
        const v = valueFromASTUntyped(a.value, variables);
        if (typeof v === 'number' && v < 0) return `${s.name.value}(${a.name.value}: ${v})`;
      }
      const inner = negativePageArg(s.selectionSet, variables, fragments, seen);
      if (inner) return inner;
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      const inner = negativePageArg(s.selectionSet, variables, fragments, seen);
      if (inner) return inner;
    } else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      const inner = negativePageArg(fragments[s.name.value]?.selectionSet, variables, fragments, seen);
      if (inner) return inner;
    }
  }
  return null;
}

/** Wraps the resolvers of the Query fields not in `own` (ours check their arguments themselves). */
export function checkPageArgs(schema: GraphQLSchema, own: ReadonlySet<string>): void {
  const query = schema.getQueryType();
  if (!query) return;
  for (const field of Object.values(query.getFields())) {
    const resolve = field.resolve;
    if (!resolve || own.has(field.name)) continue;
    const checked: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
      const bad = negativePageArg({ kind: Kind.SELECTION_SET, selections: info.fieldNodes }, info.variableValues, info.fragments);
      if (bad) throw userError(`${bad}: limit, offset and first must be 0 or more`, 'BAD_USER_INPUT');
      return resolve(source, args, context, info);
    };
    field.resolve = checked;
  }
}
