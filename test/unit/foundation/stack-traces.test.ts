/**
 * Commands run without Node's source maps unless SOURCE_MAPS asks for them (cli/stack-traces.ts, preloaded by the
 * package scripts, the Dockerfile and the benchmarks' server): tsx turns them on, and with them every driver statement
 * formats a stack through the packages' map files.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig, repoRoot } from '../../../server/src/config.js';

const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const PRELOAD = './server/src/cli/stack-traces.ts';

/** Runs a small TypeScript program the way the package scripts run a command; returns what it printed. */
function run(env: Record<string, string>, withPreload = true) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-stacks-'));
  const script = path.join(dir, 'probe.ts');
  // The stack's first frame names the probe's own line: 4 in the TypeScript source.
  fs.writeFileSync(script, "interface A { x: number }\nconst a: A = { x: 1 };\nconsole.log(process.sourceMapsEnabled, a.x);\nconsole.log(new Error('here').stack!.split('\\n')[1]);\n");
  const r = spawnSync(tsx, [...(withPreload ? ['--import', PRELOAD] : []), script], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, SOURCE_MAPS: '', ...env }, timeout: 60_000 });
  fs.rmSync(dir, { recursive: true, force: true });
  expect(r.status, r.stderr).toBe(0);
  const [first, frame] = r.stdout.trim().split('\n');
  return { enabled: first!.startsWith('true'), frame: frame! };
}

describe('source maps in commands', () => {
  it('are off under the preload, on with SOURCE_MAPS=true (stacks then name TypeScript lines)', () => {
    expect(run({}).enabled).toBe(false);
    const on = run({ SOURCE_MAPS: 'true' });
    expect(on.enabled).toBe(true);
    expect(on.frame).toMatch(/probe\.ts:4:/);
    expect(run({ SOURCE_MAPS: '0' }).enabled).toBe(false);
    // tsx alone turns them on: the preload is what turns them off.
    expect(run({}, false).enabled).toBe(true);
  });

  it('a bad SOURCE_MAPS does not stop the preload; the command reports it as one clear error', () => {
    expect(run({ SOURCE_MAPS: 'maybe' }).enabled).toBe(false);
    expect(() => readConfig({ SOURCE_MAPS: 'maybe' })).toThrow('SOURCE_MAPS must be true or false, got "maybe"');
    expect(readConfig({}).sourceMaps).toBe(false);
  });

  it('is preloaded by every command script but dev, by the Dockerfile and by the benchmarks\' API server', () => {
    const scripts: Record<string, string> = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts;
    const commands = Object.entries(scripts).filter(([, s]) => /tsx .*(server\/src\/cli|test\/bench)\//.test(s));
    expect(commands.map(([name]) => name)).toEqual(expect.arrayContaining(['start', 'dev', 'ingest', 'neo4j', 'extract', 'token', 'generate', 'bench']));
    for (const [name, script] of commands) {
      if (name === 'dev') expect(script, name).not.toContain(PRELOAD);
      // The batch commands (load, extract, generate, benchmarks) with a larger young generation than a server's: GC
      // took a sixth of a national first load's Node side with the default one.
      else expect(script, name).toMatch(new RegExp(`tsx (?:--max-semi-space-size=64 )?--import ${PRELOAD.replaceAll('.', '\\.')} `));
    }
    const cmd = fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8').split('\n').find((l) => l.startsWith('CMD'))!;
    expect(JSON.parse(cmd.slice(3))).toEqual(['npx', 'tsx', '--import', PRELOAD, 'server/src/cli/start.ts']);
    expect(fs.readFileSync(path.join(repoRoot, 'test', 'bench', 'national.ts'), 'utf8')).toMatch(/spawn\(tsx, \['--import', STACK_TRACES,/);
  });
});
