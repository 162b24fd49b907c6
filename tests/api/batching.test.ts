/**
 * DataLoader, proven by watching the database commands the driver sends: a
 * nested query costs one round trip per level, whatever the list sizes. On
 * MongoDB a level is one `find … $in`; on FerretDB, where `$in` scans the
 * collection, it is one point read per distinct id, all sent together, never
 * one batch per key.
 */
import { backendOf } from '../../src/models/backend';
import { ingestArticle } from '../../src/services/ingest';
import { loaderBatches } from '../support/batches';
import { startTestServer, type TestServer } from '../support/harness';

let server: TestServer;
const pageSize = 20;

beforeAll(async () => {
  server = await startTestServer();
  const now = new Date('2024-06-01T00:00:00Z');
  for (let i = 0; i < pageSize; i += 1) {
    const host = `Host Official${i}`;
    const guest = `Guest Official${i}`;
    // Older reports: each host meets a guest named nowhere else on the page.
    await ingestArticle(
      server.db,
      {
        url: `https://news.example/old/${i}`,
        publishedAt: `2023-01-${String(i + 1).padStart(2, '0')}`,
        body: [`${host} met ${guest}.`],
        officials: [
          { name: host, country: 'FR' },
          { name: guest, country: 'DE' },
        ],
        meetings: [{ participants: [host, guest], date: `2023-01-${String(i + 1).padStart(2, '0')}`, topics: ['trade'] }],
      },
      now,
    );
    // Newer reports, the ones the page lists: each names only its host.
    await ingestArticle(
      server.db,
      {
        url: `https://news.example/new/${i}`,
        publishedAt: `2024-05-${String(i + 1).padStart(2, '0')}`,
        body: [`${host} spoke.`],
        officials: [{ name: host, country: 'FR' }],
      },
      now,
    );
  }
});
afterAll(() => server.stop());

const nested = `query($first: Int!) {
  articles(first: $first) { nodes {
    title
    officials { name meetings(first: 2) { nodes { date { value } participants { name country { code } } } } }
  } }
}`;

async function run(first: number) {
  return loaderBatches(server, async () => {
    const response = await server.gql(nested, { first });
    expect(response.body.errors).toBeUndefined();
    return response.body.data;
  });
}

/** What one level that loads `ids` distinct documents by id sends. */
async function byIdLevel(ids: number): Promise<string[]> {
  return (await backendOf(server.db)) === 'mongodb' ? ['find'] : Array(ids).fill('find _id');
}

test('20 articles → officials → meetings → participants costs as many round trips as 2 articles', async () => {
  const small = await run(2);
  const large = await run(pageSize);

  expect(small.result.articles.nodes).toHaveLength(2);
  expect(large.result.articles.nodes).toHaveLength(pageSize);
  const first = large.result.articles.nodes[0];
  expect(first).toEqual({
    title: 'Host Official19 spoke.',
    officials: [
      {
        name: 'Host Official19',
        meetings: {
          nodes: [
            {
              date: { value: '2023-01-20' },
              participants: [
                { name: 'Host Official19', country: { code: 'FR' } },
                { name: 'Guest Official19', country: { code: 'DE' } },
              ],
            },
          ],
        },
      },
    ],
  });
  const guests = large.result.articles.nodes.flatMap((a: any) => a.officials[0].meetings.nodes[0].participants.map((p: any) => p.name));
  expect(new Set(guests).size).toBe(2 * pageSize);

  // Levels: the feed's read model (the months, then two month buckets together), the articles, their officials,
  // the officials' meeting lists (read model), the meetings, the meetings' guests (the hosts are loaded already).
  expect(large.batches).toHaveLength(7);
  expect(small.batches).toHaveLength(7);
  for (const [n, run] of [[pageSize, large], [2, small]] as const) {
    expect(run.batches).toEqual([['find _id'], await byIdLevel(2), ...(await Promise.all(Array(5).fill(n).map(byIdLevel)))]);
    // No document is read twice: batches per level, not per key.
    expect(new Set(run.pointReads).size).toBe(run.pointReads.length);
  }
});

test('totalCount of the feed is counted from the read model, not by a count command', async () => {
  const plain = await server.countCommands(() => server.gql(`{ articles(first: 5) { nodes { title } } }`));
  const counted = await server.countCommands(() => server.gql(`{ articles(first: 5) { totalCount nodes { title } } }`));
  expect(counted.result.body.data.articles.totalCount).toBe(2 * pageSize);
  // Both months' buckets were read for the page already: counting adds nothing.
  expect(counted.commands).toEqual(plain.commands);
  expect(counted.commands.every((name) => name === 'find')).toBe(true);
});

test('a list query primes the by-id loader, so officials listed earlier are not fetched again', async () => {
  // Every participant of these meetings is on the officials page already.
  const { batches: rounds, result } = await loaderBatches(server, () =>
    server.gql(`{ officials(first: 100) { nodes { name meetings { nodes { participants { name } } } } } }`),
  );
  expect(result.body.data.officials.nodes).toHaveLength(2 * pageSize);
  expect(result.body.data.officials.nodes[0].meetings.nodes[0].participants).toHaveLength(2);
  // The letters, their two buckets (G, H), the 40 officials, their 40 meeting lists, then the 20 meetings by id;
  // the participants are on the page already.
  expect(rounds).toEqual([['find _id'], await byIdLevel(2), await byIdLevel(2 * pageSize), await byIdLevel(2 * pageSize), await byIdLevel(pageSize)]);
});

test('a name filter is point reads whatever the page size, and counts without a count command', async () => {
  const full = await loaderBatches(server, () => server.gql(`{ officials(filter: { name: "Official1" }, first: 50) { totalCount nodes { name } } }`));
  // Words match by prefix: Official1 and Official10 to Official19, hosts and guests.
  expect(full.result.body.data.officials.totalCount).toBe(22);
  expect(full.result.body.data.officials.nodes).toHaveLength(22);
  // "official1" is longer than the stored prefixes: the "official" entry, then its 40 officials checked, by id.
  expect(full.batches).toEqual([['find _id'], await byIdLevel(2 * pageSize)]);
  const paged = await loaderBatches(server, () => server.gql(`{ officials(filter: { name: "Official1" }, first: 20) { totalCount } }`));
  expect(paged.result.body.data.officials.totalCount).toBe(22);
  expect(paged.batches).toEqual(full.batches);
  const short = await loaderBatches(server, () => server.gql(`{ officials(filter: { name: "guest off" }, first: 5) { totalCount nodes { name } } }`));
  expect(short.result.body.data.officials).toEqual({
    totalCount: pageSize,
    nodes: [0, 1, 10, 11, 12].map((i) => ({ name: `Guest Official${i}` })),
  });
  // Two words' entries sent together, then only the page's officials.
  expect(short.batches).toEqual([await byIdLevel(2), await byIdLevel(5)]);
});
