/** The single-entity upserts behind the Mutation type; ingestArticle lives in ingest.ts. Each is one write scope. */
import type { Db, ObjectId } from 'mongodb';
import { ValidationError } from '../errors';
import type { ArticleInput, ConferenceInput, OfficialInput, UpsertMeetingInput } from '../generated/graphql';
import { findArticleByUrl, upsertArticle, type ArticleDoc } from '../models/articles';
import { conferencesCollection, upsertConference, type ConferenceDoc } from '../models/conferences';
import { upsertMeeting, type MeetingDoc } from '../models/meetings';
import { findOfficialsByName, officialsCollection, upsertOfficial, type OfficialDoc } from '../models/officials';
import { organizationsCollection, upsertOrganization } from '../models/organizations';
import { RelationLinks } from '../models/links';
import { inWriteScope } from '../models/scope';
import type { Upserted } from './changes';
import { validateArticle, validateConferenceFields, validateMeetingFields, validateOfficial } from './ingest';

/** An article on its own keeps the facts already linked to it. */
export async function upsertArticleInput(db: Db, input: ArticleInput, now: Date): Promise<Upserted<ArticleDoc>> {
  const article = validateArticle(input, 'input');
  return inWriteScope(db, {}, async (scope) => {
    const existing = await findArticleByUrl(db, article.url);
    return upsertArticle(
      scope,
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
  });
}

export async function upsertOfficialInput(db: Db, input: OfficialInput, now: Date): Promise<Upserted<OfficialDoc>> {
  const official = validateOfficial(input, 'input');
  return inWriteScope(db, {}, async (scope) => {
    const organization = official.organization
      ? (await upsertOrganization(scope, { name: official.organization, country: official.country }, now)).doc
      : null;
    return upsertOfficial(scope, { ...official, organizationId: organization?._id ?? null, articleId: null, reportedAt: null }, now);
  });
}

async function officialIdsByName(db: Db, names: string[], field: string): Promise<ObjectId[]> {
  const ids: ObjectId[] = [];
  for (const [i, name] of names.entries()) {
    const [official] = await findOfficialsByName(db, name);
    if (!official) throw new ValidationError(`Expected "${field}[${i}]" to name a stored official, but found none named "${name}".`, `${field}[${i}]`);
    ids.push(official._id);
  }
  return ids;
}

export async function upsertConferenceInput(db: Db, input: ConferenceInput, now: Date): Promise<Upserted<ConferenceDoc>> {
  const conference = validateConferenceFields(input, 'input');
  const participantIds = await officialIdsByName(db, input.participants ?? [], 'input.participants');
  return inWriteScope(db, {}, async (scope) => {
    const organizer = conference.organizer ? (await upsertOrganization(scope, { name: conference.organizer, country: null }, now)).doc : null;
    const result = await upsertConference(
      scope,
      {
        ...conference,
        organizerId: organizer?._id ?? null,
        participantIds,
        articleId: null,
        evidence: null,
        reportYear: now.getUTCFullYear(),
        reportedAt: null,
        extraction: null,
      },
      now,
    );
    const links = new RelationLinks();
    for (const participant of result.doc.participantIds) links.add(officialsCollection(db), participant, 'conferenceIds', result.doc._id);
    links.add(organizationsCollection(db), result.doc.organizerId, 'conferenceIds', result.doc._id);
    await links.write(scope, now);
    return result;
  });
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
  return inWriteScope(db, {}, async (scope) => {
    const result = await upsertMeeting(
      scope,
      {
        ...fields,
        participantIds: ids.participants,
        countryCodes: fields.countries,
        conferenceId: ids.conference,
        articleId: ids.article,
        evidence: null,
        reportedAt: null,
        extraction: null,
      },
      now,
    );
    const links = new RelationLinks();
    for (const participant of result.doc.participantIds) links.add(officialsCollection(db), participant, 'meetingIds', result.doc._id);
    links.add(conferencesCollection(db), result.doc.conferenceId, 'meetingIds', result.doc._id);
    await links.write(scope, now);
    return result;
  });
}
