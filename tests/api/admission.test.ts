/**
 * Admission control and the request deadline, over HTTP (issue 10): a flood
 * of expensive operations gets 503 quickly instead of queueing for ever,
 * rate limits answer 429, and a request past its deadline — or whose client
 * left — starts no further database command. The database is reached
 * through a proxy that delays every reply, so "past the deadline" happens
 * between two commands of one resolver, deterministically.
 */
import { execFile } from 'node:child_process';
import net from 'node:net';
import type { CommandStartedEvent } from 'mongodb';
import { connectDatabase } from '../../src/db/database';
import { ingestKey, readOnlyKey, startTestServer, testDatabaseUri, type TestServer } from '../support/harness';
import { seedReports } from '../support/reports';

/** A TCP proxy to the test database that holds every reply for `delayMs` (changeable; 0 passes replies on at once). */
async function delayingProxy(): Promise<{ uri: string; delayMs: number; close(): Promise<void> }> {
  const target = new URL(testDatabaseUri());
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 27017), target.hostname);
    sockets.add(client).add(upstream);
    client.on('data', (data) => upstream.write(data));
    // Chunks leave in arrival order: each waits for the one before it, then for its own delay.
    let previous = Promise.resolve();
    upstream.on('data', (data) => {
      const delay = proxy.delayMs;
      const ready = new Promise<void>((resolve) => setTimeout(resolve, delay));
      previous = Promise.all([previous, ready]).then(() => {
        if (client.writable) client.write(data);
      });
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const uri = new URL(target.toString());
  uri.host = `127.0.0.1:${port}`;
  uri.searchParams.set('directConnection', 'true');
  const proxy = {
    uri: uri.toString(),
    delayMs: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return proxy;
}

/** Seeds through a direct connection (the proxied one is slow on purpose). */
async function seedDirectly(server: TestServer): Promise<void> {
  const direct = await connectDatabase(testDatabaseUri(), server.db.databaseName);
  try {
    await seedReports(direct.db);
  } finally {
    await direct.close();
  }
}

/** Three database commands one after another inside one resolver: the officials of the countries, the meetings, their participants' countries. */
const threeRounds = `{ meetingStats(groupBy: COUNTRY, filter: { betweenCountries: ["PT", "KE"] }) { total } }`;

describe('the request deadline reaches the database', () => {
  const delayMs = 300;
  let proxy: Awaited<ReturnType<typeof delayingProxy>>;

  beforeAll(async () => {
    proxy = await delayingProxy();
  });
  afterEach(() => {
    proxy.delayMs = 0;
  });
  afterAll(() => proxy.close());

  async function serverWith(env: Record<string, string>): Promise<TestServer> {
    const server = await startTestServer({ uri: proxy.uri, env: { NEWSGRAPH_DB_TIMEOUT_MS: '5000', ...env } });
    await seedDirectly(server);
    return server;
  }

  function recordCommands(server: TestServer): { events: Array<{ at: number; event: CommandStartedEvent }>; stop(): void } {
    const events: Array<{ at: number; event: CommandStartedEvent }> = [];
    const stop = server.database.onCommand((event) => events.push({ at: Date.now(), event }));
    return { events, stop };
  }

  test('uninterrupted, the operation sends its three commands in turn', async () => {
    const server = await serverWith({});
    try {
      const started = Date.now();
      proxy.delayMs = delayMs;
      const recorder = recordCommands(server);
      const response = await server.gql(threeRounds);
      recorder.stop();
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.meetingStats.total).toBeGreaterThan(0);
      expect(recorder.events.map(({ event }) => event.commandName)).toEqual(['find', 'find', 'find']);
      // The delay is real: three replies held 300 ms each.
      expect(Date.now() - started).toBeGreaterThanOrEqual(3 * delayMs);
    } finally {
      await server.stop();
    }
  });

  test('past NEWSGRAPH_REQUEST_TIMEOUT_MS no new command starts, and maxTimeMS never exceeds the time left', async () => {
    const server = await serverWith({ NEWSGRAPH_REQUEST_TIMEOUT_MS: '500' });
    try {
      proxy.delayMs = delayMs;
      const recorder = recordCommands(server);
      const sent = Date.now();
      const response = await server.gql(threeRounds);
      // Anything the request would still start would show up within this wait.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      recorder.stop();
      expect(response.status).toBe(503);
      expect(response.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'REQUEST_TIMEOUT' } })]);
      // The third command would start about 600 ms in, after the 500 ms deadline.
      expect(recorder.events.length).toBeGreaterThanOrEqual(1);
      expect(recorder.events.length).toBeLessThanOrEqual(2);
      for (const { at, event } of recorder.events) {
        expect(at - sent).toBeLessThan(500 + 100);
        expect(event.command.maxTimeMS).toBeLessThanOrEqual(500);
      }
      if (recorder.events.length === 2) expect(recorder.events[1]!.event.command.maxTimeMS).toBeLessThanOrEqual(500 - delayMs + 50);
    } finally {
      await server.stop();
    }
  });

  test('once the client disconnects, no new command starts', async () => {
    const server = await serverWith({});
    try {
      proxy.delayMs = delayMs;
      const recorder = recordCommands(server);
      const aborter = new AbortController();
      const request = fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: threeRounds }),
        signal: aborter.signal,
      }).catch((error: Error) => error);
      // As soon as the first command is in flight (its reply is held 300 ms), the client leaves.
      while (recorder.events.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      aborter.abort();
      expect(await request).toMatchObject({ name: 'AbortError' });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      recorder.stop();
      expect(recorder.events.map(({ event }) => event.commandName)).toEqual(['find']);
    } finally {
      await server.stop();
    }
  });
});

