/**
 * ingestArticle: one report and every fact extracted from it, upserted by ids
 * derived from natural keys. The whole input is validated before the first
 * write; after that it is all or nothing: a failure puts back every document
 * the ingestion changed (models/scope.ts) while it still holds their locks.
 * Every document is read once and written once, when the write ends
 * (models/scope.ts); facts are written before the article that lists them,
 * so a report is only visible once everything it reports is stored.
 */
import type { Db, ObjectId } from 'mongodb';
import { ValidationError } from '../errors';
import type { ConferenceInput, IngestArticleInput, MeetingInput, OfficialInput } from '../generated/graphql';
import { articleIdForUrl, articlesCollection, upsertArticle, type ArticleDoc } from '../models/articles';
import { uniqueIds, type EvidenceDoc, type ExtractionDoc, type PartialDateDoc } from '../models/common';
import { conferenceId, conferencesCollection, upsertConference, type ConferenceDoc, type ConferenceStatusValue } from '../models/conferences';
import { meetingId, meetingsCollection, upsertMeeting, type MeetingStatusValue } from '../models/meetings';
import { officialNameKeys, officialNameLock, officialNamesCollection, officialsCollection, prefetchOfficials, upsertOfficial, type OfficialDoc } from '../models/officials';
import { organizationId, organizationsCollection, upsertOrganization, type OrganizationDoc } from '../models/organizations';
import { RelationLinks } from '../models/links';
import { inWriteScope, type WriteScope, type WriteScopeOptions } from '../models/scope';
import { lockKey, type ChangeStatusValue, type UpsertResult } from '../models/upsert';
import { nameKey } from '../text/normalize';
import type { NodeType } from '../ids';
import type { EntityChangeModel, EntityTypeValue } from './changes';
import {
  absoluteUrl,
  list,
  optionalCountry,
  optionalEdition,
  optionalPartialDate,
  optionalText,
  paragraphs,
  parseDateTime,
  requiredText,
  type DateTimeValue,
} from './validate';
import { statusAsOfReport } from './status';

export interface IngestResult {
  article: ArticleDoc;
  changes: EntityChangeModel[];
}

type Evidence = Omit<EvidenceDoc, 'articleId'>;

/**
 * What one ingestArticle may write, so that one request stays one bounded
 * piece of work (README, Limits): more is BAD_USER_INPUT naming the list.
 */
export const ingestionCaps = { officials: 200, meetings: 200, conferences: 100 };

interface ValidOfficial {
  name: string;
  aliases: string[];
  title: string | null;
  organization: string | null;
  country: string | null;
  extraction: ExtractionDoc | null;
}

interface ValidConference {
  name: string;
  edition: number | null;
  organizer: string | null;
  city: string | null;
  country: string | null;
  startDate: PartialDateDoc | null;
  endDate: PartialDateDoc | null;
  status: ConferenceStatusValue;
  /** Indexes into the officials list. */
  participants: number[];
  evidence: Evidence | null;
  extraction: ExtractionDoc | null;
}

interface ValidMeeting {
  participants: number[];
  countries: string[];
  date: PartialDateDoc | null;
  city: string | null;
  country: string | null;
  topics: string[];
  outcome: string | null;
  status: MeetingStatusValue;
  /** Index into the conferences list. */
  conference: number | null;
  evidence: Evidence | null;
  extraction: ExtractionDoc | null;
}

export interface ValidArticle {
  url: string;
  title: string;
  source: string | null;
  publishedAt: DateTimeValue;
  body: string[];
}

interface ValidIngestion {
  article: ValidArticle;
  officials: ValidOfficial[];
  conferences: ValidConference[];
  meetings: ValidMeeting[];
}

/** A headline for reports that came without one: the first sentence, cut at a word. */
function firstSentence(body: string[]): string {
  const text = body[0] ?? '';
  const sentence = /^.+?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  return sentence.length <= 200 ? sentence : `${sentence.slice(0, 200).replace(/\s+\S*$/, '')}…`;
}

export function validateArticle(
  input: { url: string; title?: string | null; source?: string | null; publishedAt: string; body: string[] },
  path: string,
): ValidArticle {
  const body = paragraphs(input.body, `${path}.body`);
  return {
    url: absoluteUrl(input.url, `${path}.url`),
    title: optionalText(input.title, `${path}.title`) ?? firstSentence(body),
    source: optionalText(input.source, `${path}.source`),
    publishedAt: parseDateTime(input.publishedAt, `${path}.publishedAt`),
    body,
  };
}

