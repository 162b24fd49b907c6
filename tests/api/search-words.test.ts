/**
 * Search's words on FerretDB (src/models/searchWords.ts): the conferences and
 * articles it finds are exactly those the anchored regexes over the
 * collections find (MongoDB's path), in the same order, for words drawn from
 * sample, genre, invented and synthetic reports; the packed words are rebuilt
 * for a database written before they existed; a failed ingestion leaves no
 * line behind; concurrent ingestions and re-ingestions leave what a rebuild
 * from the documents gives.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ObjectId } from 'mongodb';
import { curveScale } from '../../bench/curve';
import { syntheticReports } from '../../bench/generate';
import { createContext } from '../../src/context';
import { ensureIndexes } from '../../src/db/indexes';
import type { IngestArticleInput } from '../../src/generated/graphql';
import { toGlobalId } from '../../src/ids';
import { articleIdForUrl, articlesCollection } from '../../src/models/articles';
import { conferencesCollection } from '../../src/models/conferences';
import { readModelsCollection } from '../../src/models/readModels';
import { readSearchWords, searchBucketOf, searchWordsCollection, type SearchedCollection, type SearchLine } from '../../src/models/searchWords';
import { ingestArticle } from '../../src/services/ingest';
import { matchingDocuments, searchLimits } from '../../src/services/search';
import { seedSampleData } from '../../src/services/seed';
import { foldedTokens } from '../../src/text/normalize';
import { escapeRegex } from '../../src/text/regex';
import { seedReports } from '../support/reports';
import { startTestServer, type TestServer } from '../support/harness';

const now = new Date('2024-08-01T00:00:00Z');
const frozenInputs = path.join(__dirname, '..', 'fixtures', 'ingest-equivalence', 'inputs.json');

async function bucketDocs(server: TestServer) {
  return searchWordsCollection(server.db).find({}).sort({ _id: 1 }).toArray();
}

/** What the regexes over the collections find, as the API ranks it: ids by type, newest first. */
async function scanned(server: TestServer, collection: SearchedCollection, words: string[]): Promise<string[]> {
  const filter = { $and: words.map((word) => ({ searchTokens: { $regex: `^${escapeRegex(word)}` } })) };
  const sortField = collection === 'articles' ? 'publishedAtUtc' : 'dateSort';
  const docs = await server.db.collection(collection).find(filter).sort({ [sortField]: -1, _id: -1 }).limit(searchLimits.candidatesPerType).toArray();
  return docs.map((doc) => (doc._id as ObjectId).toHexString());
}

function contextOf(server: TestServer) {
  return createContext(server.db, { role: 'read' } as never, { maxTimeMS: 10_000, requestId: 'test' });
}

describe('search words on sample, genre, invented and synthetic reports', () => {
  let server: TestServer;
  let queries: string[][];
  beforeAll(async () => {
    server = await startTestServer();
    await seedSampleData(server.db, now);
    await seedReports(server.db, now);
    for (const input of JSON.parse(fs.readFileSync(frozenInputs, 'utf8')) as IngestArticleInput[]) await ingestArticle(server.db, input, now);
    const synthetic = syntheticReports(curveScale(2500));
    for (let i = 0; i < 30; i += 1) await ingestArticle(server.db, synthetic.next().value!, now);
    // Words and beginnings of words the documents hold, alone and in pairs, and some they do not.
    const docs = [...(await articlesCollection(server.db).find({}).toArray()), ...(await conferencesCollection(server.db).find({}).toArray())];
    queries = [['a'], ['forum'], ['lusophone', 'trade'], ['ş'], ['turkiye'], ['zzqx'], ['2024'], ['aliyev', 'ka'], ['minister', 'zzqx']];
    docs.forEach((doc, i) => {
      if (i % 4 !== 0) return;
      const tokens = doc.searchTokens;
      const pick = (k: number) => tokens[(i * 7 + k * 13) % tokens.length]!;
      queries.push([pick(0)], [pick(1).slice(0, 2)], [pick(2), pick(3).slice(0, 3)]);
    });
  }, 300_000);
  afterAll(() => server.stop());

  it('conferences and articles match exactly as the regexes over the collections, newest first', async () => {
    const ctx = contextOf(server);
    const buckets = readSearchWords(server.db);
    let found = 0;
    for (const words of queries) {
      for (const collection of ['articles', 'conferences'] as const) {
        const lines = await matchingDocuments(ctx, collection, words, buckets);
        const expected = await scanned(server, collection, words);
        expect({ words, collection, ids: lines.map((line) => line.id) }).toEqual({ words, collection, ids: expected });
        found += expected.length;
      }
    }
    expect(found).toBeGreaterThan(queries.length);
  }, 120_000);

  it('the API ranks the same candidates the same way from either source', async () => {
    const ctx = contextOf(server);
    const buckets = readSearchWords(server.db);
    for (const words of queries.slice(0, 40)) {
      for (const collection of ['articles', 'conferences'] as const) {
        // What ranking reads: ids, order, labels; and a conference's words (an article's are not read).
        const ranked = (lines: SearchLine[]) => lines.map((line) => ({ ...line, words: collection === 'conferences' ? line.words : [] }));
        expect(ranked(await matchingDocuments(ctx, collection, words, buckets))).toEqual(ranked(await matchingDocuments(ctx, collection, words, Promise.resolve(null))));
      }
    }
    // And what a user sees: every article and conference the regexes find, counted.
    const response = await server.gql(`{ search(query: "trade forum", types: [ARTICLE, CONFERENCE], first: 100) { totalCount nodes { ... on Article { id } ... on Conference { id } } } }`);
    const words = foldedTokens('trade forum');
    const expected = [
      ...(await scanned(server, 'articles', words)).map((id) => toGlobalId('Article', new ObjectId(id))),
      ...(await scanned(server, 'conferences', words)).map((id) => toGlobalId('Conference', new ObjectId(id))),
    ];
    expect(expected.length).toBeGreaterThan(1);
    expect(response.body.data.search.totalCount).toBe(expected.length);
    expect(response.body.data.search.nodes.map((node: { id: string }) => node.id).sort()).toEqual(expected.sort());
  }, 120_000);

  it('a database written before the search words existed gets them at start-up, with the same answers', async () => {
    const kept = await bucketDocs(server);
    expect(kept.length).toBeGreaterThan(2);
    const query = `{ search(query: "minister", first: 30) { totalCount edges { score cursor node { __typename ... on Article { id } ... on Conference { id } ... on Official { id } } } } }`;
    const before = (await server.gql(query)).body;
    await searchWordsCollection(server.db).drop();
    await ensureIndexes(server.db);
    expect(await bucketDocs(server)).toEqual(kept);
    expect((await server.gql(query)).body).toEqual(before);
    // Up to date: a second start-up leaves them alone.
    await ensureIndexes(server.db);
    expect(await bucketDocs(server)).toEqual(kept);
  }, 120_000);
});

