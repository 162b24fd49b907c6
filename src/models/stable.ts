/**
 * Deep equality for stored facts, so an upsert can tell "unchanged" from
 * "updated" without writing. ObjectIds and Dates compare by value.
 */
import { ObjectId } from 'mongodb';

function canonical(value: unknown): unknown {
  if (value instanceof ObjectId) return `oid:${value.toHexString()}`;
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** True when every field of `facts` already has that value in `stored`. */
export function hasFacts(stored: object, facts: object): boolean {
  const record = stored as Record<string, unknown>;
  return Object.entries(facts).every(([field, value]) => sameValue(record[field] ?? null, value ?? null));
}
