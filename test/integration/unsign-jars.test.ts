/**
 * The signed jars of the Neo4j artifacts are rewritten without their signatures (UnsignJars.java, run by
 * server/src/neo4j/artifacts.ts): a jar signed here with the JDK's own tools loses its signature and nothing else;
 * an unsigned jar is left alone; the cached artifacts carry no signed jar.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config.js';
import { artifactsReady, javaBinary } from '../../server/src/neo4j/artifacts.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-unsign-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function tool(cmd: string, args: string[], cwd = tmp): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
  return `${r.stdout}${r.stderr}`;
}

const entries = (jar: string) => tool('jar', ['--list', '--file', jar]).split('\n').filter(Boolean).sort();
const SIGNATURE = /^META-INF\/[^/]+\.(SF|RSA|DSA|EC)$/i;

describe('signed jars rewritten without their signatures', () => {
  const art = artifactsReady(readConfig().cacheDir)!;

  it('keeps every entry but the signature and the manifest digests; leaves an unsigned jar as it was', () => {
    fs.mkdirSync(path.join(tmp, 'src', 'dir'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'src', 'a.txt'), 'Nghị quyết 28\n');
    fs.writeFileSync(path.join(tmp, 'src', 'dir', 'b.bin'), Buffer.from([0, 1, 2, 250, 251, 252]));
    tool('jar', ['--create', '--file', 'signed.jar', '-C', 'src', '.']);
    tool('jar', ['--create', '--file', 'plain.jar', '-C', 'src', '.']);
    tool('keytool', ['-genkeypair', '-keystore', 'keys.p12', '-storepass', 'secret-pass', '-alias', 'k', '-keyalg', 'EC', '-dname', 'CN=test', '-validity', '2']);
    tool('jarsigner', ['-keystore', 'keys.p12', '-storepass', 'secret-pass', 'signed.jar', 'k']);
    const before = entries(path.join(tmp, 'signed.jar'));
    expect(before.filter((e) => SIGNATURE.test(e)).length).toBe(2);
    const plainBytes = fs.readFileSync(path.join(tmp, 'plain.jar'));
    const plainTime = fs.statSync(path.join(tmp, 'plain.jar')).mtimeMs;

    const out = tool(javaBinary(), ['-cp', path.join(art.dir, 'launcher.jar'), 'directivegraph.UnsignJars', 'signed.jar', 'plain.jar']);
    expect(out.trim()).toBe('unsigned signed.jar');

    expect(entries(path.join(tmp, 'signed.jar'))).toEqual(before.filter((e) => !SIGNATURE.test(e)));
    expect(tool('jarsigner', ['-verify', 'signed.jar'])).toMatch(/jar is unsigned/);
    fs.mkdirSync(path.join(tmp, 'out'));
    tool('jar', ['--extract', '--file', path.join(tmp, 'signed.jar')], path.join(tmp, 'out'));
    expect(fs.readFileSync(path.join(tmp, 'out', 'a.txt'), 'utf8')).toBe('Nghị quyết 28\n');
    expect([...fs.readFileSync(path.join(tmp, 'out', 'dir', 'b.bin'))]).toEqual([0, 1, 2, 250, 251, 252]);
    const manifest = fs.readFileSync(path.join(tmp, 'out', 'META-INF', 'MANIFEST.MF'), 'utf8');
    expect(manifest).toMatch(/^Manifest-Version: 1\.0/);
    expect(manifest).not.toMatch(/^Name: /m);
    expect(manifest).not.toMatch(/Digest/);
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    expect(fs.readFileSync(path.join(tmp, 'plain.jar')).equals(plainBytes)).toBe(true);
    expect(fs.statSync(path.join(tmp, 'plain.jar')).mtimeMs).toBe(plainTime);
  });

  it('has been done to the cached Neo4j artifacts', () => {
    expect(fs.existsSync(path.join(art.dir, 'UNSIGNED'))).toBe(true);
    const eclipse = fs.readdirSync(path.join(art.dir, 'lib')).filter((f) => /^eclipse-collections/.test(f));
    expect(eclipse.length).toBe(2);
    for (const jar of eclipse) expect(entries(path.join(art.dir, 'lib', jar)).filter((e) => SIGNATURE.test(e))).toEqual([]);
  });
});
