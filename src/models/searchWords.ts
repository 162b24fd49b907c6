/**
 * The search read model of the embedded FerretDB: the words of every article
 * and conference as lines of text, packed into a few dozen documents, so a
 * search reads them all in one small scan instead of decoding the articles.
 *
 * Why this shape (measured at 1,000 synthetic reports; README, *Cost curve*): on
 * FerretDB's SQLite backend every filter but `{_id: value}` decodes every
 * document of its collection, and the decoding costs per document and per
 * array element far more than per byte of a string. The regex `find` on the
 * articles' `searchTokens` arrays decoded 1,000 documents and 37,000 array
 * elements; one document per article with its words as one string cut that
 * about five times; the same words packed 50 articles to a document, about
 * thirty times. Postings (a document per word, listing its articles) would
 * make a search bounded, but every ingestion would then rewrite one posting
 * per distinct word of the report (dozens to hundreds, read-modify-write on
 * FerretDB) — far beyond the few milliseconds per report ingestion can spare.
 *
 * A bucket is `{ _id: '<collection>|<n>', lines }`, one line per document,
 * `<id hex>\t<sort value>\t<folded name or title>\t<words>`, lines in id
 * order; a document's bucket follows from its id (`bucketCount` per
 * collection), so a bucket grows with the archive by 1/`bucketCount` of it
 * and rewriting one stays cheap. The write path keeps them through the read
 * models' one hook (readModels.ts), from the before/after images of a write
 * that succeeded, and puts them back if the hook fails.
 *
 * Only on FerretDB. The embedded database serves one process, whose locks
 * serialise each bucket's read-modify-write. MongoDB answers the same
 * anchored regexes from the multikey `searchTokens` indexes instead, so it
 * keeps no buckets (several processes could not safely rewrite them either).
 */
import type { Db, Document, ObjectId } from 'mongodb';
import { foldText } from '../text/normalize';
import { articlesCollection, type ArticleDoc } from './articles';
import { backendOf } from './backend';
import { conferencesCollection, type ConferenceDoc } from './conferences';
import { KeyedLocks } from './locks';

export interface SearchWordsDoc {
  _id: string;
  lines?: string;
  version?: number;
}

export function searchWordsCollection(db: Db) {
  return db.collection<SearchWordsDoc>('searchWords');
}

/** Bump when the lines' shape changes: start-up then rebuilds them. */
export const searchWordsVersion = 1;
const metaId = 'meta';
const bucketCount = 32;

export type SearchedCollection = 'articles' | 'conferences';

/** What search needs of one searchable document: its id, the order of candidates, the label ranking ties, its words. */
export interface SearchLine {
  id: string;
  /** Candidates are taken in this order, descending (then id descending): newest first. */
  sortValue: string;
  /** The folded title or name: ranks equal scores, and its words weigh most. */
  label: string;
  /** The stored folded words (`searchTokens`); none for an article read from MongoDB, whose ranking does not use them. */
  words: readonly string[];
}

export const searchLineOf: Record<SearchedCollection, (doc: Document) => SearchLine> = {
  articles: (doc) => {
    const article = doc as ArticleDoc;
    return { id: article._id.toHexString(), sortValue: article.publishedAtUtc.toISOString(), label: foldText(article.title), words: article.searchTokens ?? [] };
  },
  conferences: (doc) => {
    const conference = doc as ConferenceDoc;
    return { id: conference._id.toHexString(), sortValue: conference.dateSort, label: foldText(conference.name), words: conference.searchTokens };
  },
};

/** Tabs and newlines delimit; folded text has neither, but a sort value comes from input. */
const clean = (text: string) => text.replace(/[\t\n]/g, ' ');

function formatLine(line: SearchLine): string {
  return `${line.id}\t${clean(line.sortValue)}\t${clean(line.label)}\t${line.words.join(' ')}`;
}

function parseLine(text: string): SearchLine {
  const [id = '', sortValue = '', label = '', words = ''] = text.split('\t');
  return { id, sortValue, label, words: words.length > 0 ? words.split(' ') : [] };
}

export function searchBucketOf(collection: SearchedCollection, id: string): string {
  return `${collection}|${parseInt(id.slice(-4), 16) % bucketCount}`;
}

const isSearched = (collection: string): collection is SearchedCollection => collection in searchLineOf;

/** True when every query word begins one of the line's words (the anchored regexes' rule). */
function matchesEvery(line: string, words: readonly string[]): boolean {
  const text = ` ${line.slice(line.lastIndexOf('\t') + 1)}`;
  return words.every((word) => text.includes(` ${word}`));
}

/**
 * The documents of `collection` whose words begin with every query word, as
 * `find(...).sort({<sort value>: -1, _id: -1}).limit(limit)` would give them.
 * `buckets` is every bucket document (one scan, shared by the collections).
 */
