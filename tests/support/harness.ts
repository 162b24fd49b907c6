/**
 * A real server on a free port over a fresh database of the shared test
 * FerretDB (or MONGODB_URI): tests speak HTTP to it and read the database.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { loadConfig, type Config } from '../../src/config';
import { connectDatabase, type Database } from '../../src/db/database';
import { ensureIndexes } from '../../src/db/indexes';
import { createLogger, type Logger } from '../../src/logger';
import { createApp, listen, type App } from '../../src/server';

export const ingestKey = 'test-ingest-key';
export const readOnlyKey = 'test-read-key';

export interface GraphQLResponse<T = any> {
  status: number;
  headers: Headers;
  body: { data?: T; errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }> };
}

export interface TestServer {
  url: string;
  origin: string;
  db: Db;
  database: Database;
  config: Config;
  /** POSTs a GraphQL operation; `key` null sends no Authorization header. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: { key?: string | null }): Promise<GraphQLResponse<T>>;
  /** Counts the database commands sent while `action` runs. */
  countCommands<T>(action: () => Promise<T>): Promise<{ result: T; commands: string[] }>;
  stop(): Promise<void>;
}

export function testDatabaseUri(): string {
  const uri = process.env.NEWSGRAPH_TEST_MONGODB_URI;
  if (!uri) throw new Error('NEWSGRAPH_TEST_MONGODB_URI is not set: run the tests through jest (globalSetup starts FerretDB).');
  return uri;
}

/** A logger at `level` whose JSON lines land in `lines`, for tests that read the logs. */
export function captureLogs(level = 'debug'): { logger: Logger; lines: Array<Record<string, any>> } {
  const lines: Array<Record<string, any>> = [];
  const logger = createLogger(level, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

export async function startTestServer(options: { env?: Record<string, string>; uri?: string; logger?: Logger } = {}): Promise<TestServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    NEWSGRAPH_API_KEYS: `${ingestKey},${readOnlyKey}:read`,
    NEWSGRAPH_DB_TIMEOUT_MS: '2000',
    ...options.env,
  });
  const name = `test_${randomBytes(6).toString('hex')}`;
  const database = await connectDatabase(options.uri ?? testDatabaseUri(), name, { timeoutMs: config.dbTimeoutMs });
  await ensureIndexes(database.db);
  const app: App = await createApp(database, config, options.logger ?? createLogger('silent'));
  const port = await listen(app, 0, '127.0.0.1');
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/graphql`;
  return {
    url,
    origin,
    db: database.db,
    database,
    config,
    async gql(query, variables, requestOptions = {}) {
      const key = requestOptions.key === undefined ? ingestKey : requestOptions.key;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse['body'] };
    },
    async countCommands(action) {
      const commands: string[] = [];
      const stopListening = database.onCommand((event) => commands.push(event.commandName));
      try {
        const result = await action();
        return { result, commands };
      } finally {
        stopListening();
      }
    },
    async stop() {
      await app.stop();
      await database.db.dropDatabase().catch(() => {});
      await database.close();
    },
  };
}