describe('mutations', () => {
  test('a mutation is not cut by the query time limit: it answers with its data and everything is written', async () => {
    const server = await startTestServer({ env: { NEWSGRAPH_REQUEST_TIMEOUT_MS: '1' } });
    try {
      const query = await server.gql(`{ officials(first: 3) { nodes { meetings(first: 3) { nodes { participants { name } } } } } }`);
      expect(query.status).toBe(503);
      const response = await server.gql(
        `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { url officials { name } } changes { type status } } }`,
        {
          input: {
            url: 'https://news.example/2024/05/06/visit',
            source: 'Example Agency',
            publishedAt: '2024-05-06T10:00:00+03:00',
            body: ['Foreign Minister Ana Lima met John Otieno in Nairobi today.'],
            officials: [
              { name: 'Ana Lima', country: 'PT' },
              { name: 'John Otieno', country: 'KE' },
            ],
            meetings: [{ participants: ['Ana Lima', 'John Otieno'], date: '2024-05-06', city: 'Nairobi', country: 'KE' }],
          },
        },
      );
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.ingestArticle.article.officials).toHaveLength(2);
      expect(await server.db.collection('meetings').countDocuments()).toBe(1);
      expect(await server.db.collection('articles').countDocuments()).toBe(1);
    } finally {
      await server.stop();
    }
  });
});

