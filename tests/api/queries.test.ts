/** Every query and relation, over HTTP, on the sample data in a real database. */
import { seedSampleData } from '../../src/services/seed';
import { startTestServer, type TestServer } from '../support/harness';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedSampleData(server.db, new Date('2024-01-01T00:00:00Z'));
});
afterAll(() => server.stop());

async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await server.gql<T>(query, variables);
  expect(response.body.errors).toBeUndefined();
  expect(response.status).toBe(200);
  return response.body.data!;
}

async function officialId(name: string): Promise<string> {
  const result = await data(`query($name: String) { officials(filter: { name: $name }) { nodes { id name } } }`, { name });
  expect(result.officials.nodes).toHaveLength(1);
  return result.officials.nodes[0].id;
}

describe('articles', () => {
  test('an article by url carries its text, offset-preserving date and facts', async () => {
    const result = await data(`{
      articleByUrl(url: "urn:newsgraph:sample:azernews-2023-09-28-iap28-london") {
        id url title source publishedAt
        body
        officials { name }
        meetings { participants { name } }
        conferences { name edition }
      }
    }`);
    const article = result.articleByUrl;
    expect(article.publishedAt).toBe('2023-09-28T17:49:00+04:00');
    expect(article.source).toBe('Azernews');
    expect(article.body).toHaveLength(11);
    expect(article.body[0]).toMatch(/^The delegation headed by Prosecutor General of Azerbaijan Kamran Aliyev/);
    expect(article.officials.map((o: any) => o.name).sort()).toEqual(
      ['Harj Dersi', 'Ilham Aliyev', 'Isfandiyar Hajiyev', 'Kamran Aliyev', 'Lucien Wong', 'Max Hill'],
    );
    expect(article.meetings).toHaveLength(5);
    expect(article.conferences.map((c: any) => c.edition).sort()).toEqual([28, 29]);

    const byId = await data(`query($id: ID!) { article(id: $id) { url } node(id: $id) { id ... on Article { url } } }`, { id: article.id });
    expect(byId).toEqual({ article: { url: article.url }, node: { id: article.id, url: article.url } });
  });

  test('articles are filtered by date range, source and official', async () => {
    const aliyev = await officialId('Kamran Aliyev');
    const query = `query($filter: ArticleFilter) { articles(filter: $filter) { totalCount nodes { source } } }`;
    const one = { articles: { totalCount: 1, nodes: [{ source: 'Azernews' }] } };
    const both = { articles: { totalCount: 2, nodes: [{ source: 'Azernews' }, { source: 'Azernews' }] } };
    const miss = { articles: { totalCount: 0, nodes: [] } };
    expect(await data(query, { filter: { from: '2023-09-28', to: '2023-09-28' } })).toEqual(one);
    expect(await data(query, { filter: { from: '2023-09-29', to: '2024-09-30' } })).toEqual(miss);
    expect(await data(query, { filter: { from: '2023-09-28T13:49:00Z', to: '2023-09-28T13:49:00Z' } })).toEqual(one);
    expect(await data(query, { filter: { from: '2023-09-28T13:49:01Z', to: '2024-09-30' } })).toEqual(miss);
    expect(await data(query, { filter: { source: 'AZERNEWS' } })).toEqual(both);
    expect(await data(query, { filter: { source: 'Xinhua' } })).toEqual(miss);
    expect(await data(query, { filter: { official: aliyev } })).toEqual(both);
  });
});

