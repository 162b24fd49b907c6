/**
 * Relations that need more than one loader call: ordering, series navigation,
 * counterparts. Each still costs one batched query per level.
 */
import type { ObjectId } from 'mongodb';
import type { Context } from '../context';
import { loadExisting } from '../loaders';
import type { ArticleDoc } from '../models/articles';
import type { PartialDateDoc } from '../models/common';
import type { ConferenceDoc } from '../models/conferences';
import type { CounterpartModel } from '../models/counterparts';
import type { MeetingDoc } from '../models/meetings';
import { foldText } from '../text/normalize';

type Dated = { _id: ObjectId; dateSort: string };

/** Newest first, undated last, then by id so the order is stable across requests. */
export function newestFirst<T extends Dated>(items: T[]): T[] {
  return [...items].sort((a, b) => b.dateSort.localeCompare(a.dateSort) || b._id.toHexString().localeCompare(a._id.toHexString()));
}

export function articlesNewestFirst(items: ArticleDoc[]): ArticleDoc[] {
  return [...items].sort(
    (a, b) => b.publishedAtUtc.getTime() - a.publishedAtUtc.getTime() || b._id.toHexString().localeCompare(a._id.toHexString()),
  );
}

/** Every recorded edition of the conference's series (same organizer), oldest first. */
export async function seriesOf(ctx: Context, conference: ConferenceDoc): Promise<ConferenceDoc[]> {
  if (!conference.organizerId || conference.edition == null) return [conference];
  const siblings = await ctx.loaders.conferences.byOrganizer.load(conference.organizerId);
  return siblings.filter((c) => c.edition != null).sort((a, b) => a.edition! - b.edition!);
}

export async function neighbourEdition(ctx: Context, conference: ConferenceDoc, step: 1 | -1): Promise<ConferenceDoc | null> {
  if (conference.edition == null) return null;
  const series = await seriesOf(ctx, conference);
  return series.find((c) => c.edition === conference.edition! + step) ?? null;
}

function earlier(a: PartialDateDoc | null, b: PartialDateDoc | null): PartialDateDoc | null {
  if (!a) return b;
  if (!b) return a;
  return a.value <= b.value ? a : b;
}

function later(a: PartialDateDoc | null, b: PartialDateDoc | null): PartialDateDoc | null {
  if (!a) return b;
  if (!b) return a;
  return a.value >= b.value ? a : b;
}

/**
 * Officials met by `officialId`, most shared meetings first, then most recent,
 * then by name: one query for the meetings and one for the counterparts.
 */
export async function counterpartsOf(ctx: Context, officialId: ObjectId): Promise<CounterpartModel[]> {
  // Newest first, so each counterpart's topics start with the latest meeting's.
  const meetings: MeetingDoc[] = newestFirst(await ctx.loaders.meetings.byParticipant.load(officialId));
  const self = officialId.toHexString();
  const byId = new Map<string, CounterpartModel>();
  for (const meeting of meetings) {
    for (const participant of meeting.participantIds) {
      const id = participant.toHexString();
      if (id === self) continue;
      const entry = byId.get(id) ?? { officialId: participant, meetingCount: 0, firstMet: null, lastMet: null, topics: [] };
      entry.meetingCount += 1;
      entry.firstMet = earlier(entry.firstMet, meeting.date);
      entry.lastMet = later(entry.lastMet, meeting.date);
      for (const topic of meeting.topics) {
        if (!entry.topics.some((t) => foldText(t) === foldText(topic))) entry.topics.push(topic);
      }
      byId.set(id, entry);
    }
  }
  const counterparts = [...byId.values()];
  const officials = await loadExisting(ctx.loaders.officials.byId, counterparts.map((c) => c.officialId));
  const names = new Map(officials.map((o) => [o._id.toHexString(), o.sortName]));
  return counterparts
    .filter((c) => names.has(c.officialId.toHexString()))
    .sort(
      (a, b) =>
        b.meetingCount - a.meetingCount ||
        (b.lastMet?.value ?? '').localeCompare(a.lastMet?.value ?? '') ||
        names.get(a.officialId.toHexString())!.localeCompare(names.get(b.officialId.toHexString())!),
    );
}
