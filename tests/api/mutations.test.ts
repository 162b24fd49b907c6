/** Writes over HTTP: idempotent upserts, merging across reports, validation, auth. */
import fs from 'node:fs';
import path from 'node:path';
import { sampleDataDir } from '../../src/services/seed';
import { ingestKey, readOnlyKey, startTestServer, type TestServer } from '../support/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
beforeEach(async () => {
  // The read models too: they index the entities being wiped behind the service's back.
  for (const collection of ['articles', 'officials', 'organizations', 'meetings', 'conferences', 'readModels']) {
    await server.db.collection(collection).deleteMany({});
  }
});

const ingest = `mutation($input: IngestArticleInput!) {
  ingestArticle(input: $input) { article { id url title } changes { type id key status } }
}`;

const sample = JSON.parse(
  fs.readFileSync(path.join(sampleDataDir, fs.readdirSync(sampleDataDir).find((f) => f.endsWith('.json'))!), 'utf8'),
);

async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const collection of ['articles', 'officials', 'organizations', 'meetings', 'conferences']) {
    result[collection] = await server.db.collection(collection).countDocuments();
  }
  return result;
}

function statuses(changes: Array<{ type: string; status: string }>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const change of changes) {
    out[change.type] ??= {};
    out[change.type]![change.status] = (out[change.type]![change.status] ?? 0) + 1;
  }
  return out;
}

/** A small report of our own, in the shape the ingestion script sends. */
function report(overrides: Record<string, unknown> = {}) {
  return {
    url: 'https://news.example/2024/05/06/visit',
    source: 'Example Agency',
    publishedAt: '2024-05-06T10:00:00+03:00',
    body: ['Foreign Minister Ana Lima met her Kenyan counterpart John Otieno in Nairobi today.', 'They discussed trade.'],
    officials: [
      { name: 'Ana Lima', title: 'Foreign Minister', organization: 'Ministry of Foreign Affairs', country: 'PT' },
      { name: 'John Otieno', title: 'Foreign Minister', country: 'KE' },
    ],
    meetings: [
      {
        participants: ['Ana Lima', 'John Otieno'],
        date: '2024-05-06',
        dateInferred: true,
        city: 'Nairobi',
        country: 'KE',
        topics: ['trade'],
        evidence: { sentence: 'Foreign Minister Ana Lima met her Kenyan counterpart John Otieno in Nairobi today.', start: 0, end: 82 },
      },
    ],
    conferences: [],
    ...overrides,
  };
}

