/**
 * DataLoader, proven by counting the database commands the driver sends: a
 * nested query costs one command per level, whatever the list sizes.
 */
import { ingestArticle } from '../../src/services/ingest';
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
  return server.countCommands(async () => {
    const response = await server.gql(nested, { first });
    expect(response.body.errors).toBeUndefined();
    return response.body.data;
  });
}

test('20 articles → officials → meetings → participants costs as many commands as 2 articles', async () => {
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

  // Levels: articles, their officials, the officials' meetings, the meetings' participants.
  const levels = 4;
  expect(large.commands).toEqual(small.commands);
  expect(large.commands).toEqual(['find', 'find', 'find', 'find']);
  expect(large.commands.length).toBeLessThanOrEqual(levels + 1);
});

test('asking for totalCount adds exactly one count command', async () => {
  const { commands } = await server.countCommands(() => server.gql(`{ articles(first: 5) { totalCount nodes { title } } }`));
  expect([...commands].sort()).toEqual(['aggregate', 'find']);
});

test('a list query primes the by-id loader, so officials listed earlier are not fetched again', async () => {
  // Every participant of these meetings is on the officials page already.
  const { commands, result } = await server.countCommands(() =>
    server.gql(`{ officials(first: 100) { nodes { name meetings { nodes { participants { name } } } } } }`),
  );
  expect(result.body.data.officials.nodes).toHaveLength(2 * pageSize);
  expect(result.body.data.officials.nodes[0].meetings.nodes[0].participants).toHaveLength(2);
  expect(commands).toEqual(['find', 'find']);
});

test('a first page that holds every match counts them without a count command', async () => {
  const { commands, result } = await server.countCommands(() =>
    server.gql(`{ officials(filter: { name: "Official1" }, first: 50) { totalCount nodes { name } } }`),
  );
  // Words match by prefix: Official1 and Official10 to Official19, hosts and guests.
  expect(result.body.data.officials.totalCount).toBe(22);
  expect(result.body.data.officials.nodes).toHaveLength(22);
  expect(commands).toEqual(['find']);
  const paged = await server.countCommands(() => server.gql(`{ officials(filter: { name: "Official1" }, first: 20) { totalCount } }`));
  expect(paged.result.body.data.officials.totalCount).toBe(22);
  expect([...paged.commands].sort()).toEqual(['aggregate', 'find']);
});
