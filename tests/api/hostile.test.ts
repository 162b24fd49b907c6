/**
 * Issue 10, as a hostile client sends it: documents that made the analysis
 * exponential, anonymous callers when a read key is required, introspection
 * floods, lists without `first`, large bodies, echoed input, malformed
 * requests, unsafe article urls, and the listen address. Each asserts its
 * bound: status, time (generously), size, logs, database unchanged.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import { loadConfig } from '../../src/config';
import { captureLogs, ingestKey, startTestServer, type TestServer } from '../support/harness';
import { seedReports } from '../support/reports';

let server: TestServer;
let logs: ReturnType<typeof captureLogs>;

beforeAll(async () => {
  logs = captureLogs('info');
  server = await startTestServer({ logger: logs.logger });
  await seedReports(server.db);
});
afterAll(() => server.stop());

async function timed<T>(action: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await action();
  return { result, ms: Date.now() - started };
}

/** 22 fragments, each spreading the next twice; the last aliases a field: 2^21 aliases once expanded. */
function exponentialFragments(count = 22): string {
  const fragments = Array.from({ length: count }, (_, i) =>
    i === count - 1 ? `fragment F${i} on Official { n: name }` : `fragment F${i} on Official { ...F${i + 1} ...F${i + 1} }`,
  );
  return `{ officials(first: 1) { nodes { ...F0 } } } ${fragments.join(' ')}`;
}

/** 11 fragments spreading one another in a ring. */
function fragmentCycle(count = 11): string {
  const fragments = Array.from({ length: count }, (_, i) => `fragment C${i} on Official { name ...C${(i + 1) % count} }`);
  return `{ officials(first: 1) { nodes { ...C0 } } } ${fragments.join(' ')}`;
}

async function post(body: string | Buffer, headers: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(server.url, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

describe('operation analysis in bounded time', () => {
  test('22 fragments each spreading the next twice are measured once each and refused within 2 s, before any database command', async () => {
    const document = exponentialFragments();
    expect(document.length).toBeLessThan(1200);
    const { result, commands } = await server.countCommands(() => timed(() => server.gql(document)));
    expect(result.ms).toBeLessThan(2000);
    expect(result.result.status).toBe(400);
    expect(result.result.body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', value: 2 ** 21, max: 20 } }),
    ]);
    expect(commands).toEqual([]);
  });

  test('the same fragments without aliases run, quickly: each distinct fragment is executed once', async () => {
    const document = exponentialFragments().replace('n: name', 'name');
    const { result, ms } = await timed(() => server.gql(document));
    // It runs (one database command) rather than being refused, so the bound is looser than for a refusal.
    expect(ms).toBeLessThan(5000);
    expect(result.body).toEqual({ data: { officials: { nodes: [{ name: expect.any(String) }] } } });
  });

  test("a ring of 11 fragments is refused by graphql-js's own rule within 2 s", async () => {
    const { result, ms } = await timed(() => server.gql(fragmentCycle()));
    expect(ms).toBeLessThan(2000);
    expect(result.status).toBe(400);
    expect(result.body.errors![0]!).toMatchObject({ message: 'Cannot spread fragment "C0" within itself via "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10".' });
    expect(result.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('an unknown fragment is refused by validation', async () => {
    const response = await server.gql(`{ officials { nodes { ...Missing } } }`);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ message: 'Unknown fragment "Missing".' })]);
  });

  test('introspection counts against the alias limit: 60 aliased __schema are refused', async () => {
    const flood = `{ ${Array.from({ length: 60 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ')} }`;
    const response = await server.gql(flood);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', value: 60, max: 20 } }),
    ]);
  });

  test("the IDE's introspection query stays within the limits", async () => {
    const response = await server.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.__schema.queryType).toMatchObject({ name: 'Query' });
  });

  test('introspection nested past 20 levels is refused for depth', async () => {
    let inner = 'name';
    for (let i = 0; i < 20; i += 1) inner = `ofType { ${inner} }`;
    const response = await server.gql(`{ __type(name: "Official") { ${inner} } }`);
    expect(response.status).toBe(400);
    expect(response.body.errors![0]!.extensions).toMatchObject({ limit: 'depth', value: 22 });
  });

  test('a subscription is a client mistake: 400 BAD_REQUEST, not an internal error', async () => {
    const response = await server.gql(`subscription { officials { totalCount } }`);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ message: 'Subscriptions are not supported by this API; send a query or a mutation.', extensions: { code: 'BAD_REQUEST' } }),
    ]);
  });
});

