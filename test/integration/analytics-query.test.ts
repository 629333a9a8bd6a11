/** The gap list straight through the driver (the seed graph in the real Neo4j): rows sent in several records. */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { gaps } from '../../server/src/graph/queries/analytics.js';

let driver: Driver;
beforeAll(() => {
  driver = neo4j.driver(inject('neo4jUri'), neo4j.auth.basic('neo4j', 'unused'));
});
afterAll(() => driver.close());

const root = '28-NQ/TW@2022-11-17';

describe('gaps', () => {
  it('gives the same rows, in the same order, whatever the number of rows per record', async () => {
    const whole = await gaps(driver, root);
    expect(whole.length).toBeGreaterThan(10);
    const split = await gaps(driver, root, undefined, { rowsPerRecord: 3 });
    expect(split).toEqual(whole);
    // Every gap was assigned by a text of the tree.
    for (const g of whole) expect(g.assignedBy.length).toBeGreaterThan(0);
    expect(whole.some((g) => g.province === 'Bình Thuận')).toBe(true);
  });

  it('leaves the assigning texts out when not asked for, and nothing else', async () => {
    const whole = await gaps(driver, root);
    const lean = await gaps(driver, root, undefined, { assignedBy: false, rowsPerRecord: 4 });
    expect(lean).toEqual(whole.map((g) => ({ ...g, assignedBy: [] })));
  });

  it('is empty for an unknown root', async () => {
    expect(await gaps(driver, 'nope@2000-01-01')).toEqual([]);
  });
});
