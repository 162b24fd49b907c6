/**
 * Per-request DataLoaders: every relation is one batched query per level of a
 * GraphQL query, whatever the list sizes. Keys are ObjectIds, cached by their
 * hex form so that equal ids from different documents share one entry.
 * Lists loaded by a foreign key prime the by-id loader of the same collection.
 *
 * `naive: true` builds the same loaders with `{ batch: false, cache: false }`:
 * one query per key and nothing remembered, so priming does nothing either.
 * The resolvers and schema stay the same; `npm run bench` uses it to measure
 * what batching buys.
 */
import DataLoader from 'dataloader';
import type { Collection, Db, Document, Filter, ObjectId } from 'mongodb';
import { articlesCollection, type ArticleDoc } from '../models/articles';
import { conferencesCollection, type ConferenceDoc } from '../models/conferences';
import { meetingsCollection, type MeetingDoc } from '../models/meetings';
import { officialsCollection, type OfficialDoc } from '../models/officials';
import { organizationsCollection } from '../models/organizations';

type WithId = Document & { _id: ObjectId };
const cacheKeyFn = (id: ObjectId) => id.toHexString();

export interface LoaderOptions {
  /** Server-side limit for each batched query. */
  maxTimeMS?: number;
  /** One query per key, no per-request cache (NEWSGRAPH_NAIVE_RESOLVERS). */
  naive?: boolean;
}

/**
 * Every document a batch matches comes in the first reply: the driver's
 * default first batch (101 documents) would add a `getMore` round trip as soon
 * as a level of a query matched more, making the cost depend on list sizes.
 */
const oneReply = { batchSize: 100_000 };

/** DataLoader settings shared by every loader of a request. */
function loaderSettings(options: LoaderOptions) {
  // With cache off, DataLoader's prime() is a no-op, so list queries stop priming too.
  return options.naive ? { cacheKeyFn, batch: false, cache: false } : { cacheKeyFn };
}

/**
 * Loads documents by `_id`: one `find` per batch; `null` for ids that match
 * nothing. A batch of one asks for `{ _id: id }` rather than `$in`: FerretDB's
 * SQLite backend pushes only that exact filter down to SQL and scans the whole
 * collection for any other, `$in` included.
 */
function byIdLoader<T extends WithId>(collection: Collection<T>, options: LoaderOptions) {
  return new DataLoader<ObjectId, T | null, string>(
    async (ids) => {
      const filter = ids.length === 1 ? { _id: ids[0] } : { _id: { $in: [...ids] } };
      const docs = (await collection.find(filter as Filter<T>, { ...oneReply, maxTimeMS: options.maxTimeMS }).toArray()) as T[];
      const byId = new Map(docs.map((doc) => [doc._id.toHexString(), doc]));
      return ids.map((id) => byId.get(id.toHexString()) ?? null);
    },
    loaderSettings(options),
  );
}

/**
 * Loads, for each key, the documents whose `field` (a scalar or an array of
 * ids) holds it: one `find` per batch, results in the collection's natural
 * order. Every document found is primed into `byId`.
 */
function byForeignKeyLoader<T extends WithId>(
  collection: Collection<T>,
  field: keyof T & string,
  byId: DataLoader<ObjectId, T | null, string>,
  options: LoaderOptions,
) {
  return new DataLoader<ObjectId, T[], string>(
    async (keys) => {
      const docs = (await collection
        .find({ [field]: { $in: [...keys] } } as Filter<T>, { ...oneReply, maxTimeMS: options.maxTimeMS })
        .toArray()) as T[];
      const groups = new Map<string, T[]>(keys.map((key) => [key.toHexString(), []]));
      for (const doc of docs) {
        byId.prime(doc._id, doc);
        const value = doc[field] as unknown;
        const refs = (Array.isArray(value) ? value : [value]) as (ObjectId | null)[];
        for (const ref of new Set(refs.filter((r): r is ObjectId => r != null).map(cacheKeyFn))) {
          groups.get(ref)?.push(doc);
        }
      }
      return keys.map((key) => groups.get(key.toHexString()) ?? []);
    },
    loaderSettings(options),
  );
}

export function createLoaders(db: Db, options: LoaderOptions = {}) {
  const articleById = byIdLoader(articlesCollection(db), options);
  const officialById = byIdLoader(officialsCollection(db), options);
  const organizationById = byIdLoader(organizationsCollection(db), options);
  const meetingById = byIdLoader(meetingsCollection(db), options);
  const conferenceById = byIdLoader(conferencesCollection(db), options);
  return {
    articles: {
      byId: articleById,
      byOfficial: byForeignKeyLoader<ArticleDoc>(articlesCollection(db), 'officialIds', articleById, options),
    },
    officials: {
      byId: officialById,
      byOrganization: byForeignKeyLoader<OfficialDoc>(officialsCollection(db), 'organizationId', officialById, options),
    },
    organizations: {
      byId: organizationById,
    },
    meetings: {
      byId: meetingById,
      byParticipant: byForeignKeyLoader<MeetingDoc>(meetingsCollection(db), 'participantIds', meetingById, options),
      byConference: byForeignKeyLoader<MeetingDoc>(meetingsCollection(db), 'conferenceId', meetingById, options),
    },
    conferences: {
      byId: conferenceById,
      byParticipant: byForeignKeyLoader<ConferenceDoc>(conferencesCollection(db), 'participantIds', conferenceById, options),
      byOrganizer: byForeignKeyLoader<ConferenceDoc>(conferencesCollection(db), 'organizerId', conferenceById, options),
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Loads many ids through a by-id loader, dropping ids that no longer exist. */
export async function loadExisting<T>(loader: DataLoader<ObjectId, T | null, string>, ids: ObjectId[]): Promise<T[]> {
  const docs = await loader.loadMany(ids);
  const failure = docs.find((doc): doc is Error => doc instanceof Error);
  if (failure) throw failure;
  return docs.filter((doc): doc is T => doc != null);
}

/** Primes a by-id loader with documents a list query returned. */
export function primeAll<T extends WithId>(loader: DataLoader<ObjectId, T | null, string>, docs: T[]): T[] {
  for (const doc of docs) loader.prime(doc._id, doc);
  return docs;
}
