/** A body sent piece by piece lets the event loop run between pieces, and arrives whole. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendPieces } from '../../../server/src/api/send-pieces.js';

let server: http.Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Serves `pieces` with sendPieces; returns what a client on this machine received. */
async function serve(pieces: () => Iterable<string>): Promise<string> {
  server = http.createServer((_req, res) => void sendPieces(res, pieces()));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http.get(`http://127.0.0.1:${port}/`, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    }).on('error', reject);
  });
}

describe('sendPieces', () => {
  it('lets a timer due meanwhile run long before the last piece, and sends every piece in order', async () => {
    const N = 300;
    const piece = (i: number) => `${String(i).padStart(4, '0')}:${'đ'.repeat(64 * 1024)}\n`;
    let timerFiredAt: number | null = null;
    let produced = 0;
    const body = await serve(function* () {
      setTimeout(() => (timerFiredAt = produced), 0);
      for (let i = 0; i < N; i++) {
        produced = i;
        yield piece(i);
      }
    });
    // Awaiting 'drain' alone, the timer ran only after the last piece (the loop never reached its timers).
    expect(timerFiredAt).not.toBeNull();
    expect(timerFiredAt!).toBeLessThan(10);
    expect(body.length).toBe(N * piece(0).length);
    expect(body.split('\n').slice(0, N).map((l) => Number(l.slice(0, 4)))).toEqual(Array.from({ length: N }, (_, i) => i));
  });
});
