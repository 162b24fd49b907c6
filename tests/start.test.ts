/**
 * The README's first command, end to end: the service starts with its
 * embedded database and sample data, keeps data across restarts, loads the
 * sample data only once, and explains itself when it cannot start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/db/embedded';
import { repoRoot } from '../src/config';
import { ingestKey } from './support/harness';

const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
let dataDir: string;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'newsgraph-start-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  origin: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function startService(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const child = spawn(tsx, ['scripts/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, MONGODB_URI: '', PORT: String(port), NEWSGRAPH_DATA_DIR: dataDir, NEWSGRAPH_API_KEYS: ingestKey, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, origin: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function waitReady(service: Started): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (service.child.exitCode !== null) throw new Error(`The service exited early:\n${service.output()}`);
    const status = await fetch(`${service.origin}/readyz`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The service never became ready:\n${service.output()}`);
}

async function gql(origin: string, query: string, key?: string) {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as any;
}

const totals = `{ articles { totalCount } officials { totalCount } meetings { totalCount } conferences { totalCount } }`;

test('starts with sample data, keeps what was written across a restart, and seeds only once', async () => {
  const dbPort = String(await freePort());
  const first = await startService({ NEWSGRAPH_DB_PORT: dbPort });
  try {
    await waitReady(first);
    expect((await fetch(`${first.origin}/healthz`)).status).toBe(200);
    expect((await gql(first.origin, totals)).data).toEqual({
      articles: { totalCount: 2 },
      officials: { totalCount: 7 },
      meetings: { totalCount: 6 },
      conferences: { totalCount: 5 },
    });
    const aliyev = await gql(first.origin, `{ officials(filter: { name: "Kamran Aliyev" }) { nodes { counterparts { nodes { official { name } } } } } }`);
    expect(aliyev.data.officials.nodes[0].counterparts.nodes.map((c: any) => c.official.name)).toContain('Max Hill');
    const written = await gql(first.origin, `mutation { upsertOfficial(input: { name: "Ana Lima", country: "PT" }) { status } }`, ingestKey);
    expect(written.data.upsertOfficial.status).toBe('CREATED');
  } finally {
    first.child.kill('SIGTERM');
  }
  expect(await first.exited).toBe(0);
  expect(first.output()).toContain('"reports":2,"alreadyPresent":0,"created":26,"updated":2,"unchanged":2');

  const second = await startService({ NEWSGRAPH_DB_PORT: dbPort });
  try {
    await waitReady(second);
    expect((await gql(second.origin, totals)).data.officials.totalCount).toBe(8);
    expect((await gql(second.origin, totals)).data.meetings.totalCount).toBe(6);
  } finally {
    second.child.kill('SIGTERM');
  }
  expect(await second.exited).toBe(0);
  expect(second.output()).toContain('"reports":2,"alreadyPresent":2,"created":0,"updated":0,"unchanged":0');
}, 180_000); // two cold starts through tsx on a busy two-core machine

test('without Go, a built database or MONGODB_URI it says what to do and exits 1', async () => {
  const service = await startService({
    PATH: '/usr/bin:/bin',
    NEWSGRAPH_FERRETDB_BIN: path.join(dataDir, 'missing', 'ferretdb'),
    NEWSGRAPH_DB_PORT: String(await freePort()),
  });
  expect(await service.exited).toBe(1);
  expect(service.output()).toContain('The embedded database needs Go to build FerretDB (tools/ferretdb), and `go` was not found.');
  expect(service.output()).toContain('or set MONGODB_URI to a MongoDB 6.0+ server');
  expect(service.output()).not.toMatch(/\n\s+at /);
});
