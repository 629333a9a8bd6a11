/** The cascade statement straight through the driver (the seed graph in the real Neo4j), and the home database. */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { homeDatabase } from '../../server/src/graph/home-database.js';
import { shapeCascade, type CascadeNode } from '../../server/src/graph/cascade-shape.js';
import { cascadeCypher, fetchCascade, LEAN_COLUMNS, ROWS_PER_RECORD, type RawCascade, type RelationKind } from '../../server/src/graph/queries/cascade.js';

let driver: Driver;
beforeAll(() => {
  driver = neo4j.driver(inject('neo4jUri'), neo4j.auth.basic('neo4j', 'unused'));
});
afterAll(() => driver.close());

const ALL: RelationKind[] = ['IMPLEMENTS', 'CITES', 'ASSIGNED_TO'];
const root = '28-NQ/TW@2022-11-17';

describe('fetchCascade', () => {
  it('returns the same nodes and edges with and without evidence; quotes and tasks only with it', async () => {
    const full = (await fetchCascade(driver, root, { depth: 4, direction: 'DOWN', relations: ALL }))!;
    const lean = (await fetchCascade(driver, root, { depth: 4, direction: 'DOWN', relations: ALL, evidence: false }))!;
    expect(lean.nodes.map((n) => n.uid).sort()).toEqual(full.nodes.map((n) => n.uid).sort());
    expect(lean.edges.map((e) => e.id).sort()).toEqual(full.edges.map((e) => e.id).sort());
    expect(full.edges.filter((e) => typeof e.props.quote === 'string').length).toBeGreaterThan(5);
    expect(full.edges.every((e) => typeof e.props.evidenceUid === 'string')).toBe(true);
    expect(full.edges.some((e) => Array.isArray(e.props.tasks))).toBe(true);
    for (const e of lean.edges) {
      expect(e.props).not.toHaveProperty('quote');
      expect(e.props).not.toHaveProperty('tasks');
      expect(e.props).not.toHaveProperty('evidenceUid');
      expect(e.props).toHaveProperty('inferred');
    }
    const programme = full.nodes.find((n) => n.props.code === '58-CTr/TU')!;
    expect(programme.props.issuedOn).toBe('2023-03-30');
    expect(programme.props.province).toBe('Bình Thuận');
    expect(full.nodes.filter((n) => n.labels.includes('Organization')).length).toBeGreaterThan(3);
  });

  it('names the two ends of every edge by the uid (or key) of the nodes it joins, in every direction', async () => {
    for (const direction of ['DOWN', 'UP', 'BOTH'] as const) {
      const c = (await fetchCascade(driver, '58-CTr/TU@2023-03-30#binh-thuan', { depth: 4, direction, relations: ALL }))!;
      expect(c.edges.length).toBeGreaterThan(3);
      const res = await driver.executeQuery(
        'MATCH (a)-[r]->(b) WHERE elementId(r) IN $ids RETURN elementId(r) AS id, coalesce(a.uid, a.key) AS source, coalesce(b.uid, b.key) AS target',
        { ids: c.edges.map((e) => e.id) },
      );
      const stored = new Map(res.records.map((r) => [r.get('id') as string, [r.get('source'), r.get('target')]]));
      expect(stored.size).toBe(c.edges.length);
      for (const e of c.edges) expect([e.source, e.target], `${direction} ${e.type} ${e.id}`).toEqual(stored.get(e.id));
      const uids = new Set(c.nodes.map((n) => n.uid));
      for (const e of c.edges) expect(uids.has(e.source) && uids.has(e.target)).toBe(true);
    }
  });

  it('takes the depth as a parameter: one statement text for every depth, deeper levels only when asked', async () => {
    const implementsOnly: RelationKind[] = ['IMPLEMENTS'];
    const one = (await fetchCascade(driver, root, { depth: 1, direction: 'DOWN', relations: implementsOnly }))!;
    const two = (await fetchCascade(driver, root, { depth: 2, direction: 'DOWN', relations: implementsOnly }))!;
    const programme = two.nodes.find((n) => n.props.code === '58-CTr/TU')!;
    // 000: the Bình Thuận guidance implementing the programme, two levels below the resolution
    const below = two.edges.filter((e) => e.type === 'IMPLEMENTS' && e.target === programme.uid).map((e) => e.source);
    expect(below.length).toBeGreaterThan(0);
    const atOne = one.nodes.map((n) => n.uid);
    expect(atOne).toContain(programme.uid);
    for (const uid of below) expect(atOne).not.toContain(uid);
    expect(cascadeCypher('DOWN', implementsOnly)).toContain('maxLevel: $depth');
  });

  it('follows only the given provinces (and central texts) when asked: one province of a national cascade', async () => {
    const all = (await fetchCascade(driver, root, { depth: 4, direction: 'DOWN', relations: ALL }))!;
    const within = (await fetchCascade(driver, root, { depth: 4, direction: 'DOWN', relations: ALL, provinces: ['Bình Thuận'] }))!;
    const directives = (c: typeof all) => c.nodes.filter((n) => n.labels.includes('Directive'));
    expect(directives(all).some((n) => n.props.province === 'Sóc Trăng')).toBe(true);
    const kept = directives(within).filter((n) => n.uid !== root);
    expect(kept.map((n) => n.props.code)).toContain('58-CTr/TU');
    for (const n of kept) expect(n.props.province === 'Bình Thuận' || n.props.level === 'central').toBe(true);
    expect(directives(within).length).toBeLessThan(directives(all).length);
    // the Bình Thuận guidance below the programme is still reached, and its assignees with it
    expect(within.edges.filter((e) => e.type === 'IMPLEMENTS').length).toBeGreaterThanOrEqual(2);
    expect(within.nodes.some((n) => n.labels.includes('Organization') && n.props.province === 'Bình Thuận')).toBe(true);
  });

  it('reads titles and source files only when asked, the root\'s always; arrives in many records, whole', async () => {
    const full = (await fetchCascade(driver, root, { depth: 4, direction: 'BOTH', relations: ALL }))!;
    const lean = (await fetchCascade(driver, root, { depth: 4, direction: 'BOTH', relations: ALL, nodeColumns: LEAN_COLUMNS }))!;
    expect(lean.nodes.map((n) => n.uid)).toEqual(full.nodes.map((n) => n.uid));
    expect(lean.edges.map((e) => e.id)).toEqual(full.edges.map((e) => e.id));
    expect(lean.nodes.find((n) => n.uid === root)!.props).toEqual(full.nodes.find((n) => n.uid === root)!.props);
    expect(String(lean.nodes.find((n) => n.uid === root)!.props.title)).toContain('phương thức lãnh đạo');
    for (const n of lean.nodes.filter((x) => x.uid !== root)) {
      expect(n.props).not.toHaveProperty('title');
      expect(n.props).not.toHaveProperty('sourceFile');
    }
    // Shaped, the lean answer gives every field but those two exactly as the full one (labels, order, lags).
    const omit = ({ title: _t, sourceFile: _s, ...rest }: CascadeNode) => rest;
    const a = shapeCascade(full, 'BOTH');
    const b = shapeCascade(lean, 'BOTH');
    expect(b.nodes.map(omit)).toEqual(a.nodes.map(omit));
    expect(b.root).toEqual(a.root);
    expect(b.edges).toEqual(a.edges);
    // More rows than one record carries: the records are put back in order.
    expect(full.nodes.length + full.edges.length + 1).toBeGreaterThan(ROWS_PER_RECORD);
  });

  it('reports citing texts left out when the tree alone fills maxNodes (both directions)', async () => {
    const programme = (await fetchCascade(driver, root, { depth: 1, direction: 'DOWN', relations: ['IMPLEMENTS'] }))!.nodes.find((n) => n.props.code === '58-CTr/TU')!.uid;
    const tree = (await fetchCascade(driver, programme, { depth: 4, direction: 'BOTH', relations: ['IMPLEMENTS'], maxNodes: 1000 }))!;
    const withCites = (await fetchCascade(driver, programme, { depth: 4, direction: 'BOTH', relations: ['IMPLEMENTS', 'CITES'], maxNodes: 1000 }))!;
    const size = tree.nodes.length;
    // The programme implements the resolution and is implemented in turn; texts cite both.
    expect(withCites.nodes.length).toBeGreaterThan(size);
    expect(withCites.truncated).toBe(false);
    const full = (await fetchCascade(driver, programme, { depth: 4, direction: 'BOTH', relations: ['IMPLEMENTS', 'CITES'], maxNodes: size }))!;
    expect(full.nodes.map((n) => n.uid).sort()).toEqual(tree.nodes.map((n) => n.uid).sort());
    expect(full.truncated).toBe(true);
  });

  it('folds organisations into the count each text kept of them, and counts them for a text stored without it', async () => {
    const whole = (await fetchCascade(driver, '58-CTr/TU@2023-03-30#binh-thuan', { depth: 4, direction: 'DOWN', relations: ALL }))!;
    const assigned = new Map<string, Set<string>>();
    for (const e of whole.edges) if (e.type === 'ASSIGNED_TO') assigned.set(e.source, (assigned.get(e.source) ?? new Set()).add(e.target));
    const expected = new Map([...assigned].map(([uid, orgs]) => [uid, orgs.size]));
    expect(expected.size).toBeGreaterThan(1);
    const folded = () => fetchCascade(driver, '58-CTr/TU@2023-03-30#binh-thuan', { depth: 4, direction: 'DOWN', relations: ALL, foldOrganizationsAbove: 0 });
    expect((await folded())!.folded).toEqual(expected);
    const kept = await driver.executeQuery('MATCH (d:Directive) WHERE d.uid IN $uids RETURN d.uid AS uid, d.assigneeCount AS n', { uids: [...expected.keys()] });
    expect(new Map(kept.records.map((r) => [r.get('uid') as string, r.get('n') as number]))).toEqual(expected);
    // A graph written before the count was kept: the same answer, counted from the assignments. The figure is removed
    // inside a transaction that the cascade statement runs in too and that is rolled back: nothing is committed, so the
    // servers other test files run at the same time see no change to the graph (their response caches stay valid).
    const session = driver.session();
    const tx = await session.beginTransaction();
    try {
      await tx.run('MATCH (d:Directive) WHERE d.uid IN $uids REMOVE d.assigneeCount', { uids: [...expected.keys()] });
      const left = await tx.run('MATCH (d:Directive) WHERE d.uid IN $uids AND d.assigneeCount IS NOT NULL RETURN count(d) AS n', { uids: [...expected.keys()] });
      expect(Number(left.records[0]!.get('n'))).toBe(0);
      const inTx = { session: () => ({ run: (q: string, p: Record<string, unknown>) => tx.run(q, p), close: async () => undefined }) } as unknown as Driver;
      const counted = await fetchCascade(inTx, '58-CTr/TU@2023-03-30#binh-thuan', { depth: 4, direction: 'DOWN', relations: ALL, foldOrganizationsAbove: 0 });
      expect(counted!.folded).toEqual(expected);
    } finally {
      await tx.rollback();
      await session.close();
    }
    expect((await folded())!.folded).toEqual(expected);
  });

  it('folds the lower levels of a large cascade into counts on the texts they implement, keeping the root\'s citers', async () => {
    // Commune plans below the Bình Thuận programme, a commune plan below one of them, and two more texts citing the
    // resolution (one provincial, one of a commune): written in a transaction the statements run in and rolled back,
    // so the shared seed graph is never changed.
    const programme = '58-CTr/TU@2023-03-30#binh-thuan';
    const session = driver.session();
    const tx = await session.beginTransaction();
    try {
      await tx.run(
        `MATCH (p:Directive {uid: $programme}), (root:Directive {uid: $root})
         UNWIND range(1, 5) AS i
         CREATE (c:Directive {uid: 'test:commune-' + i, code: i + '-KH/ĐU', type: 'KH', level: 'commune', levelRank: 3, province: 'Bình Thuận', stub: false, synthetic: true})
         WITH p, root, i, c
         CALL (p, root, i, c) {
           WITH p, root, i, c WHERE i <= 3 CREATE (c)-[:IMPLEMENTS {inferred: false, evidenceUid: c.uid}]->(p)
         }
         CALL (root, i, c) {
           WITH root, i, c WHERE i = 5 CREATE (c)-[:CITES {inferred: false, evidenceUid: c.uid}]->(root)
         }
         WITH collect(c) AS cs, root
         MATCH (c1:Directive {uid: 'test:commune-1'}), (c4:Directive {uid: 'test:commune-4'})
         CREATE (c4)-[:IMPLEMENTS {inferred: false, evidenceUid: c4.uid}]->(c1)
         CREATE (:Directive {uid: 'test:provincial-citer', code: '9-HD/BTGTU', type: 'HD', level: 'provincial', levelRank: 1, province: 'Bình Thuận', stub: false, synthetic: true})-[:CITES {inferred: false, evidenceUid: 'test:provincial-citer'}]->(root)`,
        { programme, root },
      );
      const inTx = { session: () => ({ run: (q: string, p: Record<string, unknown>) => tx.run(q, p), close: async () => undefined }) } as unknown as Driver;
      const ask = (foldLevelsAbove?: number) => fetchCascade(inTx, root, { depth: 4, direction: 'DOWN', relations: ALL, foldLevelsAbove }).then((c) => c!);
      const whole = await ask();
      const uids = (c: RawCascade) => c.nodes.filter((n) => n.labels.includes('Directive')).map((n) => n.uid).sort();
      expect(uids(whole)).toEqual(expect.arrayContaining(['test:commune-1', 'test:commune-4', 'test:commune-5', 'test:provincial-citer']));
      expect(whole.levelsFolded).toBeNull();
      const rankOf = new Map(whole.nodes.map((n) => [n.uid, n.props.levelRank == null ? null : neo4j.integer.toNumber(n.props.levelRank as number)]));
      // The implementation tree: the root, its provincial implementers, four commune plans (eight texts at least).
      const tree = new Set([root]);
      for (let grown = true; grown; ) {
        grown = false;
        for (const e of whole.edges) if (e.type === 'IMPLEMENTS' && tree.has(e.target) && !tree.has(e.source)) grown = Boolean(tree.add(e.source));
      }
      const provincial = [...tree].filter((u) => rankOf.get(u) === 1);
      expect(provincial.length).toBeGreaterThanOrEqual(2);

      // Room for the root and its provincial texts, not for the communes: the commune level is folded.
      const folded = await ask(provincial.length + 1);
      expect(folded.levelsFolded!.levels).toEqual(['commune']);
      expect(folded.truncated).toBe(false);
      const kept = uids(folded);
      for (const u of kept) expect(rankOf.get(u)).toBeLessThanOrEqual(1);
      for (const u of provincial) expect(kept).toContain(u);
      for (const i of [1, 2, 3, 4, 5]) expect(kept).not.toContain(`test:commune-${i}`);
      // Counted on each text kept: its direct implementers of the levels left out (commune-4 implements commune-1).
      expect(folded.levelsFolded!.implementers).toEqual(new Map([[programme, 3]]));
      // The root's citing texts of the levels kept stay; every edge joins two nodes of the answer.
      expect(kept).toContain('test:provincial-citer');
      expect(folded.edges.some((e) => e.type === 'CITES' && e.source === 'test:provincial-citer' && e.target === root)).toBe(true);
      const inAnswer = new Set(folded.nodes.map((n) => n.uid));
      for (const e of folded.edges) expect(inAnswer.has(e.source) && inAnswer.has(e.target)).toBe(true);
      const shaped = shapeCascade(folded, 'DOWN');
      expect(shaped.foldedLevels).toEqual(['commune']);
      expect(shaped.foldedImplementers).toBe(3);
      expect(shaped.nodes.find((n) => n.id === programme)!.implementersFolded).toBe(3);
      expect(shaped.nodes.find((n) => n.id === root)!.implementersFolded).toBe(0);

      // Room for the root and fewer texts than implement it directly: the provincial level is folded too, counted on the root.
      const direct = new Set(whole.edges.filter((e) => e.type === 'IMPLEMENTS' && e.target === root).map((e) => e.source));
      for (const u of direct) expect(rankOf.get(u)).toBe(1);
      const rootOnly = await ask(direct.size);
      expect(uids(rootOnly)).toEqual([root]);
      expect(rootOnly.levelsFolded!.levels).toEqual(['provincial']);
      expect(rootOnly.levelsFolded!.implementers).toEqual(new Map([[root, direct.size]]));
      // Room for the whole tree: nothing folded, the same answer as without.
      const roomy = await ask(tree.size);
      expect(roomy.levelsFolded).toBeNull();
      expect(uids(roomy)).toEqual(uids(whole));
      expect(roomy.edges.map((e) => e.id).sort()).toEqual(whole.edges.map((e) => e.id).sort());
    } finally {
      await tx.rollback();
      await session.close();
    }
    expect((await fetchCascade(driver, root, { depth: 4, direction: 'DOWN', relations: ALL }))!.nodes.some((n) => n.uid.startsWith('test:'))).toBe(false);
  });

  it('lists a link stated more than once as one edge, the text\'s own statement first, with every relationship\'s id', async () => {
    const c = (await fetchCascade(driver, root, { depth: 4, direction: 'BOTH', relations: ALL, statementIds: true }))!;
    const links = c.edges.filter((e) => e.type !== 'ASSIGNED_TO');
    const pairs = links.map((e) => `${e.type}|${e.source}|${e.target}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    // The relationships of those kinds between two nodes of the answer, as stored, by pair.
    const stored = await driver.executeQuery(
      `MATCH (a)-[r:IMPLEMENTS|CITES]->(b) WHERE coalesce(a.uid, a.key) IN $uids AND coalesce(b.uid, b.key) IN $uids
       RETURN type(r) + '|' + coalesce(a.uid, a.key) + '|' + coalesce(b.uid, b.key) AS pair, collect([elementId(r), coalesce(r.inferred, false)]) AS rels`,
      { uids: c.nodes.map((n) => n.uid) },
    );
    const byPair = new Map(stored.records.map((r) => [r.get('pair') as string, r.get('rels') as [string, boolean][]]));
    const merged = links.filter((e) => (e.props.statements as number) > 1);
    expect(merged.length).toBeGreaterThan(0);
    for (const e of links) {
      const rels = byPair.get(`${e.type}|${e.source}|${e.target}`)!;
      expect(e.props.statements, e.id).toBe(rels.length);
      expect([...(e.props.statementIds as string[])].sort()).toEqual(rels.map(([id]) => id).sort());
      expect((e.props.statementIds as string[])[0]).toBe(e.id);
      // The text's own statement stands for the link when there is one.
      if (rels.some(([, inferred]) => !inferred)) expect(e.props.inferred, e.id).toBe(false);
    }
    // Assignments stay one edge each (each with its own tasks).
    for (const e of c.edges.filter((x) => x.type === 'ASSIGNED_TO')) expect(e.props.statements).toBe(1);
    // Without statementIds asked for, the same edges and counts.
    const lean = (await fetchCascade(driver, root, { depth: 4, direction: 'BOTH', relations: ALL }))!;
    expect(lean.edges.map((e) => [e.id, e.props.statements, e.props.statementIds])).toEqual(c.edges.map((e) => [e.id, e.props.statements, undefined]));
  });

  it('is null for an unknown uid', async () => {
    expect(await fetchCascade(driver, 'nope@2000-01-01', { depth: 2, direction: 'DOWN', relations: ALL })).toBeNull();
  });
});

describe('homeDatabase', () => {
  it('keeps a configured name and otherwise asks the server once', async () => {
    expect(await homeDatabase(driver, 'other')).toBe('other');
    expect(await homeDatabase(driver, undefined)).toBe('neo4j');
  });

  it('stays unnamed when the server cannot be reached', async () => {
    const dead = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'unused'), { connectionTimeout: 1000, maxTransactionRetryTime: 0 });
    try {
      expect(await homeDatabase(dead, undefined)).toBeUndefined();
    } finally {
      await dead.close();
    }
  });
});
