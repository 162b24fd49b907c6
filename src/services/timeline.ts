/**
 * `Official.timeline`: the official's meetings and conferences as one list in
 * date order. Both come from per-request loaders, so a timeline costs two
 * batched queries per level of a GraphQL query, like the separate lists.
 */
import type { ObjectId } from 'mongodb';
import type { Context } from '../context';
import type { PartialDateDoc } from '../models/common';
import type { ConferenceDoc } from '../models/conferences';
import type { MeetingDoc } from '../models/meetings';
import { paginateArray, type Connection, type Edge, type PageArgs } from '../pagination';

export type TimelineEventDoc = MeetingDoc | ConferenceDoc;

export interface TimelineEdgeModel extends Edge<TimelineEventDoc> {
  date: PartialDateDoc | null;
}

export interface TimelineConnectionModel extends Connection<TimelineEventDoc> {
  edges: TimelineEdgeModel[];
}

export function isMeeting(event: TimelineEventDoc): event is MeetingDoc {
  return 'countryCodes' in event;
}

/** A meeting's date, or a conference's first day; a conference's bare reporting year does not count. */
export function eventDate(event: TimelineEventDoc): PartialDateDoc | null {
  return isMeeting(event) ? event.date : event.startDate;
}

const eventId = (event: TimelineEventDoc) => `${isMeeting(event) ? 'm' : 'c'}:${event._id.toHexString()}`;

/**
 * The timeline's order (schema.graphql, `Official.timeline`). Dated events by the start of their period,
 * oldest first: a year or a month is placed where it begins, before the days within it (`2024` before
 * `2024-03`, `2024-03` before `2024-03-05`); the string order of the values is exactly that. Undated events
 * come last, by the day of the first report that mentions them (`reportedOn`, oldest first); then by id,
 * so the order is total and cursors are stable.
 */
export function chronological(events: TimelineEventDoc[], reportedOn: (event: TimelineEventDoc) => string = () => ''): TimelineEventDoc[] {
  const sortKey = (event: TimelineEventDoc) => {
    const date = eventDate(event)?.value;
    return date === undefined ? `~${reportedOn(event)}` : date;
  };
  return [...events].sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    if (ka !== kb) return ka < kb ? -1 : 1;
    return eventId(a).localeCompare(eventId(b));
  });
}

/** The UTC day of the earliest report that mentions each undated event; loads those articles in one batch. */
async function firstReportDays(ctx: Context, events: TimelineEventDoc[]): Promise<Map<TimelineEventDoc, string>> {
  const undated = events.filter((event) => !eventDate(event));
  const articles = await Promise.all(undated.map((event) => ctx.loaders.articles.byId.loadMany(event.articleIds)));
  const days = new Map<TimelineEventDoc, string>();
  undated.forEach((event, i) => {
    const found = articles[i]!.filter((a): a is Exclude<typeof a, Error | null | undefined> => !!a && !(a instanceof Error));
    const first = found.map((a) => a.publishedAtUtc.toISOString().slice(0, 10)).sort()[0];
    if (first) days.set(event, first);
  });
  return days;
}

export async function timelineOf(ctx: Context, officialId: ObjectId, args: PageArgs): Promise<TimelineConnectionModel> {
  const [meetings, conferences] = await Promise.all([
    ctx.loaders.meetings.byParticipant.load(officialId),
    ctx.loaders.conferences.byParticipant.load(officialId),
  ]);
  const events = [...meetings, ...conferences];
  const reported = await firstReportDays(ctx, events);
  const connection = paginateArray(
    chronological(events, (event) => reported.get(event) ?? '9999'),
    eventId,
    args,
  );
  return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, date: eventDate(edge.node) })) };
}
