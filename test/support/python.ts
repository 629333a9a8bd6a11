/** A Python venv (in the cache) with the notebook's packages from PyPI; reused while requirements are unchanged. */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../server/src/config.js';

export const REQUIREMENTS = path.join(repoRoot, 'notebooks', 'requirements.txt');

export function venvPython(dir: string): string {
  return path.join(dir, 'bin', 'python');
}

export function ensurePythonEnv(dir: string): string {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(REQUIREMENTS)).digest('hex');
  const marker = path.join(dir, '.requirements-sha256');
  if (fs.existsSync(venvPython(dir)) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === hash) return venvPython(dir);
  const py = process.env.PYTHON || 'python3';
  const run = (cmd: string, args: string[], what: string) => {
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error(`${what} failed: ${cmd} ${args.join(' ')} (${r.error?.message ?? `exit ${r.status}`}); Python 3.10+ with venv is needed (apt-get install python3-venv)`);
  };
  fs.rmSync(dir, { recursive: true, force: true });
  run(py, ['-m', 'venv', dir], 'creating the Python venv');
  run(venvPython(dir), ['-m', 'pip', 'install', '-q', '--disable-pip-version-check', '-r', REQUIREMENTS], 'installing the notebook packages from PyPI');
  fs.writeFileSync(marker, hash);
  return venvPython(dir);
}
