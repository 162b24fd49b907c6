import type { Db, ObjectId } from 'mongodb';
import { compareSpellings, reportMarker, sortedIds, strongestExtraction, uniqueBy, uniqueIds, type CountryCode, type ExtractionDoc } from './common';
import { idFromKey } from '../ids';
import { foldText, foldedTokens, nameKey, personKey } from '../text/normalize';
import type { WriteScope } from './scope';
import { lockKey, upsertById, type Keyed } from './upsert';

export interface ReportedTitleDoc {
  title: string;
  articleId: ObjectId | null;
  /** Publication time of that report; orders titles oldest first, whatever order reports arrive in. */
  reportedAt?: Date | null;
  /** How the extractor found the official in that report; null when it was sent without one. */
  extraction?: ExtractionDoc | null;
}

/** A named office holder. `key` is `<name key>|<country or empty>`, readable; the `_id` does not change with it. */
export interface OfficialDoc extends Keyed {
  name: string;
  aliases: string[];
  /** Person keys (folded, transliterations too) of the name and every alias; each is an `officialNames` entry. */
  nameKeys: string[];
  /** Folded words of the name and aliases, for search by partial name. */
  nameTokens: string[];
  /** Folded name, for sorting lists alphabetically. */
  sortName: string;
  titles: ReportedTitleDoc[];
  organizationId: ObjectId | null;
  /** The report the organization came from (reportMarker): the latest one wins. */
  organizationReported?: string;
  country: CountryCode | null;
  /** The most confident extraction among the reports that name it; null when none came with one. */
  extraction?: ExtractionDoc | null;
  /** Reports, meetings and conferences that name it, kept by the write path so reads are point reads. */
  articleIds?: ObjectId[];
  meetingIds?: ObjectId[];
  conferenceIds?: ObjectId[];
}

/**
 * Name → officials, so resolving a name is point reads by `_id` rather than a
 * scan: `_id` is a person key (personKey), `officialIds` every official known
 * by that name (namesakes from different countries share an entry).
 */
export interface OfficialNameDoc {
  _id: string;
  officialIds: ObjectId[];
}

export function officialsCollection(db: Db) {
  return db.collection<OfficialDoc>('officials');
}

export function officialNamesCollection(db: Db) {
  return db.collection<OfficialNameDoc>('officialNames');
}

export interface OfficialFacts {
  name: string;
  aliases: string[];
  title: string | null;
  organizationId: ObjectId | null;
  country: CountryCode | null;
  /** The report that states these facts, if any. */
  articleId: ObjectId | null;
  reportedAt: Date | null;
  extraction: ExtractionDoc | null;
}

export function officialKey(name: string, country: CountryCode | null): string {
  return `${nameKey(name)}|${country ?? ''}`;
}

/** The person keys a mention is known by; the ingestion locks them before resolving. */
export function officialNameKeys(facts: Pick<OfficialFacts, 'name' | 'aliases'>): string[] {
  return [...new Set([facts.name, ...facts.aliases].map(personKey).filter((key) => key.length > 0))].sort();
}

export const officialNameLock = (key: string) => lockKey('officialNames', key);

/**
 * The stored official these facts describe, among those known by one of its
 * names: the one with the same country; failing that, one whose country is
 * unknown yet, or — when the facts give no country — the only one, or the one
 * with the same title.
 */
function chooseOfficial(candidates: OfficialDoc[], facts: OfficialFacts): OfficialDoc | null {
  if (candidates.length === 0) return null;
  const sameCountry = candidates.find((official) => official.country === facts.country);
  if (sameCountry) return sameCountry;
  if (facts.country) return candidates.find((official) => official.country == null) ?? null;
  if (candidates.length === 1) return candidates[0]!;
  const title = facts.title ? foldText(facts.title) : null;
  return candidates.find((official) => official.titles.some((t) => foldText(t.title) === title)) ?? null;
}

/**
 * The id of the official these facts describe: a stored one (chooseOfficial),
 * else one derived from the smallest of the mention's person keys — the same
 * whichever of its spellings arrives first — or, when a namesake already holds
 * that id, from the key and the country.
 */
async function resolveOfficialId(scope: WriteScope, facts: OfficialFacts): Promise<{ id: ObjectId; entries: Map<string, OfficialNameDoc | null> }> {
  const keys = officialNameKeys(facts);
  await scope.locks.lockAll(keys.map(officialNameLock));
  const entries = await scope.readAll(officialNamesCollection(scope.db), keys);
  const ids = uniqueIds(entries.flatMap((entry) => entry?.officialIds ?? [])).sort((a, b) => a.toHexString().localeCompare(b.toHexString()));
  // Locked before they are read, so the version merged into is the current one.
  await scope.locks.lockAll(ids.map((id) => lockKey(officialsCollection(scope.db).collectionName, id.toHexString())));
  const candidates = (await scope.readAll(officialsCollection(scope.db), ids)).filter((official): official is OfficialDoc => official != null);
  const chosen = chooseOfficial(candidates, facts);
  const known = new Map(keys.map((key, i) => [key, entries[i] ?? null]));
  if (chosen) return { id: chosen._id, entries: known };
  // An official holding the base id is known by that key, so it is among the candidates.
  const base = idFromKey('officials', keys[0]!);
  const taken = candidates.some((c) => c._id.equals(base));
  return { id: taken ? idFromKey('officials', `${keys[0]!}|${facts.country ?? ''}`) : base, entries: known };
}

