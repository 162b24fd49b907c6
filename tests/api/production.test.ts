/**
 * NODE_ENV=production over HTTP: no introspection unless configured, no
 * schema hints, no stack traces, unexpected errors as INTERNAL_SERVER_ERROR
 * with a request id (details only in the log), CSRF prevention, CORS origins.
 */
import { ObjectId } from 'mongodb';
import { ensureIndexes } from '../../src/db/indexes';
import { readModelsCollection } from '../../src/models/readModels';
import { captureLogs, startTestServer, type TestServer } from '../support/harness';

const introspection = `{ __schema { queryType { name } } }`;

describe('in production', () => {
  let server: TestServer;
  let logs: ReturnType<typeof captureLogs>;
  beforeAll(async () => {
    logs = captureLogs('info');
    server = await startTestServer({ env: { NODE_ENV: 'production' }, logger: logs.logger });
  });
  afterAll(() => server.stop());

  test('introspection and the IDE are off by default', async () => {
    expect(server.config).toMatchObject({ production: true, introspectionEnabled: false, ideEnabled: false });
    const response = await server.gql(introspection);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^GraphQL introspection is not allowed by Apollo Server/),
          locations: [{ line: 1, column: 3 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', validationErrorCode: 'INTROSPECTION_DISABLED' },
        },
      ],
    });
  });

  test('validation errors carry no "did you mean" hints', async () => {
    const response = await server.gql(`{ officials(frist: 1) { nodes { nme } } }`);
    expect(response.status).toBe(400);
    expect(response.body.errors!.map((e) => e.message)).toEqual([
      'Unknown argument "frist" on field "Query.officials".',
      'Cannot query field "nme" on type "Official".',
    ]);
    const enumValue = await server.gql(`{ search(query: "x", types: [OFICIAL]) { totalCount } }`);
    expect(enumValue.body.errors!.map((e) => e.message)).toEqual(['Value "OFICIAL" does not exist in "SearchType" enum.']);
  });

  test('an unexpected error is INTERNAL_SERVER_ERROR with the request id; its details are only in the log', async () => {
    // A record no upsert would write: `titles` must be an array.
    await server.db.collection('officials').insertOne({
      _id: new ObjectId(),
      key: 'broken|',
      name: 'Broken Record',
      aliases: [],
      nameKeys: ['broken record'],
      nameTokens: ['broken', 'record'],
      sortName: 'broken record',
      titles: null,
      organizationId: null,
      country: null,
    });
    // Written behind the service's back: rebuild the read models, as a restart would after `meta` is deleted.
    await readModelsCollection(server.db).deleteOne({ _id: 'meta' });
    await ensureIndexes(server.db);
    const response = await server.gql(`{ officials(filter: { name: "broken" }) { nodes { name title } } }`);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body).toEqual({
      data: { officials: { nodes: [{ name: 'Broken Record', title: null }] } },
      errors: [
        {
          message: `Unexpected error; quote request id ${requestId} when reporting it.`,
          path: ['officials', 'nodes', 0, 'title'],
          locations: [{ line: 1, column: 56 }],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
        },
      ],
    });
    const logged = logs.lines.find((line) => line.msg === 'unexpected error' && line.requestId === requestId);
    expect(logged?.err?.message).toMatch(/Cannot read properties of null/);
    expect(logged?.err?.stack).toMatch(/resolvers/);
  });

  test('no error response carries a stack trace', async () => {
    const responses = await Promise.all([
      server.gql(`{ officials(frist: 1) { totalCount } }`),
      server.gql(`{ official(id: "nope") { name } }`),
      server.gql(`{ officials(first: 500) { totalCount } }`),
      server.gql(`{ officials(filter: { name: "broken" }) { nodes { title } } }`),
      server.gql(`mutation { upsertOfficial(input: { name: "X" }) { status } }`, undefined, { key: null }),
      server.gql(`{ officials(`),
    ]);
    for (const response of responses) {
      expect(response.body.errors!.length).toBeGreaterThan(0);
      expect(JSON.stringify(response.body)).not.toMatch(/stacktrace|\.ts:\d+|at .*\(/);
    }
  });

  test('CSRF prevention: a simple cross-site request is refused, a JSON POST or a GET with a preflight header is served', async () => {
    const simple = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    const preflighted = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { __typename: 'Query' } });
  });

  test('no CORS headers without configured origins', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://app.example' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('in production, configured', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      env: { NODE_ENV: 'production', NEWSGRAPH_INTROSPECTION: 'true', NEWSGRAPH_CORS_ORIGINS: 'https://app.example, https://admin.example' },
    });
  });
  afterAll(() => server.stop());

  test('NEWSGRAPH_INTROSPECTION=true turns introspection on', async () => {
    expect((await server.gql(introspection)).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  test('CORS: a listed origin may call the API, others get no CORS headers', async () => {
    const preflight = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://admin.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://admin.example');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(preflight.headers.get('vary')).toMatch(/Origin/);

    const allowed = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://app.example' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');

    const other = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-allow-methods')).toBeNull();
  });
});

describe('in development', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: 'development' } });
  });
  afterAll(() => server.stop());

  test('introspection is on and validation errors keep their hints', async () => {
    expect((await server.gql(introspection)).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const response = await server.gql(`{ officials { nodes { nme } } }`);
    expect(response.body.errors!.map((e) => e.message)).toEqual(['Cannot query field "nme" on type "Official". Did you mean "name"?']);
  });
});
