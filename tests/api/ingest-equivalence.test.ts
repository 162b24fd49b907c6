/**
 * The write path may change how it reads and writes (batched reads, one write
 * per document, bulk commands), never what it stores: the same reports give
 * the same documents and the same per-entity outcomes as the one-write-per-
 * step path that recorded tests/fixtures/ingest-equivalence/expected.json.
 *
 * The inputs are frozen (the 42 genre reports as the extractor turned them
 * into ingestArticle input when the expectation was recorded, and the two
 * sample reports), so extraction changes do not move this test. To record
 * again after a deliberate change to what is stored: RECORD_INGEST_EQUIVALENCE=1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer, type TestServer } from '../support/harness';
import { factCollections as collections, storedFacts } from '../support/snapshot';

const fixtureDir = path.join(__dirname, '..', 'fixtures', 'ingest-equivalence');
const ingest = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { url } changes { type key status } } }`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

interface Outcome {
  url: string;
  changes: Array<{ type: string; key: string; status: string }>;
}

async function send(input: unknown): Promise<Outcome> {
  const response = await server.gql(ingest, { input });
  expect(response.body.errors).toBeUndefined();
  const { article, changes } = response.body.data.ingestArticle;
  const sorted = [...changes].sort((a: Outcome['changes'][0], b: Outcome['changes'][0]) => `${a.type}|${a.key}`.localeCompare(`${b.type}|${b.key}`));
  return { url: article.url, changes: sorted };
}

const snapshot = () => storedFacts(server.db);

test('the frozen reports give the recorded documents and outcomes, and sending some again changes nothing', async () => {
  const inputs = JSON.parse(fs.readFileSync(path.join(fixtureDir, 'inputs.json'), 'utf8')) as unknown[];
  expect(inputs.length).toBe(44);
  const outcomes: Outcome[] = [];
  for (const input of inputs) outcomes.push(await send(input));
  const again: Outcome[] = [];
  for (const input of inputs.slice(0, 5)) again.push(await send(input));
  const actual = { outcomes, again, documents: await snapshot() };

  const expectedFile = path.join(fixtureDir, 'expected.json');
  if (process.env.RECORD_INGEST_EQUIVALENCE === '1') fs.writeFileSync(expectedFile, `${JSON.stringify(actual, null, 1)}\n`);
  const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8'));

  expect(again.flatMap((o) => o.changes.map((c) => c.status))).toEqual(again.flatMap((o) => o.changes.map(() => 'UNCHANGED')));
  for (const collection of collections) {
    expect(actual.documents[collection]!.length).toBe(expected.documents[collection].length);
  }
  expect(actual.outcomes).toEqual(expected.outcomes);
  expect(actual.documents).toEqual(expected.documents);
}, 180_000);
