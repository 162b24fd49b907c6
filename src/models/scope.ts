/**
 * One write, all or nothing, in few round trips.
 *
 * A write scope is a unit of work: documents are read once (point reads by
 * `_id`, sent together where the ids are known), merged in memory, and written
 * once each when the write ends (`flush`) — one bulk command per collection on
 * FerretDB. Every read of a hot document costs FerretDB time in proportion to
 * its size, so reading it twice or writing it twice (its facts, then its
 * relation lists) is what made ingestion slow down as archives grew.
 *
 * FerretDB has no transactions, so the scope keeps the before-image of every
 * document it sends (a compensation log) and, when the write fails after
 * validation, puts them back. It holds the lock of every entity it wrote until
 * then, so restoring a before-image can never erase a concurrent write's merge
 * into the same entity (in this process; see locks.ts for why FerretDB serves
 * one).
 */
import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection, type Db, type Document, type Filter, type ObjectId } from 'mongodb';
import { ConflictError, isDuplicateKeyError } from '../errors';
import { backendOf } from './backend';
import { KeyedLocks, LockSet } from './locks';
import { updateReadModels } from './readModels';

/** Server-side limit for each write command when the caller gives none. */
export const defaultWriteMaxTimeMS = 10_000;

export interface WriteScopeOptions {
  maxTimeMS?: number;
  /** Called before each document is written; lets tests force a failure midway. */
  beforeWrite?: (collection: string) => void;
}

type Id = ObjectId | string;

/** A document this write will store: the whole next version, or ids to add to one list of it. */
interface Staged {
  collection: Collection<Document>;
  id: Id;
  /** As stored before this write (null: the write creates it); the before-image and the version guard. */
  stored: Document | null;
  /** The whole next version, written by insert or replace. */
  next?: Document;
  /** Ids added with `$addToSet` instead (a list several processes may extend at once on MongoDB). */
  addToSet?: { field: string; values: unknown[] };
}

/** Another process wrote a document between this write's read and its write (MongoDB): the whole write is redone. */
class StaleWriteError extends Error {}

const maxAttempts = 5;

export class WriteScope {
  readonly locks = new LockSet();
  readonly maxTimeMS: number;
  /** What this write has read or staged, by `collection:id`: later reads of the same document cost nothing. */
  private readonly view = new Map<string, Document | null>();
  private readonly staged = new Map<string, Staged>();
  /** Staged documents in the order their writes were sent: undone newest first. */
  private sent: Staged[] = [];

  constructor(
    readonly db: Db,
    private readonly options: WriteScopeOptions = {},
  ) {
    this.maxTimeMS = options.maxTimeMS ?? defaultWriteMaxTimeMS;
  }

  /**
   * The documents with these ids as this write sees them: staged versions,
   * else what it read before, else point reads sent together. Read an entity
   * only while holding its lock, so what is cached stays current.
   */
  async readAll<T extends Document>(collection: Collection<T>, ids: readonly Id[]): Promise<Array<T | null>> {
    const name = collection.collectionName;
    const missing = [...new Set(ids.map(String))].filter((id) => !this.view.has(`${name}:${id}`));
    if (missing.length > 0) {
      const byKey = new Map(ids.map((id) => [String(id), id]));
      const found = await Promise.all(
        missing.map((id) => collection.findOne({ _id: byKey.get(id) } as Filter<T>, { maxTimeMS: this.maxTimeMS }) as Promise<Document | null>),
      );
      missing.forEach((id, i) => this.view.set(`${name}:${id}`, found[i] ?? null));
    }
    return ids.map((id) => (this.view.get(`${name}:${String(id)}`) ?? null) as T | null);
  }

  async read<T extends Document>(collection: Collection<T>, id: Id): Promise<T | null> {
    return (await this.readAll(collection, [id]))[0]!;
  }

  /** Stages `next` as the document's new version (read first: `read` gives what it replaces). */
  put<T extends Document>(collection: Collection<T>, id: Id, next: T): void {
    const entry = this.entry(collection, id);
    // One write, one version step, however many times this write changed it.
    if (typeof next.version === 'number') (next as Document).version = (typeof entry.stored?.version === 'number' ? entry.stored.version : 0) + 1;
    entry.next = next;
    delete entry.addToSet;
    this.view.set(`${collection.collectionName}:${String(id)}`, next);
  }