describe('officials', () => {
  test('an official with titles, organization, country, meetings, conferences, articles and counterparts', async () => {
    const id = await officialId('aliyev kamran');
    const result = await data(
      `query($id: ID!) { official(id: $id) {
        name aliases title
        titles { title article { source } }
        organization { name country { code } }
        country { code name }
        articles { totalCount nodes { source } }
        meetings(first: 10) { totalCount nodes { participants { name } counterpartCountries { code } } }
        conferences { nodes { edition } }
        counterparts { totalCount nodes { official { name } meetingCount firstMet { value } lastMet { value } topics } }
      } }`,
      { id },
    );
    const official = result.official;
    expect(official).toMatchObject({
      name: 'Kamran Aliyev',
      aliases: [],
      title: 'Prosecutor General',
      // One title per report that gave it.
      titles: [
        { title: 'Prosecutor General', article: { source: 'Azernews' } },
        { title: 'Prosecutor General', article: { source: 'Azernews' } },
      ],
      organization: { name: "Prosecutor General's Office", country: { code: 'AZ' } },
      country: { code: 'AZ', name: 'Azerbaijan' },
      articles: { totalCount: 2, nodes: [{ source: 'Azernews' }, { source: 'Azernews' }] },
      // Newest first: the plenary session he invited his Georgian counterpart to, then London.
      conferences: { nodes: [{ edition: null }, { edition: 28 }] },
    });
    expect(official.meetings.totalCount).toBe(5);
    expect(official.meetings.nodes[0].participants).toEqual([{ name: 'Kamran Aliyev' }, { name: 'Giorgi Gabitashvili' }]);
    const delegations = official.meetings.nodes.find((m: any) => m.counterpartCountries.length > 0);
    expect(delegations.counterpartCountries.map((c: any) => c.code)).toEqual(['US', 'BR', 'AT', 'AE', 'UA', 'MN']);
    // Most meetings first, then the most recent, then by name.
    expect(official.counterparts.totalCount).toBe(4);
    expect(official.counterparts.nodes.map((c: any) => c.official.name)).toEqual(['Giorgi Gabitashvili', 'Harj Dersi', 'Lucien Wong', 'Max Hill']);
    expect(official.counterparts.nodes[0]).toMatchObject({ meetingCount: 1, firstMet: { value: '2024-10-01' }, lastMet: { value: '2024-10-01' } });
    expect(official.counterparts.nodes[3]).toEqual({
      official: { name: 'Max Hill' },
      meetingCount: 1,
      firstMet: null,
      lastMet: null,
      topics: expect.arrayContaining(['combating organized crime', 'drug trafficking']),
    });
  });

  test('officials are filtered by partial name in any order and case, by country and by organization', async () => {
    const names = async (filter: Record<string, unknown>) =>
      (await data(`query($filter: OfficialFilter) { officials(filter: $filter) { nodes { name } } }`, { filter })).officials.nodes.map(
        (o: any) => o.name,
      );
    expect(await names({ name: 'ALIYEV' })).toEqual(['Ilham Aliyev', 'Kamran Aliyev']);
    expect(await names({ name: 'aliy kam' })).toEqual(['Kamran Aliyev']);
    expect(await names({ country: 'gb' })).toEqual(['Harj Dersi', 'Max Hill']);
    const org = await data(`{ officials(filter: { name: "Hajiyev" }) { nodes { organization { id } } } }`);
    expect(await names({ organization: org.officials.nodes[0].organization.id })).toEqual(['Isfandiyar Hajiyev', 'Kamran Aliyev']);
    expect(await names({ name: 'Nobody' })).toEqual([]);
  });

  test('pages through officials with stable cursors', async () => {
    const query = `query($after: String) { officials(first: 4, after: $after) {
      totalCount edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const first = (await data(query)).officials;
    expect(first.totalCount).toBe(7);
    expect(first.edges.map((e: any) => e.node.name)).toEqual(['Giorgi Gabitashvili', 'Harj Dersi', 'Ilham Aliyev', 'Isfandiyar Hajiyev']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0].cursor, endCursor: first.edges[3].cursor });
    const second = (await data(query, { after: first.pageInfo.endCursor })).officials;
    expect(second.edges.map((e: any) => e.node.name)).toEqual(['Kamran Aliyev', 'Lucien Wong', 'Max Hill']);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});

describe('meetings', () => {
  test('a meeting with participants, place, topics, outcome, conference, articles and evidence', async () => {
    const dersi = await officialId('Harj Dersi');
    const result = await data(
      `query($p: ID!) { meetings(filter: { participant: $p }) { nodes {
        id participants { name } counterpartCountries { code } date { value }
        place { city country { code name } } topics outcome status
        conference { edition name } articles { source }
        evidence { sentence start end article { source } }
      } } }`,
      { p: dersi },
    );
    const [meeting] = result.meetings.nodes;
    expect(meeting).toMatchObject({
      participants: [{ name: 'Kamran Aliyev' }, { name: 'Harj Dersi' }],
      counterpartCountries: [],
      date: null,
      place: { city: 'London', country: { code: 'GB', name: 'United Kingdom' } },
      outcome: 'Agreement reached on joint actions and close cooperation in this field',
      status: 'HELD',
      conference: { edition: 28 },
      articles: [{ source: 'Azernews' }],
    });
    expect(meeting.evidence).toHaveLength(1);
    expect(meeting.evidence[0].sentence).toMatch(/^At the meeting of the Prosecutor General with the head of the extradition department/);
    const article = await data(`{ articleByUrl(url: "urn:newsgraph:sample:azernews-2023-09-28-iap28-london") { body } }`);
    const body = article.articleByUrl.body.join('\n\n');
    expect(body.slice(meeting.evidence[0].start, meeting.evidence[0].end)).toBe(meeting.evidence[0].sentence);

    const again = await data(`query($id: ID!) { meeting(id: $id) { id } }`, { id: meeting.id });
    expect(again.meeting.id).toBe(meeting.id);
  });

  test('meetings are filtered by topic, country, status and date range', async () => {
    const count = async (filter: Record<string, unknown>) =>
      (await data(`query($filter: MeetingFilter) { meetings(filter: $filter) { totalCount } }`, { filter })).meetings.totalCount;
    expect(await count({})).toBe(6);
    expect(await count({ topic: 'TRAFFICKING' })).toBe(1);
    expect(await count({ country: 'GB' })).toBe(5);
    expect(await count({ country: 'AZ' })).toBe(1);
    expect(await count({ status: 'PLANNED' })).toBe(0);
    // Only the Baku meeting is dated (2024-10-01); undated meetings fall outside every range.
    expect(await count({ from: '2023' })).toBe(1);
    expect(await count({ from: '2024-10', to: '2024-10' })).toBe(1);
    expect(await count({ from: '2024-10-02' })).toBe(0);
    expect(await count({ to: '2024-09-30' })).toBe(0);
  });
});

describe('conferences', () => {
  test('a conference with organizer, place, dates, participants, side meetings and its series', async () => {
    const result = await data(`{ conferences(filter: { year: 2023 }) { nodes {
      name edition status place { city country { code } } startDate { value } endDate { value }
      organizer { name conferences { totalCount } }
      participants { name } meetings { participants { name } }
      previousEdition { edition } nextEdition { edition status place { city } startDate { value precision inferred } }
      editions { edition } articles { source } evidence { sentence }
    } } }`);
    expect(result.conferences.nodes).toHaveLength(1);
    const [conference] = result.conferences.nodes;
    expect(conference.participants).toHaveLength(2);
    expect(conference).toMatchObject({
      name: '28th annual conference and general meeting of the International Association of Prosecutors',
      edition: 28,
      status: 'HELD',
      place: { city: 'London', country: { code: 'GB' } },
      startDate: null,
      organizer: { name: 'International Association of Prosecutors', conferences: { totalCount: 3 } },
      participants: expect.arrayContaining([{ name: 'Kamran Aliyev' }, { name: 'Isfandiyar Hajiyev' }]),
      // The 27th and the 29th come from another report, merged into one series by organizer + edition.
      previousEdition: { edition: 27 },
      nextEdition: { edition: 29, status: 'PLANNED', place: { city: 'Baku' }, startDate: { value: '2024-09', precision: 'MONTH', inferred: false } },
      editions: [{ edition: 27 }, { edition: 28 }, { edition: 29 }],
      articles: [{ source: 'Azernews' }],
    });
    expect(conference.meetings).toHaveLength(5);
    expect(conference.evidence[0].sentence).toMatch(/^The delegation headed by/);
  });

  test('conferences are filtered by year, organizer, city and status', async () => {
    const names = async (filter: Record<string, unknown>) =>
      (await data(`query($filter: ConferenceFilter) { conferences(filter: $filter) { nodes { edition } } }`, { filter })).conferences.nodes.map(
        (c: any) => c.edition,
      );
    // Newest first: the plenary session (2024-11-15), the 29th IAP conference (2024-09), COP29 and
    // the 27th (undated, reported in 2024), the 28th (reported in 2023).
    expect(await names({})).toEqual([null, 29, 29, 27, 28]);
    expect(await names({ year: 2023 })).toEqual([28]);
    expect(await names({ city: 'baku' })).toEqual([null, 29]);
    expect(await names({ status: 'PLANNED' })).toEqual([null, 29, 29]);
    const organizer = (await data(`{ conferences(filter: { city: "London" }) { nodes { organizer { id } } } }`)).conferences.nodes[0].organizer.id;
    expect(await names({ organizer })).toEqual([29, 27, 28]);
    const org = await data(`query($id: ID!) { organization(id: $id) { name } node(id: $id) { ... on Organization { name } } }`, { id: organizer });
    expect(org).toEqual({ organization: { name: 'International Association of Prosecutors' }, node: { name: 'International Association of Prosecutors' } });
  });
});

describe('errors', () => {
  test('a malformed id is BAD_USER_INPUT naming the argument', async () => {
    const response = await server.gql(`{ official(id: "not-an-id") { name } }`);
    expect(response.body.data).toEqual({ official: null });
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: 'Expected an Official id for "id", but got "not-an-id".',
        path: ['official'],
        extensions: { code: 'BAD_USER_INPUT', field: 'id' },
      }),
    ]);
  });

  test('an id of another type is BAD_USER_INPUT too', async () => {
    const aliyev = await officialId('Kamran Aliyev');
    const response = await server.gql(`query($id: ID!) { meeting(id: $id) { id } }`, { id: aliyev });
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  test('a well-formed id of nothing is null, without an error', async () => {
    const missing = Buffer.from('Official:0123456789abcdef01234567').toString('base64url');
    const response = await server.gql(`query($id: ID!) { official(id: $id) { name } node(id: $id) { id } }`, { id: missing });
    expect(response.body).toEqual({ data: { official: null, node: null } });
  });

  test('bad page sizes, cursors and filters name the argument', async () => {
    const codeAndField = async (query: string) => {
      const response = await server.gql(query);
      return response.body.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);
    };
    expect(await codeAndField(`{ officials(first: 101) { totalCount } }`)).toEqual([['BAD_USER_INPUT', 'first']]);
    expect(await codeAndField(`{ officials(first: 0) { totalCount } }`)).toEqual([['BAD_USER_INPUT', 'first']]);
    expect(await codeAndField(`{ officials(after: "garbage") { totalCount } }`)).toEqual([['BAD_USER_INPUT', 'after']]);
    expect(await codeAndField(`{ meetings(filter: { from: "last week" }) { totalCount } }`)).toEqual([['BAD_USER_INPUT', 'filter.from']]);
    expect(await codeAndField(`{ officials(filter: { country: "Atlantis" }) { totalCount } }`)).toEqual([['BAD_USER_INPUT', 'filter.country']]);
  });
});

describe('node and organization relations', () => {
  test('node(id:) resolves every type from its id', async () => {
    const ids = await data(`{
      officials(first: 1) { nodes { id organization { id } } }
      meetings(first: 1) { nodes { id } }
      conferences(first: 1) { nodes { id } }
      articles(first: 1) { nodes { id } }
    }`);
    const cases: Array<[string, string]> = [
      [ids.officials.nodes[0].id, 'Official'],
      [ids.officials.nodes[0].organization.id, 'Organization'],
      [ids.meetings.nodes[0].id, 'Meeting'],
      [ids.conferences.nodes[0].id, 'Conference'],
      [ids.articles.nodes[0].id, 'Article'],
    ];
    for (const [id, type] of cases) {
      const result = await data(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(result.node).toEqual({ __typename: type, id });
    }
  });

  test('an organization lists its officials alphabetically, with pages', async () => {
    const org = (await data(`{ officials(filter: { name: "Kamran Aliyev" }) { nodes { organization { id } } } }`)).officials.nodes[0].organization.id;
    const first = await data(`query($id: ID!) { organization(id: $id) { name country { code } officials(first: 1) { totalCount nodes { name } pageInfo { hasNextPage endCursor } } } }`, { id: org });
    expect(first.organization).toMatchObject({
      name: "Prosecutor General's Office",
      country: { code: 'AZ' },
      officials: { totalCount: 2, nodes: [{ name: 'Isfandiyar Hajiyev' }], pageInfo: { hasNextPage: true } },
    });
    const next = await data(`query($id: ID!, $after: String) { organization(id: $id) { officials(first: 1, after: $after) { nodes { name } pageInfo { hasNextPage } } } }`, {
      id: org,
      after: first.organization.officials.pageInfo.endCursor,
    });
    expect(next.organization.officials).toEqual({ nodes: [{ name: 'Kamran Aliyev' }], pageInfo: { hasNextPage: false } });
  });
});
