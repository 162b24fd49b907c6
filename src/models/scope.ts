/**
 * One write, all or nothing. FerretDB has no transactions, so a write keeps
 * the before-image of every document it changes (a compensation log) and,
 * when it fails after validation, puts them back. It holds the lock of every
 * entity it wrote until then, so restoring a before-image can never erase a
 * concurrent write's merge into the same entity (in this process; see
 * locks.ts for why FerretDB serves one).
 */
import type { Db, Document, ObjectId } from 'mongodb';
import { LockSet } from './locks';
import { updateReadModels } from './readModels';

/** Server-side limit for each write command when the caller gives none. */
export const defaultWriteMaxTimeMS = 10_000;

interface BeforeImage {
  collection: string;
  id: ObjectId | string;
  /** null: the write created the document. */
  doc: Document | null;
}

export interface WriteScopeOptions {
  maxTimeMS?: number;
  /** Called before each write command; lets tests force a failure midway. */
  beforeWrite?: (collection: string) => void;
}

export class WriteScope {
  readonly locks = new LockSet();
  readonly maxTimeMS: number;
  private readonly before: BeforeImage[] = [];
  private readonly remembered = new Set<string>();

  constructor(
    readonly db: Db,
    private readonly options: WriteScopeOptions = {},
  ) {
    this.maxTimeMS = options.maxTimeMS ?? defaultWriteMaxTimeMS;
  }

  /** Call before writing a document: keeps what it was before this write's first change to it. */
  remember(collection: string, id: ObjectId | string, doc: Document | null): void {
    const entry = `${collection}:${String(id)}`;
    this.options.beforeWrite?.(collection);
    if (this.remembered.has(entry)) return;
    this.remembered.add(entry);
    this.before.push({ collection, id, doc });
  }

  /** Every document this write changed, as it was before its first change. */
  changed(): readonly BeforeImage[] {
    return this.before;
  }

  /** Puts every changed document back as it was, newest change first. */
  async undo(): Promise<void> {
    for (const image of [...this.before].reverse()) {
      const collection = this.db.collection(image.collection);
      const filter = { _id: image.id as ObjectId };
      if (image.doc) await collection.replaceOne(filter, image.doc, { upsert: true, maxTimeMS: this.maxTimeMS });
      else await collection.deleteOne(filter, { maxTimeMS: this.maxTimeMS });
    }
    this.before.length = 0;
  }

  release(): void {
    this.locks.releaseAll();
  }
}

/**
 * Runs `action` in a write scope: on success its writes stand; on any failure
 * they are undone before the error reaches the caller. Locks are released last.
 */
export async function inWriteScope<T>(db: Db, options: WriteScopeOptions, action: (scope: WriteScope) => Promise<T>): Promise<T> {
  const scope = new WriteScope(db, options);
  try {
    const result = await action(scope);
    // The one hook for read models kept beside the documents (readModels.ts): only writes that all succeeded move them.
    await updateReadModels(db, scope.changed(), scope.maxTimeMS);
    return result;
  } catch (error) {
    await scope.undo();
    throw error;
  } finally {
    scope.release();
  }
}