  /** Stages ids to add to one list of the document, creating it when absent (read first). */
  addToSet<T extends Document>(collection: Collection<T>, id: Id, field: string, values: unknown[], next: T): void {
    const entry = this.entry(collection, id);
    if (entry.next) entry.next = next;
    else entry.addToSet = { field, values: [...(entry.addToSet?.values ?? []), ...values] };
    this.view.set(`${collection.collectionName}:${String(id)}`, next);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private entry(collection: Collection<any>, id: Id): Staged {
    const key = `${collection.collectionName}:${String(id)}`;
    let entry = this.staged.get(key);
    if (!entry) {
      if (!this.view.has(key)) throw new Error(`${key} is staged without being read first.`);
      entry = { collection: collection as Collection<Document>, id, stored: this.view.get(key) ?? null };
      this.staged.set(key, entry);
    }
    return entry;
  }

  /**
   * Writes every staged document: facts first, articles (which make a report
   * visible) last. On FerretDB one bulk command per collection (its locks
   * serialise writers; only `{_id}` filters); on MongoDB one command per
   * document, replacing only the version it read, so a write from another
   * process is detected (StaleWriteError) and the whole write is redone.
   */
  async flush(): Promise<void> {
    const groups = new Map<string, Staged[]>();
    // Inserts before replacements: a bulk write sends one command per run of operations of one kind.
    const entries = [...this.staged.values()].sort((a, b) => Number(a.stored !== null) - Number(b.stored !== null));
    for (const entry of entries) {
      const name = entry.collection.collectionName;
      groups.set(name, [...(groups.get(name) ?? []), entry]);
    }
    const names = [...groups.keys()].sort((a, b) => Number(a === 'articles') - Number(b === 'articles'));
    const versionChecked = (await backendOf(this.db)) === 'mongodb';
    for (const name of names) {
      const entries = groups.get(name)!;
      for (let i = 0; i < entries.length; i += 1) this.options.beforeWrite?.(name);
      const operations = entries.map((entry) => this.operation(entry, versionChecked));
      const collection = entries[0]!.collection;
      // One command per document on MongoDB, all of the collection's at once on FerretDB.
      const batches = versionChecked ? entries.map((_, i) => [i]) : [entries.map((_, i) => i)];
      for (const batch of batches) {
        const sent = batch.map((i) => entries[i]!);
        this.sent.push(...sent);
        try {
          const result = await collection.bulkWrite(
            batch.map((i) => operations[i]!),
            { ordered: true, maxTimeMS: this.maxTimeMS },
          );
          if (result.insertedCount + result.matchedCount + result.upsertedCount !== batch.length) {
            // Only a write from another process (MongoDB's version check) or outside the write path can cause it.
            if (versionChecked) throw new StaleWriteError();
            throw new ConflictError(`A document of ${name} changed or went away while this write held its lock.`);
          }
        } catch (error) {
          if (error instanceof MongoBulkWriteError) {
            // An ordered bulk write stops at its first failure: later documents were not written, so not undone either.
            const failedAt = Math.min(...[error.writeErrors].flat().map((e) => e.index));
            const unsent = new Set(sent.slice(failedAt));
            this.sent = this.sent.filter((entry) => !unsent.has(entry));
          }
          // A racing insert of the same id: another writer created it meanwhile.
          if (isDuplicateKeyError(error)) throw new StaleWriteError();
          throw error;
        }
      }
    }
    this.staged.clear();
  }

  private operation(entry: Staged, versionChecked: boolean): AnyBulkWriteOperation<Document> {
    const filter = { _id: entry.id } as Document;
    if (entry.addToSet) {
      return { updateOne: { filter, update: { $addToSet: { [entry.addToSet.field]: { $each: entry.addToSet.values } } }, upsert: true } };
    }
    if (!entry.stored) return { insertOne: { document: entry.next! } };
    const { _id: _ignored, ...replacement } = entry.next!;
    // Any filter but `{_id}` decodes the whole collection on FerretDB, where this process's locks already serialise writers.
    const guard = versionChecked && entry.stored.version !== undefined ? { ...filter, version: entry.stored.version } : filter;
    return { replaceOne: { filter: guard, replacement } };
  }

  /**
   * Every document this write sent, as it was before and as it is now: what
   * the read models (readModels.ts) move their entries by, without reading
   * the documents again.
   */
  changed(): Array<{ collection: string; id: Id; doc: Document | null; after: Document | null }> {
    return this.sent.map((entry) => {
      const name = entry.collection.collectionName;
      return { collection: name, id: entry.id, doc: entry.stored, after: this.view.get(`${name}:${String(entry.id)}`) ?? null };
    });
  }

  /** Puts every document this write sent back as it was, newest first. */
  async undo(): Promise<void> {
    for (const entry of [...this.sent].reverse()) {
      const collection = this.db.collection(entry.collection.collectionName);
      const filter = { _id: entry.id as ObjectId };
      if (entry.stored) await collection.replaceOne(filter, entry.stored, { upsert: true, maxTimeMS: this.maxTimeMS });
      else await collection.deleteOne(filter, { maxTimeMS: this.maxTimeMS });
    }
    this.sent = [];
    this.staged.clear();
  }

  release(): void {
    this.locks.releaseAll();
  }
}

/** Per database: the writes of one scope at a time (FerretDB). */
const databaseWriters = new KeyedLocks();

/**
 * FerretDB's SQLite store takes one writer at a time, and writers that
 * collide wait in SQLite's busy handler, which sleeps: with several
 * ingestions in flight, that made them slower together than one by one.
 * So on FerretDB the writes of a scope (facts, articles, read models) wait
 * their turn here, while reads and the service's own work still overlap. On
 * MongoDB, where writers do not collide so, they go at once.
 */
async function oneWriterAtATime(db: Db, write: () => Promise<void>): Promise<void> {
  if ((await backendOf(db)) === 'mongodb') return write();
  const release = await databaseWriters.acquire(db.databaseName);
  try {
    await write();
  } finally {
    release();
  }
}

/**
 * Runs `action` in a write scope and writes what it staged: on success its
 * writes stand; on any failure they are undone before the error reaches the
 * caller. A write another process overtook (MongoDB) is undone and run again
 * from fresh reads; repeated collisions end in CONFLICT (retryable). Locks are
 * released last.
 */
export async function inWriteScope<T>(db: Db, options: WriteScopeOptions, action: (scope: WriteScope) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const scope = new WriteScope(db, options);
    try {
      const result = await action(scope);
      await oneWriterAtATime(db, async () => {
        await scope.flush();
        // The one hook for read models kept beside the documents (readModels.ts): only writes that all succeeded move them.
        await updateReadModels(db, scope.changed(), scope.maxTimeMS);
      });
      return result;
    } catch (error) {
      await scope.undo();
      if (!(error instanceof StaleWriteError)) throw error;
      if (attempt === maxAttempts) throw new ConflictError('Concurrent writes to the same entities kept colliding.');
    } finally {
      scope.release();
    }
  }
}
