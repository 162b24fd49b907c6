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

/** A stop signal reaches every thread of the process asynchronously: wait until the kernel reports it stopped. */
async function untilStopped(pid: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!/^State:\s+T/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))) {
    if (Date.now() > deadline) throw new Error(`process ${pid} did not stop`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function readiness(): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const status = (await fetch(`${server.origin}/readyz`)).status;
  return { status, ms: Date.now() - started };
}

test('while the database is down: /readyz is 503 within 1 s, queries fail fast with DATABASE_UNAVAILABLE; then recovery', async () => {
  expect((await readiness()).status).toBe(200);
  const write = await server.gql(`mutation { upsertOfficial(input: { name: "Ana Lima", country: "PT" }) { status } }`);
  expect(write.body.data.upsertOfficial.status).toBe('CREATED');

  await database.stop();
  const stopped = Date.now();

  const health = await fetch(`${server.origin}/healthz`);
  expect(health.status).toBe(200);
  let ready = await readiness();
  while (ready.status === 200 && Date.now() - stopped < 2000) ready = await readiness();
  expect(ready.status).toBe(503);
  expect(Date.now() - stopped).toBeLessThan(1000);
  expect(ready.ms).toBeLessThan(1000);

  // Known down: answered at once, before any database command, with a hint to retry.
  const started = Date.now();
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ officials { totalCount nodes { name } } }' }),
  });
  expect(Date.now() - started).toBeLessThan(1000);
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('1');
  expect(await response.json()).toEqual({
    errors: [{ message: 'The database is not answering; try again shortly.', extensions: { code: 'DATABASE_UNAVAILABLE' } }],
  });

  database = await startEmbeddedDatabase({ dataDir, port: database.port });

  let status = 0;
  for (let attempt = 0; attempt < 50 && status !== 200; attempt += 1) {
    status = (await readiness()).status;
    if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(status).toBe(200);
  const recovered = await server.gql(`{ officials { totalCount nodes { name } } }`);
  expect(recovered.body).toEqual({ data: { officials: { totalCount: 1, nodes: [{ name: 'Ana Lima' }] } } });
});

test('a query that loses the database while it runs gets DATABASE_UNAVAILABLE with its request id', async () => {
  await server.gql('{ officials { totalCount } }'); // lets the driver replace connections from before the restart
  let ready = await readiness();
  for (let attempt = 0; attempt < 20 && ready.status !== 200; attempt += 1) ready = await readiness();
  expect(ready.status).toBe(200);
  // Frozen, not dead: the query is sent, no answer comes, the health monitor has not noticed yet.
  process.kill(database.pid!, 'SIGSTOP');
  await untilStopped(database.pid!);
  try {
    const failed = await server.gql(`{ officials { totalCount nodes { name } } }`);
    expect(failed.body.data).toBeNull();
    expect(failed.body.errors).toEqual([
      expect.objectContaining({
        message: 'The database is not answering; try again shortly.',
        extensions: { code: 'DATABASE_UNAVAILABLE', requestId: failed.headers.get('x-request-id') },
      }),
    ]);
  } finally {
    process.kill(database.pid!, 'SIGCONT');
  }
});
