/**
 * `npm run seed`: loads data/sample into the configured database (MONGODB_URI,
 * or the embedded one started with `npm run db:start`). Idempotent.
 */
import { loadConfig } from '../src/config';
import { connectDatabase } from '../src/db/database';
import { ensureIndexes } from '../src/db/indexes';
import { seedSampleData } from '../src/services/seed';

async function main(): Promise<void> {
  const config = loadConfig();
  const uri = config.mongodbUri ?? `mongodb://127.0.0.1:${config.embeddedDbPort}/?directConnection=true`;
  const database = await connectDatabase(uri, config.databaseName, { timeoutMs: config.dbTimeoutMs });
  try {
    await ensureIndexes(database.db);
    const summary = await seedSampleData(database.db);
    process.stdout.write(
      `Sample data: ${summary.reports} report(s), ${summary.alreadyPresent} already present; ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged.\n`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
