/**
 * The floor: each benchmark operation written by hand against the driver, with
 * the fewest database round trips that fetch the same data (`find` + `$in`
 * per level, independent queries sent together), and no GraphQL. It returns
 * exactly the JSON the GraphQL response carries, so the benchmark can check
 * that all three contenders agree before it counts a single response.
 *
 * Ordering rules are the service's (newest first with `_id` as tie-breaker,
 * alphabetical officials, editions by number): the floor must answer the same
 * question, not an easier one.
 */
import type { Db, ObjectId } from 'mongodb';
import { decodeGlobalId, toGlobalId } from '../src/ids';
import { articlesCollection, type ArticleDoc } from '../src/models/articles';
import { conferencesCollection, type ConferenceDoc } from '../src/models/conferences';
import { meetingsCollection, type MeetingDoc } from '../src/models/meetings';
import { officialsCollection, type OfficialDoc } from '../src/models/officials';
import { organizationsCollection, type OrganizationDoc } from '../src/models/organizations';
import { countryName } from '../src/services/countries';
import { scoreOf, searchLimits } from '../src/services/search';
import { foldText, foldedTokens } from '../src/text/normalize';
import { escapeRegex } from '../src/text/regex';
import type { OperationName } from './operations';

type Json = unknown;
const hex = (id: ObjectId) => id.toHexString();
/** Everything in the first reply: the driver's default first batch (101 documents) would cost a `getMore` round trip. */
const oneBatch = { batchSize: 100_000 };

function byId<T extends { _id: ObjectId }>(docs: T[]): Map<string, T> {
  return new Map(docs.map((doc) => [hex(doc._id), doc]));
}

/** Documents for `ids` in the order of `ids`, missing ones dropped (what `loadExisting` does). */
function inOrder<T>(ids: ObjectId[], found: Map<string, T>): T[] {
  return ids.map((id) => found.get(hex(id))).filter((doc): doc is T => doc !== undefined);
}

function unique(ids: ObjectId[]): ObjectId[] {
  return [...new Map(ids.map((id) => [hex(id), id])).values()];
}

function newestFirst<T extends { _id: ObjectId; dateSort: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => b.dateSort.localeCompare(a.dateSort) || hex(b._id).localeCompare(hex(a._id)));
}

const title = (official: OfficialDoc) => official.titles[official.titles.length - 1]?.title ?? null;
const country = (code: string | null) => (code ? { code, name: countryName(code) } : null);
const countryCode = (code: string | null) => (code ? { code } : null);

function idOf(globalId: unknown): ObjectId {
  const decoded = typeof globalId === 'string' ? decodeGlobalId(globalId) : null;
  if (!decoded) throw new Error(`Expected a global id, but got ${JSON.stringify(globalId)}.`);
  return decoded.id;
}

function first(variables: Record<string, unknown>): number {
  return typeof variables.first === 'number' ? variables.first : 20;
}

/** 2 commands: a page of articles, then every official they name. */
async function feed(db: Db, variables: Record<string, unknown>): Promise<Json> {
  const articles: ArticleDoc[] = await articlesCollection(db)
    .find({}, { ...oneBatch, sort: { publishedAtUtc: -1, _id: -1 }, limit: first(variables) })
    .toArray();
  const officials = byId(await officialsCollection(db).find({ _id: { $in: unique(articles.flatMap((a) => a.officialIds)) } }, oneBatch).toArray());
  return {
    articles: {
      nodes: articles.map((a) => ({
        id: toGlobalId('Article', a._id),
        title: a.title,
        publishedAt: a.publishedAt,
        source: a.source,
        officials: inOrder(a.officialIds, officials).map((o) => ({
          id: toGlobalId('Official', o._id),
          name: o.name,
          title: title(o),
          country: country(o.country),
        })),
      })),
    },
  };
}

