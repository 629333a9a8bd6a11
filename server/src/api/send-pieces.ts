/** A response body sent piece by piece (a table of tens of megabytes), other requests served in between. */
import type { ServerResponse } from 'node:http';

const drainedOrClosed = (res: ServerResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });

/**
 * Writes each piece once the socket has taken the last one, and after a turn of the event loop in any case: a socket
 * that takes every piece at once (a client on this machine) says 'drain' from process.nextTick, and a loop awaiting
 * that alone never let another request in (a national task table, 25 MB, held small requests up for 0.5–0.85 s).
 * Stops when the client has gone.
 */
export async function sendPieces(res: ServerResponse, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (res.destroyed) return;
    if (!res.write(piece)) await drainedOrClosed(res);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  res.end();
}
