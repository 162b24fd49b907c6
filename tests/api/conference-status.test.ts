/** A conference's status is judged against the publication day of the report that mentions it. */
import { startTestServer, type TestServer } from '../support/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const ingest = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id } } }`;

async function report(n: number, publishedAt: string, conference: { name: string; startDate?: string; endDate?: string; status: 'HELD' | 'PLANNED' }) {
  const result = await server.gql(ingest, {
    input: { url: `https://news.example/status/${n}`, publishedAt, body: [`Report ${n} about ${conference.name}.`], conferences: [conference] },
  });
  expect(result.body.errors).toBeUndefined();
}

async function statusOf(name: string): Promise<string> {
  const result = await server.gql(`query($q: String!) { search(query: $q, types: [CONFERENCE]) { nodes { ... on Conference { name status } } } }`, { q: name });
  expect(result.body.errors).toBeUndefined();
  const [conference] = result.body.data.search.nodes;
  return conference.status;
}

test('a conference reported as planned is planned until a report published after its dates mentions it', async () => {
  await report(1, '2024-08-15T10:00:00+04:00', { name: 'Prosecutors Summit', startDate: '2024-09', status: 'PLANNED' });
  expect(await statusOf('Prosecutors Summit')).toBe('PLANNED');
  // An October report whose wording still reads as "to be held" does not make a September conference planned.
  await report(2, '2024-10-01', { name: 'Prosecutors Summit', startDate: '2024-09', status: 'PLANNED' });
  expect(await statusOf('Prosecutors Summit')).toBe('HELD');
});

test('the whole period counts: a conference of this month, or still running, stays planned', async () => {
  await report(3, '2024-10-01', { name: 'Autumn Forum', startDate: '2024-10', status: 'PLANNED' });
  expect(await statusOf('Autumn Forum')).toBe('PLANNED');
  await report(4, '2024-10-02', { name: 'Long Congress', startDate: '2024-09-30', endDate: '2024-10-03', status: 'PLANNED' });
  expect(await statusOf('Long Congress')).toBe('PLANNED');
  await report(5, '2025-01-10', { name: 'Annual Assembly', startDate: '2024', status: 'PLANNED' });
  expect(await statusOf('Annual Assembly')).toBe('HELD');
});
