/**
 * Read models: small documents addressed by `_id`, kept beside the entities by
 * the write path, so the hot lists are point reads. On FerretDB's SQLite
 * backend only `{_id: value}` reaches SQL: a sorted page, a count or a name
 * regex decodes the whole collection (article bodies included), so their cost
 * grows with the archive; reading a few of these documents does not.
 *
 * Every document is `{ _id, entries: string[] }`, each entry a sortable string
 * ending in the hex id of the document it stands for:
 *
 * - `feed`: the months that hold articles; `feed|YYYY-MM`: that month's
 *   articles as `<publishedAtUtc ISO>\u0001<id>` (newest first = descending).
 * - `officials`: the first letters of sort names; `officials|<letter>`: the
 *   officials as `<sortName>\u0001<id>` (alphabetical = ascending).
 * - `names|<prefix>`: officials one of whose name words (nameTokens) starts
 *   with the prefix (1 to `namePrefixLength` characters), same entries.
 * - `meetings|<official id>`: the official's meetings as `<dateSort>\u0001<id>`.
 *
 * Entries are changed with `$addToSet`/`$pullAll` (atomic per document on
 * MongoDB, so several processes can write at once); FerretDB applies updates
 * as read-modify-write, so within the process each document's updates are
 * serialised by a short lock. Entities change only through write scopes,
 * which call `updateReadModels` once, when their writes have succeeded.
 * The same hook keeps search's words on FerretDB (searchWords.ts).
 */
import type { Db, Document, ObjectId } from 'mongodb';
import { articlesCollection, type ArticleDoc } from './articles';
import { findByIds } from './backend';
import { KeyedLocks } from './locks';
import { meetingsCollection, type MeetingDoc } from './meetings';
import { officialsCollection, type OfficialDoc } from './officials';
import { ensureSearchWords, updateSearchWords, type SearchedCollection } from './searchWords';

export interface ReadModelDoc {
  _id: string;
  entries: string[];
}

export function readModelsCollection(db: Db) {
  return db.collection<ReadModelDoc>('readModels');
}

/** Bump when the entries' shape changes: start-up then rebuilds them. */
export const readModelsVersion = 1;
const metaId = 'meta';

/** Query words longer than this are looked up by their first characters, then checked against the officials' words. */
export const namePrefixLength = 8;

const separator = '\u0001';

export function entryOf(sortValue: string, id: ObjectId | string): string {
  return `${sortValue}${separator}${typeof id === 'string' ? id : id.toHexString()}`;
}

/** The id (hex) and sort value an entry stands for. */
export function parseEntry(entry: string): { sortValue: string; id: string } {
  const at = entry.lastIndexOf(separator);
  return { sortValue: entry.slice(0, at), id: entry.slice(at + 1) };
}

