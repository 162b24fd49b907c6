/**
 * Idempotent upsert by natural key, the one write path every entity uses.
 *
 * FerretDB has no transactions and its updates are read–modify–write, so
 * duplicates are prevented by a unique index on `key` (an insert that loses a
 * race fails with 11000 and is retried as an update) and lost merges by a
 * `version` field (an update whose version moved on is retried on fresh data).
 */
import { ObjectId, type Collection, type Filter, type OptionalUnlessRequiredId } from 'mongodb';
import { isDuplicateKeyError } from '../errors';
import type { Timestamps } from './common';
import { hasFacts } from './stable';

export type ChangeStatusValue = 'CREATED' | 'UPDATED' | 'UNCHANGED';

export interface Keyed extends Timestamps {
  _id: ObjectId;
  /** The natural key; unique per collection. */
  key: string;
  /** Bumped on every write, for optimistic concurrency. */
  version: number;
}

export type Facts<T extends Keyed> = Omit<T, '_id' | 'createdAt' | 'updatedAt' | 'version'>;

export interface UpsertResult<T> {
  doc: T;
  status: ChangeStatusValue;
}

const maxAttempts = 5;

/**
 * Finds the document `locate` points at (by default the one with `key`), asks
 * `merge` for its facts given what is stored, and writes only if they differ.
 * `merge` receives null when nothing is stored yet; its `key` may differ from
 * the stored one (an official whose country became known), and the unique
 * index keeps that safe too.
 */
export async function upsertByKey<T extends Keyed>(
  collection: Collection<T>,
  options: {
    key: string;
    merge: (existing: T | null) => Facts<T>;
    locate?: () => Promise<T | null>;
    now: Date;
    newId?: ObjectId;
  },
): Promise<UpsertResult<T>> {
  const locate = options.locate ?? (() => collection.findOne({ key: options.key } as Filter<T>) as Promise<T | null>);
  let lastError: unknown;
  for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
    const existing = await locate();
    const facts = options.merge(existing);
    if (existing) {
      if (hasFacts(existing, facts)) return { doc: existing, status: 'UNCHANGED' };
      const next = { ...existing, ...facts, version: existing.version + 1, updatedAt: options.now } as T;
      try {
        const result = await collection.replaceOne(
          { _id: existing._id, version: existing.version } as Filter<T>,
          stripId(next),
        );
        if (result.matchedCount === 1) return { doc: next, status: 'UPDATED' };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        lastError = error;
      }
      continue;
    }
    const doc = {
      _id: options.newId ?? new ObjectId(),
      ...facts,
      version: 1,
      createdAt: options.now,
      updatedAt: options.now,
    } as T;
    try {
      await collection.insertOne(doc as OptionalUnlessRequiredId<T>);
      return { doc, status: 'CREATED' };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      lastError = error;
    }
  }
  throw new Error(`Could not upsert "${options.key}" after ${maxAttempts} attempts: ${String(lastError)}`);
}

function stripId<T extends Keyed>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}
