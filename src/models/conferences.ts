import type { Db, ObjectId } from 'mongodb';
import { evidenceKey, heldWins, uniqueBy, uniqueIds, type CountryCode, type EvidenceDoc, type PartialDateDoc, type Provenance } from './common';
import { foldText, foldedTokens, nameKey } from '../text/normalize';
import { organizationsCollection } from './organizations';
import { upsertByKey, type Keyed } from './upsert';

export type ConferenceStatusValue = 'HELD' | 'PLANNED';

/** A conference. `key` is `org:<organizer id>|ed:<edition>` or `name:<name key>|<year>`. */
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
}

/** Organizer + edition identify an edition of a series; otherwise the folded name and year do. */
export function conferenceKey(facts: ConferenceFacts): string {
  if (facts.organizerId && facts.edition != null) return `org:${facts.organizerId.toHexString()}|ed:${facts.edition}`;
  return `name:${nameKey(facts.name)}|${yearOf(facts)}`;
}

function yearOf(facts: Pick<ConferenceFacts, 'startDate' | 'reportYear'>): number {
  return facts.startDate ? Number(facts.startDate.value.slice(0, 4)) : facts.reportYear;
}

export async function upsertConference(db: Db, facts: ConferenceFacts, now: Date) {
  const key = conferenceKey(facts);
  // The organizer's name is searchable too; organizers are never renamed, so reading it once suffices.
  const organizerName = async (id: ObjectId | null) => (id ? ((await organizationsCollection(db).findOne({ _id: id }))?.name ?? '') : '');
  const storedOrganizerId = (await conferencesCollection(db).findOne({ key }, { projection: { organizerId: 1 } }))?.organizerId ?? null;
  const organizer = await organizerName(storedOrganizerId ?? facts.organizerId);
  return upsertByKey(conferencesCollection(db), {
    key,
    now,
    merge: (existing) => {
      const evidence = facts.evidence && facts.articleId ? [{ articleId: facts.articleId, ...facts.evidence }] : [];
      const startDate = existing?.startDate ?? facts.startDate;
      const year = existing?.year ?? yearOf(facts);
      const city = existing?.city ?? facts.city;
      const name = existing?.name ?? facts.name;
      return {
        key,
        name,
        organizerId: existing?.organizerId ?? facts.organizerId,
        edition: existing?.edition ?? facts.edition,
        city,
        cityKey: city ? foldText(city) : null,
        country: existing?.country ?? facts.country,
        startDate,
        endDate: existing?.endDate ?? facts.endDate,
        dateSort: startDate?.value ?? String(year),
        year,
        status: heldWins(existing?.status, facts.status),
        participantIds: uniqueIds([...(existing?.participantIds ?? []), ...facts.participantIds]),
        articleIds: uniqueIds([...(existing?.articleIds ?? []), ...(facts.articleId ? [facts.articleId] : [])]),
        evidence: uniqueBy([...(existing?.evidence ?? []), ...evidence], evidenceKey),
        searchTokens: [...new Set([name, organizer, city ?? ''].flatMap(foldedTokens))],
      };
    },
  });
}
