/** Structured request logs over HTTP: request id, operation, duration, database commands; keys never written. */
import { ingestKey, captureLogs, startTestServer, type TestServer } from '../support/harness';
import { seedReports } from '../support/reports';

let server: TestServer;
let logs: ReturnType<typeof captureLogs>;

beforeAll(async () => {
  logs = captureLogs('info');
  server = await startTestServer({ logger: logs.logger });
  await seedReports(server.db);
});
afterAll(() => server.stop());

function requestLog(requestId: string | null) {
  const lines = logs.lines.filter((line) => line.msg === 'graphql request' && line.requestId === requestId);
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

test('each request logs its id, operation name, duration, database commands and error count', async () => {
  const response = await server.gql(`query ListOfficials { officials { nodes { name } } }`);
  expect(response.body.errors).toBeUndefined();
  expect(requestLog(response.headers.get('x-request-id'))).toEqual({
    level: 30,
    time: expect.any(Number),
    pid: process.pid,
    hostname: expect.any(String),
    msg: 'graphql request',
    requestId: response.headers.get('x-request-id'),
    operationName: 'ListOfficials',
    durationMs: expect.any(Number),
    // Point reads: the read model's letters, its letter buckets as the page needs them, the officials by id.
    dbCommands: 7,
    errors: 0,
  });
});

test('concurrent requests each count their own database commands', async () => {
  const [one, three] = await Promise.all([
    server.gql(`query One { officials { nodes { name } } }`),
    server.gql(`query Three { officials(first: 2) { totalCount nodes { organization { name } } } }`),
  ]);
  expect(requestLog(one.headers.get('x-request-id'))).toMatchObject({ operationName: 'One', dbCommands: 7 });
  // The letters, the page's buckets and officials, the other buckets for the count, and the organizations.
  expect(requestLog(three.headers.get('x-request-id'))).toMatchObject({ operationName: 'Three', dbCommands: 7 });
});

test('rejected requests are logged too, with their error count', async () => {
  const response = await server.gql(`query Costly { officials(first: 100) { nodes { meetings(first: 100) { nodes { participants { name } } } } } }`);
  expect(response.status).toBe(400);
  expect(requestLog(response.headers.get('x-request-id'))).toMatchObject({ operationName: 'Costly', dbCommands: 0, errors: 1 });
});

test('API keys never reach the log, whether valid or not', async () => {
  const write = `mutation Write { upsertOfficial(input: { name: "Logged Person", country: "FR" }) { status } }`;
  await server.gql(write, undefined, { key: ingestKey });
  await server.gql(write, undefined, { key: 'a-wrong-key-that-must-not-be-logged' });
  const text = JSON.stringify(logs.lines);
  expect(text).toContain('"operationName":"Write"');
  expect(text).not.toContain(ingestKey);
  expect(text).not.toContain('a-wrong-key-that-must-not-be-logged');
});

test('fields that could hold a key are redacted by the logger itself', () => {
  logs.logger.info(
    { headers: { authorization: 'Bearer s3cret' }, authorization: 'Bearer s3cret', apiKey: 's3cret', config: { apiKey: 's3cret' } },
    'redaction check',
  );
  const line = logs.lines.find((entry) => entry.msg === 'redaction check')!;
  expect(line).toMatchObject({
    headers: { authorization: '[redacted]' },
    authorization: '[redacted]',
    apiKey: '[redacted]',
    config: { apiKey: '[redacted]' },
  });
  expect(JSON.stringify(line)).not.toContain('s3cret');
});
