/**
 * `npm run db:build`: builds the embedded FerretDB once (CI and first start).
 * `npm run db:start`: runs it in the foreground on NEWSGRAPH_DB_PORT with data
 * in NEWSGRAPH_DATA_DIR/db, for working against the database directly.
 */
import path from 'node:path';
import { loadConfig } from '../src/config';
import { EmbeddedDatabaseError, ensureFerretdbBinary, startEmbeddedDatabase } from '../src/db/embedded';

async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case 'build': {
      const binary = ensureFerretdbBinary((line) => process.stderr.write(`${line}\n`));
      process.stdout.write(`FerretDB is ready at ${binary}\n`);
      return;
    }
    case 'start': {
      const config = loadConfig();
      const database = await startEmbeddedDatabase({ dataDir: path.join(config.dataDir, 'db'), port: config.embeddedDbPort });
      process.stdout.write(`FerretDB is serving ${database.uri} with data in ${database.dataDir}; Ctrl-C stops it.\n`);
      const stop = () => void database.stop().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return;
    }
    default:
      process.stderr.write('Usage: tsx scripts/ferretdb.ts build|start\n');
      process.exit(2);
  }
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof EmbeddedDatabaseError ? error.message : String(error)}\n`);
  process.exit(1);
});
