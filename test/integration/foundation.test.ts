/** The foundation against the real Neo4j started by the global setup. */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { applySchema, schemaStatements } from '../../server/src/graph/schema.js';
import { gqlData } from '../support/graphql.js';

let driver: Driver;
beforeAll(() => {
  driver = neo4j.driver(inject('neo4jUri'), neo4j.auth.basic('neo4j', 'unused'));
});
afterAll(() => driver.close());

describe('local Neo4j', () => {
  it('answers RETURN 1 over Bolt and is 5.26 Community', async () => {
    const r = await driver.executeQuery('RETURN 1 AS one');
    expect(r.records[0]!.get('one').toNumber()).toBe(1);
    const c = await driver.executeQuery('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition');
    expect(c.records[0]!.get('v')).toMatch(/^5\.26\./);
    expect(c.records[0]!.get('edition')).toBe('community');
  });

  it('applies the schema twice without error and the constraints exist', async () => {
    await applySchema(driver);
    await applySchema(driver);
    const r = await driver.executeQuery('SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties RETURN name, labelsOrTypes, properties');
    const byName = new Map(r.records.map((x) => [x.get('name'), x]));
    expect(byName.get('directive_uid')?.get('properties')).toEqual(['uid']);
    expect(byName.get('organization_key')?.get('labelsOrTypes')).toEqual(['Organization']);
    const idx = await driver.executeQuery("SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT' RETURN collect(name) AS names");
    expect(idx.records[0]!.get('names')).toEqual(expect.arrayContaining(['directive_search', 'organization_search']));
    expect(schemaStatements().length).toBeGreaterThan(8);
  });

  it('drops an index the schema no longer has (directive_code_key: a property nothing writes)', async () => {
    await driver.executeQuery('CREATE INDEX directive_code_key IF NOT EXISTS FOR (d:Directive) ON (d.codeKey)');
    const names = async () => (await driver.executeQuery('SHOW INDEXES YIELD name RETURN collect(name) AS n')).records[0]!.get('n') as string[];
    expect(await names()).toContain('directive_code_key');
    await applySchema(driver);
    expect(await names()).not.toContain('directive_code_key');
    expect(await names()).toContain('directive_code');
  });

  it('rejects a second directive with the same identity', async () => {
    await expect(driver.executeQuery("CREATE (:Directive {uid: '28-NQ/TW@2022-11-17'})")).rejects.toThrow(/already exists/);
  });

  it('has the APOC functions @neo4j/graphql relies on', async () => {
    const r = await driver.executeQuery("RETURN apoc.util.md5(['x']) AS md5, apoc.date.convertFormat('2023-03-30', 'date', 'basic_date') AS d");
    expect(r.records[0]!.get('md5')).toBe('9dd4e461268c8034f5c8564e155c67a6');
    expect(r.records[0]!.get('d')).toBe('20230330');
  });
});

describe('GraphQL endpoint', () => {
  it('answers a generated query that reads from Neo4j', async () => {
    const data = await gqlData<{ levels: Array<{ key: string; rank: number }> }>('{ levels(sort: [{ rank: ASC }]) { key rank } }');
    expect(data.levels.map((l) => l.key).slice(0, 2)).toEqual(['central', 'provincial']);
    const count = await driver.executeQuery('MATCH (l:Level) RETURN count(l) AS n');
    expect(data.levels).toHaveLength(count.records[0]!.get('n').toNumber());
  });

  it('serves the web app and a health check', async () => {
    const base = inject('baseUrl');
    const health = await fetch(`${base}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', responseCache: { entries: expect.any(Number), refreshing: expect.any(Boolean) } });
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root"/);
  });
});
