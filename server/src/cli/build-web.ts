/**
 * `npm start` builds the web app (web/dist) while the local Neo4j starts, instead of before it: the build's few
 * seconds are spent waiting for the database anyway. Vite's output is kept and shown only when the build fails.
 */
import { spawn } from 'node:child_process';
import { repoRoot } from '../config.js';

export function buildWeb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', '-s', 'build', '-w', 'web'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.once('error', (e) => reject(new Error(`could not build the web app (${e.message})`)));
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`the web app's build failed (exit ${code}):\n${out.trim().split('\n').slice(-15).join('\n')}`));
    });
  });
}
