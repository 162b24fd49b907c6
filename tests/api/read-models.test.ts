/**
 * The read models behind the feed, the officials' lists, name search and each
 * official's meetings (src/models/readModels.ts): the API answers exactly
 * what the collections say (computed here with the sorted queries the lists
 * used before), across pages and month buckets; they are rebuilt for a
 * database written before they existed; a failed ingestion leaves no entry;
 * concurrent ingestions lose none; and the commands an operation sends do not
 * grow with the archive.
 */
import { curveScale } from '../../bench/curve';
import { syntheticReports } from '../../bench/generate';
import { operations, pickVariables, variablesFor } from '../../bench/operations';
import { ensureIndexes } from '../../src/db/indexes';
import type { IngestArticleInput } from '../../src/generated/graphql';
import { toGlobalId } from '../../src/ids';
import { articlesCollection } from '../../src/models/articles';
import { meetingsCollection } from '../../src/models/meetings';
import { officialsCollection } from '../../src/models/officials';
import { readModelsCollection } from '../../src/models/readModels';
import { ingestArticle } from '../../src/services/ingest';
import { newestFirst } from '../../src/services/relations';
import { seedSampleData } from '../../src/services/seed';
import { foldedTokens } from '../../src/text/normalize';
import { escapeRegex } from '../../src/text/regex';
import { seedReports } from '../support/reports';
import { startTestServer, type TestServer } from '../support/harness';

const now = new Date('2024-08-01T00:00:00Z');

/** Reports whose publication instants tie, and straddle a month's edge in UTC. */
function edgeReports(): IngestArticleInput[] {
  const instants = ['2024-03-31T23:30:00-01:00', '2024-04-01T00:30:00Z', '2024-03-31T23:59:59Z', '2024-03-31T23:59:59Z', '2024-04-01T00:00:00Z'];
  return instants.map((publishedAt, i) => ({
    url: `https://edge.example/${i}`,
    title: `Edge report ${i}`,
    publishedAt,
    body: [`Minister Edgar Monthend${i} spoke.`],
    officials: [{ name: `Edgar Monthend${i}`, country: 'FR' }],
  }));
}

async function seedAll(server: TestServer): Promise<void> {
  await seedSampleData(server.db, now);
  await seedReports(server.db, now);
  for (const report of edgeReports()) await ingestArticle(server.db, report, now);
  const synthetic = syntheticReports(curveScale(2500));
  for (let i = 0; i < 40; i += 1) await ingestArticle(server.db, synthetic.next().value!, now);
}

