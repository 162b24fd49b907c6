import fs from 'node:fs';
import type { EmbeddedDatabase } from '../../src/db/embedded';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__newsgraphTestDatabase as { database: EmbeddedDatabase; dataDir: string } | undefined;
  if (!state) return;
  await state.database.stop();
  fs.rmSync(state.dataDir, { recursive: true, force: true });
}
