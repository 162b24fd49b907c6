/**
 * NEWSGRAPH_NAIVE_RESOLVERS (the benchmarks' baseline): the same schema and
 * resolvers answer the same data, but every relation costs one query per key.
 */
import { ingestArticle } from '../../src/services/ingest';
import { loaderBatches } from '../support/batches';
import { startTestServer, type TestServer } from '../support/harness';

let batched: TestServer;
let naive: TestServer;

async function seed(server: TestServer) {
  const now = new Date('2024-06-01T00:00:00Z');
  for (let i = 0; i < 4; i += 1) {
    await ingestArticle(
      server.db,
      {
        url: `https://news.example/naive/${i}`,
        publishedAt: `2024-05-0${i + 1}`,
        body: [`Host Official${i} met Guest Official${i}.`],
        officials: [
          { name: `Host Official${i}`, country: 'FR', organization: 'Ministry of Foreign Affairs' },
          { name: `Guest Official${i}`, country: 'DE', organization: 'Federal Foreign Office' },
        ],
        meetings: [{ participants: [`Host Official${i}`, `Guest Official${i}`], date: `2024-05-0${i + 1}`, topics: ['trade'] }],
      },
      now,
    );
  }
}

beforeAll(async () => {
  batched = await startTestServer();
  naive = await startTestServer({ env: { NEWSGRAPH_NAIVE_RESOLVERS: 'true' } });
  await seed(batched);
  await seed(naive);
});
afterAll(async () => {
  await batched.stop();
  await naive.stop();
});

const query = `query($first: Int!) {
  articles(first: $first) { nodes {
    title
    officials { name organization { name } meetings { nodes { date { value } participants { name } } } }
  } }
}`;

async function run(server: TestServer, first: number) {
  const { result, batches } = await loaderBatches(server, async () => (await server.gql(query, { first })).body);
  return { result, batches, commands: batches.flat() };
}

test('naive resolvers return the same data as the batched ones', async () => {
  const fromBatched = await run(batched, 4);
  const fromNaive = await run(naive, 4);
  expect(fromNaive.result).toEqual(fromBatched.result);
  expect(fromNaive.result.errors).toBeUndefined();
  expect(fromNaive.result.data.articles.nodes).toHaveLength(4);
});

test('naive resolvers send one query per key, so their cost grows with the page while the batched cost stays flat', async () => {
  const batchedTwo = await run(batched, 2);
  const batchedFour = await run(batched, 4);
  const naiveTwo = await run(naive, 2);
  const naiveFour = await run(naive, 4);
  // One batch per level: the feed's read model (its months, then its one month), the articles, their officials,
  // then the officials' organizations and their meeting lists, then the meetings; the participants are the
  // officials already loaded, served from the per-request cache.
  expect(batchedTwo.batches).toHaveLength(7);
  expect(batchedFour.batches).toHaveLength(7);
  // The read model's 2 documents, then per article: the article, its 2 officials, and per official 1 organization,
  // its meeting list and its 1 meeting, and 2 participants, none of them cached.
  const perArticle = 1 + 2 + 2 * (1 + 2 + 2);
  expect(naiveTwo.batches).toHaveLength(naiveTwo.commands.length);
  expect(naiveTwo.commands).toHaveLength(2 + 2 * perArticle);
  expect(naiveFour.commands).toHaveLength(2 + 4 * perArticle);
});
