/**
 * Every limit at its documented default (README "Limits"), over HTTP: depth,
 * list nesting, aliases, tokens, cost, page size, body size, batching, the
 * per-request time limit and maxTimeMS on database commands.
 */
import type { CommandStartedEvent } from 'mongodb';
import { startTestServer, type TestServer } from '../support/harness';
import { seedReports } from '../support/reports';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedReports(server.db);
});
afterAll(() => server.stop());

/** `levels` nested official → organization → officials hops, each page of one. */
function deepQuery(hops: number, leaf = 'name'): string {
  let inner = leaf;
  for (let i = 0; i < hops; i += 1) inner = `organization { officials(first: 1) { nodes { ${inner} } } }`;
  return `{ officials(first: 1) { nodes { ${inner} } } }`;
}

test('the defaults are the documented ones', () => {
  expect(server.config.limits).toEqual({
    maxDepth: 12,
    maxListNesting: 5,
    maxAliases: 20,
    maxTokens: 2000,
    maxCost: 100000,
    requestTimeoutMs: 15000,
    mutationTimeoutMs: 60000,
    maxResponseBytes: 5 * 1024 * 1024,
  });
  expect(server.config.maxBodyBytes).toBe(2 * 1024 * 1024);
});

describe('query depth', () => {
  test('12 levels run; 13 are rejected before execution with GRAPHQL_VALIDATION_FAILED', async () => {
    // officials, nodes, then 3 per hop, then the leaf: 2 + 3 × 3 + 1 = 12.
    const allowed = await server.gql(deepQuery(3));
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data.officials.nodes).toHaveLength(1);

    const { result: rejected, commands } = await server.countCommands(() => server.gql(deepQuery(3, 'organization { name }')));
    expect(rejected.status).toBe(400);
    expect(rejected.body).toEqual({
      errors: [
        {
          message: 'The operation nests fields 13 deep; at most 12 levels are allowed.',
          locations: [{ line: 1, column: 1 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth', value: 13, max: 12 },
        },
      ],
    });
    expect(commands).toEqual([]);
  });

  test('fragments count at the depth they are spread', async () => {
    const viaFragment = `query { officials(first: 1) { nodes { ...Deep } } }
      fragment Deep on Official { organization { officials(first: 1) { nodes { organization { officials(first: 1) { nodes {
        organization { officials(first: 1) { nodes { organization { name } } } } } } } } } } }`;
    const response = await server.gql(viaFragment);
    expect(response.body.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth', value: 13 });
  });
});

describe('list nesting', () => {
  const nested = (lists: number) => {
    // articles.nodes, officials, meetings.nodes, participants, then meetings.nodes again: 1 list each.
    const steps = ['articles(first: 1) { nodes {', 'officials {', 'meetings(first: 1) { nodes {', 'participants {', 'meetings(first: 1) { nodes {', 'participants {'];
    const closers = ['} }', '}', '} }', '}', '} }', '}'];
    return `{ ${steps.slice(0, lists).join(' ')} id ${closers.slice(0, lists).reverse().join(' ')} }`;
  };

  test('5 lists inside each other run; 6 are rejected', async () => {
    const allowed = await server.gql(nested(5));
    expect(allowed.body.errors).toBeUndefined();
    const rejected = await server.gql(nested(6));
    expect(rejected.status).toBe(400);
    expect(rejected.body.errors).toEqual([
      {
        message: 'The operation nests 6 lists inside each other; at most 5 are allowed.',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'listNesting', value: 6, max: 5 },
      },
    ]);
  });
});

describe('aliases', () => {
  const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: officials(first: 1) { totalCount }`).join(' ')} }`;

  test('20 aliases run; 21 are rejected', async () => {
    const allowed = await server.gql(aliased(20));
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data.a19).toEqual({ totalCount: 3 });
    const rejected = await server.gql(aliased(21));
    expect(rejected.status).toBe(400);
    expect(rejected.body.errors).toEqual([
      {
        message: 'The operation uses 21 aliases; at most 20 are allowed.',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', value: 21, max: 20 },
      },
    ]);
  });
});

describe('tokens', () => {
  test('a document of more than 2000 tokens is not parsed', async () => {
    // 15 tokens of query around the list of types: 15 + 1985 = 2000.
    const withTypes = (count: number) => `{ search(query: "x", types: [${'OFFICIAL '.repeat(count)}]) { totalCount } }`;
    const allowed = await server.gql(withTypes(1985));
    expect(allowed.body).toEqual({ data: { search: { totalCount: 0 } } });
    const rejected = await server.gql(withTypes(1986));
    expect(rejected.status).toBe(400);
    expect(rejected.body.errors).toEqual([
      {
        // graphql-js's own wording, "more that" included.
        message: 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.',
        locations: [{ line: 1, column: expect.any(Number) }],
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      },
    ]);
  });
});

