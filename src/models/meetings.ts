import type { Db, ObjectId } from 'mongodb';
import { evidenceKey, heldWins, uniqueBy, uniqueIds, type CountryCode, type EvidenceDoc, type PartialDateDoc, type Provenance } from './common';
import { foldText } from '../text/normalize';
import { upsertByKey, type Keyed } from './upsert';

export type MeetingStatusValue = 'HELD' | 'PLANNED';

/** A meeting. `key` is its participants, counterpart countries, date and city. */
export interface MeetingDoc extends Keyed {
  participantIds: ObjectId[];
  countryCodes: CountryCode[];
  date: PartialDateDoc | null;
  /** `date.value`, or '' when undated: sorts newest first with undated last. */
  dateSort: string;
  city: string | null;
  country: CountryCode | null;
  topics: string[];
  outcome: string | null;
  status: MeetingStatusValue;
  conferenceId: ObjectId | null;
  articleIds: ObjectId[];
  evidence: EvidenceDoc[];
}

export function meetingsCollection(db: Db) {
  return db.collection<MeetingDoc>('meetings');
}

/** What one report says of a meeting: the stored fields it states, and where it said so. */
export interface MeetingFacts
  extends Pick<MeetingDoc, 'participantIds' | 'countryCodes' | 'date' | 'city' | 'country' | 'topics' | 'outcome' | 'status' | 'conferenceId'>,
    Provenance {}

/** Participants (order-free), counterpart countries, date and city identify a meeting. */
export function meetingKey(facts: Pick<MeetingFacts, 'participantIds' | 'countryCodes' | 'date' | 'city'>): string {
  const participants = facts.participantIds.map((id) => id.toHexString()).sort().join(',');
  const countries = [...facts.countryCodes].sort().join(',');
  return `p:${participants}|c:${countries}|d:${facts.date?.value ?? ''}|at:${facts.city ? foldText(facts.city) : ''}`;
}

export function upsertMeeting(db: Db, facts: MeetingFacts, now: Date) {
  const key = meetingKey(facts);
  return upsertByKey(meetingsCollection(db), {
    key,
    now,
    merge: (existing) => {
      const evidence = facts.evidence && facts.articleId ? [{ articleId: facts.articleId, ...facts.evidence }] : [];
      return {
        key,
        participantIds: existing?.participantIds ?? uniqueBy(facts.participantIds, (id) => id.toHexString()),
        countryCodes: existing?.countryCodes ?? [...new Set(facts.countryCodes)],
        date: existing?.date ?? facts.date,
        dateSort: (existing?.date ?? facts.date)?.value ?? '',
        city: existing?.city ?? facts.city,
        country: existing?.country ?? facts.country,
        topics: uniqueBy([...(existing?.topics ?? []), ...facts.topics], foldText),
        outcome: facts.outcome ?? existing?.outcome ?? null,
        status: heldWins(existing?.status, facts.status),
        conferenceId: existing?.conferenceId ?? facts.conferenceId,
        articleIds: uniqueIds([...(existing?.articleIds ?? []), ...(facts.articleId ? [facts.articleId] : [])]),
        evidence: uniqueBy([...(existing?.evidence ?? []), ...evidence], evidenceKey),
      };
    },
  });
}