function validateEvidence(input: { sentence: string; start?: number | null; end?: number | null } | null | undefined, path: string, bodyLength: number): Evidence | null {
  if (!input) return null;
  const sentence = requiredText(input.sentence, `${path}.sentence`, 10_000);
  const start = input.start ?? null;
  const end = input.end ?? null;
  if (start != null && (!Number.isInteger(start) || start < 0 || start > bodyLength)) {
    throw new ValidationError(`Expected "${path}.start" between 0 and ${bodyLength}, but got ${start}.`, `${path}.start`);
  }
  if (end != null && (!Number.isInteger(end) || end < (start ?? 0) || end > bodyLength)) {
    throw new ValidationError(`Expected "${path}.end" between "start" and ${bodyLength}, but got ${end}.`, `${path}.end`);
  }
  return { sentence, start, end };
}

/** An extractor's rule name and confidence: a non-empty name, a confidence in [0, 1]. */
export function validateExtraction(input: { rule: string; confidence: number } | null | undefined, path: string): ExtractionDoc | null {
  if (!input) return null;
  const rule = requiredText(input.rule, `${path}.rule`, 200);
  if (!Number.isFinite(input.confidence) || input.confidence < 0 || input.confidence > 1) {
    throw new ValidationError(`Expected "${path}.confidence" between 0 and 1, but got ${input.confidence}.`, `${path}.confidence`);
  }
  return { rule, confidence: input.confidence };
}

export function validateOfficial(input: OfficialInput, path: string): ValidOfficial {
  return {
    extraction: validateExtraction(input.extraction, `${path}.extraction`),
    name: requiredText(input.name, `${path}.name`, 200),
    aliases: list(input.aliases, `${path}.aliases`, 50).map((alias, i) => requiredText(alias, `${path}.aliases[${i}]`, 200)),
    title: optionalText(input.title, `${path}.title`),
    organization: optionalText(input.organization, `${path}.organization`),
    country: optionalCountry(input.country, `${path}.country`),
  };
}

export function validateConferenceFields(input: ConferenceInput, path: string) {
  return {
    name: requiredText(input.name, `${path}.name`),
    edition: optionalEdition(input.edition, `${path}.edition`),
    organizer: optionalText(input.organizer, `${path}.organizer`),
    city: optionalText(input.city, `${path}.city`, 200),
    country: optionalCountry(input.country, `${path}.country`),
    startDate: optionalPartialDate(input.startDate, `${path}.startDate`),
    endDate: optionalPartialDate(input.endDate, `${path}.endDate`),
    status: input.status ?? 'HELD',
  };
}

export function validateMeetingFields(input: Pick<MeetingInput, 'countries' | 'date' | 'dateInferred' | 'city' | 'country' | 'topics' | 'outcome' | 'status'>, path: string) {
  return {
    countries: list(input.countries, `${path}.countries`, 250).map((code, i) => optionalCountry(code, `${path}.countries[${i}]`)!),
    date: optionalPartialDate(input.date, `${path}.date`, input.dateInferred ?? false),
    city: optionalText(input.city, `${path}.city`, 200),
    country: optionalCountry(input.country, `${path}.country`),
    topics: list(input.topics, `${path}.topics`, 100).map((topic, i) => requiredText(topic, `${path}.topics[${i}]`)),
    outcome: optionalText(input.outcome, `${path}.outcome`),
    status: input.status ?? 'HELD',
  };
}

/** Resolves a name to the index of an official of the same input, by folded name or alias. */
function officialIndex(byKey: Map<string, number>, name: string, path: string): number {
  const index = byKey.get(nameKey(name));
  if (index === undefined) {
    throw new ValidationError(`Expected "${path}" to name an official listed in "input.officials", but got "${name}".`, path);
  }
  return index;
}

