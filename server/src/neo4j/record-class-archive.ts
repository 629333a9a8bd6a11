/**
 * Records the local Neo4j's class archive (class-archive.ts) ahead of the first real start: a scratch server on a
 * free port, the statements `exercise` runs (so the classes of planning, schema and procedures are in it), stop.
 * Used by `npm run neo4j -- fetch` and the test preparation; otherwise the first real start records it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureArtifacts, javaBinary } from './artifacts.js';
import { classArchiveReady } from './class-archive.js';
import { freePort, startLocalNeo4j } from './local-server.js';

export type ArchiveOutcome = 'present' | 'recorded' | 'not recorded';

export async function recordClassArchive(cacheDir: string, exercise: (uri: string) => Promise<void>, log: (m: string) => void = () => undefined): Promise<ArchiveOutcome> {
  const art = await ensureArtifacts(cacheDir, log);
  if (classArchiveReady(art, javaBinary())) return 'present';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-class-archive-'));
  try {
    const neo = await startLocalNeo4j({ cacheDir, dataDir: dir, port: await freePort(), heap: '512m', pageCache: '64m', log });
    try {
      await exercise(neo.uri);
    } finally {
      await neo.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Not recorded: another process was recording it, or this JVM could not.
  return classArchiveReady(art, javaBinary()) ? 'recorded' : 'not recorded';
}
