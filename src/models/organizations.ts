import type { Db } from 'mongodb';
import type { CountryCode } from './common';
import { nameKey } from '../text/normalize';
import { upsertByKey, type Keyed } from './upsert';

/** An organizer or employer. `key` is `<name key>|<country or empty>`: national offices share names. */
export interface OrganizationDoc extends Keyed {
  name: string;
  country: CountryCode | null;
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

/** Finds the organization by folded name + country, creating it when new. */
export function upsertOrganization(db: Db, facts: OrganizationFacts, now: Date) {
  const key = organizationKey(facts);
  return upsertByKey(organizationsCollection(db), {
    key,
    now,
    merge: (existing) => ({ key, name: existing?.name ?? facts.name, country: facts.country }),
  });
}
