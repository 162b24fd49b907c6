/**
 * Reading the report file layout (README, "Ingesting reports"):
 *
 *    date YYYY-MM-DD <printed date>
 *   title: <headline>            optional header lines, each at most once, in any order,
 *   url: <https://… or urn:…>    directly under the date line (no blank line between);
 *   source: <publisher>          the first blank line ends them
 *   <blank line>
 *   paragraph
 *   <blank line>
 *   ...
 *
 * The body is the paragraphs joined by "\n\n"; every offset the extractor reports is an offset into it.
 */
import { createHash } from 'crypto';
import { ReportError } from './errors';
import { countryCode, isKnownCity } from './countries';
import { agencyCountry, findAgency } from './sources';

function isPlace(text: string): boolean {
  const t = text.trim();
  return isKnownCity(t) || countryCode(t) !== null;
}

export const MAX_REPORT_BYTES = 2 * 1024 * 1024;

export interface Dateline {
  /** The dateline as printed (`BEIJING, July 13 (Xinhua) --`). */
  text: string;
  /** Place named by the dateline (`BEIJING` → `Beijing`), if any. */
  city: string | null;
  /** Agency named by the dateline, if any. */
  agency: string | null;
}

export interface Report {
  /** The path or name the report was read from. */
  file: string;
  /** File name without directories (`000_azernews-iap28-london.txt`). */
  name: string;
  /** File name without directories and extension. */
  id: string;
  /**
   * Names the report by what it says, not where it is stored: its publication day and a hash of its text
   * (`2024-05-06-3f2a9c1d0b7e4a61`). Header lines do not count, so adding a title keeps the report the same.
   */
  contentId: string;
  /** The `title:` header line, if any. */
  title: string | null;
  /** The `url:` header line, if any. */
  url: string | null;
  /** Publication day, `YYYY-MM-DD`. */
  publishedDate: string;
  /** Publication instant with its printed UTC offset (`2023-09-28T17:49:00+04:00`), or the day alone. */
  publishedAt: string;
  /** The page's own date text, as printed, if any. */
  printedDate: string | null;
  /** Opening agency dateline removed from the first paragraph, if any. */
  dateline: Dateline | null;
  /** The `source:` header line, else the publisher or agency the report names, if recognisable. */
  source: string | null;
  /** ISO2 country of the publisher, when it is a known national agency. */
  sourceCountry: string | null;
  /** Paragraphs of the body, dateline and truncation marker removed. */
  paragraphs: string[];
  /** Paragraphs joined by "\n\n". */
  body: string;
  /** True when the stored copy ended with the `[...]` marker. */
  truncated: boolean;
}

const DATE_LINE = /^\s*date\s+(\S+)\s*(.*)$/i;
const HEADER_LINE = /^\s*(title|url|source)\s*:(.*)$/i;
const MAX_HEADER_LENGTH = 500;

export interface ReportHeaders {
  title: string | null;
  url: string | null;
  source: string | null;
}

/**
 * Reads the header lines under the date line. A block that does not start with `title:`, `url:` or `source:`
 * is the first paragraph (the layout before headers existed); one that does must hold only header lines.
 * Returns the headers and how many lines they took.
 */
function parseHeaders(lines: string[], file: string): { headers: ReportHeaders; count: number } {
  const headers: ReportHeaders = { title: null, url: null, source: null };
  if (!lines.length || !HEADER_LINE.test(lines[0])) return { headers, count: 0 };
  let count = 0;
  for (const line of lines) {
    if (line.trim() === '') break;
    const m = HEADER_LINE.exec(line);
    if (!m) {
      throw new ReportError('BAD_HEADER', file, `header line "${line.trim().slice(0, 60)}" is not "title: …", "url: …" or "source: …"; end the headers with a blank line`, 'header');
    }
    const field = m[1].toLowerCase() as keyof ReportHeaders;
    const value = m[2].trim();
    if (headers[field] !== null) throw new ReportError('BAD_HEADER', file, `the "${field}:" header line is given twice`, field);
    if (!value) throw new ReportError('BAD_HEADER', file, `the "${field}:" header line is empty`, field);
    if (value.length > MAX_HEADER_LENGTH) {
      throw new ReportError('BAD_HEADER', file, `the "${field}:" header line is longer than ${MAX_HEADER_LENGTH} characters`, field);
    }
    if (field === 'url' && !isReportUrl(value)) {
      throw new ReportError('BAD_HEADER', file, `"${value.slice(0, 80)}" on the "url:" header line is not an absolute http(s):// or urn: address`, field);
    }
    headers[field] = value;
    count++;
  }
  return { headers, count };
}

function isReportUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' || (url.protocol === 'urn:' && url.pathname.length > 0);
  } catch {
    return false;
  }
}

/** Publication day and a hash of the paragraphs as written (before any dateline is taken off, so parser changes keep ids). */
function contentIdOf(isoDay: string, paragraphs: string[]): string {
  const hash = createHash('sha256').update(paragraphs.join('\n\n'), 'utf8').digest('hex');
  return `${isoDay}-${hash.slice(0, 16)}`;
}
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}

/** True for a real calendar day given as `YYYY-MM-DD`. */
export function isValidIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** Turns bytes into text, refusing binary data and invalid UTF-8. */
export function decodeReport(data: Buffer | Uint8Array, file: string): string {
  if (data.length > MAX_REPORT_BYTES) {
    throw new ReportError('TOO_LARGE', file, `report is ${data.length} bytes, more than the ${MAX_REPORT_BYTES}-byte limit`);
  }
  if (data.indexOf(0) >= 0) {
    throw new ReportError('NOT_TEXT', file, 'contains NUL bytes; this looks like a binary file, not a text report');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new ReportError('NOT_TEXT', file, 'is not valid UTF-8 text');
  }
}

/** `17:49` + `(UTC+04:00)` → `T17:49:00+04:00`; null unless both a time and an offset are printed. */
function instantSuffix(printed: string): string | null {
  const offset = /\b(?:UTC|GMT)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?/i.exec(printed);
  const time = /\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?/.exec(printed);
  if (!time) return null;
  let hour = Number(time[1]);
  const minute = Number(time[2]);
  const second = time[3] ? Number(time[3]) : 0;
  const meridiem = time[4] ? time[4].toLowerCase().replace(/\./g, '') : null;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let zone: string;
  if (offset) {
    const sign = offset[1] === '−' ? '-' : offset[1];
    const oh = Number(offset[2]);
    const om = offset[3] ? Number(offset[3]) : 0;
    if (oh > 14 || om > 59) return null;
    zone = `${sign}${String(oh).padStart(2, '0')}:${String(om).padStart(2, '0')}`;
  } else if (/\b(?:UTC|GMT)\b/i.test(printed)) {
    zone = 'Z';
  } else {
    return null;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `T${pad(hour)}:${pad(minute)}:${pad(second)}${zone}`;
}

const MONTH_NAMES = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
// agencies also print the month in capitals ("YEREVAN, OCTOBER 5, ARMENPRESS.")
const MONTH_WORD = `(?:${MONTH_NAMES}|${MONTH_NAMES.toUpperCase().replace(/\(\?:/g, '(?:')})\\.?`;
const DATELINE_DATE = `(?:${MONTH_WORD}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH_WORD}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})(?:,?\\s+\\d{4})?`;
const DATELINE_PLACE = "[A-Z][A-Za-z'’.\\-]*(?:[ -][A-Z][A-Za-z'’.\\-]*){0,3}";
/** `BEIJING, July 13 (Xinhua) --`, `DUSHANBE, 19.09.2023 (NIAT Khovar) –`, `LONDON (Reuters) -` */
const DATELINE_AGENCY_PAREN = new RegExp(
  `^(${DATELINE_PLACE})(?:,\\s*(${DATELINE_DATE}))?\\s*\\(([^)]{2,40})\\)\\s*(?:--|[-–—:]|\\.(?=\\s))\\s*`,
);
/** `Baku, May 6, AZERTAC`, `Baku, June 20, Trend.` (alone, or followed by the text) */
const DATELINE_AGENCY_TAIL = new RegExp(
  `^(${DATELINE_PLACE}),\\s*(${DATELINE_DATE}),?\\s*(?:/([A-Z][A-Za-z.]+(?:\\s[A-Z][A-Za-z.]+)?)/|([A-Z][A-Za-z.]*(?:\\s[A-Z][A-Za-z.]+)?))\\s*(?:--|[-–—:.]|$)\\s*`,
);
/** `MOSCOW, November 16. /TASS/.`, `OTTAWA, ON, Dec. 2, 2021 /CNW/ -` */
const DATELINE_AGENCY_SLASH = new RegExp(
  `^(${DATELINE_PLACE})(?:,\\s*[A-Z][A-Za-z]{1,20})?,\\s*(${DATELINE_DATE})\\.?\\s*/([^/\\s][^/]{0,30})/\\.?\\s*(?:(?:--|[-–—:])\\s*)?`,
);
/** `BAKU, May 6 --`, `BAKU, Azerbaijan, September 22.`, `Addis Ababa, 18 February 2024 -`, `Baku, Azerbaijan, Aug. 18` (no agency) */
const DATELINE_PLAIN = new RegExp(
  `^(${DATELINE_PLACE})(?:,\\s*[A-Z][A-Za-z]+(?:\\s[A-Z][A-Za-z]+)?)?,\\s*(${DATELINE_DATE})\\s*(?:--|[-–—:]|\\.(?=\\s)|\\.?$)\\s*`,
);
/** `Jakarta - `, `ASTANA.`, `KUWAIT:`, `Luanda — ` (a known place alone) */
// a spaced dash, so "Baku-Tbilisi" stays a word
const DATELINE_CITY = new RegExp(`^(${DATELINE_PLACE})(?:\\s+(?:--|[-–—])|\\s*—|\\s*[.:](?=\\s|$))\\s*`);
/** The agency on a line of its own under a dateline without one: `Trend:`, `AZERTAC`, `/TASS/.` */
const AGENCY_ALONE = /^\/?([A-Z][\w.'’\- ]{1,30}?)\/?\s*(?:--|[-–—:.])?$/;
/** A first paragraph that is only a place, maybe with a day: `New York`, `Fiji 11 August 2017` */
const DATELINE_ALONE = new RegExp(`^(${DATELINE_PLACE})(?:,?\\s+(${DATELINE_DATE}))?\\.?$`);

function titleCasePlace(place: string): string {
  if (place !== place.toUpperCase()) return place;
  return place.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * Takes the agency dateline off the first paragraph. `alone` says more paragraphs follow, so a first
 * paragraph that is just a place can be a dateline on its own line.
 */
function splitDateline(first: string, alone: boolean): { dateline: Dateline; rest: string } | null {
  let m = DATELINE_AGENCY_PAREN.exec(first);
  if (m) {
    return { dateline: { text: m[0].trim(), city: titleCasePlace(m[1]), agency: m[3].trim() }, rest: first.slice(m[0].length) };
  }
  m = DATELINE_AGENCY_TAIL.exec(first);
  if (m) {
    const agency = (m[3] || m[4] || '').trim();
    if (findAgency(agency) || (agency.length >= 3 && agency === agency.toUpperCase())) {
      return { dateline: { text: m[0].trim(), city: titleCasePlace(m[1]), agency }, rest: first.slice(m[0].length) };
    }
  }
  m = DATELINE_AGENCY_SLASH.exec(first);
  if (m) {
    return { dateline: { text: m[0].trim(), city: titleCasePlace(m[1]), agency: m[3].trim() }, rest: first.slice(m[0].length) };
  }
  // without an agency the place must be spelt in capitals or be a known place, so a sentence is not taken for one
  m = DATELINE_PLAIN.exec(first);
  if (m && (m[1] === m[1].toUpperCase() || isPlace(m[1]))) {
    return { dateline: { text: m[0].trim(), city: titleCasePlace(m[1]), agency: null }, rest: first.slice(m[0].length) };
  }
  m = DATELINE_CITY.exec(first) ?? (alone ? DATELINE_ALONE.exec(first) : null);
  if (m && isPlace(titleCasePlace(m[1]))) {
    return { dateline: { text: m[0].trim(), city: titleCasePlace(m[1]), agency: null }, rest: first.slice(m[0].length) };
  }
  return null;
}

/**
 * Parses a report file. Throws a {@link ReportError} with code EMPTY_FILE, NO_DATE_LINE, BAD_DATE,
 * NOT_TEXT or TOO_LARGE (and NO_BODY when nothing follows the date line).
 */
export function parseReport(input: string | Buffer | Uint8Array, file: string): Report {
  let text: string;
  if (typeof input === 'string') {
    if (Buffer.byteLength(input, 'utf8') > MAX_REPORT_BYTES) {
      throw new ReportError('TOO_LARGE', file, `report is larger than the ${MAX_REPORT_BYTES}-byte limit`);
    }
    if (input.includes('\u0000')) {
      throw new ReportError('NOT_TEXT', file, 'contains NUL characters; this looks like a binary file, not a text report');
    }
    text = input;
  } else {
    text = decodeReport(input, file);
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new ReportError('EMPTY_FILE', file, 'the file is empty');

  const lines = text.split('\n');
  let firstIndex = 0;
  while (firstIndex < lines.length && lines[firstIndex].trim() === '') firstIndex++;
  const dateMatch = DATE_LINE.exec(lines[firstIndex]);
  if (!dateMatch) {
    throw new ReportError('NO_DATE_LINE', file, 'the first line must be " date YYYY-MM-DD [printed date]"');
  }
  const isoDay = dateMatch[1];
  if (!isValidIsoDay(isoDay)) {
    throw new ReportError('BAD_DATE', file, `"${isoDay}" on the date line is not a valid YYYY-MM-DD date`);
  }
  const printed = dateMatch[2].trim() || null;
  const suffix = printed ? instantSuffix(printed) : null;
  const publishedAt = suffix ? isoDay + suffix : isoDay;

  const { headers, count: headerLines } = parseHeaders(lines.slice(firstIndex + 1), file);

  // Paragraphs: runs of non-blank lines.
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines.slice(firstIndex + 1 + headerLines)) {
    if (line.trim() === '') {
      if (current.length) paragraphs.push(current.join(' ').replace(/[ \t]+/g, ' ').trim());
      current = [];
    } else {
      current.push(line.trim());
    }
  }
  if (current.length) paragraphs.push(current.join(' ').replace(/[ \t]+/g, ' ').trim());

  const contentId = contentIdOf(isoDay, paragraphs);

  let truncated = false;
  if (paragraphs.length) {
    const last = paragraphs[paragraphs.length - 1];
    const cut = /\s*\[(?:\.\.\.|…)\]\s*$/.exec(last);
    if (cut) {
      truncated = true;
      const kept = last.slice(0, cut.index).trim();
      if (kept) paragraphs[paragraphs.length - 1] = kept;
      else paragraphs.pop();
    }
  }

  let dateline: Dateline | null = null;
  if (paragraphs.length) {
    const split = splitDateline(paragraphs[0], paragraphs.length > 1);
    if (split) {
      dateline = split.dateline;
      const rest = split.rest.trim();
      if (rest) paragraphs[0] = rest;
      else paragraphs.shift();
      const agency = !rest && !dateline.agency && paragraphs.length > 1 ? AGENCY_ALONE.exec(paragraphs[0]) : null;
      if (agency && findAgency(agency[1])) {
        dateline = { ...dateline, text: `${dateline.text} ${paragraphs[0]}`, agency: agency[1] };
        paragraphs.shift();
      }
    }
  }
  if (!paragraphs.length) throw new ReportError('NO_BODY', file, 'there is no text after the date line');

  const body = paragraphs.join('\n\n');
  const name = baseName(file);
  const named = findSource(dateline, printed, body);
  const source = headers.source ?? named;
  return {
    file,
    name,
    id: name.replace(/\.[^.]+$/, ''),
    contentId,
    title: headers.title,
    url: headers.url,
    publishedDate: isoDay,
    publishedAt,
    printedDate: printed,
    dateline,
    source,
    // a publisher given by a header but unknown to us leaves the country the report's own cues give
    sourceCountry: (headers.source ? agencyCountry(headers.source) : null) ?? (named ? agencyCountry(named) : null),
    paragraphs,
    body,
    truncated,
  };
}

function findSource(dateline: Dateline | null, printed: string | null, body: string): string | null {
  if (dateline?.agency) {
    const known = findAgency(dateline.agency);
    return known ?? dateline.agency;
  }
  if (printed) {
    const known = findAgency(printed);
    if (known) return known;
  }
  // "…, Azernews reports" / "News.Az reports" / "according to Xinhua"
  const reports = /(?:^|[,.;]\s*|\s)([A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*)?)\s+(?:reports|reported)\b/.exec(body);
  if (reports) {
    const known = findAgency(reports[1]);
    if (known) return known;
  }
  const head = body.slice(0, 600);
  return findAgency(head);
}
