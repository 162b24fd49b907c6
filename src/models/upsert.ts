/**
 * Idempotent upsert by `_id`, the one write path every entity uses. Ids derive
 * from natural keys (src/ids.ts), so finding the stored document is a point
 * read, the one filter FerretDB's SQLite backend pushes down.
 *
 * Merges are serialised per entity by the scope's locks (in this process). On
 * MongoDB they are also written with a version check (`replaceOne({_id,
 * version})`), which MongoDB applies atomically per document, so writers in
 * other processes cannot lose each other's merges either; a racing insert
 * fails with a duplicate `_id` and is retried as an update. FerretDB serves one
 * process, so there the lock suffices and the write filters on `_id` alone
 * (any other filter would decode the whole collection). Repeated collisions
 * end in CONFLICT (retryable).
 */
import type { Collection, Filter, ObjectId, OptionalUnlessRequiredId } from 'mongodb';
import { sortedIds } from './common';
import { ConflictError, isDuplicateKeyError } from '../errors';
import type { Timestamps } from './common';
import { backendOf } from './backend';
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
  /** What was stored before this write; null when it created the document. */
  previous?: T | null;
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
  const versionChecked = (await backendOf(scope.db)) === 'mongodb';
  for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
    const existing = (await collection.findOne(filter, { maxTimeMS: scope.maxTimeMS })) as T | null;
    const facts = await options.merge(existing);
    if (existing && hasFacts(existing, facts)) return { doc: existing, status: 'UNCHANGED', previous: existing };
    scope.remember(name, id, existing);
    if (existing) {
      const next = { ...existing, ...facts, version: existing.version + 1, updatedAt: now } as T;
      // A fact set to undefined is removed from the document.
      for (const [field, value] of Object.entries(next)) if (value === undefined) delete (next as Record<string, unknown>)[field];
      const { _id: _ignored, ...replacement } = next;
      const guard = (versionChecked ? { _id: id, version: existing.version } : { _id: id }) as Filter<T>;
      const result = await collection.replaceOne(guard, replacement as Omit<T, '_id'>, {
        maxTimeMS: scope.maxTimeMS,
      });
      if (result.matchedCount === 1) return { doc: next, status: 'UPDATED', previous: existing };
      continue;
    }
    const doc = { _id: id, ...facts, version: 1, createdAt: now, updatedAt: now } as T;
    try {
      await collection.insertOne(doc as OptionalUnlessRequiredId<T>, { maxTimeMS: scope.maxTimeMS });
      return { doc, status: 'CREATED', previous: null };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  throw new ConflictError(`Concurrent writes to ${name} ${id.toHexString()} kept colliding.`);
}

/** Ids to add to and remove from one relation list. */
export interface RelationChange {
  add: ObjectId[];
  remove: ObjectId[];
}

/**
 * Changes relation lists a document keeps for its readers
 * (`official.meetingIds`); a no-op when they already say so.
 */
export async function changeRelationIds<T extends Keyed>(
  collection: Collection<T>,
  scope: WriteScope,
  id: ObjectId,
  relations: Record<string, RelationChange>,
  now: Date,
  known?: T,
): Promise<UpsertResult<T>> {
  if (known) {
    // This write already holds the document's lock and its current version: one update, no read.
    const stored = known as unknown as Record<string, ObjectId[] | undefined>;
    const set: Record<string, unknown> = {};
    const unset: Record<string, ''> = {};
    for (const [field, change] of Object.entries(relations)) {
      const removed = new Set(change.remove.map((ref) => ref.toHexString()));
      const kept = sortedIds([...(stored[field] ?? []), ...change.add].filter((ref) => !removed.has(ref.toHexString())));
      if (kept.length > 0) set[field] = kept;
      else if (stored[field] !== undefined) unset[field] = '';
    }
    const changed = Object.keys(unset).length > 0 || Object.entries(set).some(([field, ids]) => !hasFacts(known, { [field]: ids }));
    if (!changed) return { doc: known, status: 'UNCHANGED', previous: known };
    await scope.locks.lock(lockKey(collection.collectionName, id.toHexString()));
    scope.remember(collection.collectionName, id, known);
    const versionChecked = (await backendOf(scope.db)) === 'mongodb';
    const guard = (versionChecked ? { _id: id, version: known.version } : { _id: id }) as Filter<T>;
    const update = { $set: { ...set, version: known.version + 1, updatedAt: now }, ...(Object.keys(unset).length ? { $unset: unset } : {}) };
    const result = await collection.updateOne(guard, update as never, { maxTimeMS: scope.maxTimeMS });
    if (result.matchedCount === 1) {
      const doc = { ...known, ...set, version: known.version + 1, updatedAt: now } as T;
      for (const field of Object.keys(unset)) delete (doc as Record<string, unknown>)[field];
      return { doc, status: 'UPDATED', previous: known };
    }
    // Another process wrote it meanwhile (MongoDB): merge into what is stored now.
  }
  return upsertById(collection, scope, {
    id,
    now,
    merge: (existing) => {
      if (!existing) throw new Error(`${collection.collectionName} ${id.toHexString()} is gone; cannot list relations on it.`);
      const { _id, createdAt: _c, updatedAt: _u, version: _v, ...facts } = existing as T & Record<string, unknown>;
      const stored = existing as unknown as Record<string, ObjectId[] | undefined>;
      for (const [field, change] of Object.entries(relations)) {
        const removed = new Set(change.remove.map((ref) => ref.toHexString()));
        const kept = [...(stored[field] ?? []), ...change.add].filter((ref) => !removed.has(ref.toHexString()));
        // An emptied list is dropped, so the document is the same as one that never had it.
        if (kept.length > 0) (facts as Record<string, unknown>)[field] = sortedIds(kept);
        else (facts as Record<string, unknown>)[field] = undefined;
      }
      return facts as unknown as Facts<T>;
    },
  });
}
