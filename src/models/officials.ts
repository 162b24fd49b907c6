import type { Db, ObjectId } from 'mongodb';
import { uniqueBy, type CountryCode } from './common';
import { foldText, foldedTokens, nameKey } from '../text/normalize';
import { upsertByKey, type Keyed } from './upsert';

export interface ReportedTitleDoc {
  title: string;
  articleId: ObjectId | null;
}

/** A named office holder. `key` is `<name key>|<country or empty>`. */
export interface OfficialDoc extends Keyed {
  name: string;
  aliases: string[];
  /** Order-insensitive folded keys of the name and every alias, for matching across reports. */
  nameKeys: string[];
  /** Folded words of the name and aliases, for search by partial name. */
  nameTokens: string[];
  /** Folded name, for sorting lists alphabetically. */
  sortName: string;
  titles: ReportedTitleDoc[];
  organizationId: ObjectId | null;
  country: CountryCode | null;
}

export function officialsCollection(db: Db) {
  return db.collection<OfficialDoc>('officials');
}

export interface OfficialFacts {
  name: string;
  aliases: string[];
  title: string | null;
  organizationId: ObjectId | null;
  country: CountryCode | null;
  /** The report that states these facts, if any. */
  articleId: ObjectId | null;
}

export function officialKey(name: string, country: CountryCode | null): string {
  return `${nameKey(name)}|${country ?? ''}`;
}

/**
 * The stored official these facts describe: the same name or alias (folded,
 * any word order) with the same country; failing that, one whose country is
 * unknown yet, or — when the facts give no country — the only one with that
 * name, or the one with the same title.
 */
export async function findMatchingOfficial(db: Db, facts: OfficialFacts): Promise<OfficialDoc | null> {
  const keys = [facts.name, ...facts.aliases].map(nameKey);
  const candidates = await officialsCollection(db).find({ nameKeys: { $in: keys } }).toArray();
  if (candidates.length === 0) return null;
  const sameCountry = candidates.find((official) => official.country === facts.country);
  if (sameCountry) return sameCountry;
  if (facts.country) return candidates.find((official) => official.country == null) ?? null;
  if (candidates.length === 1) return candidates[0]!;
  const title = facts.title ? foldText(facts.title) : null;
  return candidates.find((official) => official.titles.some((t) => foldText(t.title) === title)) ?? null;
}

/** Creates the official or merges aliases, titles, organization and country into the stored one. */
export function upsertOfficial(db: Db, facts: OfficialFacts, now: Date) {
  return upsertByKey(officialsCollection(db), {
    key: officialKey(facts.name, facts.country),
    now,
    locate: () => findMatchingOfficial(db, facts),
    merge: (existing) => {
      const name = existing?.name ?? facts.name;
      const country = existing?.country ?? facts.country;
      const aliases = uniqueBy(
        [...(existing?.aliases ?? []), facts.name, ...facts.aliases].filter((alias) => nameKey(alias) !== nameKey(name)),
        nameKey,
      );
      const reported = facts.title ? [{ title: facts.title, articleId: facts.articleId }] : [];
      const titles = uniqueBy([...(existing?.titles ?? []), ...reported], (t) => `${foldText(t.title)}|${t.articleId?.toHexString() ?? ''}`);
      return {
        key: officialKey(name, country),
        name,
        aliases,
        nameKeys: uniqueBy([name, ...aliases].map(nameKey), (k) => k),
        nameTokens: uniqueBy([name, ...aliases].flatMap(foldedTokens), (t) => t),
        sortName: foldText(name),
        titles,
        organizationId: facts.organizationId ?? existing?.organizationId ?? null,
        country,
      };
    },
  });
}