describe('cost', () => {
  const costly = `query($outer: Int, $inner: Int) {
    officials(first: $outer) { nodes { meetings(first: $inner) { nodes { participants { name } } } } }
  }`;

  test('list sizes multiply; an over-budget query is rejected before execution, stating its cost and the budget', async () => {
    // 1 connection + 100 officials + 100 connections + 100 × 100 meetings + 100 × 100 × 20 participants (Meeting.participants' cap).
    const { result, commands } = await server.countCommands(() => server.gql(costly, { outer: 100, inner: 100 }));
    expect(result.status).toBe(400);
    expect(result.body).toEqual({
      errors: [
        {
          message: 'The operation would cost 210201, over the budget of 100000: ask for fewer items ("first") in nested lists, or split it.',
          locations: [{ line: 1, column: 1 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', cost: 210201, budget: 100000 },
        },
      ],
    });
    expect(commands).toEqual([]);
  });

  test('the same shape with smaller pages runs', async () => {
    const response = await server.gql(costly, { outer: 10, inner: 10 });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.officials.nodes).toHaveLength(3);
  });

  test('literal arguments and defaults count like variables', async () => {
    const literal = await server.gql(`{ officials(first: 100) { nodes { meetings(first: 100) { nodes { participants { name } } } } } }`);
    expect(literal.body.errors![0]!.extensions).toMatchObject({ limit: 'cost', cost: 210201 });
    const variableDefault = await server.gql(`query($n: Int = 100) { officials(first: $n) { nodes { meetings(first: $n) { nodes { participants { name } } } } } }`);
    expect(variableDefault.body.errors![0]!.extensions).toMatchObject({ limit: 'cost', cost: 210201 });
    // Without `first`, each connection counts its default of 20, participants their cap of 20: 1 + 20 + 20 + 400 + 8000 + 8000 + 160000.
    const defaults = await server.gql(`{ officials { nodes { meetings { nodes { participants { meetings { nodes { id } } } } } } } }`);
    expect(defaults.body.errors![0]!.extensions).toMatchObject({ limit: 'cost', cost: 176441 });
  });
});

describe('page size', () => {
  test.each([0, 101, -1])('first: %d is BAD_USER_INPUT naming "first"', async (first) => {
    const response = await server.gql(`query($first: Int) { search(query: "lima", first: $first) { totalCount } }`, { first });
    expect(response.body.errors).toEqual([
      {
        message: `Expected "first" between 1 and 100, but got ${first}.`,
        path: ['search'],
        locations: [{ line: 1, column: 22 }],
        extensions: { code: 'BAD_USER_INPUT', field: 'first' },
      },
    ]);
  });

  test('first: 100 is allowed', async () => {
    const response = await server.gql(`{ officials(first: 100) { nodes { name } } }`);
    expect(response.body.data.officials.nodes).toHaveLength(3);
  });
});

describe('HTTP', () => {
  test('a body over 2 MiB is refused with 413 and PAYLOAD_TOO_LARGE', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is larger than the limit of 2097152 bytes.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  test('a body that is not JSON is refused with 400 and BAD_REQUEST', async () => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  test('batched operations (a JSON array) are refused', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ officials { totalCount } }' }, { query: '{ officials { totalCount } }' }]),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] });
  });
});

describe('time', () => {
  test('every database command a request sends carries maxTimeMS', async () => {
    const events: CommandStartedEvent[] = [];
    const stop = server.database.onCommand((event) => events.push(event));
    try {
      const lima = await server.gql(`{ search(query: "lima", types: [OFFICIAL]) { nodes { ... on Official { id } } } }`);
      const id = lima.body.data.search.nodes[0].id;
      const response = await server.gql(
        `query($id: ID!) {
          search(query: "lima") { totalCount nodes { __typename } }
          official(id: $id) { timeline { totalCount } counterparts { totalCount } articles { totalCount } conferences { nodes { editions { id } } } }
          meetings(filter: { betweenCountries: ["PT", "KE"], topic: "trade" }) { totalCount nodes { participants { id } conference { id } articles { id } } }
          meetingStats(groupBy: COUNTRY) { total }
          articleByUrl(url: "https://news.example/2024/07/10/ankara") { officials { id } }
          articles { totalCount } conferences { totalCount } officials(filter: { name: "ana" }) { totalCount }
        }`,
        { id },
      );
      expect(response.body.errors).toBeUndefined();
    } finally {
      stop();
    }
    expect(events.length).toBeGreaterThan(15);
    const withoutLimit = events.filter((event) => event.command.maxTimeMS !== server.config.dbTimeoutMs).map((event) => event.command);
    expect(withoutLimit).toEqual([]);
  });

  test('a request that outlives NEWSGRAPH_REQUEST_TIMEOUT_MS stops with one REQUEST_TIMEOUT error', async () => {
    const hurried = await startTestServer({ env: { NEWSGRAPH_REQUEST_TIMEOUT_MS: '1' } });
    try {
      await seedReports(hurried.db);
      // Four rounds of database queries, one after another: far more than 1 ms.
      const response = await hurried.gql(
        `{ officials(first: 3) { nodes { meetings(first: 3) { nodes { participants { conferences(first: 2) { nodes { name } } } } } } } }`,
      );
      expect(response.status).toBe(503);
      const errors = response.body.errors!;
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({
        message: 'The request ran longer than its limit of 1 ms; ask for less.',
        extensions: { code: 'REQUEST_TIMEOUT' },
      });
    } finally {
      await hurried.stop();
    }
  });
});