describe('NEWSGRAPH_REQUIRE_READ_KEY=true: anonymous callers get nothing but 401', () => {
  let keyed: TestServer;
  beforeAll(async () => {
    keyed = await startTestServer({ env: { NEWSGRAPH_REQUIRE_READ_KEY: 'true' } });
  });
  afterAll(() => keyed.stop());

  const expected = {
    errors: [{ message: 'This operation needs an API key: send "Authorization: Bearer <key>".', extensions: { code: 'UNAUTHENTICATED' } }],
  };

  test.each([
    ['the exponential fragments', exponentialFragments()],
    ['a fragment cycle', fragmentCycle()],
    ['a misspelled field (no "Did you mean" hint)', `{ oficials { totalCount } }`],
    ['an over-budget operation (no cost)', `{ officials(first: 100) { nodes { meetings(first: 100) { nodes { participants { name } } } } } }`],
    ['a document that does not parse', `{ officials(`],
  ])('%s: 401 at once, nothing parsed or measured', async (_label, document) => {
    const { result, commands } = await keyed.countCommands(() => timed(() => keyed.gql(document, undefined, { key: null })));
    expect(result.ms).toBeLessThan(2000);
    expect(result.result.status).toBe(401);
    expect(result.result.body).toEqual(expected);
    expect(commands).toEqual([]);
  });

  test('a wrong key is 401 too; a valid key gets the real validation answer', async () => {
    const wrong = await keyed.gql(`{ oficials { totalCount } }`, undefined, { key: 'guess' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors![0]!.message).toBe('The API key sent in "Authorization" is not valid.');
    const valid = await keyed.gql(`{ oficials { totalCount } }`, undefined, { key: ingestKey });
    expect(valid.status).toBe(400);
    expect(valid.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('cost model', () => {
  // A budget of 1 makes every operation over budget, so the error states what it costs.
  let meter: TestServer;
  beforeAll(async () => {
    meter = await startTestServer({ env: { NEWSGRAPH_MAX_COST: '1' } });
  });
  afterAll(() => meter.stop());

  async function costOf(document: string): Promise<number> {
    const response = await meter.gql(document);
    expect(response.status).toBe(400);
    expect(response.body.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', budget: 1 });
    return response.body.errors![0]!.extensions!.cost;
  }

  test('lists without `first` are costed at their documented cap', async () => {
    // 1 meeting + 20 participants (Meeting.participants' cap).
    expect(await costOf(`{ meeting(id: "x") { participants { name } } }`)).toBe(21);
    // 1 article + 50 officials (the default cap) + 50 meetings connections + 50 × 20 meetings.
    expect(await costOf(`{ article(id: "x") { officials { meetings { nodes { id } } } } }`)).toBe(1101);
    // 1 conference + 100 editions (Conference.editions' cap) + 100 × 100 side meetings.
    expect(await costOf(`{ conference(id: "x") { editions { meetings { id } } } }`)).toBe(10101);
  });

  test('at the default budget, a page of meetings with their participants\' pages is over budget', async () => {
    const response = await server.gql(`{ meetings(first: 100) { nodes { participants { meetings(first: 50) { nodes { id } } } } } }`);
    // 1 connection + 100 meetings + 100 × 20 participants + 2000 connections + 2000 × 50 meetings.
    expect(response.status).toBe(400);
    expect(response.body.errors![0]!.extensions).toMatchObject({ limit: 'cost', cost: 104101, budget: 100000 });
  });

  test('article bodies are costed (50 each): 20 aliased pages of 100 bodies are over budget, the same pages without bodies are not', async () => {
    expect(await costOf(`{ articles(first: 10) { nodes { body } } }`)).toBe(1 + 10 + 10 * 50);
    const pages = (fields: string) => `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: articles(first: 100) { nodes { ${fields} } }`).join(' ')} }`;
    const withBodies = await server.gql(pages('id body'));
    expect(withBodies.status).toBe(400);
    expect(withBodies.body.errors![0]!.extensions).toMatchObject({ limit: 'cost', cost: 20 * (1 + 100 + 100 * 50) });
    const withoutBodies = await server.gql(pages('id'));
    expect(withoutBodies.body.errors).toBeUndefined();
  });

  test('aggregations are costed by what they scan: meetingStats 5000, search 2000, totalCount 100', async () => {
    expect(await costOf(`{ meetingStats(groupBy: COUNTRY) { total } }`)).toBe(5000);
    expect(await costOf(`{ search(query: "lima", first: 1) { totalCount } }`)).toBe(2000 + 1 + 100);
    expect(await costOf(`{ officials(first: 1) { totalCount } }`)).toBe(1 + 100);
    // The flood of the issue: 20 aliased meetingStats now fill the whole budget; anything more is refused.
    const stats = `${Array.from({ length: 20 }, (_, i) => `s${i}: meetingStats(groupBy: COUNTRY) { total }`).join(' ')}`;
    const over = await server.gql(`{ ${stats} officials(first: 1) { nodes { id } } }`);
    expect(over.status).toBe(400);
    expect(over.body.errors![0]!.extensions).toMatchObject({ limit: 'cost', cost: 100002 });
    const { result, commands } = await server.countCommands(() => server.gql(`{ s0: meetingStats(groupBy: COUNTRY) { total } }`));
    expect(result.body.errors).toBeUndefined();
    expect(commands.length).toBeGreaterThan(0);
  });
});

describe('lists without `first` are capped in the resolvers', () => {
  const participants = Array.from({ length: 25 }, (_, i) => `Envoy Number${String.fromCharCode(65 + i)} Person`);

  beforeAll(async () => {
    const response = await server.gql(
      `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id } } }`,
      {
        input: {
          url: 'https://news.example/2024/09/01/summit',
          source: 'Example Agency',
          publishedAt: '2024-09-01T10:00:00Z',
          body: [`${participants.join(', ')} met in Geneva.`],
          officials: participants.map((name) => ({ name, country: 'CH' })),
          meetings: [{ participants, date: '2024-09-01', city: 'Geneva', country: 'CH' }],
        },
      },
    );
    expect(response.body.errors).toBeUndefined();
  });

  test('a meeting of 25 participants lists its first 20; the article lists all 25 officials (cap 50)', async () => {
    const response = await server.gql(
      `{ articleByUrl(url: "https://news.example/2024/09/01/summit") { officials { name } meetings { participants { name } } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.articleByUrl.officials).toHaveLength(25);
    expect(response.body.data.articleByUrl.meetings[0].participants).toHaveLength(20);
  });
});

describe('response size', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startTestServer({ env: { NEWSGRAPH_MAX_RESPONSE_BYTES: '200000' } });
    const paragraph = 'The delegations discussed trade, energy and tourism at length. '.repeat(50);
    const response = await small.gql(`mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id } } }`, {
      input: {
        url: 'https://news.example/2024/10/01/long',
        source: 'Example Agency',
        publishedAt: '2024-10-01T10:00:00Z',
        body: Array.from({ length: 100 }, () => paragraph),
      },
    });
    expect(response.body.errors).toBeUndefined();
  });
  afterAll(() => small.stop());

  test('a response over NEWSGRAPH_MAX_RESPONSE_BYTES is one RESPONSE_TOO_LARGE error, not a partial huge body', async () => {
    const response = await fetch(small.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ articles { nodes { title body } } }` }),
    });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text.length).toBeLessThan(1000);
    expect(JSON.parse(text)).toEqual({
      errors: [
        {
          message:
            'The response would be larger than the limit of 200000 bytes; ask for fewer items or fields (article bodies are large), or split the operation.',
          extensions: { code: 'RESPONSE_TOO_LARGE', max: 200000 },
        },
      ],
    });
  });

  test('the same article without its body answers', async () => {
    const response = await small.gql(`{ articles { nodes { url } } }`);
    expect(response.body).toEqual({ data: { articles: { nodes: [{ url: 'https://news.example/2024/10/01/long' }] } } });
  });
});

describe('echo amplification', () => {
  test('a 1.9 MB id used by 26 fields comes back as a few kilobytes of errors', async () => {
    const id = 'x'.repeat(1_900_000);
    const fields = [
      ...Array.from({ length: 20 }, (_, i) => `o${i}: official(id: $id) { id }`),
      'meeting(id: $id) { id }',
      'conference(id: $id) { id }',
      'organization(id: $id) { id }',
      'article(id: $id) { id }',
      'node(id: $id) { id }',
      'meetings(filter: { participant: $id }) { totalCount }',
    ];
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestKey}` },
      body: JSON.stringify({ query: `query($id: ID!) { ${fields.join(' ')} }`, variables: { id } }),
    });
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.errors).toHaveLength(26);
    expect(text.length).toBeLessThan(26 * 600);
    for (const error of body.errors) {
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.message.length).toBeLessThanOrEqual(420);
    }
  });

  test('validation messages quote a short prefix of the input and its length', async () => {
    const response = await server.gql(`mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id } } }`, {
      input: { url: `https://news.example/${'a'.repeat(1000)}`, source: 'X', publishedAt: '2024-01-01T00:00:00Z', body: ['x'], officials: [{ name: 'Ana', country: 'Q'.repeat(1000) }] },
    });
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: `Expected an ISO 3166-1 alpha-2 country code for "input.officials[0].country", but got "${'Q'.repeat(60)}"… (1000 characters).`,
        extensions: { code: 'BAD_USER_INPUT', field: 'input.officials[0].country' },
      }),
    ]);
  });
});