function titleKey(title: ReportedTitleDoc): string {
  return `${title.reportedAt?.toISOString() ?? ''}|${title.articleId?.toHexString() ?? ''}|${foldText(title.title)}`;
}

/**
 * Reads, in one round of point reads, what resolving these mentions will need
 * (their name entries must be read already): the officials the entries list,
 * and the ids new officials would get. Locks them first.
 */
export async function prefetchOfficials(scope: WriteScope, mentions: Array<Pick<OfficialFacts, 'name' | 'aliases'>>): Promise<void> {
  const keys = mentions.map(officialNameKeys).filter((k) => k.length > 0);
  const entries = await scope.readAll(officialNamesCollection(scope.db), keys.flat());
  const ids = uniqueIds([...entries.flatMap((entry) => entry?.officialIds ?? []), ...keys.map((k) => idFromKey('officials', k[0]!))]);
  await scope.locks.lockAll(ids.map((id) => lockKey(officialsCollection(scope.db).collectionName, id.toHexString())));
  await scope.readAll(officialsCollection(scope.db), ids);
}

/** Creates the official or merges aliases, titles, organization and country into the stored one, and indexes its names. */
export async function upsertOfficial(scope: WriteScope, facts: OfficialFacts, now: Date) {
  const { id, entries } = await resolveOfficialId(scope, facts);
  const reported = reportMarker(facts.reportedAt, facts.articleId);
  const result = await upsertById(officialsCollection(scope.db), scope, {
    id,
    now,
    merge: (existing) => {
      // Every spelling seen, one per name key, the preferred one of each; the preferred of all is the name.
      const spellings = [...(existing ? [existing.name, ...existing.aliases] : []), facts.name, ...facts.aliases].sort(compareSpellings);
      const forms = uniqueBy(spellings, nameKey);
      const name = forms[0]!;
      const aliases = forms.slice(1).sort((a, b) => nameKey(a).localeCompare(nameKey(b)));
      const country = existing?.country ?? facts.country;
      const title = facts.title
        ? [{ title: facts.title, articleId: facts.articleId, reportedAt: facts.reportedAt, extraction: facts.extraction }]
        : [];
      const titles = uniqueBy([...(existing?.titles ?? []), ...title].sort((a, b) => compareSpellings(a.title, b.title)), (t) =>
        `${foldText(t.title)}|${t.articleId?.toHexString() ?? ''}`,
      ).sort((a, b) => titleKey(a).localeCompare(titleKey(b)));
      const newerOrganization = facts.organizationId != null && (existing?.organizationReported == null || reported >= existing.organizationReported);
      return {
        key: officialKey(name, country),
        name,
        aliases,
        nameKeys: [...new Set([name, ...aliases].map(personKey))].sort(),
        nameTokens: uniqueBy([name, ...aliases].flatMap(foldedTokens), (t) => t).sort(),
        sortName: foldText(name),
        titles,
        organizationId: newerOrganization ? facts.organizationId : (existing?.organizationId ?? null),
        organizationReported: newerOrganization ? reported : (existing?.organizationReported ?? undefined),
        country,
        extraction: strongestExtraction(existing?.extraction, facts.extraction),
        ...(facts.articleId ? { articleIds: sortedIds([...(existing?.articleIds ?? []), facts.articleId]) } : {}),
      };
    },
  });
  indexNames(scope, id, entries);
  return result;
}

/**
 * Adds the official to each name entry that lacks it ($addToSet on `_id`:
 * atomic on MongoDB too). The entries were read under their locks, still held.
 */
function indexNames(scope: WriteScope, id: ObjectId, entries: Map<string, OfficialNameDoc | null>): void {
  const names = officialNamesCollection(scope.db);
  for (const [key, entry] of entries) {
    if (entry?.officialIds.some((stored) => stored.equals(id))) continue;
    scope.addToSet(names, key, 'officialIds', [id], { _id: key, officialIds: [...(entry?.officialIds ?? []), id] });
  }
}

/** Officials known by this name (any spelling folding to the same person key); point reads. */
export async function findOfficialsByName(db: Db, name: string): Promise<OfficialDoc[]> {
  const entry = await officialNamesCollection(db).findOne({ _id: personKey(name) });
  const found = await Promise.all((entry?.officialIds ?? []).map((id) => officialsCollection(db).findOne({ _id: id })));
  return found.filter((official): official is OfficialDoc => official != null);
}