describe('ingestArticle', () => {
  test('creates every entity once, then reports them unchanged when sent again', async () => {
    const first = await server.gql(ingest, { input: sample });
    expect(first.body.errors).toBeUndefined();
    expect(statuses(first.body.data.ingestArticle.changes)).toEqual({
      ORGANIZATION: { CREATED: 4 },
      OFFICIAL: { CREATED: 6 },
      CONFERENCE: { CREATED: 2 },
      MEETING: { CREATED: 5 },
      ARTICLE: { CREATED: 1 },
    });
    const afterFirst = await counts();
    expect(afterFirst).toEqual({ articles: 1, officials: 6, organizations: 4, meetings: 5, conferences: 2 });

    const second = await server.gql(ingest, { input: sample });
    expect(statuses(second.body.data.ingestArticle.changes)).toEqual({
      ORGANIZATION: { UNCHANGED: 4 },
      OFFICIAL: { UNCHANGED: 6 },
      CONFERENCE: { UNCHANGED: 2 },
      MEETING: { UNCHANGED: 5 },
      ARTICLE: { UNCHANGED: 1 },
    });
    expect(second.body.data.ingestArticle.article.id).toBe(first.body.data.ingestArticle.article.id);
    expect(await counts()).toEqual(afterFirst);
  });

  test('a changed report updates only what changed', async () => {
    await server.gql(ingest, { input: report() });
    const changed = report({ body: ['Foreign Minister Ana Lima met her Kenyan counterpart John Otieno in Nairobi today.', 'They discussed trade and tourism.'] });
    const result = await server.gql(ingest, { input: changed });
    expect(statuses(result.body.data.ingestArticle.changes)).toEqual({
      ORGANIZATION: { UNCHANGED: 1 },
      OFFICIAL: { UNCHANGED: 2 },
      MEETING: { UNCHANGED: 1 },
      ARTICLE: { UPDATED: 1 },
    });
    const stored = await server.db.collection('articles').findOne({ url: 'https://news.example/2024/05/06/visit' });
    expect(stored?.body).toEqual(changed.body);
    expect(stored?.title).toBe('Foreign Minister Ana Lima met her Kenyan counterpart John Otieno in Nairobi today.');
  });

  test('the same official in another report, spelled differently, is one record with merged aliases and titles', async () => {
    await server.gql(ingest, { input: report() });
    const second = report({
      url: 'https://news.example/2024/06/01/talks',
      publishedAt: '2024-06-01T09:00:00Z',
      officials: [
        { name: 'ANA  LIMA', aliases: ['Ana Maria Lima'], title: 'Minister of Foreign Affairs', country: 'PT' },
        { name: 'Jöhn Otieno', title: 'Cabinet Secretary for Foreign Affairs', country: 'KE' },
      ],
      meetings: [{ participants: ['Ana Maria Lima', 'Jöhn Otieno'], date: '2024-06-01', city: 'Lisbon', country: 'PT', topics: ['Trade', 'energy'] }],
    });
    const result = await server.gql(ingest, { input: second });
    expect(result.body.errors).toBeUndefined();
    expect(statuses(result.body.data.ingestArticle.changes)).toEqual({
      OFFICIAL: { UPDATED: 2 },
      MEETING: { CREATED: 1 },
      ARTICLE: { CREATED: 1 },
    });
    expect(await server.db.collection('officials').countDocuments()).toBe(2);
    const lima = await server.gql(`{ officials(filter: { name: "lima" }) { nodes {
      name aliases titles { title article { url } }
      counterparts { nodes { official { name } meetingCount firstMet { value } lastMet { value } topics } }
    } } }`);
    // The fullest form of the name is displayed, whichever report came first; titles go oldest report first.
    expect(lima.body.data.officials.nodes).toEqual([
      {
        name: 'Ana Maria Lima',
        aliases: ['Ana Lima'],
        titles: [
          { title: 'Foreign Minister', article: { url: 'https://news.example/2024/05/06/visit' } },
          { title: 'Minister of Foreign Affairs', article: { url: 'https://news.example/2024/06/01/talks' } },
        ],
        counterparts: {
          nodes: [
            // "Jöhn" keeps the diacritic (see compareSpellings); topics start with the latest meeting's, alphabetical.
            { official: { name: 'Jöhn Otieno' }, meetingCount: 2, firstMet: { value: '2024-05-06' }, lastMet: { value: '2024-06-01' }, topics: ['energy', 'Trade'] },
          ],
        },
      },
    ]);
  });

  test('an official first reported without a country gains it, rather than being duplicated', async () => {
    await server.gql(ingest, { input: report({ officials: [{ name: 'Ana Lima' }, { name: 'John Otieno', country: 'KE' }] }) });
    await server.gql(ingest, { input: report({ url: 'https://news.example/2', officials: [{ name: 'Ana Lima', country: 'PT' }, { name: 'John Otieno', country: 'KE' }] }) });
    const officials = await server.db.collection('officials').find({}, { sort: { sortName: 1 } }).toArray();
    expect(officials.map((o) => [o.name, o.country, o.key])).toEqual([
      ['Ana Lima', 'PT', 'ana lima|PT'],
      ['John Otieno', 'KE', 'john otieno|KE'],
    ]);
  });

  test('namesakes from different countries stay apart', async () => {
    await server.gql(ingest, {
      input: report({ officials: [{ name: 'Ana Lima', country: 'PT' }, { name: 'John Otieno', country: 'KE' }], meetings: [] }),
    });
    await server.gql(ingest, {
      input: report({ url: 'https://news.example/3', officials: [{ name: 'Ana Lima', country: 'BR' }, { name: 'John Otieno', country: 'KE' }], meetings: [] }),
    });
    expect(await server.db.collection('officials').countDocuments({ sortName: 'ana lima' })).toBe(2);
  });

  test('concurrent ingestions of overlapping reports never duplicate an entity', async () => {
    const inputs = Array.from({ length: 8 }, (_, i) => report({ url: `https://news.example/concurrent/${i % 2}` }));
    const results = await Promise.all(inputs.map((input) => server.gql(ingest, { input })));
    for (const result of results) expect(result.body.errors).toBeUndefined();
    expect(await counts()).toEqual({ articles: 2, officials: 2, organizations: 1, meetings: 1, conferences: 0 });
    const meeting = await server.db.collection('meetings').findOne({});
    expect(meeting?.articleIds).toHaveLength(2);
  });

  test.each([
    ['an empty url', { url: '  ' }, 'input.url'],
    ['a relative url', { url: 'news/1' }, 'input.url'],
    ['an empty body', { body: ['   '] }, 'input.body'],
    ['an unknown country', { officials: [{ name: 'Ana Lima', country: 'XX' }] }, 'input.officials[0].country'],
    ['an empty name', { officials: [{ name: '' }] }, 'input.officials[0].name'],
    ['a participant not among the officials', { meetings: [{ participants: ['Ana Lima', 'Somebody Else'] }] }, 'input.meetings[0].participants[1]'],
    ['a meeting without participants', { meetings: [{ participants: [] }] }, 'input.meetings[0].participants'],
    ['a bad meeting date', { meetings: [{ participants: ['Ana Lima'], date: '2024-13' }] }, 'input.meetings[0].date'],
    ['evidence outside the body', { meetings: [{ participants: ['Ana Lima'], evidence: { sentence: 'x', start: 5000 } }] }, 'input.meetings[0].evidence.start'],
    ['an unknown conference', { meetings: [{ participants: ['Ana Lima'], conference: 'Summit' }] }, 'input.meetings[0].conference'],
    ['a bad edition', { conferences: [{ name: 'Summit', edition: -3 }] }, 'input.conferences[0].edition'],
  ])('%s is BAD_USER_INPUT naming the field, and nothing is written', async (_label, overrides, field) => {
    const result = await server.gql(ingest, { input: report(overrides) });
    expect(result.status).toBe(200);
    expect(result.body.data).toBeNull();
    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(result.body.errors![0]!.message).toContain(`"${field}"`);
    expect(await counts()).toEqual({ articles: 0, officials: 0, organizations: 0, meetings: 0, conferences: 0 });
  });

  test.each([
    ['a name that is not text', { officials: [{ name: 42 }] }, 'input.officials[0].name'],
    ['an unreadable publication date', { publishedAt: 'yesterday' }, 'input.publishedAt'],
    ['an impossible publication date', { publishedAt: '2024-02-30' }, 'input.publishedAt'],
    ['an unknown status', { meetings: [{ participants: ['Ana Lima'], status: 'MAYBE' }] }, 'input.meetings[0].status'],
  ])('%s is rejected with HTTP 400 before anything runs', async (_label, overrides, field) => {
    const result = await server.gql(ingest, { input: { ...report(), ...overrides } });
    expect(result.status).toBe(400);
    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.body.errors![0]!.message).toContain(`"${field}"`);
    expect(await counts()).toEqual({ articles: 0, officials: 0, organizations: 0, meetings: 0, conferences: 0 });
  });
});

