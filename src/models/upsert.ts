/**
 * Idempotent upsert by `_id`, the one write path every entity uses. Ids derive
 * from natural keys (src/ids.ts), so finding the stored document is a point
 * read, the one filter FerretDB's SQLite backend pushes down.
 *
 * Merges are serialised per entity by the scope's locks (in this process) and
 * staged in the write scope, which writes each document once when the write
 * ends (scope.ts): a document the write touches several times — an official's
 * facts, then its relation lists — is read once and written once. On MongoDB
 * the write replaces only the version it read, so writers in other processes
 * cannot lose each other's merges either (the scope redoes an overtaken write).
 */
import type { Collection, ObjectId } from 'mongodb';
import { sortedIds } from './common';
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
  /** What was stored before this write; null when it created the document. */
  previous?: T | null;
}

export function lockKey(collection: string, id: ObjectId | string): string {
  return `${collection}:${String(id)}`;
}

/**
 * The next version of a document: `facts` over what is stored; a fact set to
 * undefined is removed from a stored document (a new one stores it as null,
 * as the driver serialises undefined).
 */
function nextVersion<T extends Keyed>(id: ObjectId, existing: T | null, facts: Partial<T>, now: Date): T {
  if (!existing) return { _id: id, ...facts, version: 1, createdAt: now, updatedAt: now } as unknown as T;
  const next = { ...existing, ...facts, version: existing.version + 1, updatedAt: now } as T;
  for (const [field, value] of Object.entries(facts)) if (value === undefined) delete (next as Record<string, unknown>)[field];
  return next;
}

/**
 * Reads the document with `id` (under its lock), asks `merge` for its facts
 * given what is stored (null when nothing is), and stages a write only if they
 * differ.
 */
export async function upsertById<T extends Keyed>(
  collection: Collection<T>,
  scope: WriteScope,
  options: { id: ObjectId; merge: (existing: T | null) => Facts<T> | Promise<Facts<T>>; now: Date },
): Promise<UpsertResult<T>> {
  const { id, now } = options;
  await scope.locks.lock(lockKey(collection.collectionName, id.toHexString()));
  const existing = await scope.read(collection, id);
  const facts = await options.merge(existing);
  if (existing && hasFacts(existing, facts)) return { doc: existing, status: 'UNCHANGED', previous: existing };
  const next = nextVersion(id, existing, facts as Partial<T>, now);
  scope.put(collection, id, next);
  return { doc: next, status: existing ? 'UPDATED' : 'CREATED', previous: existing };
}

/** Ids to add to and remove from one relation list. */
export interface RelationChange {
  add: ObjectId[];
  remove: ObjectId[];
}

/**
 * Changes relation lists a document keeps for its readers
 * (`official.meetingIds`); a no-op when they already say so. A document this
 * write already staged gets the lists in that same single write.
 */
export async function changeRelationIds<T extends Keyed>(
  collection: Collection<T>,
  scope: WriteScope,
  id: ObjectId,
  relations: Record<string, RelationChange>,
  now: Date,
): Promise<UpsertResult<T>> {
  await scope.locks.lock(lockKey(collection.collectionName, id.toHexString()));
  const existing = await scope.read(collection, id);
  if (!existing) throw new Error(`${collection.collectionName} ${id.toHexString()} is gone; cannot list relations on it.`);
  const stored = existing as unknown as Record<string, ObjectId[] | undefined>;
  const lists: Record<string, ObjectId[] | undefined> = {};
  for (const [field, change] of Object.entries(relations)) {
    const removed = new Set(change.remove.map((ref) => ref.toHexString()));
    const kept = [...(stored[field] ?? []), ...change.add].filter((ref) => !removed.has(ref.toHexString()));
    // An emptied list is dropped, so the document is the same as one that never had it.
    lists[field] = kept.length > 0 ? sortedIds(kept) : undefined;
  }
  const unchanged = Object.entries(lists).every(([field, ids]) => (ids === undefined ? stored[field] === undefined : hasFacts(existing, { [field]: ids })));
  if (unchanged) return { doc: existing, status: 'UNCHANGED', previous: existing };
  const next = nextVersion(id, existing, lists as Partial<T>, now);
  scope.put(collection, id, next);
  return { doc: next, status: 'UPDATED', previous: existing };
}
