/**
 * Every index the code relies on, with the reason. README.md lists the same.
 * None is unique: ids derive from natural keys, so `_id` alone holds
 * uniqueness and every collection can be sharded by hashed `_id`. On MongoDB
 * each index speeds up its lookup path; on FerretDB's SQLite backend only
 * `_id` lookups are pushed down, and the rest are kept for MongoDB.
 */
import type { Db, IndexDescription } from 'mongodb';
import { ensureReadModels } from '../models/readModels';

export interface IndexSpec extends IndexDescription {
  name: string;
  reason: string;
}

export const indexes: Record<string, IndexSpec[]> = {
  articles: [
    { name: 'publishedAt_id', key: { publishedAtUtc: -1, _id: -1 }, reason: 'newest-first article lists and date-range filters' },
    { name: 'officialIds', key: { officialIds: 1 }, reason: 'Official.articles and the articles(filter: {official}) filter' },
    { name: 'sourceKey', key: { sourceKey: 1 }, reason: 'articles(filter: {source})' },
    { name: 'searchTokens', key: { searchTokens: 1 }, reason: 'search(types: [ARTICLE]): anchored prefix regexes on title and body words' },
  ],
  officials: [
    { name: 'sortName_id', key: { sortName: 1, _id: 1 }, reason: 'alphabetical official lists' },
    { name: 'nameTokens', key: { nameTokens: 1 }, reason: 'officials(filter: {name}) and search(types: [OFFICIAL]) by words of names and aliases' },
    { name: 'country', key: { country: 1 }, reason: 'officials(filter: {country})' },
    { name: 'organizationId', key: { organizationId: 1 }, reason: 'Organization.officials and officials(filter: {organization})' },
  ],
  organizations: [],
  meetings: [
    { name: 'participantIds', key: { participantIds: 1 }, reason: 'Official.meetings, counterparts and the participant filter' },
    { name: 'conferenceId', key: { conferenceId: 1 }, reason: 'Conference.meetings (side meetings)' },
    { name: 'dateSort_id', key: { dateSort: -1, _id: -1 }, reason: 'newest-first meeting lists and date-range filters' },
    { name: 'country', key: { country: 1 }, reason: 'meetings(filter: {country})' },
  ],
  conferences: [
    { name: 'organizerId_edition', key: { organizerId: 1, edition: 1 }, reason: 'series navigation (previous/next edition, editions) and the organizer filter' },
    { name: 'participantIds', key: { participantIds: 1 }, reason: 'Official.conferences' },
    { name: 'dateSort_id', key: { dateSort: -1, _id: -1 }, reason: 'newest-first conference lists' },
    { name: 'year', key: { year: 1 }, reason: 'conferences(filter: {year})' },
    { name: 'searchTokens', key: { searchTokens: 1 }, reason: 'search(types: [CONFERENCE]): anchored prefix regexes on name, organizer and city words' },
  ],
};

/**
 * Indexes earlier versions created and nothing uses any more: the unique natural
 * keys (uniqueness is `_id`'s now, and a unique index would stop sharding by
 * hashed `_id`) and name resolution by scan (now the officialNames collection).
 */
const retired = ['key_unique', 'nameKeys'];

/**
 * Creates the indexes that are missing, one command each, and drops retired ones. FerretDB 1.24.2
 * drops the connection (a panic inside it) when one `createIndexes` command
 * lists several indexes that already exist, so existing ones are skipped.
 */
/** Collections the service keeps without secondary indexes: created up front all the same (see ensureIndexes). */
const plainCollections = ['officialNames', 'readModels', 'searchWords'];

export async function ensureIndexes(db: Db): Promise<void> {
  // Every collection exists after this, so the embedded FerretDB can index its reads by `_id` right away (tools/ferretdb).
  const present = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  for (const name of [...Object.keys(indexes), ...plainCollections]) {
    if (!present.has(name)) await db.createCollection(name).catch(() => undefined); // another process created it meanwhile
  }
  for (const [name, specs] of Object.entries(indexes)) {
    const collection = db.collection(name);
    const existing = new Set(
      await collection.indexes().then(
        (found) => found.map((index) => index.name),
        () => [] as string[], // The collection does not exist yet.
      ),
    );
    for (const index of retired) if (existing.has(index)) await collection.dropIndex(index);
    for (const { reason: _reason, ...spec } of specs) {
      if (!existing.has(spec.name)) await collection.createIndexes([spec]);
    }
  }
  // The read models are indexes kept by the service itself: a database from an earlier version gets them here.
  await ensureReadModels(db);
}
