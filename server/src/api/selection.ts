/** Which fields a query selects below a field of the current resolver (fragments and inline fragments followed). */
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, out: FieldNode[] = []): FieldNode[] {
  for (const sel of set?.selections ?? []) {
    if (sel.kind === 'Field') out.push(sel);
    else if (sel.kind === 'InlineFragment') fieldsOf(sel.selectionSet, info, out);
    else fieldsOf(info.fragments[sel.name.value]?.selectionSet, info, out);
  }
  return out;
}

/** True when the query asks for any of `names` inside `child` (e.g. edges { quote }) of the resolved field. */
export function selectsAnyBelow(info: GraphQLResolveInfo, child: string, names: readonly string[]): boolean {
  const wanted = new Set(names);
  for (const top of info.fieldNodes) {
    for (const f of fieldsOf(top.selectionSet, info)) {
      if (f.name.value !== child) continue;
      if (fieldsOf(f.selectionSet, info).some((g) => wanted.has(g.name.value))) return true;
    }
  }
  return false;
}

/** True when the query asks for any of `names` directly below the resolved field (e.g. gaps { assignedBy }). */
export function selectsAny(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  const wanted = new Set(names);
  return info.fieldNodes.some((top) => fieldsOf(top.selectionSet, info).some((f) => wanted.has(f.name.value)));
}
