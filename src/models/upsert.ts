/**
 * Idempotent upsert by `_id`, the one write path every entity uses. Ids derive
 * from natural keys (src/ids.ts), so finding the stored document is a point
 * read, the one filter FerretDB's SQLite backend pushes down.
 *
 * Merges are serialised per entity by the scope's locks (in this process) and
 * written with a version check (`replaceOne({_id, version})`), which MongoDB
 * applies atomically per document, so writers in other processes cannot lose
 * each other's merges either; a racing insert fails with a duplicate `_id` and
 * is retried as an update. Repeated collisions end in CONFLICT (retryable).
 */
import type { Collection, Filter, ObjectId, OptionalUnlessRequiredId } from 'mongodb';
import { ConflictError, isDuplicateKeyError } from '../errors';
import type { Timestamps } from './common';
import type { WriteScope } from './scope';
import { hasFacts } from './stable';

export type ChangeStatusValue = 'CREATED' | 'UPDATED' | 'UNCHANGED';

export interface Keyed extends Timestamps {
  _id: ObjectId;
  /** The natural key the `_id` was derived from, readable. */
  key: string;
  /** Bumped on every write, for the version check. */
  version: number;
}

export type Facts<T extends Keyed> = Omit<T, '_id' | 'createdAt' | 'updatedAt' | 'version'>;

export interface UpsertResult<T> {
  doc: T;
  status: ChangeStatusValue;
}

const maxAttempts = 5;

export function lockKey(collection: string, id: ObjectId | string): string {
  return `${collection}:${String(id)}`;
}

/**
 * Reads the document with `id`, asks `merge` for its facts given what is
 * stored (null when nothing is), and writes only if they differ.
 */
export async function upsertById<T extends Keyed>(
  collection: Collection<T>,
  scope: WriteScope,
  options: { id: ObjectId; merge: (existing: T | null) => Facts<T> | Promise<Facts<T>>; now: Date },
): Promise<UpsertResult<T>> {
  const { id, now } = options;
  const name = collection.collectionName;
  await scope.locks.lock(lockKey(name, id.toHexString()));
  const filter = { _id: id } as Filter<T>;
  for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
    const existing = (await collection.findOne(filter, { maxTimeMS: scope.maxTimeMS })) as T | null;
    const facts = await options.merge(existing);
    if (existing && hasFacts(existing, facts)) return { doc: existing, status: 'UNCHANGED' };
    scope.remember(name, id, existing);
    if (existing) {
      const next = { ...existing, ...facts, version: existing.version + 1, updatedAt: now } as T;
      const { _id: _ignored, ...replacement } = next;
      const result = await collection.replaceOne({ _id: id, version: existing.version } as Filter<T>, replacement as Omit<T, '_id'>, {
        maxTimeMS: scope.maxTimeMS,
      });
      if (result.matchedCount === 1) return { doc: next, status: 'UPDATED' };
      continue;
    }
    const doc = { _id: id, ...facts, version: 1, createdAt: now, updatedAt: now } as T;
    try {
      await collection.insertOne(doc as OptionalUnlessRequiredId<T>, { maxTimeMS: scope.maxTimeMS });
      return { doc, status: 'CREATED' };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  throw new ConflictError(`Concurrent writes to ${name} ${id.toHexString()} kept colliding.`);
}
