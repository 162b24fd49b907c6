/**
 * API keys and their roles. Keys are compared through SHA-256 digests with
 * timingSafeEqual, so neither a key's content nor its length leaks through
 * response times; keys are never logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, UnauthenticatedError } from './errors';

export type Role = 'read' | 'ingest';
const allRoles: Role[] = ['read', 'ingest'];

export interface ApiKey {
  digest: Buffer;
  roles: Role[];
}

export interface Caller {
  /** True when a valid key was sent. */
  authenticated: boolean;
  roles: Role[];
  /** True when a key was sent but matched none. */
  badKey: boolean;
  /** For per-key rate limits: a prefix of the key's SHA-256 digest (never the key itself); null without a valid key. */
  keyId: string | null;
}

const digestOf = (key: string) => createHash('sha256').update(key, 'utf8').digest();

/**
 * Parses `key` or `key:role+role` entries (comma-separated); a bare key has
 * every role. Unknown roles are a configuration error.
 */
export function parseApiKeys(entries: string[]): ApiKey[] {
  return entries.map((entry) => {
    const [key, roleList] = entry.split(':') as [string, string | undefined];
    const roles = roleList ? roleList.split('+').map((r) => r.trim()) : allRoles;
    for (const role of roles) {
      if (!(allRoles as string[]).includes(role)) {
        throw new Error(`Unknown role "${role}" in NEWSGRAPH_API_KEYS or NEWSGRAPH_API_KEYS_FILE; expected one of ${allRoles.join(', ')}.`);
      }
    }
    return { digest: digestOf(key.trim()), roles: roles as Role[] };
  });
}

export function identifyCaller(authorization: string | undefined, keys: ApiKey[]): Caller {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return { authenticated: false, roles: [], badKey: Boolean(authorization), keyId: null };
  const digest = digestOf(match[1]!);
  let found: ApiKey | null = null;
  // Compare against every key so the time taken does not depend on which one matched.
  for (const key of keys) {
    if (timingSafeEqual(key.digest, digest)) found = key;
  }
  return found
    ? { authenticated: true, roles: found.roles, badKey: false, keyId: found.digest.toString('hex', 0, 16) }
    : { authenticated: false, roles: [], badKey: true, keyId: null };
}

/** Throws UNAUTHENTICATED without a valid key, FORBIDDEN when the key lacks `role`. */
export function requireRole(caller: Caller, role: Role): void {
  if (!caller.authenticated) {
    throw new UnauthenticatedError(
      caller.badKey
        ? 'The API key sent in "Authorization" is not valid.'
        : 'This operation needs an API key: send "Authorization: Bearer <key>".',
    );
  }
  if (!caller.roles.includes(role)) throw new ForbiddenError(`This operation needs an API key with the "${role}" role.`);
}

/**
 * For queries when NEWSGRAPH_REQUIRE_READ_KEY is on: a key with `read`, or with
 * `ingest`, since a writer reads back what it wrote.
 */
export function requireReadAccess(caller: Caller): void {
  requireRole(caller, caller.roles.includes('ingest') ? 'ingest' : 'read');
}