describe('API keys', () => {
  test('a write without a key is UNAUTHENTICATED with HTTP 401', async () => {
    const result = await server.gql(ingest, { input: report() }, { key: null });
    expect(result.status).toBe(401);
    expect(result.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await counts()).toMatchObject({ articles: 0 });
  });

  test('a wrong key is UNAUTHENTICATED and says so', async () => {
    const result = await server.gql(ingest, { input: report() }, { key: 'not-a-key' });
    expect(result.status).toBe(401);
    expect(result.body.errors![0]).toMatchObject({
      message: 'The API key sent in "Authorization" is not valid.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  test('a key without the ingest role is FORBIDDEN with HTTP 403', async () => {
    const result = await server.gql(ingest, { input: report() }, { key: readOnlyKey });
    expect(result.status).toBe(403);
    expect(result.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  test('reads need no key', async () => {
    const result = await server.gql(`{ officials { totalCount } }`, undefined, { key: null });
    expect(result.body).toEqual({ data: { officials: { totalCount: 0 } } });
  });
});

describe('single-entity upserts', () => {
  test('upsertOfficial, upsertArticle, upsertConference and upsertMeeting are idempotent', async () => {
    const official = `mutation($input: OfficialInput!) { upsertOfficial(input: $input) { status official { id name aliases country { code } organization { name } } } }`;
    const lima = await server.gql(official, { input: { name: 'Ana Lima', title: 'Foreign Minister', organization: 'MFA', country: 'pt' } });
    expect(lima.body.data.upsertOfficial).toMatchObject({
      status: 'CREATED',
      official: { name: 'Ana Lima', aliases: [], country: { code: 'PT' }, organization: { name: 'MFA' } },
    });
    expect((await server.gql(official, { input: { name: 'Ana Lima', title: 'Foreign Minister', organization: 'MFA', country: 'PT' } })).body.data.upsertOfficial.status).toBe('UNCHANGED');
    const otieno = await server.gql(official, { input: { name: 'John Otieno', country: 'KE' } });

    const article = `mutation($input: ArticleInput!) { upsertArticle(input: $input) { status article { id title publishedAt } } }`;
    const articleInput = { url: 'https://news.example/a', publishedAt: '2024-05-06', body: ['Talks were held. More followed.'] };
    const created = await server.gql(article, { input: articleInput });
    expect(created.body.data.upsertArticle).toMatchObject({ status: 'CREATED', article: { title: 'Talks were held.', publishedAt: '2024-05-06T00:00:00Z' } });
    expect((await server.gql(article, { input: articleInput })).body.data.upsertArticle.status).toBe('UNCHANGED');

    const conference = `mutation($input: ConferenceInput!) { upsertConference(input: $input) { status conference { id name edition organizer { name } participants { name } } } }`;
    const conferenceInput = { name: '5th Forum of Ministers', edition: 5, organizer: 'Forum Secretariat', city: 'Lisbon', country: 'PT', participants: ['ana lima'] };
    const forum = await server.gql(conference, { input: conferenceInput });
    expect(forum.body.data.upsertConference).toMatchObject({
      status: 'CREATED',
      conference: { edition: 5, organizer: { name: 'Forum Secretariat' }, participants: [{ name: 'Ana Lima' }] },
    });
    expect((await server.gql(conference, { input: conferenceInput })).body.data.upsertConference.status).toBe('UNCHANGED');

    const meeting = `mutation($input: UpsertMeetingInput!) { upsertMeeting(input: $input) { status meeting { participants { name } conference { name } articles { url } } } }`;
    const meetingInput = {
      participants: [lima.body.data.upsertOfficial.official.id, otieno.body.data.upsertOfficial.official.id],
      date: '2024-05',
      conference: forum.body.data.upsertConference.conference.id,
      article: created.body.data.upsertArticle.article.id,
    };
    const held = await server.gql(meeting, { input: meetingInput });
    expect(held.body.data.upsertMeeting).toEqual({
      status: 'CREATED',
      meeting: {
        participants: [{ name: 'Ana Lima' }, { name: 'John Otieno' }],
        conference: { name: '5th Forum of Ministers' },
        articles: [{ url: 'https://news.example/a' }],
      },
    });
    expect((await server.gql(meeting, { input: meetingInput })).body.data.upsertMeeting.status).toBe('UNCHANGED');
    expect(await counts()).toEqual({ articles: 1, officials: 2, organizations: 2, meetings: 1, conferences: 1 });
  });

  test('upsertMeeting with an id of something else names the field', async () => {
    const article = await server.gql(`mutation { upsertArticle(input: { url: "https://news.example/b", publishedAt: "2024-01-01", body: ["x"] }) { article { id } } }`);
    const result = await server.gql(`mutation($p: [ID!]!) { upsertMeeting(input: { participants: $p }) { status } }`, {
      p: [article.body.data.upsertArticle.article.id],
    });
    expect(result.body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.participants[0]' });
  });
});

test('the key used in these tests is the one the harness configures', () => {
  expect(server.config.apiKeys).toContain(ingestKey);
});
