/** The database goes away and comes back: clear errors meanwhile, no restart needed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded';
import { startTestServer, type TestServer } from '../support/harness';

let dataDir: string;
let database: EmbeddedDatabase;
let server: TestServer;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'newsgraph-outage-'));
  database = await startEmbeddedDatabase({ dataDir });
  server = await startTestServer({ uri: database.uri });
});

afterAll(async () => {
  await server.stop().catch(() => {});
  await database.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function readiness(): Promise<number> {
  return (await fetch(`${server.origin}/readyz`)).status;
}

test('queries fail with DATABASE_UNAVAILABLE and /readyz is 503 while the database is down, then recover', async () => {
  expect(await readiness()).toBe(200);
  const write = await server.gql(`mutation { upsertOfficial(input: { name: "Ana Lima", country: "PT" }) { status } }`);
  expect(write.body.data.upsertOfficial.status).toBe('CREATED');

  await database.stop();

  const health = await fetch(`${server.origin}/healthz`);
  expect(health.status).toBe(200);
  expect(await readiness()).toBe(503);
  const failed = await server.gql(`{ officials { totalCount nodes { name } } }`);
  expect(failed.body.data).toBeNull();
  expect(failed.body.errors).toEqual([
    expect.objectContaining({
      message: 'The database is not answering; try again shortly.',
      extensions: { code: 'DATABASE_UNAVAILABLE', requestId: failed.headers.get('x-request-id') },
    }),
  ]);

  database = await startEmbeddedDatabase({ dataDir, port: database.port });

  let status = 0;
  for (let attempt = 0; attempt < 50 && status !== 200; attempt += 1) {
    status = await readiness();
    if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(status).toBe(200);
  const recovered = await server.gql(`{ officials { totalCount nodes { name } } }`);
  expect(recovered.body).toEqual({ data: { officials: { totalCount: 1, nodes: [{ name: 'Ana Lima' }] } } });
});
