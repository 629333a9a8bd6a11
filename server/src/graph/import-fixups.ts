/**
 * Completes an offline import once the database runs: the values its CSV files could not carry (import-csv.ts),
 * and the graph version every writer raises.
 */
import type { Driver } from 'neo4j-driver';
import { bumpGraphVersion } from './graph-version.js';
import type { Fixup } from './import-csv.js';

export async function applyImportFixups(driver: Driver, fixups: Fixup[], database?: string, batchSize = 5000): Promise<number> {
  let done = 0;
  for (const f of fixups) {
    for (let i = 0; i < f.rows.length; i += batchSize) {
      const res = await driver.executeQuery(f.cypher, { rows: f.rows.slice(i, i + batchSize) }, { database });
      done += res.summary.counters.updates().propertiesSet;
    }
  }
  await bumpGraphVersion(driver, database);
  return done;
}
