/**
 * Starts the service: the database (MONGODB_URI, or the embedded FerretDB),
 * its indexes, the sample data, then the HTTP server. Returns a handle that
 * stops all of it in reverse order.
 */
import path from 'node:path';
import type { Config } from './config';
import { connectDatabase, type Database } from './db/database';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded';
import { ensureIndexes } from './db/indexes';
import type { Logger } from './logger';
import { createApp, listen } from './server';
import { seedSampleData } from './services/seed';

export interface RunningService {
  url: string;
  database: Database;
  stop(): Promise<void>;
}

export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  let embedded: EmbeddedDatabase | null = null;
  let database: Database | null = null;
  try {
    let uri = config.mongodbUri;
    if (!uri) {
      embedded = await startEmbeddedDatabase({ dataDir: path.join(config.dataDir, 'db'), port: config.embeddedDbPort, log: logger });
      uri = embedded.uri;
      logger.info({ port: embedded.port, dataDir: embedded.dataDir, ferretdbPid: embedded.pid }, 'embedded FerretDB started');
    }
    database = await connectDatabase(uri, config.databaseName, {
      timeoutMs: config.dbTimeoutMs,
      health: {
        onChange: (available, reason) =>
          available ? logger.info({ reason }, 'database available again') : logger.warn({ reason }, 'database unavailable'),
      },
    });
    await ensureIndexes(database.db);
    await embedded?.indexPointReads(database.db);
    if (config.seedOnStart) {
      const summary = await seedSampleData(database.db);
      logger.info(summary, 'sample data loaded');
    }
    const app = await createApp(database, config, logger);
    const port = await listen(app, config.port, config.host);
    // An every-interface address is reachable locally as localhost.
    const host = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${port}/graphql`;
    const connected = database;
    const ownDatabase = embedded;
    return {
      url,
      database,
      // Requests in flight get NEWSGRAPH_SHUTDOWN_GRACE_MS to finish (Apollo's drain plugin), then the database goes.
      async stop() {
        await app.stop();
        await connected.close();
        await ownDatabase?.stop();
      },
    };
  } catch (error) {
    await database?.close().catch(() => {});
    await embedded?.stop().catch(() => {});
    throw error;
  }
}
