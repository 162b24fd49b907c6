import type { Db, ObjectId } from 'mongodb';
import {
  earliestFirst,
  heldWins,
  reportMarker,
  sortedEvidence,
  sortedIds,
  strongestExtraction,
  uniqueBy,
  type CountryCode,
  type EvidenceDoc,
  type ExtractionDoc,
  type PartialDateDoc,
  type Provenance,
} from './common';
import { idFromKey } from '../ids';
import { foldText } from '../text/normalize';
import type { WriteScope } from './scope';
import { upsertById, type Keyed } from './upsert';

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
  /** The most confident extraction among the reports that state it; null when none came with one. */
  extraction: ExtractionDoc | null;
  /** The earliest report that stated it (see reportMarker): its wording of single-valued facts wins. */
  firstReported: string;
}

export function meetingsCollection(db: Db) {
  return db.collection<MeetingDoc>('meetings');
}

/** What one report says of a meeting: the stored fields it states, and where it said so. */
export interface MeetingFacts
  extends Pick<MeetingDoc, 'participantIds' | 'countryCodes' | 'date' | 'city' | 'country' | 'topics' | 'outcome' | 'status' | 'conferenceId'>,
    Provenance {
  /** Publication time of the report, when the facts come from one. */
  reportedAt: Date | null;
  extraction: ExtractionDoc | null;
}

/** Participants (order-free), counterpart countries, date and city identify a meeting. */
export function meetingKey(facts: Pick<MeetingFacts, 'participantIds' | 'countryCodes' | 'date' | 'city'>): string {
  const participants = facts.participantIds.map((id) => id.toHexString()).sort().join(',');
  const countries = [...facts.countryCodes].sort().join(',');
  return `p:${participants}|c:${countries}|d:${facts.date?.value ?? ''}|at:${facts.city ? foldText(facts.city) : ''}`;
}

export function meetingId(facts: Pick<MeetingFacts, 'participantIds' | 'countryCodes' | 'date' | 'city'>) {
  return idFromKey('meetings', meetingKey(facts));
}

export function upsertMeeting(scope: WriteScope, facts: MeetingFacts, now: Date) {
  const key = meetingKey(facts);
  return upsertById(meetingsCollection(scope.db), scope, {
    id: meetingId(facts),
    now,
    merge: (existing) => {
      const evidence = facts.evidence && facts.articleId ? [{ articleId: facts.articleId, ...facts.evidence }] : [];
      const incoming = {
        ...facts,
        participantIds: uniqueBy(facts.participantIds, (id) => id.toHexString()),
        countryCodes: [...new Set(facts.countryCodes)],
        firstReported: reportMarker(facts.reportedAt, facts.articleId),
      };
      // Participants and countries are the same set in every report of the meeting (they are its key): the earliest report's order is kept.
      const [first, second] = earliestFirst(existing, incoming);
      const date = first.date ?? second?.date ?? null;
      return {
        key,
        participantIds: first.participantIds,
        countryCodes: first.countryCodes,
        date,
        dateSort: date?.value ?? '',
        city: first.city ?? second?.city ?? null,
        country: first.country ?? second?.country ?? null,
        topics: uniqueBy([...(existing?.topics ?? []), ...facts.topics].sort(), foldText).sort((a, b) => foldText(a).localeCompare(foldText(b))),
        outcome: first.outcome ?? second?.outcome ?? null,
        status: heldWins(existing?.status, facts.status),
        conferenceId: first.conferenceId ?? second?.conferenceId ?? null,
        articleIds: sortedIds([...(existing?.articleIds ?? []), ...(facts.articleId ? [facts.articleId] : [])]),
        evidence: sortedEvidence([...(existing?.evidence ?? []), ...evidence]),
        extraction: strongestExtraction(existing?.extraction, facts.extraction),
        firstReported: first.firstReported,
      };
    },
  });
}
