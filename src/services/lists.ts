/**
 * Top-level lists: typed filters become Mongo filters here and nowhere else.
 * Client text only ever reaches the database as a value or an escaped regex,
 * never as an operator.
 */
import type { Filter } from 'mongodb';
import type { Context } from '../context';
import type { ArticleFilter, ConferenceFilter, MeetingFilter, OfficialFilter } from '../generated/graphql';
import { parseGlobalId } from '../ids';
import { primeAll } from '../loaders';
import { articlesCollection, type ArticleDoc } from '../models/articles';
import { conferencesCollection, type ConferenceDoc } from '../models/conferences';
import { meetingsCollection, type MeetingDoc } from '../models/meetings';
import { officialsCollection, type OfficialDoc } from '../models/officials';
import { paginateQuery, type Connection, type PageArgs } from '../pagination';
import { foldText, foldedTokens } from '../text/normalize';
import { escapeRegex } from '../text/regex';
import { ValidationError } from '../errors';
import { optionalCountry, optionalPartialDate, optionalText, parseDateTime } from './validate';
import { articleFeed, officialsAlphabetical, officialsByName } from './readLists';

function and<T>(conditions: Filter<T>[]): Filter<T> {
  return conditions.length === 0 ? {} : conditions.length === 1 ? conditions[0]! : ({ $and: conditions } as Filter<T>);
}

function primed<T extends { _id: import('mongodb').ObjectId }>(
  connection: Connection<T>,
  loader: Parameters<typeof primeAll<T>>[0],
): Connection<T> {
  primeAll(loader, connection.nodes);
  return connection;
}

