/**
 * neo4j-driver (JavaScript, 5.x) leaves Nagle's algorithm on for its Bolt sockets. A statement whose message
 * spans several TCP writes (a document's text as a parameter, a pipelined RUN + PULL) then waits for the
 * peer's delayed ACK: ~40 ms per statement on Linux loopback. Measured here on the seed corpus: 284 ms per
 * ingested document with Nagle, 57 ms without. Other Neo4j drivers set TCP_NODELAY themselves; this does it
 * for ours by enabling no-delay on every client socket this process opens (Node's own HTTP clients do too).
 */
import net from 'node:net';

let installed = false;

export function enableTcpNoDelay(): void {
  if (installed) return;
  installed = true;
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    this.setNoDelay(true);
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
}
