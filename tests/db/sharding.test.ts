/**
 * docs/scaling.md shards every collection by hashed `_id`. MongoDB then refuses
 * (in `shardCollection`, or in `createIndexes` once sharded) any unique index
 * whose key does not begin with the shard key, and a hashed shard key cannot be
 * unique itself: uniqueness can only come from `_id`. This test reads back every
 * index the running service has, after start-up (ensureIndexes) and after
 * ingestion has created whatever collections the write path uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sampleDataDir } from '../../src/services/seed';
import { startTestServer, type TestServer } from '../support/harness';

/** The shard key docs/scaling.md gives every collection. */
const shardKeyField = '_id';

interface ListedIndex {
  name: string;
  key: Record<string, unknown>;
  unique?: boolean;
}

/** Why `index` could not exist on a collection sharded by `{ _id: 'hashed' }`, or null if it could. */
function conflictWithHashedIdShardKey(index: ListedIndex): string | null {
  if (!index.unique || index.name === '_id_') return null;
  const fields = Object.keys(index.key);
  if (fields[0] !== shardKeyField) return `unique on ${JSON.stringify(index.key)}, not prefixed by the shard key ${shardKeyField}`;
  if (Object.values(index.key).includes('hashed')) return `unique and hashed (${JSON.stringify(index.key)})`;
  return null;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const ingest = 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id } } }';

it('the rule flags exactly the unique indexes not led by _id', () => {
  expect(conflictWithHashedIdShardKey({ name: '_id_', key: { _id: 1 } })).toBeNull();
  expect(conflictWithHashedIdShardKey({ name: 'dateSort_id', key: { dateSort: -1, _id: -1 } })).toBeNull();
  expect(conflictWithHashedIdShardKey({ name: 'id_key', key: { _id: 1, key: 1 }, unique: true })).toBeNull();
  expect(conflictWithHashedIdShardKey({ name: 'key_unique', key: { key: 1 }, unique: true })).toMatch(/not prefixed by the shard key/);
  expect(conflictWithHashedIdShardKey({ name: 'id_hashed', key: { _id: 'hashed' }, unique: true })).toMatch(/hashed/);
});

it('no index the service creates is impossible on collections sharded by hashed _id', async () => {
  // Ingest the sample reports over HTTP so every collection the write path uses exists, with its data.
  const reports = fs.readdirSync(sampleDataDir).filter((f) => f.endsWith('.json'));
  expect(reports.length).toBeGreaterThan(0);
  for (const file of reports) {
    const input = JSON.parse(fs.readFileSync(path.join(sampleDataDir, file), 'utf8'));
    const response = await server.gql(ingest, { input });
    expect(response.body.errors).toBeUndefined();
  }

  const collections = (await server.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  // The check must see the service's collections, or it proves nothing.
  expect(collections).toEqual(expect.arrayContaining(['articles', 'conferences', 'meetings', 'officials', 'organizations']));

  const listed: string[] = [];
  const impossible: string[] = [];
  for (const name of collections) {
    for (const index of (await server.db.collection(name).indexes()) as ListedIndex[]) {
      listed.push(`${name}.${index.name}`);
      const conflict = conflictWithHashedIdShardKey(index);
      if (conflict) impossible.push(`${name}.${index.name}: ${conflict}`);
    }
  }
  expect(listed.length).toBeGreaterThan(collections.length); // more than the `_id_` indexes alone
  expect(impossible).toEqual([]);
});
