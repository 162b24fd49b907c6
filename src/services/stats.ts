/**
 * `meetingStats`: meeting counts for charts. Counted here rather than in an
 * aggregation pipeline because FerretDB's `$group` cannot fold case or take a
 * month out of a date string; the meetings are read with a small projection,
 * and COUNTRY adds one query for the participants' countries.
 */
import type { ObjectId } from 'mongodb';
import type { Context } from '../context';
import type { MeetingFilter, MeetingStatsGroup } from '../generated/graphql';
import { uniqueIds } from '../models/common';
import { meetingsCollection, type MeetingDoc } from '../models/meetings';
import { officialsCollection } from '../models/officials';
import { foldText } from '../text/normalize';
import { countryName } from './countries';
import { meetingFilter } from './lists';

export interface MeetingStatsBucketModel {
  key: string;
  label: string;
  count: number;
}

export interface MeetingStatsModel {
  groupBy: MeetingStatsGroup;
  total: number;
  buckets: MeetingStatsBucketModel[];
}

type Counted = Pick<MeetingDoc, '_id' | 'participantIds' | 'countryCodes' | 'topics' | 'date'>;

/** Counts each meeting once per distinct key it yields; the label is the first one seen for the key. */
function tally(meetings: Counted[], keysOf: (meeting: Counted) => Array<{ key: string; label: string }>): Map<string, MeetingStatsBucketModel> {
  const buckets = new Map<string, MeetingStatsBucketModel>();
  for (const meeting of meetings) {
    const seen = new Set<string>();
    for (const { key, label } of keysOf(meeting)) {
      if (seen.has(key)) continue;
      seen.add(key);
      const bucket = buckets.get(key) ?? { key, label, count: 0 };
      bucket.count += 1;
      buckets.set(key, bucket);
    }
  }
  return buckets;
}

async function participantCountries(ctx: Context, meetings: Counted[]): Promise<Map<string, string>> {
  const ids: ObjectId[] = uniqueIds(meetings.flatMap((meeting) => meeting.participantIds));
  if (ids.length === 0) return new Map();
  const officials = await officialsCollection(ctx.db)
    .find({ _id: { $in: ids }, country: { $ne: null } }, { projection: { country: 1 }, maxTimeMS: ctx.maxTimeMS })
    .toArray();
  return new Map(officials.map((official) => [official._id.toHexString(), official.country!]));
}

const largestFirst = (a: MeetingStatsBucketModel, b: MeetingStatsBucketModel) => b.count - a.count || a.key.localeCompare(b.key);

export async function meetingStats(ctx: Context, groupBy: MeetingStatsGroup, filter: MeetingFilter | null | undefined): Promise<MeetingStatsModel> {
  const meetings: Counted[] = await meetingsCollection(ctx.db)
    .find(await meetingFilter(ctx, filter), {
      projection: { participantIds: 1, countryCodes: 1, topics: 1, date: 1 },
      sort: { _id: 1 },
      maxTimeMS: ctx.maxTimeMS,
    })
    .toArray();
  let buckets: MeetingStatsBucketModel[];
  switch (groupBy) {
    case 'COUNTRY': {
      const countries = await participantCountries(ctx, meetings);
      const codesOf = (meeting: Counted) => [
        ...meeting.participantIds.flatMap((id) => countries.get(id.toHexString()) ?? []),
        ...meeting.countryCodes,
      ];
      buckets = [...tally(meetings, (meeting) => codesOf(meeting).map((code) => ({ key: code, label: countryName(code) }))).values()].sort(largestFirst);
      break;
    }
    case 'TOPIC':
      buckets = [...tally(meetings, (meeting) => meeting.topics.map((topic) => ({ key: foldText(topic), label: topic }))).values()].sort(largestFirst);
      break;
    case 'MONTH':
      buckets = [
        ...tally(meetings, (meeting) =>
          meeting.date && meeting.date.precision !== 'YEAR' ? [{ key: meeting.date.value.slice(0, 7), label: meeting.date.value.slice(0, 7) }] : [],
        ).values(),
      ].sort((a, b) => a.key.localeCompare(b.key));
      break;
  }
  return { groupBy, total: meetings.length, buckets };
}