export function validateIngestion(input: IngestArticleInput): ValidIngestion {
  const article = validateArticle(input, 'input');
  const bodyLength = article.body.join('\n\n').length;
  const officials = list(input.officials, 'input.officials', ingestionCaps.officials).map((o, i) => validateOfficial(o, `input.officials[${i}]`));
  const officialByKey = new Map<string, number>();
  officials.forEach((official, i) => {
    for (const name of [official.name, ...official.aliases]) {
      if (!officialByKey.has(nameKey(name))) officialByKey.set(nameKey(name), i);
    }
  });

  const conferenceInputs = list(input.conferences, 'input.conferences', ingestionCaps.conferences);
  const conferences = conferenceInputs.map((c, i) => {
    const path = `input.conferences[${i}]`;
    return {
      ...validateConferenceFields(c, path),
      participants: list(c.participants, `${path}.participants`).map((name, j) => officialIndex(officialByKey, name, `${path}.participants[${j}]`)),
      evidence: validateEvidence(c.evidence, `${path}.evidence`, bodyLength),
      extraction: validateExtraction(c.extraction, `${path}.extraction`),
    };
  });
  const conferenceByKey = new Map(conferences.map((c, i) => [nameKey(c.name), i]));

  const meetings = list(input.meetings, 'input.meetings', ingestionCaps.meetings).map((m, i) => {
    const path = `input.meetings[${i}]`;
    const participants = list(m.participants, `${path}.participants`, 100).map((name, j) =>
      officialIndex(officialByKey, name, `${path}.participants[${j}]`),
    );
    const fields = validateMeetingFields(m, path);
    if (participants.length === 0) {
      throw new ValidationError(`Expected at least one participant in "${path}.participants".`, `${path}.participants`);
    }
    let conference: number | null = null;
    if (m.conference != null) {
      conference = conferenceByKey.get(nameKey(m.conference)) ?? null;
      if (conference === null) {
        throw new ValidationError(`Expected "${path}.conference" to name a conference listed in "input.conferences", but got "${m.conference}".`, `${path}.conference`);
      }
    }
    return {
      ...fields,
      participants,
      conference,
      evidence: validateEvidence(m.evidence, `${path}.evidence`, bodyLength),
      extraction: validateExtraction(m.extraction, `${path}.extraction`),
    };
  });
  return { article, officials, conferences, meetings };
}

/** Collects per-entity outcomes; an entity touched twice keeps its strongest status. */
class ChangeLog {
  private readonly byId = new Map<string, EntityChangeModel>();
  private static readonly rank: Record<ChangeStatusValue, number> = { UNCHANGED: 0, UPDATED: 1, CREATED: 2 };

  record<T extends { _id: ObjectId; key: string }>(type: EntityTypeValue, nodeType: NodeType, result: UpsertResult<T>): T {
    const id = result.doc._id.toHexString();
    const previous = this.byId.get(id);
    if (!previous || ChangeLog.rank[result.status] > ChangeLog.rank[previous.status]) {
      this.byId.set(id, { type, nodeType, id: result.doc._id, key: result.doc.key, status: result.status });
    }
    return result.doc;
  }

  list(): EntityChangeModel[] {
    return [...this.byId.values()];
  }
}

/** The ids the input itself gives, before anything is read: name entries, organizations, conferences, the article. */
function knownIds(valid: ValidIngestion) {
  const reportYear = valid.article.publishedAt.utc.getUTCFullYear();
  return {
    nameKeys: valid.officials.flatMap((o) => officialNameKeys(o)),
    organizations: [
      ...valid.officials.filter((o) => o.organization).map((o) => organizationId({ name: o.organization!, country: o.country })),
      ...valid.conferences.filter((c) => c.organizer).map((c) => organizationId({ name: c.organizer!, country: null })),
    ],
    conferences: valid.conferences.map((c) =>
      conferenceId({ ...c, organizerId: c.organizer ? organizationId({ name: c.organizer, country: null }) : null, reportYear }),
    ),
    article: articleIdForUrl(valid.article.url),
  };
}

export async function ingestArticle(db: Db, input: IngestArticleInput, now: Date, options: WriteScopeOptions = {}): Promise<IngestResult> {
  const valid = validateIngestion(input);
  const known = knownIds(valid);
  return inWriteScope(db, options, async (scope) => {
    // Every entity whose id is known, locked in one sorted pass: two ingestions that share an entity run one after the other instead of deadlocking.
    await scope.locks.lockAll([
      ...known.nameKeys.map(officialNameLock),
      ...known.organizations.map((id) => lockKey('organizations', id.toHexString())),
      ...known.conferences.map((id) => lockKey('conferences', id.toHexString())),
      lockKey('articles', known.article.toHexString()),
    ]);
    // Then read, in one round of point reads sent together, what is stored under them; then the officials they resolve to.
    await Promise.all([
      scope.readAll(officialNamesCollection(scope.db), known.nameKeys),
      scope.readAll(organizationsCollection(scope.db), known.organizations),
      scope.readAll(conferencesCollection(scope.db), known.conferences),
      scope.read(articlesCollection(scope.db), known.article),
    ]);
    await prefetchOfficials(scope, valid.officials);
    return writeIngestion(scope, valid, now);
  });
}