/** Every page of a list, `first` at a time, following the cursors; checks totalCount on each page. */
async function walk(server: TestServer, field: string, args: string, first: number): Promise<{ ids: string[]; totalCount: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let pages = 0; pages < 200; pages += 1) {
    const response: any = await server.gql(
      `query($first: Int!, $after: String) { ${field}(${args}first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
      { first, after },
    );
    expect(response.body.errors).toBeUndefined();
    const connection: any = response.body.data[field];
    totalCount = connection.totalCount;
    ids.push(...connection.edges.map((edge: any) => edge.node.id));
    if (!connection.pageInfo.hasNextPage) return { ids, totalCount };
    after = connection.pageInfo.endCursor;
  }
  throw new Error('Too many pages');
}

async function expectedFeed(server: TestServer): Promise<string[]> {
  const docs = await articlesCollection(server.db).find({}).sort({ publishedAtUtc: -1, _id: -1 }).toArray();
  return docs.map((doc) => toGlobalId('Article', doc._id));
}

async function expectedOfficials(server: TestServer, name?: string): Promise<string[]> {
  const words = name ? foldedTokens(name) : [];
  const filter = words.length ? { $and: words.map((word) => ({ nameTokens: { $regex: `^${escapeRegex(word)}` } })) } : {};
  const docs = await officialsCollection(server.db).find(filter).sort({ sortName: 1, _id: 1 }).toArray();
  return docs.map((doc) => toGlobalId('Official', doc._id));
}

const nameQueries = ['a', 'al', 'aliyev', 'kamran al', 'edgar monthend', 'monthend3', 'lima', 'ş', 'zz', 'official'];

/** Everything the read models answer, as the API returns it. */
async function answers(server: TestServer) {
  const meetings: Record<string, string[]> = {};
  for (const official of await officialsCollection(server.db).find({}).toArray()) {
    const id = toGlobalId('Official', official._id);
    const response = await server.gql(`query($id: ID!) { official(id: $id) { meetings(first: 100) { totalCount nodes { id } } } }`, { id });
    meetings[id] = response.body.data.official.meetings.nodes.map((m: any) => m.id);
    expect(response.body.data.official.meetings.totalCount).toBe(meetings[id]!.length);
  }
  const named: Record<string, { ids: string[]; totalCount: number }> = {};
  for (const name of nameQueries) named[name] = await walk(server, 'officials', `filter: { name: ${JSON.stringify(name)} }, `, 4);
  const search = await server.gql(`{ search(query: "aliyev ka", first: 50) { totalCount edges { score node { __typename ... on Official { id } ... on Article { id } ... on Conference { id } } } } }`);
  return {
    feed: await walk(server, 'articles', '', 7),
    officials: await walk(server, 'officials', '', 9),
    named,
    meetings,
    search: search.body.data.search,
  };
}

async function readModelDocs(server: TestServer) {
  const docs = await readModelsCollection(server.db).find({}).sort({ _id: 1 }).toArray();
  return docs.map((doc) => ({ ...doc, entries: [...doc.entries].sort() }));
}

describe('read models on sample, invented and synthetic reports', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await seedAll(server);
  }, 300_000);
  afterAll(() => server.stop());

  it('the feed lists every article newest first, ties by id, across pages and month buckets, with the right count', async () => {
    const expected = await expectedFeed(server);
    for (const first of [1, 7, 20]) {
      expect(await walk(server, 'articles', '', first)).toEqual({ ids: expected, totalCount: expected.length });
    }
    // The month edge: 2024-04-01T00:30Z (twice, a tie), 00:00Z, then March's 23:59:59Z twice.
    const edge = await articlesCollection(server.db).find({ url: /^https:\/\/edge\.example\// }).toArray();
    const order = expected.filter((id) => edge.some((doc) => toGlobalId('Article', doc._id) === id));
    const instants = order.map((id) => edge.find((doc) => toGlobalId('Article', doc._id) === id)!.publishedAtUtc.toISOString());
    expect(instants).toEqual(['2024-04-01T00:30:00.000Z', '2024-04-01T00:30:00.000Z', '2024-04-01T00:00:00.000Z', '2024-03-31T23:59:59.000Z', '2024-03-31T23:59:59.000Z']);
  }, 180_000);

  it('a feed cursor from the middle of a tie goes on after it', async () => {
    const expected = await expectedFeed(server);
    const first = await server.gql(`{ articles(first: 3) { edges { cursor node { id } } } }`);
    const cursor = first.body.data.articles.edges[2].cursor;
    const next = await server.gql(`query($after: String) { articles(first: 4, after: $after) { nodes { id } pageInfo { hasPreviousPage } } }`, { after: cursor });
    expect(next.body.data.articles.nodes.map((n: any) => n.id)).toEqual(expected.slice(3, 7));
  });

  it('officials are listed alphabetically and found by name words as the collection says', async () => {
    const all = await expectedOfficials(server);
    expect(await walk(server, 'officials', '', 6)).toEqual({ ids: all, totalCount: all.length });
    for (const name of nameQueries) {
      const expected = await expectedOfficials(server, name);
      expect({ name, ...(await walk(server, 'officials', `filter: { name: ${JSON.stringify(name)} }, `, 4)) }).toEqual({
        name,
        ids: expected,
        totalCount: expected.length,
      });
    }
    expect((await expectedOfficials(server, 'edgar monthend')).length).toBe(5);
  }, 180_000);

  it("an official's meetings are newest first, undated last, and page by cursor", async () => {
    const officials = await officialsCollection(server.db).find({}).toArray();
    const withMeetings = await Promise.all(
      officials.map(async (official) => ({
        id: toGlobalId('Official', official._id),
        expected: newestFirst(await meetingsCollection(server.db).find({ participantIds: official._id }).toArray()).map((m) => toGlobalId('Meeting', m._id)),
      })),
    );
    // Every official in one page; the busiest ones also two at a time, following the cursors.
    const busiest = [...withMeetings].sort((a, b) => b.expected.length - a.expected.length).slice(0, 4);
    expect(busiest[0]!.expected.length).toBeGreaterThan(4);
    for (const { id, expected } of withMeetings) {
      const response = await server.gql(`query($id: ID!) { official(id: $id) { meetings(first: 100) { totalCount nodes { id } } } }`, { id });
      expect(response.body.data.official.meetings).toEqual({ totalCount: expected.length, nodes: expected.map((m) => ({ id: m })) });
    }
    for (const { id, expected } of busiest) {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const response: any = await server.gql(
          `query($id: ID!, $after: String) { official(id: $id) { meetings(first: 2, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`,
          { id, after },
        );
        const page = response.body.data.official.meetings;
        expect(page.totalCount).toBe(expected.length);
        ids.push(...page.nodes.map((n: any) => n.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(ids).toEqual(expected);
    }
  }, 180_000);

  it('search finds the officials the name words match', async () => {
    const response = await server.gql(`{ search(query: "kamran al", types: [OFFICIAL], first: 100) { totalCount nodes { ... on Official { id } } } }`);
    const expected = await expectedOfficials(server, 'kamran al');
    expect(expected.length).toBeGreaterThan(0);
    expect(response.body.data.search.totalCount).toBe(expected.length);
    expect(response.body.data.search.nodes.map((n: any) => n.id).sort()).toEqual([...expected].sort());
  });

  it('a database written before the read models existed gets them at start-up, with the same answers', async () => {
    const before = await answers(server);
    const kept = await readModelDocs(server);
    // What an earlier version's database looks like: no read models at all.
    await readModelsCollection(server.db).drop();
    await ensureIndexes(server.db);
    expect(await readModelDocs(server)).toEqual(kept);
    expect(await answers(server)).toEqual(before);
    // Up to date: a second start-up leaves them alone.
    await ensureIndexes(server.db);
    expect(await readModelDocs(server)).toEqual(kept);
  }, 300_000);
});

describe('read models under failure and concurrency', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await seedReports(server.db, now);
  });
  afterAll(() => server.stop());

  const report = (i: number): IngestArticleInput => ({
    url: `https://news.example/fails/${i}`,
    title: `Talks ${i}`,
    publishedAt: `2025-0${(i % 9) + 1}-15T10:00:00Z`,
    body: [`Minister Quentin Zarzuela${i} met Minister Ana Lima.`],
    officials: [
      { name: `Quentin Zarzuela${i}`, country: 'ES' },
      { name: 'Ana Lima', country: 'PT' },
    ],
    meetings: [{ participants: [`Quentin Zarzuela${i}`, 'Ana Lima'], date: `2025-0${(i % 9) + 1}-15` }],
  });

  it('an ingestion that fails midway leaves no entry behind, and the lists answer as before', async () => {
    const feed = await walk(server, 'articles', '', 5);
    const models = await readModelDocs(server);
    await expect(
      ingestArticle(server.db, report(0), now, {
        beforeWrite: (collection) => {
          if (collection === 'articles') throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(await readModelDocs(server)).toEqual(models);
    expect(await walk(server, 'articles', '', 5)).toEqual(feed);
    const named = await server.gql(`{ officials(filter: { name: "zarzuela" }) { totalCount } }`);
    expect(named.body.data.officials.totalCount).toBe(0);
    // The same report, ingested whole, is listed.
    await ingestArticle(server.db, report(0), now);
    expect((await walk(server, 'articles', '', 5)).totalCount).toBe(feed.totalCount + 1);
  });

  it('concurrent ingestions lose no entry: the models equal a rebuild from the documents', async () => {
    await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((i) => ingestArticle(server.db, report(i), now)));
    const incremental = await readModelDocs(server);
    const lima = incremental.find((doc) => doc._id === 'names|lima');
    expect(lima?.entries).toHaveLength(1);
    expect(incremental.find((doc) => doc._id === 'names|zarzuela')?.entries).toHaveLength(9);
    await readModelsCollection(server.db).deleteOne({ _id: 'meta' });
    await ensureIndexes(server.db);
    expect(await readModelDocs(server)).toEqual(incremental);
  });

  it('a re-ingestion that moves a report to another month moves its entry', async () => {
    const moved = { ...report(1), publishedAt: '2023-12-31T23:00:00Z' };
    await ingestArticle(server.db, moved, now);
    const feed = await walk(server, 'articles', '', 4);
    expect(feed.ids).toEqual(await expectedFeed(server));
    const models = await readModelDocs(server);
    const id = (await articlesCollection(server.db).findOne({ url: moved.url }))!._id.toHexString();
    expect(models.filter((doc) => doc.entries.some((entry) => entry.endsWith(id))).map((doc) => doc._id)).toEqual(['feed|2023-12']);
  });
});

/**
 * The bench's six operations at list size 2 (pages full at both sizes): counts, not timings. Each
 * still sends the same number of commands at three times the reports; on FerretDB each is a point
 * read, except search's one scan of the search words (FerretDB) and the series scan of conferenceEditions.
 */
describe('commands per operation', () => {
  let server: TestServer;
  beforeAll(() => startTestServer().then((started) => (server = started)));
  afterAll(() => server.stop());

  async function commandsPerOperation(picked: Awaited<ReturnType<typeof pickVariables>>): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const operation of operations) {
      const { result, commands } = await server.countCommands(() => server.gql(operation.query, variablesFor(operation, picked, 2)));
      expect(result.body.errors).toBeUndefined();
      counts[operation.name] = commands.length;
      if (operation.name === 'conferenceEditions') {
        // Its lists are not paginated: they grow with the conference (later reports add side meetings), not with
        // the archive. Bounded by what it returns: the conference, the series, the meetings and their participants.
        const meetings = result.body.data.conference.meetings;
        const participants = new Set(meetings.flatMap((m: any) => m.participants.map((p: any) => p.id)));
        expect(commands.length).toBeLessThanOrEqual(2 + meetings.length + participants.size);
        continue;
      }
    }
    return counts;
  }

  it('do not grow when the archive triples', async () => {
    const reports = syntheticReports(curveScale(2500));
    for (let i = 0; i < 30; i += 1) await ingestArticle(server.db, reports.next().value!, now);
    // The same official, conference and words both times (the longest series grows meanwhile).
    const picked = await pickVariables(server.db);
    const small = await commandsPerOperation(picked);
    for (let i = 30; i < 90; i += 1) await ingestArticle(server.db, reports.next().value!, now);
    const large = await commandsPerOperation(picked);
    for (const operation of operations.filter((o) => o.name !== 'conferenceEditions')) {
      // At most as many: the pages' officials and participants differ a little between the two archives.
      expect({ operation: operation.name, grew: large[operation.name]! > small[operation.name]! }).toEqual({ operation: operation.name, grew: false });
    }
  }, 180_000);
});
