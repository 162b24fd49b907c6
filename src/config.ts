/**
 * Every setting the service reads, each from one environment variable.
 * README.md's configuration table documents the same list; keep them in step.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AdmissionLimits } from './admission';
import type { QueryLimits } from './limits';

export interface Config {
  /** HTTP port of the API. */
  port: number;
  /** HOST: the address the API listens on; `127.0.0.1` (this machine only) unless set, `0.0.0.0` for every interface. */
  host: string;
  /** A MongoDB URI; when empty, `npm start` runs the embedded FerretDB instead. */
  mongodbUri: string | null;
  /** Database name used when the URI names none. */
  databaseName: string;
  /** Folder of the embedded database's SQLite files. */
  dataDir: string;
  /** Port of the embedded FerretDB. */
  embeddedDbPort: number;
  /**
   * API key entries (`key` or `key:role+role`) from NEWSGRAPH_API_KEYS and the
   * file named by NEWSGRAPH_API_KEYS_FILE (one entry per line, `#` comments),
   * so keys need not sit in the environment of every process.
   */
  apiKeys: string[];
  /** NEWSGRAPH_REQUIRE_READ_KEY: queries need a key with the `read` (or `ingest`) role too. */
  requireReadKey: boolean;
  /** NEWSGRAPH_CORS_ORIGINS: browser origins allowed to call the API (comma-separated, or `*`); none by default. */
  corsOrigins: string[];
  /** NEWSGRAPH_MAX_BODY_BYTES: largest request body accepted; larger ones get HTTP 413. */
  maxBodyBytes: number;
  /** Operation limits (NEWSGRAPH_MAX_DEPTH, _MAX_LIST_NESTING, _MAX_ALIASES, _MAX_TOKENS, _MAX_COST, _REQUEST_TIMEOUT_MS, _MUTATION_TIMEOUT_MS, _MAX_RESPONSE_BYTES). */
  limits: QueryLimits;
  /** Concurrency and rate limits (NEWSGRAPH_MAX_CONCURRENT, _MAX_QUEUED, _RATE_LIMIT_PER_ADDRESS, _RATE_LIMIT_PER_KEY). */
  admission: AdmissionLimits;
  /** Load the sample reports on start (idempotent). */
  seedOnStart: boolean;
  /** NEWSGRAPH_SHUTDOWN_GRACE_MS: how long SIGTERM/SIGINT wait for requests in flight before closing their connections. */
  shutdownGraceMs: number;
  /** Upper bound for one database operation, in milliseconds. */
  dbTimeoutMs: number;
  /** Serve the GraphQL IDE on GET /graphql. */
  ideEnabled: boolean;
  /** Answer introspection queries. */
  introspectionEnabled: boolean;
  /**
   * Resolve every relation with one query per key and no per-request cache,
   * as if there were no DataLoader. Only for `npm run bench`, which measures
   * what batching buys; never turn it on in production.
   */
  naiveResolvers: boolean;
  production: boolean;
  logLevel: string;
}

export const repoRoot = path.resolve(__dirname, '..', __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '');

function integer(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Expected a non-negative whole number for ${name}, but got "${raw}".`);
  }
  return value;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** Entries of a keys file: one per line (or comma-separated), blank lines and `#` comments skipped. */
function keysFile(file: string | undefined): string[] {
  if (!file?.trim()) return [];
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(repoRoot, file.trim()), 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the API keys file named by NEWSGRAPH_API_KEYS_FILE ("${file}"): ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
  return text.split(/\r?\n/).flatMap((line) => (line.trim().startsWith('#') ? [] : list(line)));
}

function positive(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const value = integer(name, fallback, env);
  if (value < 1) throw new Error(`Expected a whole number of at least 1 for ${name}, but got "${env[name]}".`);
  return value;
}

function flag(name: string, fallback: boolean, env: NodeJS.ProcessEnv): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`Expected true or false for ${name}, but got "${raw}".`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    port: integer('PORT', 4000, env),
    host: env.HOST?.trim() || '127.0.0.1',
    mongodbUri: env.MONGODB_URI?.trim() || null,
    databaseName: env.NEWSGRAPH_DB_NAME?.trim() || 'newsgraph',
    dataDir: path.resolve(repoRoot, env.NEWSGRAPH_DATA_DIR?.trim() || '.data'),
    embeddedDbPort: integer('NEWSGRAPH_DB_PORT', 27018, env),
    apiKeys: [...list(env.NEWSGRAPH_API_KEYS), ...keysFile(env.NEWSGRAPH_API_KEYS_FILE)],
    requireReadKey: flag('NEWSGRAPH_REQUIRE_READ_KEY', false, env),
    corsOrigins: list(env.NEWSGRAPH_CORS_ORIGINS),
    maxBodyBytes: positive('NEWSGRAPH_MAX_BODY_BYTES', 2 * 1024 * 1024, env),
    limits: {
      maxDepth: positive('NEWSGRAPH_MAX_DEPTH', 12, env),
      maxListNesting: positive('NEWSGRAPH_MAX_LIST_NESTING', 5, env),
      maxAliases: integer('NEWSGRAPH_MAX_ALIASES', 20, env),
      maxTokens: positive('NEWSGRAPH_MAX_TOKENS', 2000, env),
      maxCost: positive('NEWSGRAPH_MAX_COST', 100_000, env),
      requestTimeoutMs: positive('NEWSGRAPH_REQUEST_TIMEOUT_MS', 15_000, env),
      mutationTimeoutMs: positive('NEWSGRAPH_MUTATION_TIMEOUT_MS', 60_000, env),
      maxResponseBytes: positive('NEWSGRAPH_MAX_RESPONSE_BYTES', 5 * 1024 * 1024, env),
    },
    admission: {
      maxConcurrent: positive('NEWSGRAPH_MAX_CONCURRENT', 8, env),
      maxQueued: integer('NEWSGRAPH_MAX_QUEUED', 32, env),
      // Off by default (a loopback-only service, and benchmarks send thousands of requests from one address); on in production.
      ratePerAddress: integer('NEWSGRAPH_RATE_LIMIT_PER_ADDRESS', production ? 600 : 0, env),
      ratePerKey: integer('NEWSGRAPH_RATE_LIMIT_PER_KEY', production ? 3000 : 0, env),
    },
    seedOnStart: flag('NEWSGRAPH_SEED', true, env),
    dbTimeoutMs: integer('NEWSGRAPH_DB_TIMEOUT_MS', 5000, env),
    shutdownGraceMs: integer('NEWSGRAPH_SHUTDOWN_GRACE_MS', 5000, env),
    ideEnabled: flag('NEWSGRAPH_IDE', !production, env),
    introspectionEnabled: flag('NEWSGRAPH_INTROSPECTION', !production, env),
    naiveResolvers: flag('NEWSGRAPH_NAIVE_RESOLVERS', false, env),
    production,
    logLevel: env.LOG_LEVEL?.trim() || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}