async function writeIngestion(scope: WriteScope, valid: ValidIngestion, now: Date): Promise<IngestResult> {
  const articleId = articleIdForUrl(valid.article.url);
  const reportedAt = valid.article.publishedAt.utc;
  const log = new ChangeLog();

  // Every document this ingestion wrote, latest version last: the relation pass updates them without reading.
  const organizations: OrganizationDoc[] = [];
  const officials: OfficialDoc[] = [];
  for (const official of valid.officials) {
    const organization = official.organization
      ? log.record('ORGANIZATION', 'Organization', await upsertOrganization(scope, { name: official.organization, country: official.country }, now))
      : null;
    if (organization) organizations.push(organization);
    const result = await upsertOfficial(scope, { ...official, organizationId: organization?._id ?? null, articleId, reportedAt }, now);
    officials.push(log.record('OFFICIAL', 'Official', result));
  }

  const conferences: ConferenceDoc[] = [];
  for (const conference of valid.conferences) {
    // Organizers are international bodies more often than national ones: no country.
    const organizer = conference.organizer
      ? log.record('ORGANIZATION', 'Organization', await upsertOrganization(scope, { name: conference.organizer, country: null }, now))
      : null;
    if (organizer) organizations.push(organizer);
    const result = await upsertConference(
      scope,
      {
        ...conference,
        status: statusAsOfReport(conference, valid.article.publishedAt.iso.slice(0, 10)),
        organizerId: organizer?._id ?? null,
        participantIds: conference.participants.map((i) => officials[i]!._id),
        articleId,
        reportedAt,
        reportYear: reportedAt.getUTCFullYear(),
      },
      now,
    );
    conferences.push(log.record('CONFERENCE', 'Conference', result));
  }

  const meetingFacts = valid.meetings.map((meeting) => ({
    ...meeting,
    participantIds: meeting.participants.map((i) => officials[i]!._id),
    countryCodes: meeting.countries,
    conferenceId: meeting.conference === null ? null : conferences[meeting.conference]!._id,
    articleId,
    reportedAt,
  }));
  // Their ids follow from the participants' ids: lock them, then read them all at once.
  const meetingIds = meetingFacts.map(meetingId);
  await scope.locks.lockAll(meetingIds.map((id) => lockKey(meetingsCollection(scope.db).collectionName, id.toHexString())));
  await scope.readAll(meetingsCollection(scope.db), meetingIds);
  const meetings = [];
  for (const facts of meetingFacts) meetings.push(log.record('MEETING', 'Meeting', await upsertMeeting(scope, facts, now)));

  // Parents list their relations for the readers (point reads instead of scans).
  const links = new RelationLinks();
  for (const meeting of meetings) {
    for (const participant of meeting.participantIds) links.add(officialsCollection(scope.db), participant, 'meetingIds', meeting._id);
    links.add(conferencesCollection(scope.db), meeting.conferenceId, 'meetingIds', meeting._id);
  }
  for (const conference of conferences) {
    for (const participant of conference.participantIds) links.add(officialsCollection(scope.db), participant, 'conferenceIds', conference._id);
    links.add(organizationsCollection(scope.db), conference.organizerId, 'conferenceIds', conference._id);
  }
  // Relation lists are bookkeeping for readers, not facts the report gave: they do not change the reported statuses.
  // They join the parents' own staged writes: each document is still written once.
  await links.write(scope, now);

  const article = log.record(
    'ARTICLE',
    'Article',
    await upsertArticle(
      scope,
      {
        url: valid.article.url,
        title: valid.article.title,
        source: valid.article.source,
        publishedAt: valid.article.publishedAt.iso,
        publishedAtUtc: valid.article.publishedAt.utc,
        body: valid.article.body,
        officialIds: uniqueIds(officials.map((o) => o._id)),
        meetingIds: uniqueIds(meetings.map((m) => m._id)),
        conferenceIds: uniqueIds(conferences.map((c) => c._id)),
      },
      now,
    ),
  );

  // After the entity writes: derived read models that ingestion maintains are updated here. Stage their documents
  // in `scope` (scope.read / scope.put, or upsertById) so they are written with the rest — before the article,
  // which the scope writes last — and undone with it on failure.

  return { article, changes: log.list() };
}
