/** Applies cypher/schema.cypher (idempotent) and the administrative levels (data, not code). */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { repoRoot } from '../config.js';
import { LEVELS } from '../extract/levels.js';

export function schemaStatements(file = path.join(repoRoot, 'cypher', 'schema.cypher')): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return text
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter(Boolean);
}

export async function applySchema(driver: Driver, database?: string): Promise<number> {
  const statements = schemaStatements();
  for (const statement of statements) {
    await driver.executeQuery(statement, {}, { database });
  }
  await driver.executeQuery(
    `UNWIND $levels AS l
     MERGE (x:Level {key: l.key})
     SET x.rank = l.rank, x.name = l.name, x.nameEn = l.nameEn`,
    { levels: LEVELS.map((l) => ({ key: l.key, rank: l.rank, name: l.name, nameEn: l.nameEn })) },
    { database },
  );
  await driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database });
  return statements.length;
}
