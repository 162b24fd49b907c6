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
