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
import { syntheticReports } from '../../bench/generate';
import { defaultConcurrency, ingestArticle, sendInOrder } from '../../src/ingest/client';
import { ingestKey, startTestServer, type TestServer } from '../support/harness';
import { factCollections as collections, storedFacts } from '../support/snapshot';

const fixtureDir = path.join(__dirname, '..', 'fixtures', 'ingest-equivalence');
const ingest = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { url } changes { type key status } } }`;

let server: TestServer;
/** More services, each on its own empty database: fed the way the CLI feeds one (several reports at once), or one by one. */
let concurrent: TestServer;
let syntheticOneByOne: TestServer;
let syntheticConcurrent: TestServer;
beforeAll(async () => {
  [server, concurrent, syntheticOneByOne, syntheticConcurrent] = await Promise.all([1, 2, 3, 4].map(() => startTestServer()));
});
afterAll(async () => {
  for (const each of [server, concurrent, syntheticOneByOne, syntheticConcurrent]) await each.stop();
});

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

/** The read models' documents with their entries in a fixed order (entries are a set; arrival order may differ). */
async function readModels(db: TestServer['db']) {
  const docs = await db.collection<{ _id: string; entries: string[] }>('readModels').find({}).toArray();
  return docs.map((doc) => ({ ...doc, entries: [...doc.entries].sort() })).sort((a, b) => a._id.localeCompare(b._id));
}

/** Sends every report through the CLI's client, `concurrency` at once; fails on any error. */
async function sendAll(target: TestServer, inputs: Array<Parameters<typeof ingestArticle>[0]>, concurrency: number): Promise<void> {
  const failures: unknown[] = [];
  await sendInOrder(inputs, concurrency, (input) => ingestArticle(input, { endpoint: target.url, apiKey: ingestKey, attempts: 1 }), (outcome) => {
    if (!outcome.ok) failures.push(outcome.error);
  });
  expect(failures).toEqual([]);
}

test('sent several at a time through the CLI\'s client, the frozen reports store the recorded documents', async () => {
  const inputs = JSON.parse(fs.readFileSync(path.join(fixtureDir, 'inputs.json'), 'utf8')) as Array<Parameters<typeof ingestArticle>[0]>;
  const expected = JSON.parse(fs.readFileSync(path.join(fixtureDir, 'expected.json'), 'utf8'));
  await sendAll(concurrent, inputs, defaultConcurrency);
  expect(await storedFacts(concurrent.db)).toEqual(expected.documents);
  // The read models of the one-by-one run of the first test.
  expect(await readModels(concurrent.db)).toEqual(await readModels(server.db));
}, 180_000);

test('reports that keep naming the same officials end the same sent eight at a time as one by one', async () => {
  // A few officials in most reports (bench/generate.ts's skew): concurrent ingestions merge into the same documents all the time.
  const inputs = [...syntheticReports({ articles: 60, officials: 12, meetings: 150, conferences: 6 }, 7)];
  await sendAll(syntheticOneByOne, inputs, 1);
  await sendAll(syntheticConcurrent, inputs, 8);
  const oneByOne = await storedFacts(syntheticOneByOne.db);
  expect(oneByOne.officials!.length).toBeGreaterThan(5);
  expect(await storedFacts(syntheticConcurrent.db)).toEqual(oneByOne);
  expect(await readModels(syntheticConcurrent.db)).toEqual(await readModels(syntheticOneByOne.db));
}, 180_000);
