/** One MongoClient per process; every command it sends can be observed (tests count them, logs report them). */
import { MongoClient, type CommandStartedEvent, type Db } from 'mongodb';
import { monitorDatabaseHealth, type DatabaseHealth, type HealthOptions } from './health';

export interface Database {
  client: MongoClient;
  db: Db;
  /** Calls `listener` for each command sent; returns a function that stops listening. */
  onCommand(listener: (event: CommandStartedEvent) => void): () => void;
  /** Whether the database is known to answer, kept current in the background (src/db/health.ts). */
  health: DatabaseHealth;
  /** True when the server answers `ping` within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

const internalCommands = new Set(['hello', 'ismaster', 'isMaster', 'ping', 'endSessions', 'buildInfo', 'saslStart', 'saslContinue']);

export async function connectDatabase(
  uri: string,
  databaseName: string,
  options: { timeoutMs?: number; health?: HealthOptions } = {},
): Promise<Database> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const client = new MongoClient(uri, {
    monitorCommands: true,
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    // A request must fail rather than wait for ever when the database stops answering.
    socketTimeoutMS: timeoutMs * 4,
  });
  await client.connect();
  const db = client.db(databaseName);
  const health = monitorDatabaseHealth(client, options.health);
  return {
    client,
    db,
    health,
    onCommand(listener) {
      const filtered = (event: CommandStartedEvent) => {
        if (!internalCommands.has(event.commandName)) listener(event);
      };
      client.on('commandStarted', filtered);
      return () => client.off('commandStarted', filtered);
    },
    async ping(pingTimeoutMs = 1000) {
      try {
        await db.command({ ping: 1 }, { timeoutMS: pingTimeoutMs });
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      health.stop();
      await client.close();
    },
  };
}
