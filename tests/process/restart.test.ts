/**
 * "A restart changes nothing": after reports were ingested — one of them a
 * corrected version of a sample report — starting the service again leaves
 * every document as it was (the sample data is only loaded when absent).
 */
import fs from 'node:fs';
import path from 'node:path';
import { BSON, MongoClient } from 'mongodb';
import { repoRoot } from '../../src/config';
import { ingestKey } from '../support/harness';
import { gql, spawnService, temporaryDataDir, waitReady, type ServiceProcess } from '../support/service-process';

let dataDir: string;
const services: ServiceProcess[] = [];

beforeAll(() => {
  dataDir = temporaryDataDir('restart');
});
afterAll(async () => {
  await Promise.all(services.map((service) => service.kill()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const ingest = 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { changes { type status } } }';

/** Every document of every collection, in _id order, as canonical extended JSON. */
async function snapshot(dbPort: number): Promise<Record<string, string[]>> {
  const client = new MongoClient(`mongodb://127.0.0.1:${dbPort}/?directConnection=true`, { serverSelectionTimeoutMS: 5000 });
  try {
    const db = client.db('newsgraph');
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
    const result: Record<string, string[]> = {};
    for (const name of names) {
      const documents = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
      result[name] = documents.map((document) => BSON.EJSON.stringify(document, { relaxed: false }));
    }
    return result;
  } finally {
    await client.close();
  }
}

async function startAndWait(dbPort?: number): Promise<ServiceProcess> {
  const service = await spawnService({ dataDir, dbPort });
  services.push(service);
  await waitReady(service);
  return service;
}

async function stop(service: ServiceProcess): Promise<void> {
  service.child.kill('SIGTERM');
  expect((await service.exited).code).toBe(0);
}

test('a restart after ingestion changes no document, and keeps what later reports corrected', async () => {
  const first = await startAndWait();
  const sampleFile = path.join(repoRoot, 'data', 'sample', '2024-10-01-azernews-az-pg-receives-georgian-pg.json');
  const sample = JSON.parse(fs.readFileSync(sampleFile, 'utf8'));
  const correction = 'Correction: the plenary session in Baku is scheduled for November 16.';
  const corrected = { ...sample, body: [...sample.body, correction] };
  const later = {
    url: 'https://news.example/2024/11/20/aliyev-hill',
    title: 'Prosecutors meet again in Baku',
    source: 'Example Agency',
    publishedAt: '2024-11-20T10:00:00+04:00',
    body: ['Prosecutor General Kamran Aliyev met Max Hill, Director of Public Prosecutions of the United Kingdom, in Baku.'],
    officials: [
      { name: 'Kamran Aliyev', title: 'Prosecutor General', country: 'AZ' },
      { name: 'Max Hill', title: 'Director of Public Prosecutions', country: 'GB' },
    ],
    meetings: [{ participants: ['Kamran Aliyev', 'Max Hill'], date: '2024-11-20', city: 'Baku', country: 'AZ' }],
  };
  for (const input of [corrected, later]) {
    const result = await gql(first.origin, ingest, { key: ingestKey, variables: { input } });
    expect(result.body.errors).toBeUndefined();
  }
  const before = await snapshot(first.dbPort);
  expect(before.articles).toHaveLength(3);
  await stop(first);

  const second = await startAndWait(first.dbPort);
  expect(await snapshot(second.dbPort)).toEqual(before);
  expect(second.logs()).toContainEqual(
    expect.objectContaining({ msg: 'sample data loaded', reports: 2, alreadyPresent: 2, created: 0, updated: 0, unchanged: 0 }),
  );
  const article = await gql(second.origin, `{ articleByUrl(url: "${sample.url}") { body } }`);
  expect(article.body.data.articleByUrl.body).toContain(correction);
  await stop(second);
});
