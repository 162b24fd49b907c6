/** `npm start`: the API with its embedded database and sample data. */
import { loadConfig } from '../src/config';
import { EmbeddedDatabaseError } from '../src/db/embedded';
import { createLogger } from '../src/logger';
import { startService } from '../src/main';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  try {
    const service = await startService(config, logger);
    logger.info({ url: service.url }, `newsgraph is ready at ${service.url}`);
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      service.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  } catch (error) {
    if (error instanceof EmbeddedDatabaseError) {
      process.stderr.write(`newsgraph: ${error.message}\n`);
    } else {
      process.stderr.write(`newsgraph could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exit(1);
  }
}

void main();
