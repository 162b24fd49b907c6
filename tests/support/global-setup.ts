/**
 * One real FerretDB for the whole run (each test file uses its own database in
 * it), unless MONGODB_URI points the suite at a MongoDB server instead.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureFerretdbBinary, startEmbeddedDatabase } from '../../src/db/embedded';

export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.NEWSGRAPH_TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  ensureFerretdbBinary((line) => process.stderr.write(`${line}\n`));
  // tmpfs makes SQLite much faster where it exists.
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const dataDir = fs.mkdtempSync(path.join(base, 'newsgraph-test-'));
  const database = await startEmbeddedDatabase({ dataDir });
  process.env.NEWSGRAPH_TEST_MONGODB_URI = database.uri;
  (globalThis as Record<string, unknown>).__newsgraphTestDatabase = { database, dataDir };
}
