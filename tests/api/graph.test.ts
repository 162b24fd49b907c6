/** Traversal and aggregation over HTTP: timeline, counterparts, series, meetings between countries, meetingStats. */
import { startTestServer, type TestServer } from '../support/harness';
import { seedReports } from '../support/reports';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedReports(server.db);
});
afterAll(() => server.stop());

async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await server.gql<T>(query, variables, { key: null });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!;
}

async function officialId(name: string): Promise<string> {
  const result = await data(`query($q: String!) { search(query: $q, types: [OFFICIAL]) { nodes { ... on Official { id } } } }`, { q: name });
  expect(result.search.nodes).toHaveLength(1);
  return result.search.nodes[0].id;
}

const timelineQuery = `query($id: ID!, $first: Int, $after: String) { official(id: $id) { timeline(first: $first, after: $after) {
  totalCount
  edges { date { value precision } node { __typename ... on Meeting { topics } ... on Conference { edition } } }
  pageInfo { hasNextPage endCursor }
} } }`;

describe('Official.timeline', () => {
  test('meetings and conferences in one list, oldest first, month-only dates before the days of that month', async () => {
    const result = await data(timelineQuery, { id: await officialId('Ana Lima') });
    expect(result.official.timeline).toEqual({
      totalCount: 5,
      edges: [
        { date: { value: '2024-05-06', precision: 'DAY' }, node: { __typename: 'Meeting', topics: ['coffee exports', 'Trade'] } },
        { date: { value: '2024-05-07', precision: 'DAY' }, node: { __typename: 'Conference', edition: 3 } },
        { date: { value: '2024-06', precision: 'MONTH' }, node: { __typename: 'Meeting', topics: ['tourism'] } },
        { date: { value: '2024-06-01', precision: 'DAY' }, node: { __typename: 'Meeting', topics: ['energy', 'TRADE'] } },
        { date: { value: '2025', precision: 'YEAR' }, node: { __typename: 'Conference', edition: 4 } },
      ],
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
    });
  });

  test('undated events come last, and the timeline pages with cursors', async () => {
    const id = await officialId('John Otieno');
    const first = (await data(timelineQuery, { id, first: 3 })).official.timeline;
    expect(first.edges.map((e: any) => e.date?.value ?? null)).toEqual(['2024-05-06', '2024-05-07', '2024-07-10']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await data(timelineQuery, { id, first: 3, after: first.pageInfo.endCursor })).official.timeline;
    expect(rest.edges).toEqual([{ date: null, node: { __typename: 'Meeting', topics: ['visas'] } }]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });
});

describe('Official.counterparts (from the spine, checked on these reports)', () => {
  test('officials met with meeting count, first and last dates and topics; most meetings first, then most recent', async () => {
    const cavusoglu = await data(
      `query($id: ID!) { official(id: $id) { counterparts { totalCount nodes { official { name } meetingCount firstMet { value } lastMet { value } topics } } } }`,
      { id: await officialId('cavusoglu') },
    );
    expect(cavusoglu.official.counterparts).toEqual({
      totalCount: 2,
      nodes: [
        // One of the two meetings is undated: it counts, but gives no date.
        { official: { name: 'John Otieno' }, meetingCount: 2, firstMet: { value: '2024-07-10' }, lastMet: { value: '2024-07-10' }, topics: ['Trade', 'visas'] },
        { official: { name: 'Ana Maria Lima' }, meetingCount: 1, firstMet: { value: '2024-06-01' }, lastMet: { value: '2024-06-01' }, topics: ['energy', 'TRADE'] },
      ],
    });
    const lima = await data(
      `query($id: ID!) { official(id: $id) { counterparts(first: 1) { nodes { official { name } } pageInfo { hasNextPage } } } }`,
      { id: await officialId('Ana Lima') },
    );
    expect(lima.official.counterparts).toEqual({ nodes: [{ official: { name: 'Mevlüt Çavuşoğlu' } }], pageInfo: { hasNextPage: true } });
  });
});

describe('conference series (from the spine, checked on these reports)', () => {
  test('previousEdition, nextEdition and editions link the editions of one organizer', async () => {
    const result = await data(`{ conferences { nodes {
      edition previousEdition { edition } nextEdition { edition } editions { edition }
    } } }`);
    expect(result.conferences.nodes).toEqual([
      { edition: 4, previousEdition: { edition: 3 }, nextEdition: null, editions: [{ edition: 3 }, { edition: 4 }] },
      { edition: 3, previousEdition: null, nextEdition: { edition: 4 }, editions: [{ edition: 3 }, { edition: 4 }] },
    ]);
  });
});

describe('meetings between countries', () => {
  const between = async (filter: Record<string, unknown>) =>
    (await data(`query($filter: MeetingFilter) { meetings(filter: $filter) { nodes { topics } } }`, { filter })).meetings.nodes.map(
      (m: any) => m.topics[0],
    );

  test('named participants and counterpart countries both represent a country', async () => {
    // Ana Lima (PT) met John Otieno (KE), and separately a Kenyan delegation.
    // Topics are stored in alphabetical order (the same whatever order reports arrive in).
    expect(await between({ betweenCountries: ['PT', 'KE'] })).toEqual(['tourism', 'coffee exports']);
    expect(await between({ betweenCountries: ['ke', 'tr'] })).toEqual(['Trade', 'visas']);
    expect(await between({ betweenCountries: ['PT', 'TR'] })).toEqual(['energy']);
    expect(await between({ betweenCountries: ['PT', 'KE', 'TR'] })).toEqual([]);
    expect(await between({ betweenCountries: ['PT'] })).toEqual(['energy', 'tourism', 'coffee exports']);
  });

  test('combines with a period', async () => {
    expect(await between({ betweenCountries: ['KE', 'TR'], from: '2024-07', to: '2024-07-31' })).toEqual(['Trade']);
    expect(await between({ betweenCountries: ['PT', 'KE'], from: '2024-06-01', to: '2024-12' })).toEqual([]);
    expect(await between({ betweenCountries: ['PT', 'KE'], from: '2024-06', to: '2024-06' })).toEqual(['tourism']);
  });

  test.each([
    [[], 'Expected 1 to 10 country codes in "filter.betweenCountries", but got 0.', 'filter.betweenCountries'],
    [['PT', 'pt'], 'Expected distinct country codes in "filter.betweenCountries", but "PT" is given twice.', 'filter.betweenCountries'],
    [['PT', 'Kenya'], 'Expected an ISO 3166-1 alpha-2 country code for "filter.betweenCountries[1]", but got "Kenya".', 'filter.betweenCountries[1]'],
  ])('%j is BAD_USER_INPUT naming the field', async (codes, message, field) => {
    const response = await server.gql(`query($c: [String!]) { meetings(filter: { betweenCountries: $c }) { totalCount } }`, { c: codes });
    expect(response.body.errors).toEqual([
      { message, path: ['meetings'], locations: [{ line: 1, column: 24 }], extensions: { code: 'BAD_USER_INPUT', field } },
    ]);
  });
});

describe('meetingStats', () => {
  const statsQuery = `query($groupBy: MeetingStatsGroup!, $filter: MeetingFilter) {
    meetingStats(groupBy: $groupBy, filter: $filter) { groupBy total buckets { key label count } }
  }`;
  const stats = async (groupBy: string, filter?: Record<string, unknown>) => (await data(statsQuery, { groupBy, filter })).meetingStats;

  test('by COUNTRY counts each meeting once for every country represented', async () => {
    expect(await stats('COUNTRY')).toEqual({
      groupBy: 'COUNTRY',
      total: 5,
      buckets: [
        { key: 'KE', label: 'Kenya', count: 4 },
        { key: 'PT', label: 'Portugal', count: 3 },
        { key: 'TR', label: expect.stringMatching(/^T[uü]rk/), count: 3 },
      ],
    });
  });

  test('by TOPIC folds case and keeps the first spelling as the label', async () => {
    expect(await stats('TOPIC')).toEqual({
      groupBy: 'TOPIC',
      total: 5,
      buckets: [
        { key: 'trade', label: 'Trade', count: 3 },
        { key: 'coffee exports', label: 'coffee exports', count: 1 },
        { key: 'energy', label: 'energy', count: 1 },
        { key: 'tourism', label: 'tourism', count: 1 },
        { key: 'visas', label: 'visas', count: 1 },
      ],
    });
  });

  test('by MONTH in calendar order; undated meetings count in the total only', async () => {
    expect(await stats('MONTH')).toEqual({
      groupBy: 'MONTH',
      total: 5,
      buckets: [
        { key: '2024-05', label: '2024-05', count: 1 },
        { key: '2024-06', label: '2024-06', count: 2 },
        { key: '2024-07', label: '2024-07', count: 1 },
      ],
    });
  });

  test('takes the same filter as meetings', async () => {
    expect(await stats('MONTH', { betweenCountries: ['KE', 'TR'] })).toEqual({
      groupBy: 'MONTH',
      total: 2,
      buckets: [{ key: '2024-07', label: '2024-07', count: 1 }],
    });
    expect(await stats('COUNTRY', { topic: 'energy' })).toEqual({
      groupBy: 'COUNTRY',
      total: 1,
      buckets: [
        { key: 'PT', label: 'Portugal', count: 1 },
        { key: 'TR', label: expect.stringMatching(/^T[uü]rk/), count: 1 },
      ],
    });
  });

  test('an unknown groupBy is rejected before anything runs', async () => {
    const response = await server.gql(statsQuery, { groupBy: 'CITY' });
    expect(response.status).toBe(400);
    expect(response.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