describe('search words under failure, concurrency and re-ingestion', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await seedReports(server.db, now);
  });
  afterAll(() => server.stop());

  const report = (i: number, title = `Quarry talks ${i}`): IngestArticleInput => ({
    url: `https://news.example/words/${i}`,
    title,
    publishedAt: `2025-0${(i % 9) + 1}-15T10:00:00Z`,
    body: [`Minister Quentin Zarzuela${i} met Minister Ana Lima about xylophones.`],
    officials: [
      { name: `Quentin Zarzuela${i}`, country: 'ES' },
      { name: 'Ana Lima', country: 'PT' },
    ],
  });

  /** What a rebuild from the documents gives, compared with what the write path kept. */
  async function expectEqualToRebuild() {
    const incremental = await bucketDocs(server);
    await searchWordsCollection(server.db).deleteOne({ _id: 'meta' });
    await ensureIndexes(server.db);
    expect(await bucketDocs(server)).toEqual(incremental);
  }

  /** The feed and the officials' list as a user sees them. */
  async function visibleLists() {
    return (await server.gql(`{ articles(first: 50) { totalCount nodes { id } } officials(first: 50) { totalCount nodes { id } } }`)).body;
  }

  const hits = async (query: string) => (await server.gql(`query($q: String!) { search(query: $q, types: [ARTICLE]) { totalCount } }`, { q: query })).body.data.search.totalCount;

  it('an ingestion that fails before the hook leaves no line behind', async () => {
    const buckets = await bucketDocs(server);
    await expect(
      ingestArticle(server.db, report(0), now, {
        beforeWrite: (collection) => {
          if (collection === 'articles') throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(await bucketDocs(server)).toEqual(buckets);
    expect(await hits('xylophones')).toBe(0);
  });

  it('an ingestion whose search words cannot be written fails whole: no article, no entry, no line', async () => {
    const bucket = searchBucketOf('articles', articleIdForUrl(report(0).url).toHexString());
    // A bucket the hook cannot read: the ingestion fails after its documents and read-model entries were written.
    await searchWordsCollection(server.db).replaceOne({ _id: bucket }, { lines: 12345 as never }, { upsert: true });
    const buckets = await bucketDocs(server);
    const lists = await visibleLists();
    await expect(ingestArticle(server.db, report(0), now)).rejects.toThrow();
    await searchWordsCollection(server.db).deleteOne({ _id: bucket });
    expect(await articlesCollection(server.db).findOne({ _id: articleIdForUrl(report(0).url) })).toBeNull();
    expect(await bucketDocs(server)).toEqual(buckets.filter((doc) => doc._id !== bucket));
    // The read models' entries moved back too (directory entries stay: they are only ever added).
    const entries = (await readModelsCollection(server.db).find({}).toArray()).flatMap((doc) => doc.entries);
    expect(entries.filter((entry) => entry.endsWith(articleIdForUrl(report(0).url).toHexString()) || entry.startsWith('quentin'))).toEqual([]);
    expect(await visibleLists()).toEqual(lists);
    // Repaired, the same report goes in and is found.
    await ingestArticle(server.db, report(0), now);
    expect(await hits('xylophones')).toBe(1);
  });

  it('concurrent ingestions lose no line, and a re-ingestion replaces its line', async () => {
    await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((i) => ingestArticle(server.db, report(i), now)));
    expect(await hits('xylophones')).toBe(9);
    await expectEqualToRebuild();
    await ingestArticle(server.db, { ...report(3, 'Vineyard accord signed'), body: ['Minister Quentin Zarzuela3 signed.'] }, now);
    expect(await hits('xylophones')).toBe(8);
    expect(await hits('vineyard accord')).toBe(1);
    expect(await hits('quarry')).toBe(8);
    await expectEqualToRebuild();
  });
});
