/**
 * The embedded FerretDB (tools/ferretdb) answers a read, update or delete by
 * `_id` from an index, not by scanning the table: FerretDB 1.24's own `_id`
 * index is on an expression SQLite does not match to the one its `{_id}`
 * filter uses, so the wrapper adds one that matches: at start-up and when
 * the service asks (`indexPointReads`, after creating its collections).
 * FerretDB's `explain` returns SQLite's query plan.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ObjectId } from 'mongodb';
import { connectDatabase, type Database } from '../../src/db/database';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded';

let embedded: EmbeddedDatabase;
let database: Database;
beforeAll(async () => {
  embedded = await startEmbeddedDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-point-reads-')) });
  database = await connectDatabase(embedded.uri, 'point_reads');
});
afterAll(async () => {
  await database.close();
  await embedded.stop();
  fs.rmSync(embedded.dataDir, { recursive: true, force: true });
});

async function plan(collection: string, filter: object): Promise<string[]> {
  // A query first: SQLite reloads a connection's schema when a statement runs, not when one is only explained.
  await database.db.collection(collection).findOne(filter);
  const explained = await database.db.command({ explain: { find: collection, filter } });
  return explained.queryPlanner.Plan as string[];
}

test('a point read by _id searches an index, on a collection created after start-up too; other filters still scan', async () => {
  const id = new ObjectId();
  await database.db.collection('fresh').insertOne({ _id: id, name: 'a' });
  await embedded.indexPointReads(database.db);
  expect((await plan('fresh', { _id: id })).join('\n')).toMatch(/SEARCH \S+ USING INDEX newsgraph_id_path_/);
  expect((await plan('fresh', { name: 'a' })).join('\n')).toMatch(/SCAN/);
  // FerretDB does not list it: the service's indexes are what it sees.
  expect((await database.db.collection('fresh').indexes()).map((index) => index.name)).toEqual(['_id_']);
  expect(await database.db.collection('fresh').findOne({ _id: id })).toEqual({ _id: id, name: 'a' });
});

test('a dropped and re-created database gets the index again, and keeps its data while its neighbour is dropped', async () => {
  await database.db.dropDatabase();
  const id = new ObjectId();
  await database.db.collection('again').insertOne({ _id: id });
  await embedded.indexPointReads(database.db);
  expect((await plan('again', { _id: id })).join('\n')).toMatch(/USING INDEX newsgraph_id_path_/);
  // Dropping other databases over and over while this one is written: nothing of it goes missing.
  const neighbour = database.client.db('point_reads_neighbour');
  for (let round = 0; round < 20; round += 1) {
    await neighbour.collection('scratch').insertOne({ round });
    await Promise.all([neighbour.dropDatabase(), database.db.collection('again').insertOne({ round })]);
  }
  expect(await database.db.collection('again').countDocuments({ round: { $exists: true } })).toBe(20);
});

test('a restarted FerretDB indexes the tables it finds at start-up by itself', async () => {
  const id = new ObjectId();
  await database.db.collection('before_restart').insertOne({ _id: id });
  process.kill(embedded.pid!, 'SIGKILL'); // the supervisor restarts it
  for (const started = Date.now(); Date.now() - started < 20_000; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const answered = await database.db.command({ ping: 1 }).then(() => true, () => false);
    if (answered) break;
  }
  expect((await plan('before_restart', { _id: id })).join('\n')).toMatch(/USING INDEX newsgraph_id_path_/);
});
