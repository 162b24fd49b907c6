/** Shapes shared by several collections. */
import type { ObjectId } from 'mongodb';

/** ISO 3166-1 alpha-2 code, upper case. */
export type CountryCode = string;

export type DatePrecisionValue = 'DAY' | 'MONTH' | 'YEAR';

export interface PartialDateDoc {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; sorts correctly as a string. */
  value: string;
  precision: DatePrecisionValue;
  inferred: boolean;
}

export interface PlaceDoc {
  city: string | null;
  country: CountryCode | null;
}

export interface EvidenceDoc {
  articleId: ObjectId;
  sentence: string;
  start: number | null;
  end: number | null;
}

/** Where a report stated a fact: the article, and the sentence with its offsets. */
export interface Provenance {
  articleId: ObjectId | null;
  evidence: Omit<EvidenceDoc, 'articleId'> | null;
}

/** Fields every stored entity carries. */
export interface Timestamps {
  createdAt: Date;
  updatedAt: Date;
}

export function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function evidenceKey(evidence: EvidenceDoc): string {
  return `${evidence.articleId.toHexString()}|${evidence.start ?? ''}|${evidence.sentence}`;
}

export function uniqueIds(ids: ObjectId[]): ObjectId[] {
  return uniqueBy(ids, (id) => id.toHexString());
}

/** A meeting or conference once reported as held stays held when an older report announcing it is re-read. */
export function heldWins(stored: 'HELD' | 'PLANNED' | undefined, reported: 'HELD' | 'PLANNED'): 'HELD' | 'PLANNED' {
  return stored === 'HELD' || reported === 'HELD' ? 'HELD' : 'PLANNED';
}

/** The same ids in a fixed order (by hex), so merged lists do not depend on the order reports arrived in. */
export function sortedIds(ids: ObjectId[]): ObjectId[] {
  return uniqueIds(ids).sort((a, b) => a.toHexString().localeCompare(b.toHexString()));
}

/** Evidence deduplicated and in a fixed order. */
export function sortedEvidence(evidence: EvidenceDoc[]): EvidenceDoc[] {
  return uniqueBy(evidence, evidenceKey).sort((a, b) => evidenceKey(a).localeCompare(evidenceKey(b)));
}

/** How an extractor found a fact: the rule that produced it and how sure it is. */
export interface ExtractionDoc {
  rule: string;
  confidence: number;
}

/** Of several reports' extractions of one fact, the most confident (then the rule name): independent of arrival order. */
export function strongestExtraction(...candidates: Array<ExtractionDoc | null | undefined>): ExtractionDoc | null {
  const present = candidates.filter((c): c is ExtractionDoc => c != null);
  present.sort((a, b) => b.confidence - a.confidence || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return present[0] ?? null;
}

/**
 * Which report a fact came from, as a string that sorts by publication time,
 * then article id. Facts written without a report sort last.
 */
export function reportMarker(reportedAt: Date | null, articleId: ObjectId | null): string {
  return reportedAt && articleId ? `${reportedAt.toISOString()}|${articleId.toHexString()}` : '~';
}

/**
 * The earlier-reported of two versions of an entity's facts first: fields a
 * report states once (a meeting's outcome, a conference's city) come from the
 * earliest report that states them, whatever order the reports arrive in.
 */
export function earliestFirst<A extends { firstReported: string }, B extends { firstReported: string }>(stored: A | null, incoming: B): [A | B, A | B | null] {
  if (!stored) return [incoming, null];
  return incoming.firstReported < stored.firstReported ? [incoming, stored] : [stored, incoming];
}

/**
 * Orders spellings of one name, preferred first: more words, then longer, then
 * not all capitals, then with more diacritics (transliterations drop them:
 * "Çavuşoğlu" over "Cavusoglu"), then code point order. A fixed rule, so the
 * displayed form does not depend on which report came first.
 */
export function compareSpellings(a: string, b: string): number {
  const words = (text: string) => text.split(' ').length;
  const shouted = (text: string) => (text === text.toUpperCase() ? 1 : 0);
  const marked = (text: string) => text.replace(/[\x00-\x7f]/g, '').length;
  return (
    words(b) - words(a) ||
    b.length - a.length ||
    shouted(a) - shouted(b) ||
    marked(b) - marked(a) ||
    (a < b ? -1 : a > b ? 1 : 0)
  );
}

/** The preferred of several spellings (see compareSpellings). */
export function preferredSpelling(...spellings: string[]): string {
  return [...spellings].sort(compareSpellings)[0]!;
}