export function matchingLines(buckets: readonly SearchWordsDoc[], collection: SearchedCollection, words: readonly string[], limit: number): SearchLine[] {
  const found: SearchLine[] = [];
  for (const bucket of buckets) {
    if (!bucket.lines || !bucket._id.startsWith(`${collection}|`)) continue;
    for (const line of bucket.lines.split('\n')) if (matchesEvery(line, words)) found.push(parseLine(line));
  }
  // Binary order, as the database sorts these ASCII strings; ids in hex sort as ObjectIds do.
  const descending = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  return found.sort((a, b) => descending(a.sortValue, b.sortValue) || descending(a.id, b.id)).slice(0, limit);
}

/** Every bucket: one `find`, the only command a search sends for conferences and articles on FerretDB. */
export function readSearchWords(db: Db, maxTimeMS?: number): Promise<SearchWordsDoc[]> {
  return searchWordsCollection(db).find({}, { batchSize: 100_000, maxTimeMS }).toArray();
}

/** Per bucket, within this process: each update is a read-modify-write. */
const bucketLocks = new KeyedLocks();

/** A document a write changed: as it was (null: created) and is now (null: deleted). */
export interface SearchedChange {
  collection: string;
  before: Document | null;
  after: Document | null;
}

/**
 * Moves the lines of the changed articles and conferences to match `after`:
 * the buckets whose lines change are locked, read by `_id` (sent together)
 * and replaced in one bulk command. A no-op on MongoDB.
 */
export async function updateSearchWords(db: Db, changes: readonly SearchedChange[], maxTimeMS?: number): Promise<void> {
  const lineChanges = new Map<string, Map<string, string | null>>();
  for (const change of changes) {
    if (!isSearched(change.collection)) continue;
    const lineOf = searchLineOf[change.collection];
    const before = change.before ? formatLine(lineOf(change.before)) : null;
    const after = change.after ? formatLine(lineOf(change.after)) : null;
    if (before === after) continue;
    const id = ((change.after ?? change.before)!._id as ObjectId).toHexString();
    const bucket = searchBucketOf(change.collection, id);
    lineChanges.set(bucket, (lineChanges.get(bucket) ?? new Map()).set(id, after));
  }
  if (lineChanges.size === 0 || (await backendOf(db)) !== 'ferretdb') return;
  const buckets = searchWordsCollection(db);
  const keys = [...lineChanges.keys()].sort();
  const releases = [];
  try {
    // In sorted order, so two writes that share buckets cannot wait for each other.
    for (const key of keys) releases.push(await bucketLocks.acquire(key));
    const stored = await Promise.all(keys.map((key) => buckets.findOne({ _id: key }, { maxTimeMS })));
    const replacements = keys.map((key, i) => {
      const lines = stored[i]?.lines;
      const byId = new Map((lines ? lines.split('\n') : []).map((line) => [line.slice(0, line.indexOf('\t')), line]));
      for (const [id, line] of lineChanges.get(key)!) {
        if (line === null) byId.delete(id);
        else byId.set(id, line);
      }
      return { replaceOne: { filter: { _id: key }, replacement: { lines: joinLines(byId) }, upsert: true } };
    });
    await buckets.bulkWrite(replacements, { ordered: true, maxTimeMS });
  } finally {
    for (const release of releases) release();
  }
}

function joinLines(byId: Map<string, string>): string {
  return [...byId.keys()]
    .sort()
    .map((id) => byId.get(id)!)
    .join('\n');
}

/**
 * On FerretDB, builds the buckets from the articles and conferences when they
 * are missing or from an older version (a database written before they
 * existed): one scan of each, at start-up. Up to date: one point read.
 */
export async function ensureSearchWords(db: Db): Promise<void> {
  if ((await backendOf(db)) !== 'ferretdb') return;
  const buckets = searchWordsCollection(db);
  const meta = await buckets.findOne({ _id: metaId });
  if (meta?.version === searchWordsVersion) return;
  const byBucket = new Map<string, Map<string, string>>();
  const sources: Array<[SearchedCollection, Document[]]> = [
    ['articles', await articlesCollection(db).find({}, { projection: { title: 1, publishedAtUtc: 1, searchTokens: 1 } }).toArray()],
    ['conferences', await conferencesCollection(db).find({}, { projection: { name: 1, dateSort: 1, searchTokens: 1 } }).toArray()],
  ];
  for (const [collection, docs] of sources) {
    for (const doc of docs) {
      const line = searchLineOf[collection](doc);
      const bucket = searchBucketOf(collection, line.id);
      byBucket.set(bucket, (byBucket.get(bucket) ?? new Map()).set(line.id, formatLine(line)));
    }
  }
  await buckets.deleteMany({});
  const docs = [...byBucket].map(([bucket, lines]) => ({ _id: bucket, lines: joinLines(lines) }));
  if (docs.length > 0) await buckets.insertMany(docs);
  await buckets.insertOne({ _id: metaId, version: searchWordsVersion });
}