describe('client mistakes: 4xx codes and warn-level, rate-limited log lines without stack traces', () => {
  const json = { 'content-type': 'application/json' };
  const query = JSON.stringify({ query: '{ officials { totalCount } }' });

  test('a corrupt gzip body is 400 BAD_REQUEST', async () => {
    const response = await post(Buffer.from('not gzip at all'), { ...json, 'content-encoding': 'gzip' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errors: [{ message: 'The request body could not be decompressed.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  test('a valid gzip body is read', async () => {
    const response = await post(zlib.gzipSync(query), { ...json, 'content-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.body.data.officials.totalCount).toBeGreaterThan(0);
  });

  test('a persisted-query hash that does not match the query is 400 BAD_REQUEST', async () => {
    const response = await post(
      JSON.stringify({ query: '{ officials { totalCount } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
      json,
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }]);
    const matching = createHash('sha256').update('{ officials { totalCount } }').digest('hex');
    const ok = await post(JSON.stringify({ query: '{ officials { totalCount } }', extensions: { persistedQuery: { version: 1, sha256Hash: matching } } }), json);
    expect(ok.status).toBe(200);
  });

  test('JSON in another charset than UTF-8 is 415, never decoded', async () => {
    const response = await post('{"query":"{ officials { totalCount } }"}', { 'content-type': 'application/json; charset=utf-7' });
    expect(response.status).toBe(415);
    expect(response.body).toEqual({
      errors: [{ message: 'Expected a JSON body in UTF-8, but got charset "utf-7".', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }],
    });
    const utf8 = await post(query, { 'content-type': 'application/json; charset=UTF-8' });
    expect(utf8.status).toBe(200);
  });

  test('a body that is not JSON at all (XML) is 415; an unknown content-encoding too', async () => {
    const xml = await post('<query/>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
    expect(xml.body.errors![0]!.extensions!.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // `compress` (LZW) is decoded by no Node version; zstd is by Node 24's zlib, so it would be no unknown encoding there
    const unknown = await post(query, { ...json, 'content-encoding': 'compress' });
    expect(unknown.status).toBe(415);
    expect(unknown.body.errors![0]!.extensions!.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  test('a flood of mistakes writes no error line, no stack trace, and at most 20 warn lines a minute', async () => {
    logs.lines.length = 0;
    for (let i = 0; i < 30; i += 1) await post(Buffer.from('not gzip'), { ...json, 'content-encoding': 'gzip' });
    for (let i = 0; i < 5; i += 1) await server.gql(`subscription { officials { totalCount } }`);
    const mistakes = logs.lines.filter((line) => line.msg !== 'graphql request');
    expect(mistakes.filter((line) => line.level >= 50)).toEqual([]);
    const warnings = mistakes.filter((line) => line.level === 40);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.length).toBeLessThanOrEqual(20);
    expect(JSON.stringify(mistakes)).not.toMatch(/stack|\.ts:\d+/);
  });
});

describe('article urls', () => {
  test.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'ftp://news.example/a', 'https://'])(
    '%s is refused with BAD_USER_INPUT naming input.url, nothing written',
    async (url) => {
      const before = await server.db.collection('articles').countDocuments();
      const response = await server.gql(`mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id } } }`, {
        input: { url, source: 'X', publishedAt: '2024-01-01T00:00:00Z', body: ['Ana Lima met John Otieno.'] },
      });
      expect(response.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'input.url' } })]);
      expect(await server.db.collection('articles').countDocuments()).toBe(before);
    },
  );

  test('http:, https: and urn: urls are accepted', async () => {
    for (const url of ['http://news.example/a', 'https://news.example/b', 'urn:newsgraph:test:c']) {
      const response = await server.gql(`mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { url } } }`, {
        input: { url, source: 'X', publishedAt: '2024-01-01T00:00:00Z', body: ['Nothing happened.'] },
      });
      expect(response.body).toEqual({ data: { ingestArticle: { article: { url } } } });
    }
  });
});

describe('HOST', () => {
  test('the API listens on 127.0.0.1 unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  test('a server listening on the configured host is not reachable on another interface of this machine', async () => {
    const { listen, createApp } = await import('../../src/server');
    const config = loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1' });
    const app = await createApp(server.database, config, logs.logger);
    const port = await listen(app, 0, config.host);
    try {
      expect(app.httpServer.address()).toMatchObject({ address: '127.0.0.1', port });
      const other = await new Promise<number | string>((resolve) => {
        const request = http.get({ host: '127.0.0.2', port, path: '/healthz', timeout: 2000 }, (res) => resolve(res.statusCode ?? 0));
        request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(other).toBe('ECONNREFUSED');
    } finally {
      await app.stop();
    }
  });
});
