/** One MongoClient per process; every command it sends can be observed (tests count them, logs report them). */
import { MongoClient, type CommandStartedEvent, type Db } from 'mongodb';

export interface Database {
  client: MongoClient;
  db: Db;
  /** Calls `listener` for each command sent; returns a function that stops listening. */
  onCommand(listener: (event: CommandStartedEvent) => void): () => void;
  /** True when the server answers `ping` within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

const internalCommands = new Set(['hello', 'ismaster', 'isMaster', 'ping', 'endSessions', 'buildInfo', 'saslStart', 'saslContinue']);

export async function connectDatabase(uri: string, databaseName: string, options: { timeoutMs?: number } = {}): Promise<Database> {
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
  return {
    client,
    db,
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
    close: () => client.close(),
  };
}
