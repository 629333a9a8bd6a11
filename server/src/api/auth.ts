/**
 * JWT (HS256) authentication. Mutations need role "editor"; reads are public unless READS_REQUIRE_AUTH.
 * Without JWT_SECRET (development) a random secret is kept in the cache folder so `npm run token` and the
 * server agree; in production JWT_SECRET is required for any write.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Config } from '../config.js';

export type Role = 'viewer' | 'editor';
export const ROLES: Role[] = ['viewer', 'editor'];

export interface Viewer {
  subject: string | null;
  roles: Role[];
}

export class AuthError extends Error {
  constructor(
    message: string,
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN',
  ) {
    super(message);
  }
}

export function jwtSecret(config: Config): Uint8Array | null {
  if (config.jwtSecret) return new TextEncoder().encode(config.jwtSecret);
  if (config.production) return null;
  const file = path.join(config.cacheDir, 'dev-jwt-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.cacheDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return new TextEncoder().encode(fs.readFileSync(file, 'utf8').trim());
}

export async function mintToken(secret: Uint8Array, role: Role, opts: { subject?: string; expiresIn?: string } = {}): Promise<string> {
  // jose reads "-5h" and "5h ago" as a time in the past: a token that was expired when it was made.
  if (opts.expiresIn && /^\s*-|\bago\s*$/i.test(opts.expiresIn)) throw new Error(`the lifetime must be ahead, e.g. 2h or 7d; got "${opts.expiresIn}"`);
  return new SignJWT({ roles: [role] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(opts.subject ?? 'local-user')
    .setIssuedAt()
    .setExpirationTime(opts.expiresIn ?? '12h')
    .sign(secret);
}

/** Reads the Authorization header. No header → anonymous; a bad token → UNAUTHENTICATED. */
export async function viewerFromHeader(header: string | undefined, secret: Uint8Array | null): Promise<Viewer> {
  if (!header) return { subject: null, roles: [] };
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!m) throw new AuthError('Authorization header must be "Bearer <token>"', 'UNAUTHENTICATED');
  if (!secret) throw new AuthError('this server has no JWT_SECRET configured: tokens cannot be checked', 'UNAUTHENTICATED');
  try {
    const { payload } = await jwtVerify(m[1]!, secret, { algorithms: ['HS256'] });
    const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter((r): r is Role => ROLES.includes(r as Role));
    return { subject: payload.sub ?? null, roles };
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) throw new AuthError('token expired', 'UNAUTHENTICATED');
    throw new AuthError('invalid token (bad signature or malformed)', 'UNAUTHENTICATED');
  }
}

export function requireRole(viewer: Viewer, role: Role): void {
  if (!viewer.subject && !viewer.roles.length) throw new AuthError(`this operation needs a token with role "${role}" (npm run token -- --role ${role})`, 'UNAUTHENTICATED');
  if (!viewer.roles.includes(role)) throw new AuthError(`role "${role}" required`, 'FORBIDDEN');
}