describe('concurrency limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { NEWSGRAPH_MAX_CONCURRENT: '2', NEWSGRAPH_MAX_QUEUED: '3' } });
    await seedReports(server.db);
  });
  afterAll(() => server.stop());

  // Ten aliased scans of every meeting: cost 50000, within the budget.
  const flood = `{ ${Array.from({ length: 10 }, (_, i) => `s${i}: meetingStats(groupBy: COUNTRY) { total }`).join(' ')} }`;

  async function send(query: string): Promise<{ status: number; ms: number; retryAfter: string | null; body: any }> {
    const started = Date.now();
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = await response.json();
    return { status: response.status, ms: Date.now() - started, retryAfter: response.headers.get('retry-after'), body };
  }

  /**
   * The flood comes from another process, as it would from other machines:
   * sharing this process's event loop with the server would slow the sending,
   * not the server. All requests are started at once; each reports its status,
   * Retry-After, body and time.
   */
  function floodFromChild(count: number, query: string): Promise<Array<{ status: number; ms: number; retryAfter: string | null; body: any }>> {
    const script = `
      const send = async () => {
        const started = Date.now();
        const response = await fetch(process.env.URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: process.env.BODY });
        const body = await response.json();
        return { status: response.status, ms: Date.now() - started, retryAfter: response.headers.get('retry-after'), body };
      };
      Promise.all(Array.from({ length: Number(process.env.COUNT) }, send)).then((results) => process.stdout.write(JSON.stringify(results)));
    `;
    return new Promise((resolve, reject) => {
      const child = execFile(
        process.execPath,
        ['-e', script],
        { env: { ...process.env, URL: server.url, BODY: JSON.stringify({ query }), COUNT: String(count) }, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))),
      );
      child.stdin?.end();
    });
  }

  test('200 concurrent floods: at most 2 run and 3 wait, the rest get 503 with Retry-After quickly; a normal query answers', async () => {
    const flooding = floodFromChild(200, flood);
    // Once the flood is under way, an ordinary query.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const normal = await send(`{ officials(first: 1) { nodes { name } } }`);
    const results = await flooding;

    expect(results).toHaveLength(200);
    expect(results.every((result) => result.status === 200 || result.status === 503)).toBe(true);
    const refused = results.filter((result) => result.status === 503);
    expect(refused.length).toBeGreaterThanOrEqual(150);
    for (const result of refused) {
      expect(result.retryAfter).toBe('1');
      expect(result.body).toEqual({ errors: [{ message: 'The server is busy; retry in a second.', extensions: { code: 'OVERLOADED' } }] });
    }
    // Refusals never wait for the work ahead of them (15 s of it at most): generous bounds for a shared two-core machine,
    // where starting 200 requests at once from a cold process alone takes a second or more.
    const times = refused.map((result) => result.ms).sort((a, b) => a - b);
    expect(times[Math.floor(times.length / 2)]!).toBeLessThan(5000);
    expect(times[times.length - 1]!).toBeLessThan(15000);
    for (const result of results.filter((r) => r.status === 200)) expect(result.body.data.s9.total).toBeGreaterThan(0);
    expect([200, 503]).toContain(normal.status);
    expect(normal.ms).toBeLessThan(15000);

    const after = await send(`{ officials(first: 1) { nodes { name } } }`);
    expect(after.status).toBe(200);
    expect(after.body.data.officials.nodes).toHaveLength(1);
  });
});

describe('rate limits', () => {
  test('per client address: NEWSGRAPH_RATE_LIMIT_PER_ADDRESS=6 allows a burst of 1, then 429 with Retry-After', async () => {
    const server = await startTestServer({ env: { NEWSGRAPH_RATE_LIMIT_PER_ADDRESS: '6' } });
    try {
      const first = await server.gql(`{ officials { totalCount } }`, undefined, { key: null });
      expect(first.status).toBe(200);
      const { result: second, commands } = await server.countCommands(() => server.gql(`{ officials { totalCount } }`, undefined, { key: null }));
      expect(second.status).toBe(429);
      expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(second.headers.get('retry-after'))).toBeLessThanOrEqual(10);
      expect(second.body).toEqual({
        errors: [{ message: expect.stringMatching(/^Too many requests from this address; retry in \d+ s\.$/), extensions: { code: 'RATE_LIMITED' } }],
      });
      expect(commands).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  test('per API key: NEWSGRAPH_RATE_LIMIT_PER_KEY=12 allows 2 at once per key; other keys and anonymous callers are not affected', async () => {
    const server = await startTestServer({ env: { NEWSGRAPH_RATE_LIMIT_PER_KEY: '12' } });
    try {
      const read = `{ officials { totalCount } }`;
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await server.gql(read, undefined, { key: ingestKey })).status);
      expect(statuses).toEqual([200, 200, 429]);
      const limited = await server.gql(read, undefined, { key: ingestKey });
      expect(limited.body.errors![0]!.message).toMatch(/^Too many requests from this API key; retry in \d+ s\.$/);
      expect((await server.gql(read, undefined, { key: readOnlyKey })).status).toBe(200);
      for (let i = 0; i < 5; i += 1) expect((await server.gql(read, undefined, { key: null })).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
