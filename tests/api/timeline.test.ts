/** `Official.timeline` order on invented reports: periods where they begin, undated events last by report date. */
import { startTestServer, type TestServer } from '../support/harness';

let server: TestServer;

const ingest = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id } } }`;
const officials = [
  { name: 'Ana Lima', title: 'Foreign Minister', country: 'PT' },
  { name: 'John Otieno', title: 'Foreign Minister', country: 'KE' },
  { name: 'Mei Chen', title: 'Trade Minister', country: 'SG' },
];

/** One report of `publishedAt` with meetings of Ana Lima (`date` null = undated) and conferences she attended. */
function report(n: number, publishedAt: string, meetings: Array<{ with: string; date: string | null; city: string; topic: string }>, conferences: Array<{ name: string; startDate: string }> = []) {
  return {
    url: `https://news.example/timeline/${n}`,
    publishedAt,
    body: [`Report ${n} about Foreign Minister Ana Lima.`],
    officials,
    meetings: meetings.map((m) => ({ participants: ['Ana Lima', m.with], date: m.date, city: m.city, topics: [m.topic] })),
    conferences: conferences.map((c) => ({ ...c, participants: ['Ana Lima'] })),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  const reports = [
    report(1, '2024-02-01', [{ with: 'John Otieno', date: '2024-01-02', city: 'Nairobi', topic: 'day in 2024' }]),
    report(2, '2023-12-20', [{ with: 'Mei Chen', date: null, city: 'Singapore', topic: 'undated, reported 2023-12' }]),
    report(3, '2023-06-01', [
      { with: 'John Otieno', date: '2023-03-05', city: 'Lisbon', topic: 'day in March 2023' },
      { with: 'Mei Chen', date: '2023-03', city: 'Lisbon', topic: 'March 2023' },
    ]),
    report(4, '2022-11-30', [{ with: 'John Otieno', date: null, city: 'London', topic: 'undated, reported 2022-11' }]),
    report(5, '2024-03-01', [], [{ name: 'Trade Forum', startDate: '2023' }]),
  ];
  for (const input of reports) {
    const result = await server.gql(ingest, { input });
    expect(result.body.errors).toBeUndefined();
  }
});
afterAll(() => server.stop());

test('dated events by the start of their period, oldest first; undated last, by the day they were first reported', async () => {
  const id = (await server.gql(`{ officials(filter: { name: "Ana Lima" }) { nodes { id } } }`)).body.data.officials.nodes[0].id;
  const result = await server.gql(
    `query($id: ID!) { official(id: $id) { timeline { edges { date { value precision } node { __typename ... on Meeting { topics } ... on Conference { name } } } } } }`,
    { id },
  );
  expect(result.body.errors).toBeUndefined();
  expect(result.body.data.official.timeline.edges.map((e: any) => [e.date?.value ?? null, e.node.topics?.[0] ?? e.node.name])).toEqual([
    ['2023', 'Trade Forum'],
    ['2023-03', 'March 2023'],
    ['2023-03-05', 'day in March 2023'],
    ['2024-01-02', 'day in 2024'],
    [null, 'undated, reported 2022-11'],
    [null, 'undated, reported 2023-12'],
  ]);
});
