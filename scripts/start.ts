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
      logger.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down: finishing requests in flight');
      // Should a step hang, the process still ends; FerretDB follows when its stdin pipe closes.
      setTimeout(() => {
        logger.error('shutdown did not finish in time; exiting anyway');
        process.exit(1);
      }, config.shutdownGraceMs + 8000).unref();
      service.stop().then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
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