/** 2 commands: the official's meetings, then the official and every participant in one `$in`. */
async function officialMeetings(db: Db, variables: Record<string, unknown>): Promise<Json> {
  const officialId = idOf(variables.id);
  const meetings = newestFirst(await meetingsCollection(db).find({ participantIds: officialId }, oneBatch).toArray());
  const page = meetings.slice(0, first(variables));
  const officials = byId(await officialsCollection(db).find({ _id: { $in: unique([officialId, ...page.flatMap((m) => m.participantIds)]) } }, oneBatch).toArray());
  const official = officials.get(hex(officialId));
  if (!official) return { official: null };
  return {
    official: {
      id: toGlobalId('Official', official._id),
      name: official.name,
      title: title(official),
      meetings: {
        totalCount: meetings.length,
        nodes: page.map((m) => ({
          id: toGlobalId('Meeting', m._id),
          date: m.date ? { value: m.date.value, precision: m.date.precision } : null,
          topics: m.topics,
          participants: inOrder(m.participantIds, officials).map((o) => ({
            id: toGlobalId('Official', o._id),
            name: o.name,
            country: countryCode(o.country),
          })),
        })),
      },
    },
  };
}

/** 4 commands in 3 round trips: the conference; its series and its side meetings together; their participants. */
async function conferenceEditions(db: Db, variables: Record<string, unknown>): Promise<Json> {
  const conference = await conferencesCollection(db).findOne({ _id: idOf(variables.id) });
  if (!conference) return { conference: null };
  const [series, meetingDocs] = await Promise.all([
    conference.organizerId && conference.edition != null
      ? conferencesCollection(db).find({ organizerId: conference.organizerId }, oneBatch).toArray()
      : Promise.resolve([conference]),
    meetingsCollection(db).find({ conferenceId: conference._id }, oneBatch).toArray(),
  ]);
  const editions: ConferenceDoc[] =
    conference.organizerId && conference.edition != null
      ? series.filter((c) => c.edition != null).sort((a, b) => a.edition! - b.edition!)
      : [conference];
  const meetings: MeetingDoc[] = newestFirst(meetingDocs);
  const officials = byId(await officialsCollection(db).find({ _id: { $in: unique(meetings.flatMap((m) => m.participantIds)) } }, oneBatch).toArray());
  return {
    conference: {
      id: toGlobalId('Conference', conference._id),
      name: conference.name,
      edition: conference.edition,
      place: conference.city || conference.country ? { city: conference.city, country: countryCode(conference.country) } : null,
      editions: editions.map((c) => ({
        id: toGlobalId('Conference', c._id),
        name: c.name,
        edition: c.edition,
        startDate: c.startDate ? { value: c.startDate.value } : null,
      })),
      meetings: meetings.map((m) => ({
        id: toGlobalId('Meeting', m._id),
        date: m.date ? { value: m.date.value } : null,
        topics: m.topics,
        participants: inOrder(m.participantIds, officials).map((o) => ({ id: toGlobalId('Official', o._id), name: o.name })),
      })),
    },
  };
}

/**
 * 2 commands: every matching official (the page and the total from one read,
 * where the service sends a `find` and a `count`), then their organizations.
 */
async function searchOfficials(db: Db, variables: Record<string, unknown>): Promise<Json> {
  const tokens = foldedTokens(String(variables.name ?? ''));
  const filter = tokens.length === 0 ? {} : { $and: tokens.map((t) => ({ nameTokens: { $regex: `^${escapeRegex(t)}` } })) };
  const matches = await officialsCollection(db).find(filter, { ...oneBatch, sort: { sortName: 1, _id: 1 } }).toArray();
  const page = matches.slice(0, first(variables));
  const organizationIds = unique(page.flatMap((o) => (o.organizationId ? [o.organizationId] : [])));
  const organizations = byId<OrganizationDoc>(await organizationsCollection(db).find({ _id: { $in: organizationIds } }, oneBatch).toArray());
  return {
    officials: {
      totalCount: matches.length,
      nodes: page.map((o) => {
        const organization = o.organizationId ? organizations.get(hex(o.organizationId)) : undefined;
        return {
          id: toGlobalId('Official', o._id),
          name: o.name,
          aliases: o.aliases,
          title: title(o),
          country: country(o.country),
          organization: organization ? { id: toGlobalId('Organization', organization._id), name: organization.name } : null,
        };
      }),
    },
  };
}

/**
 * 3 commands in one round trip: the three kinds of candidates, whole documents
 * at once (the service reads projections, ranks, then loads the page by id).
 * The ranking is the service's own rule (`scoreOf`, then label, type, id):
 * the floor must answer the same question.
 */
