import type { Db, ObjectId } from 'mongodb';
import { preferredSpelling, type CountryCode } from './common';
import { idFromKey } from '../ids';
import { nameKey } from '../text/normalize';
import type { WriteScope } from './scope';
import { upsertById, type Keyed } from './upsert';

/** An organizer or employer. `key` is `<name key>|<country or empty>`: national offices share names. */
export interface OrganizationDoc extends Keyed {
  name: string;
  country: CountryCode | null;
  /** Conferences it organized (a series: a few), kept by the write path so reads are point reads. */
  conferenceIds?: ObjectId[];
}

export function organizationsCollection(db: Db) {
  return db.collection<OrganizationDoc>('organizations');
}

export interface OrganizationFacts {
  name: string;
  country: CountryCode | null;
}

export function organizationKey(facts: OrganizationFacts): string {
  return `${nameKey(facts.name)}|${facts.country ?? ''}`;
}

export function organizationId(facts: OrganizationFacts) {
  return idFromKey('organizations', organizationKey(facts));
}

/** Finds the organization by folded name + country, creating it when new. */
export function upsertOrganization(scope: WriteScope, facts: OrganizationFacts, now: Date) {
  const key = organizationKey(facts);
  return upsertById(organizationsCollection(scope.db), scope, {
    id: organizationId(facts),
    now,
    merge: (existing) => ({ key, name: existing ? preferredSpelling(existing.name, facts.name) : facts.name, country: facts.country }),
  });
}
