/** API keys and roles over HTTP: open or keyed reads, writes need `ingest`, keys from a file, errors never echo a key. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseApiKeys } from '../../src/auth';
import { loadConfig } from '../../src/config';
import { ingestKey, readOnlyKey, startTestServer, type TestServer } from '../support/harness';

const read = `{ officials { totalCount } }`;
const write = `mutation { upsertOfficial(input: { name: "Ana Lima", country: "PT" }) { status } }`;

function expectError(response: { status: number; body: any }, status: number, code: string, message: string) {
  expect(response.status).toBe(status);
  expect(response.body.errors).toEqual([expect.objectContaining({ message, extensions: { code } })]);
  expect(response.body.data ?? null).toBeNull();
}

const noKey = 'This operation needs an API key: send "Authorization: Bearer <key>".';
const badKey = 'The API key sent in "Authorization" is not valid.';

describe('by default', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  test('reads are open: no key, and even a wrong key, still read', async () => {
    expect((await server.gql(read, undefined, { key: null })).body).toEqual({ data: { officials: { totalCount: 0 } } });
    expect((await server.gql(read, undefined, { key: readOnlyKey })).body).toEqual({ data: { officials: { totalCount: 0 } } });
  });

  test('a write without a key is UNAUTHENTICATED (401); with a read key FORBIDDEN (403); with the ingest key it runs', async () => {
    expectError(await server.gql(write, undefined, { key: null }), 401, 'UNAUTHENTICATED', noKey);
    expectError(await server.gql(write, undefined, { key: readOnlyKey }), 403, 'FORBIDDEN', 'This operation needs an API key with the "ingest" role.');
    expect((await server.gql(write, undefined, { key: ingestKey })).body).toEqual({ data: { upsertOfficial: { status: 'CREATED' } } });
    expect(await server.db.collection('officials').countDocuments()).toBe(1);
  });

  test.each([
    ['a key with one character more', `${ingestKey}x`],
    ['a key with one character less', ingestKey.slice(0, -1)],
    ['the key in another case', ingestKey.toUpperCase()],
  ])('%s is not the key: UNAUTHENTICATED', async (_label, key) => {
    const response = await server.gql(write, undefined, { key });
    expectError(response, 401, 'UNAUTHENTICATED', badKey);
    expect(JSON.stringify(response.body)).not.toContain(key);
  });

  test('an Authorization header in another scheme is not a key', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`user:${ingestKey}`).toString('base64')}` },
      body: JSON.stringify({ query: write }),
    });
    expectError({ status: response.status, body: await response.json() }, 401, 'UNAUTHENTICATED', badKey);
  });
});

describe('NEWSGRAPH_REQUIRE_READ_KEY=true', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      env: { NEWSGRAPH_REQUIRE_READ_KEY: 'true', NEWSGRAPH_API_KEYS: `${ingestKey}:ingest,${readOnlyKey}:read` },
    });
  });
  afterAll(() => server.stop());

  test('a query without a key is UNAUTHENTICATED (401) and runs no database command', async () => {
    const { result, commands } = await server.countCommands(() => server.gql(read, undefined, { key: null }));
    expectError(result, 401, 'UNAUTHENTICATED', noKey);
    expect(commands).toEqual([]);
  });

  test('a query with a wrong key is UNAUTHENTICATED', async () => {
    expectError(await server.gql(read, undefined, { key: 'guess' }), 401, 'UNAUTHENTICATED', badKey);
  });

  test('introspection needs a key too', async () => {
    expectError(await server.gql(`{ __schema { queryType { name } } }`, undefined, { key: null }), 401, 'UNAUTHENTICATED', noKey);
  });

  test('a read key reads; an ingest-only key reads too, since writers read back what they wrote', async () => {
    expect((await server.gql(read, undefined, { key: readOnlyKey })).body).toEqual({ data: { officials: { totalCount: 0 } } });
    expect((await server.gql(read, undefined, { key: ingestKey })).body).toEqual({ data: { officials: { totalCount: 0 } } });
  });

  test('writes still need the ingest role', async () => {
    expectError(await server.gql(write, undefined, { key: readOnlyKey }), 403, 'FORBIDDEN', 'This operation needs an API key with the "ingest" role.');
    expect((await server.gql(write, undefined, { key: ingestKey })).body).toEqual({ data: { upsertOfficial: { status: 'CREATED' } } });
  });
});

describe('NEWSGRAPH_API_KEYS_FILE', () => {
  let dir: string;
  let server: TestServer;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-keys-'));
    fs.writeFileSync(
      path.join(dir, 'keys'),
      ['# ingestion script', 'file-ingest-key:ingest', '', '  # dashboards', 'file-read-key:read, file-other-key:read'].join('\n'),
    );
    server = await startTestServer({ env: { NEWSGRAPH_API_KEYS: '', NEWSGRAPH_API_KEYS_FILE: path.join(dir, 'keys') } });
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('keys and roles come from the file; comments and blank lines are skipped', async () => {
    expect(server.config.apiKeys).toEqual(['file-ingest-key:ingest', 'file-read-key:read', 'file-other-key:read']);
    expect((await server.gql(write, undefined, { key: 'file-ingest-key' })).body).toEqual({ data: { upsertOfficial: { status: 'CREATED' } } });
    expectError(await server.gql(write, undefined, { key: 'file-other-key' }), 403, 'FORBIDDEN', 'This operation needs an API key with the "ingest" role.');
    expectError(await server.gql(write, undefined, { key: ingestKey }), 401, 'UNAUTHENTICATED', badKey);
  });

  test('keys from the environment and the file add up', () => {
    const config = loadConfig({ NEWSGRAPH_API_KEYS: 'env-key', NEWSGRAPH_API_KEYS_FILE: path.join(dir, 'keys') });
    expect(config.apiKeys).toEqual(['env-key', 'file-ingest-key:ingest', 'file-read-key:read', 'file-other-key:read']);
  });

  test('a missing file stops start-up with a message naming the variable', () => {
    expect(() => loadConfig({ NEWSGRAPH_API_KEYS_FILE: path.join(dir, 'nope') })).toThrow(
      `Cannot read the API keys file named by NEWSGRAPH_API_KEYS_FILE ("${path.join(dir, 'nope')}"): ENOENT.`,
    );
  });
});

test('an unknown role stops start-up, and the message names the role, not the key', () => {
  expect(() => parseApiKeys(['very-secret-key:admin'])).toThrow(
    'Unknown role "admin" in NEWSGRAPH_API_KEYS or NEWSGRAPH_API_KEYS_FILE; expected one of read, ingest.',
  );
  try {
    parseApiKeys(['very-secret-key:admin']);
  } catch (error) {
    expect(String(error)).not.toContain('very-secret-key');
  }
});
