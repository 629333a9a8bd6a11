/**
 * Whether an answer is worth gzipping for a request. Compression pays where the bytes cross a network; a client on
 * this machine that reaches the server directly (a notebook or a browser at localhost) reads plain JSON sooner:
 * gzipping a national cascade with its evidence (3.9 MB) and unzipping it cost such a client 41 ms of 247 (eighth
 * session's graph, ninth session's measure). A request that came through a proxy (Forwarded, X-Forwarded-For, Via
 * or X-Real-IP) is compressed whatever its address: the proxy passes the answer on to somebody elsewhere.
 */
import type { IncomingMessage } from 'node:http';
import type { CompressionMode } from '../config.js';

const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'via', 'x-real-ip'] as const;

/** A loopback address, as Node reports it (IPv4, IPv6, or IPv4 mapped into IPv6). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

export function compressionWanted(mode: CompressionMode, req: IncomingMessage): boolean {
  if (mode === 'off') return false;
  if (mode === 'always') return true;
  return !isLoopback(req.socket.remoteAddress) || PROXY_HEADERS.some((h) => req.headers[h] !== undefined);
}
