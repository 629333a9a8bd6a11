/** Root directives: implemented by others, implementing nothing themselves; with the size of their cascade. */
import neo4j, { type Driver } from 'neo4j-driver';
import { clampLimit } from './search.js';
import { readQuery } from './read.js';

export interface RootDirective {
  id: string;
  code: string | null;
  title: string | null;
  type: string | null;
  issuedOn: string | null;
  province: string | null;
  level: string | null;
  /** Known only from other texts' mentions (no text of its own in the graph). */
  stub: boolean;
  /** A generated load-test text (npm run generate), never a real one. */
  synthetic: boolean;
  cascadeSize: number;
}

export async function roots(driver: Driver, first: number, database?: string): Promise<RootDirective[]> {
  const res = await readQuery(driver, 
    `MATCH (r:Directive)
     WHERE EXISTS { (r)<-[:IMPLEMENTS]-() } AND NOT EXISTS { (r)-[:IMPLEMENTS]->() }
     CALL apoc.path.subgraphNodes(r, {relationshipFilter: '<IMPLEMENTS|<CITES', maxLevel: 6, labelFilter: '+Directive'}) YIELD node
     WITH r, count(node) - 1 AS size
     RETURN r { .uid, .code, .title, .type, .issuedOn, .province, .level, .stub, .synthetic } AS r, size
     ORDER BY size DESC, r.issuedOn DESC LIMIT $first`,
    { first: neo4j.int(clampLimit(first)) },
    { database },
  );
  return res.records.map((rec) => {
    const r = rec.get('r') as Record<string, unknown>;
    return {
      id: String(r.uid),
      code: (r.code as string) ?? null,
      title: (r.title as string) ?? null,
      type: (r.type as string) ?? null,
      issuedOn: r.issuedOn ? String(r.issuedOn) : null,
      province: (r.province as string) ?? null,
      level: (r.level as string) ?? null,
      stub: r.stub === true,
      synthetic: r.synthetic === true,
      cascadeSize: Number(rec.get('size')),
    };
  });
}
