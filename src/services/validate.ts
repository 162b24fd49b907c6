/**
 * Turns client input into normalized values, or throws a ValidationError that
 * names the field. Runs before any write, so bad input never half-writes.
 */
import { quote, ValidationError } from '../errors';
import type { DatePrecisionValue, PartialDateDoc } from '../models/common';
import { isCountryCode } from './countries';

export const limits = {
  textLength: 2_000,
  bodyLength: 1_000_000,
  listLength: 500,
};

export function optionalText(value: string | null | undefined, field: string, max = limits.textLength): string | null {
  if (value == null) return null;
  const text = value.replace(/\s+/g, ' ').trim();
  if (text.length > max) throw new ValidationError(`Expected at most ${max} characters for "${field}", but got ${text.length}.`, field);
  return text.length > 0 ? text : null;
}

export function requiredText(value: string | null | undefined, field: string, max = limits.textLength): string {
  const text = optionalText(value, field, max);
  if (text == null) throw new ValidationError(`Expected a non-empty text for "${field}", but got ${value == null ? 'null' : quote(value)}.`, field);
  return text;
}

export function list<T>(values: T[] | null | undefined, field: string, max = limits.listLength): T[] {
  const items = values ?? [];
  if (items.length > max) throw new ValidationError(`Expected at most ${max} items in "${field}", but got ${items.length}.`, field);
  return items;
}

export function optionalCountry(value: string | null | undefined, field: string): string | null {
  const text = optionalText(value, field);
  if (text == null) return null;
  const code = text.toUpperCase();
  if (!isCountryCode(code)) {
    throw new ValidationError(`Expected an ISO 3166-1 alpha-2 country code for "${field}", but got ${quote(text)}.`, field);
  }
  return code;
}

const partialDatePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function optionalPartialDate(value: string | null | undefined, field: string, inferred = false): PartialDateDoc | null {
  const text = optionalText(value, field);
  if (text == null) return null;
  const match = partialDatePattern.exec(text);
  const [, year, month, day] = match ?? [];
  const valid =
    match != null &&
    (month == null || (Number(month) >= 1 && Number(month) <= 12)) &&
    (day == null || isRealDay(Number(year), Number(month), Number(day)));
  if (!valid) {
    throw new ValidationError(`Expected a date as YYYY-MM-DD, YYYY-MM or YYYY for "${field}", but got ${quote(text)}.`, field);
  }
  const precision: DatePrecisionValue = day != null ? 'DAY' : month != null ? 'MONTH' : 'YEAR';
  return { value: text, precision, inferred };
}

const dateTimePattern = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export interface DateTimeValue {
  /** ISO 8601 with the offset as given (a bare day becomes midnight UTC). */
  iso: string;
  utc: Date;
}

/** An ISO instant with an offset, or a bare day; the offset the report printed is kept. */
export function parseDateTime(value: string, field: string): DateTimeValue {
  const text = value.trim();
  const match = dateTimePattern.exec(text);
  const fail = () =>
    new ValidationError(
      `Expected an ISO 8601 date-time with offset (2023-09-28T17:49:00+04:00) or a date (2023-09-28) for "${field}", but got "${value}".`,
      field,
    );
  if (!match) throw fail();
  const [, day, hour, minute, second, fraction, offset] = match;
  const [y, m, d] = day!.split('-').map(Number) as [number, number, number];
  if (!isRealDay(y, m, d)) throw fail();
  if (hour == null) return { iso: `${day}T00:00:00Z`, utc: new Date(`${day}T00:00:00Z`) };
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) throw fail();
  const iso = `${day}T${hour}:${minute}:${second ?? '00'}${fraction ?? ''}${offset}`;
  const utc = new Date(iso);
  if (Number.isNaN(utc.getTime())) throw fail();
  return { iso, utc };
}

/** Schemes an article may live at: web pages and URNs; `javascript:`, `data:`, `file:` and the like would be unsafe to link. */
const articleSchemes = new Set(['http:', 'https:', 'urn:']);

export function absoluteUrl(value: string, field: string): string {
  const text = requiredText(value, field);
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // Reported below.
  }
  if (url && articleSchemes.has(url.protocol) && (url.protocol === 'urn:' || url.hostname !== '')) return text;
  const scheme = url && !articleSchemes.has(url.protocol) ? ` (the "${url.protocol.slice(0, 20)}" scheme is not accepted)` : '';
  throw new ValidationError(`Expected an absolute http://, https:// or urn: URL for "${field}", but got ${quote(text)}${scheme}.`, field);
}

export function paragraphs(values: string[], field: string): string[] {
  const body = list(values, field, 10_000)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
  if (body.length === 0) throw new ValidationError(`Expected at least one non-empty paragraph in "${field}".`, field);
  const length = body.reduce((sum, paragraph) => sum + paragraph.length, 0);
  if (length > limits.bodyLength) {
    throw new ValidationError(`Expected at most ${limits.bodyLength} characters in "${field}", but got ${length}.`, field);
  }
  return body;
}

export function optionalEdition(value: number | null | undefined, field: string): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 1 || value > 10_000) {
    throw new ValidationError(`Expected a positive edition number for "${field}", but got ${value}.`, field);
  }
  return value;
}
