import type { Db, ObjectId } from 'mongodb';
import {
  earliestFirst,
  heldWins,
  reportMarker,
  sortedEvidence,
  sortedIds,
  strongestExtraction,
  type CountryCode,
  type EvidenceDoc,
  type ExtractionDoc,
  type PartialDateDoc,
  type Provenance,
} from './common';
import { idFromKey } from '../ids';
import { foldText, foldedTokens, nameKey } from '../text/normalize';
import { organizationsCollection } from './organizations';
import type { WriteScope } from './scope';
import { lockKey, upsertById, type Keyed } from './upsert';

export type ConferenceStatusValue = 'HELD' | 'PLANNED';

/** A conference. `key`: see conferenceKey. */
export interface ConferenceDoc extends Keyed {
  name: string;
  organizerId: ObjectId | null;
  edition: number | null;
  city: string | null;
  /** Folded city, for the case- and diacritics-insensitive filter. */
  cityKey: string | null;
  country: CountryCode | null;
  startDate: PartialDateDoc | null;
  endDate: PartialDateDoc | null;
  /** Start date, or the reporting year when undated: orders and filters by year. */
  dateSort: string;
  year: number | null;
  status: ConferenceStatusValue;
  participantIds: ObjectId[];
  articleIds: ObjectId[];
  evidence: EvidenceDoc[];
  /** Folded words of the name, the organizer's name and the city, for `search`. */
  searchTokens: string[];
  /** The most confident extraction among the reports that state it; null when none came with one. */
  extraction: ExtractionDoc | null;
  /** The earliest report that stated it (see reportMarker): its wording of single-valued facts wins. */
  firstReported: string;
  /** Meetings held at it, kept by the write path so reads are point reads. */
  meetingIds?: ObjectId[];
}

export function conferencesCollection(db: Db) {
  return db.collection<ConferenceDoc>('conferences');
}

/** What one report says of a conference: the stored fields it states, and where it said so. */
export interface ConferenceFacts
  extends Pick<ConferenceDoc, 'name' | 'organizerId' | 'edition' | 'city' | 'country' | 'startDate' | 'endDate' | 'status' | 'participantIds'>,
    Provenance {
  /** Year of the report, standing in for the conference's year when it is undated. */
  reportYear: number;
  /** Publication time of the report, when the facts come from one. */
  reportedAt: Date | null;
  extraction: ExtractionDoc | null;
}

/**
 * What identifies a conference, strongest first: its edition held in a city in
 * a year (reports name one edition in many ways — "29th Conference of World
 * Prosecutors" and "29th Annual Conference and General Meeting of the IAP",
 * with or without the organizer — but agree on number, city and year); else
 * organizer + edition; else the folded name and year.
 */
export function conferenceKey(facts: Pick<ConferenceFacts, 'name' | 'organizerId' | 'edition' | 'city' | 'startDate' | 'reportYear'>): string {
  if (facts.edition != null && facts.city) return `ed:${facts.edition}|at:${foldText(facts.city)}|${yearOf(facts)}`;
  if (facts.organizerId && facts.edition != null) return `org:${facts.organizerId.toHexString()}|ed:${facts.edition}`;
  return `name:${nameKey(facts.name)}|${yearOf(facts)}`;
}

export function conferenceId(facts: Parameters<typeof conferenceKey>[0]) {
  return idFromKey('conferences', conferenceKey(facts));
}

function yearOf(facts: Pick<ConferenceFacts, 'startDate' | 'reportYear'>): number {
  return facts.startDate ? Number(facts.startDate.value.slice(0, 4)) : facts.reportYear;
}

export function upsertConference(scope: WriteScope, facts: ConferenceFacts, now: Date) {
  const key = conferenceKey(facts);
  // The organizer's name is searchable too; organizers are never renamed, so reading it once suffices.
  // Locked before it is read: the write may list this conference on it later, merging into what it read.
  const organizerName = async (id: ObjectId | null) => {
    if (!id) return '';
    await scope.locks.lock(lockKey(organizationsCollection(scope.db).collectionName, id.toHexString()));
    return (await scope.read(organizationsCollection(scope.db), id))?.name ?? '';
  };
  return upsertById(conferencesCollection(scope.db), scope, {
    id: conferenceId(facts),
    now,
    merge: async (existing) => {
      const evidence = facts.evidence && facts.articleId ? [{ articleId: facts.articleId, ...facts.evidence }] : [];
      const incoming = { ...facts, year: yearOf(facts), firstReported: reportMarker(facts.reportedAt, facts.articleId) };
      const [first, second] = earliestFirst(existing, incoming);
      const pick = <K extends 'name' | 'organizerId' | 'edition' | 'city' | 'country' | 'startDate' | 'endDate' | 'year'>(field: K) =>
        first[field] ?? second?.[field] ?? null;
      const startDate = pick('startDate');
      const year = pick('year');
      const city = pick('city');
      const name = pick('name')!;
      const organizerId = pick('organizerId');
      return {
        key,
        name,
        organizerId,
        edition: pick('edition'),
        city,
        cityKey: city ? foldText(city) : null,
        country: pick('country'),
        startDate,
        endDate: pick('endDate'),
        dateSort: startDate?.value ?? String(year),
        year,
        status: heldWins(existing?.status, facts.status),
        participantIds: sortedIds([...(existing?.participantIds ?? []), ...facts.participantIds]),
        articleIds: sortedIds([...(existing?.articleIds ?? []), ...(facts.articleId ? [facts.articleId] : [])]),
        evidence: sortedEvidence([...(existing?.evidence ?? []), ...evidence]),
        searchTokens: [...new Set([name, await organizerName(organizerId), city ?? ''].flatMap(foldedTokens))],
        extraction: strongestExtraction(existing?.extraction, facts.extraction),
        firstReported: first.firstReported,
      };
    },
  });
}
