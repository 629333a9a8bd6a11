/**
 * The local Neo4j's class-data-sharing archive (server/src/neo4j/class-archive.ts): recorded by a first start, mapped
 * by the next JVM, and a damaged one neither stops Neo4j from starting nor stays in place.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config.js';
import { freePort, startLocalNeo4j } from '../../server/src/neo4j/local-server.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-class-archive-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Reached through a symbolic link, as a cache folder may be: the JVM's memory map names the real path.
fs.mkdirSync(path.join(tmp, 'archive'));
fs.symlinkSync(path.join(tmp, 'archive'), path.join(tmp, 'link'));
const file = path.join(tmp, 'link', 'test.jsa');
const start = async (data: string) =>
  startLocalNeo4j({ cacheDir: readConfig().cacheDir, dataDir: path.join(tmp, data), port: await freePort(), heap: '256m', pageCache: '32m', classArchive: file, log: () => undefined });

async function answers(uri: string): Promise<number> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'unused'));
  try {
    const r = await driver.executeQuery('RETURN 41 + 1 AS n');
    return Number(r.records[0]!.get('n'));
  } finally {
    await driver.close();
  }
}

const mapped = (pid: number) => fs.readFileSync(`/proc/${pid}/maps`, 'utf8').includes(path.join(tmp, 'archive', 'test.jsa'));

describe('class archive of the local Neo4j', () => {
  it('is recorded by the first start, used by the next, and dropped when damaged', async () => {
    const first = await start('a');
    expect(fs.readFileSync(`${file}.recording`, 'utf8')).toBe(String(process.pid));
    expect(await answers(first.uri)).toBe(42);
    await first.stop();
    expect(fs.statSync(file).size).toBeGreaterThan(10_000_000);
    expect(fs.readFileSync(`${file}.key`, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['test.jsa', 'test.jsa.key']);

    const second = await start('b');
    expect(mapped(second.pid)).toBe(true);
    expect(fs.existsSync(file)).toBe(true);
    expect(await answers(second.uri)).toBe(42);
    await second.stop();

    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, 'not an archive\n'.repeat(1000));
    const third = await start('c');
    expect(mapped(third.pid)).toBe(false);
    expect(await answers(third.uri)).toBe(42);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}.key`)).toBe(false);
    await third.stop();
  }, 240_000);
});