/** Plain code-unit order: what MongoDB's and FerretDB's binary string order gives for these values. */
export function compareEntries(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const feedKey = (month: string) => `feed|${month}`;
export const feedDirectoryKey = 'feed';
export const officialsKey = (letter: string) => `officials|${letter}`;
export const officialsDirectoryKey = 'officials';
export const namesKey = (prefix: string) => `names|${prefix}`;
export const meetingsKey = (officialId: ObjectId) => `meetings|${officialId.toHexString()}`;

/** The first letter of a sort name (a whole code point), the officials' bucket. */
export function letterOf(sortName: string): string {
  return [...sortName][0] ?? '';
}

/** The names posting a query word is looked up in. */
export function namePrefixOf(word: string): string {
  return [...word].slice(0, namePrefixLength).join('');
}

export const articleEntry = (article: Pick<ArticleDoc, '_id' | 'publishedAtUtc'>) => entryOf(article.publishedAtUtc.toISOString(), article._id);
export const officialEntry = (official: Pick<OfficialDoc, '_id' | 'sortName'>) => entryOf(official.sortName, official._id);
export const meetingEntry = (meeting: Pick<MeetingDoc, '_id' | 'dateSort'>) => entryOf(meeting.dateSort, meeting._id);

/** One entry of one read-model document. Directory entries (`keep`) are only ever added: other documents may still need them. */
interface Placement {
  key: string;
  entry: string;
  keep?: boolean;
}

const modelled = {
  articles: (doc: ArticleDoc): Placement[] => {
    const month = doc.publishedAtUtc.toISOString().slice(0, 7);
    return [
      { key: feedDirectoryKey, entry: month, keep: true },
      { key: feedKey(month), entry: articleEntry(doc) },
    ];
  },
  officials: (doc: OfficialDoc): Placement[] => {
    const letter = letterOf(doc.sortName);
    const entry = officialEntry(doc);
    const prefixes = new Set<string>();
    for (const token of doc.nameTokens) {
      const chars = [...token];
      for (let n = 1; n <= Math.min(chars.length, namePrefixLength); n += 1) prefixes.add(chars.slice(0, n).join(''));
    }
    return [
      { key: officialsDirectoryKey, entry: letter, keep: true },
      { key: officialsKey(letter), entry },
      ...[...prefixes].map((prefix) => ({ key: namesKey(prefix), entry })),
    ];
  },
  meetings: (doc: MeetingDoc): Placement[] =>
    doc.participantIds.map((participant) => ({ key: meetingsKey(participant), entry: meetingEntry(doc) })),
} satisfies Record<string, (doc: never) => Placement[]>;

type ModelledCollection = keyof typeof modelled;

/** The collections whose changes move read-model entries or search lines (searchWords.ts). */
type TrackedCollection = ModelledCollection | SearchedCollection;
const tracked: TrackedCollection[] = [...(Object.keys(modelled) as ModelledCollection[]), 'conferences'];

function placementsOf(collection: ModelledCollection, doc: Document | null): Placement[] {
  return doc ? modelled[collection](doc as never) : [];
}

const id = (p: Placement) => `${p.key}\u0002${p.entry}`;

/** Entries to add and to remove, per read-model document, so `before`'s placements become `after`'s. */
function diff(before: Placement[], after: Placement[]): { add: Map<string, string[]>; remove: Map<string, string[]> } {
  const had = new Set(before.map(id));
  const has = new Set(after.map(id));
  const add = new Map<string, string[]>();
  const remove = new Map<string, string[]>();
  for (const p of after) if (!had.has(id(p))) add.set(p.key, [...(add.get(p.key) ?? []), p.entry]);
  for (const p of before) if (!p.keep && !has.has(id(p))) remove.set(p.key, [...(remove.get(p.key) ?? []), p.entry]);
  return { add, remove };
}

/** Per read-model document, within this process: FerretDB's updates are read-modify-write. */
const documentLocks = new KeyedLocks();

/**
 * Applies one change: all additions first, then removals, so that a failure
 * midway leaves extra entries (which readers drop, see `existingEntries`)
 * rather than missing ones. One `bulkWrite` per phase; the documents it
 * touches are locked together, in sorted order, and only for its duration.
 */
async function apply(db: Db, change: { add: Map<string, string[]>; remove: Map<string, string[]> }, maxTimeMS?: number): Promise<void> {
  const models = readModelsCollection(db);
  for (const [changes, operator] of [
    [change.add, '$addToSet'],
    [change.remove, '$pullAll'],
  ] as const) {
    if (changes.size === 0) continue;
    const keys = [...changes.keys()].sort();
    const releases = [];
    try {
      for (const key of keys) releases.push(await documentLocks.acquire(key));
      await models.bulkWrite(
        keys.map((key) => ({
          updateOne: {
            filter: { _id: key },
            update: operator === '$addToSet' ? { $addToSet: { entries: { $each: changes.get(key)! } } } : { $pullAll: { entries: changes.get(key)! } },
            upsert: operator === '$addToSet',
          },
        })),
        { ordered: true, maxTimeMS },
      );
    } finally {
      for (const release of releases) release();
    }
  }
}

/** A document a write changed: what it was before (null: created) and is now (null: deleted). */
export interface ChangedDocument {
  collection: string;
  before: Document | null;
  after: Document | null;
}

/**
 * The one hook of the write path: called by a write scope once its writes
 * have all succeeded, with the before-image of every document it changed.
 * Reads the documents as they are now (point reads, sent together) and moves
 * their entries. If that fails, the entries are moved back (best effort)
 * before the error lets the scope undo the documents themselves.
 */
export async function updateReadModels(
  db: Db,
  changes: readonly { collection: string; id: ObjectId | string; doc: Document | null; after?: Document | null }[],
  maxTimeMS?: number,
): Promise<void> {
  const relevant = changes.filter((c): c is typeof c & { collection: TrackedCollection; id: ObjectId } => tracked.includes(c.collection as TrackedCollection));
  if (relevant.length === 0) return;
  const now = new Map<string, Document>();
  for (const c of relevant) if (c.after) now.set(`${c.collection}:${c.id.toHexString()}`, c.after);
  // What the caller did not say it wrote is read back, in one round trip for all the collections.
  await Promise.all(
    tracked.map(async (collection) => {
      const ids = relevant.filter((c) => c.collection === collection && c.after === undefined).map((c) => c.id);
      if (ids.length === 0) return;
      for (const doc of await findByIds(db, db.collection<Document & { _id: ObjectId }>(collection), ids, { maxTimeMS })) {
        now.set(`${collection}:${(doc._id as ObjectId).toHexString()}`, doc);
      }
    }),
  );
  const changed: ChangedDocument[] = relevant.map((c) => ({ collection: c.collection, before: c.doc, after: now.get(`${c.collection}:${c.id.toHexString()}`) ?? null }));
  const placed = changed.filter((c) => c.collection in modelled);
  const before = placed.flatMap((c) => placementsOf(c.collection as ModelledCollection, c.before));
  const after = placed.flatMap((c) => placementsOf(c.collection as ModelledCollection, c.after));
  try {
    await apply(db, diff(before, after), maxTimeMS);
    await updateSearchWords(db, changed, maxTimeMS);
  } catch (error) {
    await apply(db, diff(after, before), maxTimeMS).catch(() => undefined);
    await updateSearchWords(db, changed.map((c) => ({ ...c, before: c.after, after: c.before })), maxTimeMS).catch(() => undefined);
    throw error;
  }
}

/**
 * Builds every read model from the entities when they are missing or from an
 * older version (a database written before they existed): one scan of each
 * collection, at start-up. An up-to-date database costs one point read.
 */
export async function ensureReadModels(db: Db): Promise<void> {
  await ensureSearchWords(db);
  const models = readModelsCollection(db);
  const meta = (await models.findOne({ _id: metaId })) as (ReadModelDoc & { version?: number }) | null;
  if (meta?.version === readModelsVersion) return;
  const byKey = new Map<string, Set<string>>();
  const sources: Array<[ModelledCollection, Document[]]> = [
    ['articles', await articlesCollection(db).find({}, { projection: { publishedAtUtc: 1 } }).toArray()],
    ['officials', await officialsCollection(db).find({}, { projection: { sortName: 1, nameTokens: 1 } }).toArray()],
    ['meetings', await meetingsCollection(db).find({}, { projection: { dateSort: 1, participantIds: 1 } }).toArray()],
  ];
  for (const [collection, docs] of sources) {
    for (const doc of docs) {
      for (const p of placementsOf(collection, doc)) byKey.set(p.key, (byKey.get(p.key) ?? new Set()).add(p.entry));
    }
  }
  await models.deleteMany({});
  const docs = [...byKey].map(([key, entries]) => ({ _id: key, entries: [...entries].sort(compareEntries) }));
  for (let i = 0; i < docs.length; i += 500) await models.insertMany(docs.slice(i, i + 500), { ordered: false });
  await models.insertOne({ _id: metaId, entries: [], version: readModelsVersion } as ReadModelDoc);
}
