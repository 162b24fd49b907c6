/**
 * Every setting the service reads, each from one environment variable.
 * README.md's configuration table documents the same list; keep them in step.
 */
import path from 'node:path';

export interface Config {
  /** HTTP port of the API. */
  port: number;
  /** A MongoDB URI; when empty, `npm start` runs the embedded FerretDB instead. */
  mongodbUri: string | null;
  /** Database name used when the URI names none. */
  databaseName: string;
  /** Folder of the embedded database's SQLite files. */
  dataDir: string;
  /** Port of the embedded FerretDB. */
  embeddedDbPort: number;
  /** Keys allowed to write, from NEWSGRAPH_API_KEYS. */
  apiKeys: string[];
  /** Load the sample reports on start (idempotent). */
  seedOnStart: boolean;
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
    mongodbUri: env.MONGODB_URI?.trim() || null,
    databaseName: env.NEWSGRAPH_DB_NAME?.trim() || 'newsgraph',
    dataDir: path.resolve(repoRoot, env.NEWSGRAPH_DATA_DIR?.trim() || '.data'),
    embeddedDbPort: integer('NEWSGRAPH_DB_PORT', 27018, env),
    apiKeys: (env.NEWSGRAPH_API_KEYS ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter((key) => key.length > 0),
    seedOnStart: flag('NEWSGRAPH_SEED', true, env),
    dbTimeoutMs: integer('NEWSGRAPH_DB_TIMEOUT_MS', 5000, env),
    ideEnabled: flag('NEWSGRAPH_IDE', !production, env),
    introspectionEnabled: flag('NEWSGRAPH_INTROSPECTION', !production, env),
    naiveResolvers: flag('NEWSGRAPH_NAIVE_RESOLVERS', false, env),
    production,
    logLevel: env.LOG_LEVEL?.trim() || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}
