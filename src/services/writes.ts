/** The single-entity upserts behind the Mutation type; ingestArticle lives in ingest.ts. */
import type { Db, ObjectId } from 'mongodb';
import { ValidationError } from '../errors';
import type { ArticleInput, ConferenceInput, OfficialInput, UpsertMeetingInput } from '../generated/graphql';
import { articlesCollection, upsertArticle, type ArticleDoc } from '../models/articles';
import { conferencesCollection, upsertConference, type ConferenceDoc } from '../models/conferences';
import { upsertMeeting, type MeetingDoc } from '../models/meetings';
import { officialsCollection, upsertOfficial, type OfficialDoc } from '../models/officials';
import { upsertOrganization } from '../models/organizations';
import { nameKey } from '../text/normalize';
import type { Upserted } from './changes';
import { validateArticle, validateConferenceFields, validateMeetingFields, validateOfficial } from './ingest';

/** An article on its own keeps the facts already linked to it. */
export async function upsertArticleInput(db: Db, input: ArticleInput, now: Date): Promise<Upserted<ArticleDoc>> {
  const article = validateArticle(input, 'input');
  const existing = await articlesCollection(db).findOne({ key: article.url });
  return upsertArticle(
    db,
    {
      url: article.url,
      title: article.title,
      source: article.source,
      publishedAt: article.publishedAt.iso,
      publishedAtUtc: article.publishedAt.utc,
      body: article.body,
      officialIds: existing?.officialIds ?? [],
      meetingIds: existing?.meetingIds ?? [],
      conferenceIds: existing?.conferenceIds ?? [],
    },
    now,
  );
}

export async function upsertOfficialInput(db: Db, input: OfficialInput, now: Date): Promise<Upserted<OfficialDoc>> {
  const official = validateOfficial(input, 'input');
  const organization = official.organization
    ? (await upsertOrganization(db, { name: official.organization, country: official.country }, now)).doc
    : null;
  return upsertOfficial(db, { ...official, organizationId: organization?._id ?? null, articleId: null }, now);
}

async function officialIdsByName(db: Db, names: string[], field: string): Promise<ObjectId[]> {
  const ids: ObjectId[] = [];
  for (const [i, name] of names.entries()) {
    const official = await officialsCollection(db).findOne({ nameKeys: nameKey(name) });
    if (!official) throw new ValidationError(`Expected "${field}[${i}]" to name a stored official, but found none named "${name}".`, `${field}[${i}]`);
    ids.push(official._id);
  }
  return ids;
}

export async function upsertConferenceInput(db: Db, input: ConferenceInput, now: Date): Promise<Upserted<ConferenceDoc>> {
  const conference = validateConferenceFields(input, 'input');
  const participantIds = await officialIdsByName(db, input.participants ?? [], 'input.participants');
  const organizer = conference.organizer ? (await upsertOrganization(db, { name: conference.organizer, country: null }, now)).doc : null;
  return upsertConference(
    db,
    {
      ...conference,
      organizerId: organizer?._id ?? null,
      participantIds,
      articleId: null,
      evidence: null,
      reportYear: now.getUTCFullYear(),
    },
    now,
  );
}

async function requireExisting(db: Db, collection: string, id: ObjectId, field: string, what: string): Promise<void> {
  if (!(await db.collection(collection).findOne({ _id: id }, { projection: { _id: 1 } }))) {
    throw new ValidationError(`Expected "${field}" to be the id of a stored ${what}, but none has it.`, field);
  }
}

export async function upsertMeetingInput(
  db: Db,
  input: UpsertMeetingInput,
  now: Date,
  ids: { participants: ObjectId[]; conference: ObjectId | null; article: ObjectId | null },
): Promise<Upserted<MeetingDoc>> {
  const fields = validateMeetingFields(input, 'input');
  if (ids.participants.length === 0) throw new ValidationError('Expected at least one participant in "input.participants".', 'input.participants');
  for (const [i, id] of ids.participants.entries()) await requireExisting(db, 'officials', id, `input.participants[${i}]`, 'official');
  if (ids.conference) await requireExisting(db, conferencesCollection(db).collectionName, ids.conference, 'input.conference', 'conference');
  if (ids.article) await requireExisting(db, 'articles', ids.article, 'input.article', 'article');
  return upsertMeeting(
    db,
    { ...fields, participantIds: ids.participants, countryCodes: fields.countries, conferenceId: ids.conference, articleId: ids.article, evidence: null },
    now,
  );
}
