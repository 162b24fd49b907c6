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

/** Oldest first; `2024-05` sorts before `2024-05-06`, as a month begins before its days. Undated last, then by id. */
export function chronological(events: TimelineEventDoc[]): TimelineEventDoc[] {
  return [...events].sort((a, b) => {
    const da = eventDate(a)?.value;
    const db = eventDate(b)?.value;
    if (da !== db) {
      if (da === undefined) return 1;
      if (db === undefined) return -1;
      return da < db ? -1 : 1;
    }
    return eventId(a).localeCompare(eventId(b));
  });
}

export async function timelineOf(ctx: Context, officialId: ObjectId, args: PageArgs): Promise<TimelineConnectionModel> {
  const [meetings, conferences] = await Promise.all([
    ctx.loaders.meetings.byParticipant.load(officialId),
    ctx.loaders.conferences.byParticipant.load(officialId),
  ]);
  const connection = paginateArray(chronological([...meetings, ...conferences]), eventId, args);
  return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, date: eventDate(edge.node) })) };
}
