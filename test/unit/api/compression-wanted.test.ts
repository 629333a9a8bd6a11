import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { compressionWanted, isLoopback } from '../../../server/src/api/compression-wanted.js';
import { readConfig } from '../../../server/src/config.js';

const request = (remoteAddress: string | undefined, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;

describe('compressionWanted', () => {
  it('knows loopback addresses in every form Node reports them', () => {
    for (const a of ['127.0.0.1', '127.10.0.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a), a).toBe(true);
    for (const a of ['10.0.0.1', '::ffff:10.0.0.1', '203.0.113.7', '2001:db8::1', '1127.0.0.1', '::ffff:128.0.0.1', '', undefined]) expect(isLoopback(a), String(a)).toBe(false);
  });

  it('compresses for clients elsewhere and behind a proxy, not for a client on this machine reached directly', () => {
    expect(compressionWanted('network', request('203.0.113.7'))).toBe(true);
    expect(compressionWanted('network', request('127.0.0.1'))).toBe(false);
    expect(compressionWanted('network', request('::1'))).toBe(false);
    for (const h of ['forwarded', 'x-forwarded-for', 'via', 'x-real-ip']) expect(compressionWanted('network', request('127.0.0.1', { [h]: 'x' })), h).toBe(true);
    // A socket already closed has no address: treated as elsewhere (compressing is the safe side).
    expect(compressionWanted('network', request(undefined))).toBe(true);
  });

  it('always and off override the address', () => {
    expect(compressionWanted('always', request('127.0.0.1'))).toBe(true);
    expect(compressionWanted('off', request('203.0.113.7', { via: '1.1 proxy' }))).toBe(false);
  });

  it('reads HTTP_COMPRESSION: unset or true = network, always, false = off, anything else refused', () => {
    const mode = (v: string | undefined) => readConfig({ HTTP_COMPRESSION: v }).httpCompression;
    expect(mode(undefined)).toBe('network');
    expect(mode('')).toBe('network');
    expect(mode('true')).toBe('network');
    expect(mode('on')).toBe('network');
    expect(mode('Always')).toBe('always');
    expect(mode('false')).toBe('off');
    expect(mode('0')).toBe('off');
    expect(() => mode('sometimes')).toThrow(/HTTP_COMPRESSION must be true .*always or false, got "sometimes"/);
  });
});