async function search(db: Db, variables: Record<string, unknown>): Promise<Json> {
  const words = [...new Set(foldedTokens(String(variables.query ?? '')))];
  const where = (field: string) => ({ $and: words.map((w) => ({ [field]: { $regex: `^${escapeRegex(w)}` } })) });
  const limit = searchLimits.candidatesPerType;
  const [officials, conferences, articles] = await Promise.all([
    officialsCollection(db).find(where('nameTokens'), { ...oneBatch, sort: { sortName: 1, _id: 1 }, limit }).toArray(),
    conferencesCollection(db).find(where('searchTokens'), { ...oneBatch, sort: { dateSort: -1, _id: -1 }, limit }).toArray(),
    articlesCollection(db).find(where('searchTokens'), { ...oneBatch, sort: { publishedAtUtc: -1, _id: -1 }, limit }).toArray(),
  ]);
  type Hit = { score: number; label: string; type: number; id: string; node: Record<string, unknown> };
  const hits: Hit[] = [
    ...officials.map((o) => ({
      score: scoreOf(words, [
        { tokens: foldedTokens(o.name), weight: 3 },
        { tokens: o.aliases.flatMap(foldedTokens), weight: 2 },
      ]),
      label: o.sortName,
      type: 0,
      id: hex(o._id),
      node: { __typename: 'Official', id: toGlobalId('Official', o._id), name: o.name, country: countryCode(o.country) },
    })),
    ...conferences.map((c) => ({
      score: scoreOf(words, [
        { tokens: foldedTokens(c.name), weight: 3 },
        { tokens: c.searchTokens, weight: 2 },
      ]),
      label: foldText(c.name),
      type: 1,
      id: hex(c._id),
      node: { __typename: 'Conference', id: toGlobalId('Conference', c._id), name: c.name, edition: c.edition },
    })),
    ...articles.map((a) => {
      const title = foldedTokens(a.title);
      const bodyOnly = words.filter((w) => !title.some((t) => t.startsWith(w))).length;
      return {
        score: scoreOf(words, [{ tokens: title, weight: 2 }]) + bodyOnly,
        label: foldText(a.title),
        type: 2,
        id: hex(a._id),
        node: { __typename: 'Article', id: toGlobalId('Article', a._id), title: a.title, publishedAt: a.publishedAt },
      };
    }),
  ];
  hits.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label) || a.type - b.type || a.id.localeCompare(b.id));
  return {
    search: {
      totalCount: hits.length,
      edges: hits.slice(0, first(variables)).map((h) => ({ score: h.score, node: h.node })),
    },
  };
}

/** 4 commands, one per level: officials, their meetings, the participants, the participants' organizations. */
async function nested(db: Db, variables: Record<string, unknown>): Promise<Json> {
  const officials = await officialsCollection(db).find({}, { ...oneBatch, sort: { sortName: 1, _id: 1 }, limit: first(variables) }).toArray();
  const meetings = await meetingsCollection(db).find({ participantIds: { $in: officials.map((o) => o._id) } }, oneBatch).toArray();
  const pages = new Map(
    officials.map((o) => [hex(o._id), newestFirst(meetings.filter((m) => m.participantIds.some((p) => p.equals(o._id)))).slice(0, 5)]),
  );
  const participantIds = unique([...pages.values()].flat().flatMap((m) => m.participantIds));
  const participants = byId(await officialsCollection(db).find({ _id: { $in: participantIds } }, oneBatch).toArray());
  const organizationIds = unique([...participants.values()].flatMap((o) => (o.organizationId ? [o.organizationId] : [])));
  const organizations = byId<OrganizationDoc>(await organizationsCollection(db).find({ _id: { $in: organizationIds } }, oneBatch).toArray());
  return {
    officials: {
      nodes: officials.map((o) => ({
        id: toGlobalId('Official', o._id),
        name: o.name,
        meetings: {
          nodes: pages.get(hex(o._id))!.map((m) => ({
            id: toGlobalId('Meeting', m._id),
            date: m.date ? { value: m.date.value } : null,
            participants: inOrder(m.participantIds, participants).map((p) => {
              const organization = p.organizationId ? organizations.get(hex(p.organizationId)) : undefined;
              return { id: toGlobalId('Official', p._id), name: p.name, organization: organization ? { name: organization.name } : null };
            }),
          })),
        },
      })),
    },
  };
}

export const floor: Record<OperationName, (db: Db, variables: Record<string, unknown>) => Promise<Json>> = {
  feed,
  officialMeetings,
  conferenceEditions,
  search,
  searchOfficials,
  nested,
};