export async function listOfficials(ctx: Context, filter: OfficialFilter | null | undefined, page: PageArgs): Promise<Connection<OfficialDoc>> {
  const conditions: Filter<OfficialDoc>[] = [];
  const name = optionalText(filter?.name, 'filter.name', 200);
  const words = name ? foldedTokens(name) : [];
  // Punctuation alone would otherwise filter nothing out and list everyone.
  if (name && words.length === 0) {
    throw new ValidationError(`Expected at least one word (letters or digits) in "filter.name", but got ${JSON.stringify(name)}.`, 'filter.name');
  }
  // Each word must begin a word of the name or an alias, in any order.
  for (const token of words) conditions.push({ nameTokens: { $regex: `^${escapeRegex(token)}` } });
  const country = optionalCountry(filter?.country, 'filter.country');
  if (country) conditions.push({ country });
  if (filter?.organization) conditions.push({ organizationId: parseGlobalId(filter.organization, 'Organization', 'filter.organization') });
  // The common lists come from the read models (point reads); other filters scan.
  if (!country && !filter?.organization) return words.length > 0 ? officialsByName(ctx, words, page) : officialsAlphabetical(ctx, page);
  const connection = await paginateQuery(
    officialsCollection(ctx.db),
    and(conditions),
    { field: 'sortName', direction: 1, valueOf: (o) => o.sortName },
    page,
    { maxTimeMS: ctx.maxTimeMS },
  );
  return primed(connection, ctx.loaders.officials.byId);
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the first and last sortable day strings it covers. */
function dateBounds(value: string | null | undefined, field: string): { from: string; to: string } | null {
  const date = optionalPartialDate(value, field);
  // '~' sorts after every digit and '-', so `2024-09~` is past every September 2024 date.
  return date ? { from: date.value, to: `${date.value}~` } : null;
}

export const maxBetweenCountries = 10;

/**
 * Each listed country must be represented: by a named participant serving it
 * (the officials are looked up first, in one query) or among the counterpart
 * countries. Looked up per request rather than stored on the meeting, so an
 * official whose country becomes known later is counted at once.
 */
async function betweenCountriesConditions(ctx: Context, values: string[]): Promise<Filter<MeetingDoc>[]> {
  const field = 'filter.betweenCountries';
  if (values.length === 0 || values.length > maxBetweenCountries) {
    throw new ValidationError(`Expected 1 to ${maxBetweenCountries} country codes in "${field}", but got ${values.length}.`, field);
  }
  const codes = values.map((value, i) => optionalCountry(value, `${field}[${i}]`) ?? '');
  const repeated = codes.find((code, i) => codes.indexOf(code) !== i);
  if (repeated !== undefined) throw new ValidationError(`Expected distinct country codes in "${field}", but "${repeated}" is given twice.`, field);
  const officials = await officialsCollection(ctx.db)
    .find({ country: { $in: codes } }, { projection: { _id: 1, country: 1 }, maxTimeMS: ctx.maxTimeMS })
    .toArray();
  return codes.map((code) => {
    const ids = officials.filter((official) => official.country === code).map((official) => official._id);
    return ids.length > 0 ? { $or: [{ participantIds: { $in: ids } }, { countryCodes: code }] } : { countryCodes: code };
  });
}

/** The conditions of a MeetingFilter, shared by `meetings` and `meetingStats`. */
export async function meetingFilter(ctx: Context, filter: MeetingFilter | null | undefined): Promise<Filter<MeetingDoc>> {
  const conditions: Filter<MeetingDoc>[] = [];
  if (filter?.participant) conditions.push({ participantIds: parseGlobalId(filter.participant, 'Official', 'filter.participant') });
  const from = dateBounds(filter?.from, 'filter.from');
  const to = dateBounds(filter?.to, 'filter.to');
  if (from) conditions.push({ dateSort: { $gte: from.from } });
  if (to) conditions.push({ dateSort: { $lte: to.to, $gt: '' } });
  const topic = optionalText(filter?.topic, 'filter.topic', 200);
  if (topic) conditions.push({ topics: { $regex: escapeRegex(topic), $options: 'i' } });
  const country = optionalCountry(filter?.country, 'filter.country');
  if (country) conditions.push({ country });
  if (filter?.status) conditions.push({ status: filter.status });
  if (filter?.betweenCountries) conditions.push(...(await betweenCountriesConditions(ctx, filter.betweenCountries)));
  return and(conditions);
}

export async function listMeetings(ctx: Context, filter: MeetingFilter | null | undefined, page: PageArgs): Promise<Connection<MeetingDoc>> {
  const connection = await paginateQuery(
    meetingsCollection(ctx.db),
    await meetingFilter(ctx, filter),
    { field: 'dateSort', direction: -1, valueOf: (m) => m.dateSort },
    page,
    { maxTimeMS: ctx.maxTimeMS },
  );
  return primed(connection, ctx.loaders.meetings.byId);
}

export async function listConferences(ctx: Context, filter: ConferenceFilter | null | undefined, page: PageArgs): Promise<Connection<ConferenceDoc>> {
  const conditions: Filter<ConferenceDoc>[] = [];
  if (filter?.year != null) {
    if (!Number.isInteger(filter.year) || filter.year < 1 || filter.year > 9999) {
      throw new ValidationError(`Expected a year for "filter.year", but got ${filter.year}.`, 'filter.year');
    }
    conditions.push({ year: filter.year });
  }
  if (filter?.organizer) conditions.push({ organizerId: parseGlobalId(filter.organizer, 'Organization', 'filter.organizer') });
  const city = optionalText(filter?.city, 'filter.city', 200);
  if (city) conditions.push({ cityKey: foldText(city) });
  if (filter?.status) conditions.push({ status: filter.status });
  const connection = await paginateQuery(
    conferencesCollection(ctx.db),
    and(conditions),
    { field: 'dateSort', direction: -1, valueOf: (c) => c.dateSort },
    page,
    { maxTimeMS: ctx.maxTimeMS },
  );
  return primed(connection, ctx.loaders.conferences.byId);
}

export async function listArticles(ctx: Context, filter: ArticleFilter | null | undefined, page: PageArgs): Promise<Connection<ArticleDoc>> {
  const conditions: Filter<ArticleDoc>[] = [];
  if (filter?.from) conditions.push({ publishedAtUtc: { $gte: parseDateTime(filter.from, 'filter.from').utc } });
  if (filter?.to) {
    const to = parseDateTime(filter.to, 'filter.to');
    // A bare day includes the whole day.
    const end = /T/.test(filter.to) ? to.utc : new Date(to.utc.getTime() + 86_400_000 - 1);
    conditions.push({ publishedAtUtc: { $lte: end } });
  }
  const source = optionalText(filter?.source, 'filter.source', 200);
  if (source) conditions.push({ sourceKey: foldText(source) });
  if (filter?.official) conditions.push({ officialIds: parseGlobalId(filter.official, 'Official', 'filter.official') });
  // The feed, unfiltered, comes from the read models (point reads); filters scan.
  if (conditions.length === 0) return articleFeed(ctx, page);
  const connection = await paginateQuery(
    articlesCollection(ctx.db),
    and(conditions),
    { field: 'publishedAtUtc', direction: -1, valueOf: (a) => a.publishedAtUtc, isDate: true },
    page,
    { maxTimeMS: ctx.maxTimeMS },
  );
  return primed(connection, ctx.loaders.articles.byId);
}
