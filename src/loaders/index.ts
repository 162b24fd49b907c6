/**
 * Per-request DataLoaders: every relation is one batched query per level of a
 * GraphQL query, whatever the list sizes. Keys are ObjectIds, cached by their
 * hex form so that equal ids from different documents share one entry.
 * Related lists come from the ids the parent stores (`official.meetingIds`),
 * so on FerretDB every level is point reads by `_id`, never a collection scan.
 *
 * `naive: true` builds the same loaders with `{ batch: false, cache: false }`:
 * one query per key and nothing remembered, so priming does nothing either.
 * The resolvers and schema stay the same; `npm run bench` uses it to measure
 * what batching buys.
 */
import DataLoader from 'dataloader';
import type { Collection, Db, Document, Filter, ObjectId } from 'mongodb';
import { articlesCollection, type ArticleDoc } from '../models/articles';
import { findByIds } from '../models/backend';
import { conferencesCollection, type ConferenceDoc } from '../models/conferences';
import { meetingsCollection, type MeetingDoc } from '../models/meetings';
import { officialsCollection, type OfficialDoc } from '../models/officials';
import { organizationsCollection, type OrganizationDoc } from '../models/organizations';
import { readModelsCollection, type ReadModelDoc } from '../models/readModels';

type WithId = Document & { _id: ObjectId };
const cacheKeyFn = (id: ObjectId) => id.toHexString();

export interface LoaderOptions {
  /** Server-side limit for each batched query. */
  maxTimeMS?: number;
  /** One query per key, no per-request cache (NEWSGRAPH_NAIVE_RESOLVERS). */
  naive?: boolean;
}

/** DataLoader settings shared by every loader of a request. */
function loaderSettings(options: LoaderOptions) {
  // With cache off, DataLoader's prime() is a no-op, so list queries stop priming too.
  return options.naive ? { cacheKeyFn, batch: false, cache: false } : { cacheKeyFn };
}

/**
 * Loads documents by `_id`, one batch per level: `$in` on MongoDB, point reads
 * sent together on FerretDB (see findByIds); `null` for ids that match nothing.
 */
function byIdLoader<T extends WithId>(db: Db, collection: Collection<T>, options: LoaderOptions) {
  return new DataLoader<ObjectId, T | null, string>(
    async (ids) => {
      const docs = await findByIds(db, collection, ids, { maxTimeMS: options.maxTimeMS });
      const byId = new Map(docs.map((doc) => [doc._id.toHexString(), doc]));
      return ids.map((id) => byId.get(id.toHexString()) ?? null);
    },
    loaderSettings(options),
  );
}

/**
 * Loads, for each key, the documents whose `field` holds it: one `find … $in`
 * per batch (a scan on FerretDB). Kept for relations too large to list on the
 * parent (an organization's officials); every document found is primed into `byId`.
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
        .find({ [field]: { $in: [...keys] } } as Filter<T>, { batchSize: 100_000, maxTimeMS: options.maxTimeMS })
        .toArray()) as T[];
      const groups = new Map<string, T[]>(keys.map((key) => [key.toHexString(), []]));
      for (const doc of docs) {
        byId.prime(doc._id, doc);
        for (const key of keys) if (refersTo(doc, field, key)) groups.get(key.toHexString())!.push(doc);
      }
      return keys.map((key) => groups.get(key.toHexString()) ?? []);
    },
    loaderSettings(options),
  );
}

/** True when the child document's `field` (a scalar or an array of ids) holds `id`. */
function refersTo(doc: Document, field: string, id: ObjectId): boolean {
  const value = doc[field] as unknown;
  return (Array.isArray(value) ? value : [value]).some((ref) => ref != null && (ref as ObjectId).equals(id));
}

/**
 * Loads, for each parent id, the documents the parent lists in `idsField`
 * (`official.meetingIds`, kept by the write path): the parents by id, then the
 * children by id — point reads, never a scan of the child collection. A child
 * that no longer refers back through `backField` (a re-ingested report that
 * dropped an official) is left out. The children's batch is the level's one.
 */
function byParentIdsLoader<P extends WithId, T extends WithId>(
  parentById: DataLoader<ObjectId, P | null, string>,
  idsField: keyof P & string,
  childById: DataLoader<ObjectId, T | null, string>,
  backField: keyof T & string,
  options: LoaderOptions,
) {
  return new DataLoader<ObjectId, T[], string>(
    async (keys) => {
      const parents = await loadExisting(parentById, [...keys]);
      const byParent = new Map(parents.map((parent) => [parent._id.toHexString(), ((parent[idsField] as ObjectId[] | undefined) ?? [])]));
      const children = await loadExisting(childById, [...byParent.values()].flat());
      const childrenById = new Map(children.map((child) => [child._id.toHexString(), child]));
      return keys.map((key) =>
        (byParent.get(key.toHexString()) ?? [])
          .map((id) => childrenById.get(id.toHexString()))
          .filter((child): child is T => child != null && refersTo(child, backField, key)),
      );
    },
    loaderSettings(options),
  );
}

/** Read-model documents (readModels.ts) by their string `_id`, one batch per level like the entities. */
function readModelLoader(db: Db, options: LoaderOptions) {
  return new DataLoader<string, ReadModelDoc | null>(
    async (keys) => {
      const docs = await findByIds(db, readModelsCollection(db), keys, { maxTimeMS: options.maxTimeMS });
      const byKey = new Map(docs.map((doc) => [doc._id, doc]));
      return keys.map((key) => byKey.get(key) ?? null);
    },
    options.naive ? { batch: false, cache: false } : {},
  );
}

export function createLoaders(db: Db, options: LoaderOptions = {}) {
  const articleById = byIdLoader(db, articlesCollection(db), options);
  const officialById = byIdLoader(db, officialsCollection(db), options);
  const organizationById = byIdLoader(db, organizationsCollection(db), options);
  const meetingById = byIdLoader(db, meetingsCollection(db), options);
  const conferenceById = byIdLoader(db, conferencesCollection(db), options);
  return {
    articles: {
      byId: articleById,
      byOfficial: byParentIdsLoader<OfficialDoc, ArticleDoc>(officialById, 'articleIds', articleById, 'officialIds', options),
    },
    officials: {
      byId: officialById,
      byOrganization: byForeignKeyLoader<OfficialDoc>(officialsCollection(db), 'organizationId', officialById, options),
    },
    organizations: {
      byId: organizationById,
    },
    readModels: {
      byId: readModelLoader(db, options),
    },
    meetings: {
      byId: meetingById,
      byParticipant: byParentIdsLoader<OfficialDoc, MeetingDoc>(officialById, 'meetingIds', meetingById, 'participantIds', options),
      byConference: byParentIdsLoader<ConferenceDoc, MeetingDoc>(conferenceById, 'meetingIds', meetingById, 'conferenceId', options),
    },
    conferences: {
      byId: conferenceById,
      byParticipant: byParentIdsLoader<OfficialDoc, ConferenceDoc>(officialById, 'conferenceIds', conferenceById, 'participantIds', options),
      byOrganizer: byParentIdsLoader<OrganizationDoc, ConferenceDoc>(organizationById, 'conferenceIds', conferenceById, 'organizerId', options),
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
