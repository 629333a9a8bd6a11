/** Inputs the commands and the server refuse with a clear message instead of doing something else. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { mintToken } from '../../../server/src/api/auth.js';
import { readConfig, repoRoot } from '../../../server/src/config.js';

describe('command inputs', () => {
  it('a token cannot be minted already expired ("-5h", "5h ago"); a lifetime ahead is kept', async () => {
    const secret = new TextEncoder().encode('x'.repeat(32));
    await expect(mintToken(secret, 'editor', { expiresIn: '-5h' })).rejects.toThrow('the lifetime must be ahead, e.g. 2h or 7d; got "-5h"');
    await expect(mintToken(secret, 'editor', { expiresIn: '5h ago' })).rejects.toThrow('must be ahead');
    const claims = decodeJwt(await mintToken(secret, 'editor', { expiresIn: '2h' }));
    expect(claims.exp! - claims.iat!).toBe(7200);
  });

  it('NEO4J_URI must be a Bolt or routing URI (the driver said "Unknown scheme: null")', () => {
    expect(() => readConfig({ NEO4J_URI: 'notauri' })).toThrow('NEO4J_URI must be a Bolt or routing URI such as bolt://localhost:7687');
    expect(() => readConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow('NEO4J_URI must be');
    for (const uri of ['bolt://127.0.0.1:7687', 'neo4j://localhost', 'neo4j+s://abc.databases.neo4j.io', 'bolt+ssc://h:7687']) expect(readConfig({ NEO4J_URI: uri }).neo4jUri).toBe(uri);
    expect(readConfig({ NEO4J_URI: '' }).neo4jUri).toBeNull();
  });

  it('generate does not write into the files of an earlier run (a corpus no run produced) unless --clean', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-generate-'));
    const generate = (...args: string[]) =>
      spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['server/src/cli/generate.ts', '--out', out, '--resolutions', '1', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
    try {
      expect(generate('--scale', '0.01').status).toBe(0);
      const first = fs.readdirSync(out).length;
      const again = generate('--scale', '0.02');
      expect(again.status).toBe(2);
      expect(again.stderr).toContain(`holds ${first} synthetic files of an earlier run: add --clean to replace them`);
      expect(fs.readdirSync(out)).toHaveLength(first);
      expect(generate('--scale', '0.01', '--clean').status).toBe(0);
      expect(fs.readdirSync(out)).toHaveLength(first);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
