/**
 * The hot lists answered from the read models (src/models/readModels.ts):
 * point reads of a few `_id`-addressed documents, then the page's entities by
 * id, instead of a sorted scan, a count or a regex over the collection. Each
 * answers exactly what the query in lists.ts would; cursors keep their format.
 *
 * An entry whose entity is missing or no longer matches (left by a write that
 * failed while moving entries) is skipped, so a page never shows it.
 */
import { ObjectId } from 'mongodb';
import type { Context } from '../context';
import { ValidationError } from '../errors';
import { loadExisting } from '../loaders';
import type { ArticleDoc } from '../models/articles';
import type { MeetingDoc } from '../models/meetings';
import type { OfficialDoc } from '../models/officials';
import {
  articleEntry,
  compareEntries,
  entryOf,
  feedDirectoryKey,
  feedKey,
  letterOf,
  meetingEntry,
  meetingsKey,
  namePrefixLength,
  namePrefixOf,
  namesKey,
  officialEntry,
  officialsDirectoryKey,
  officialsKey,
  parseEntry,
} from '../models/readModels';
import { connectionOf, decodeCursor, encodeCursor, validatePageSize, type Connection, type PageArgs } from '../pagination';

type Direction = 1 | -1;

async function entriesOf(ctx: Context, key: string): Promise<string[]> {
  return (await ctx.loaders.readModels.byId.load(key))?.entries ?? [];
}

function sorted(entries: Iterable<string>, direction: Direction): string[] {
  return [...entries].sort((a, b) => direction * compareEntries(a, b));
}

/**
 * The entries of bucketed documents in order, from just past `after` on:
 * buckets are read as needed, two, then four, then eight at a time (sent
 * together; two, so that a page ending with its bucket knows whether more follow).
 */
async function* bucketEntries(ctx: Context, buckets: string[], direction: Direction, after: string | null): AsyncGenerator<string> {
  let next = 0;
  let batch = 2;
  while (next < buckets.length) {
    const keys = buckets.slice(next, next + batch);
    next += keys.length;
    batch = Math.min(batch * 2, 8);
    const docs = await Promise.all(keys.map((key) => entriesOf(ctx, key)));
    for (const entries of docs) {
      for (const entry of sorted(entries, direction)) {
        if (after === null || direction * compareEntries(entry, after) > 0) yield entry;
      }
    }
  }
}

interface Page<T> {
  docs: T[];
  hasNextPage: boolean;
}

/**
 * The first `size` entries whose entity is stored and still matches, loaded
 * in batches (one per round, normally the only one).
 */
async function pageOf<T extends { _id: ObjectId }>(
  entries: AsyncIterator<string> | Iterator<string>,
  size: number,
  load: (ids: ObjectId[]) => Promise<T[]>,
  matches: (doc: T, entry: string) => boolean,
): Promise<Page<T>> {
  const docs: T[] = [];
  let exhausted = false;
  while (docs.length < size && !exhausted) {
    const wanted: string[] = [];
    while (wanted.length < size - docs.length) {
      const step = await entries.next();
      if (step.done) {
        exhausted = true;
        break;
      }
      wanted.push(step.value);
    }
    const found = new Map((await load(wanted.map((entry) => new ObjectId(parseEntry(entry).id)))).map((doc) => [doc._id.toHexString(), doc]));
    for (const entry of wanted) {
      const doc = found.get(parseEntry(entry).id);
      if (doc && matches(doc, entry)) docs.push(doc);
    }
  }
  if (docs.length < size || exhausted) return { docs, hasNextPage: false };
  const step = await entries.next();
  return { docs, hasNextPage: !step.done };
}

function connection<T extends { _id: ObjectId }>(page: Page<T>, cursorValue: (doc: T) => string | null, hadCursor: boolean, totalCount: () => Promise<number> | number): Connection<T> {
  const edges = page.docs.map((doc) => ({ cursor: encodeCursor(cursorValue(doc), doc._id.toHexString()), node: doc }));
  return connectionOf(edges, page.hasNextPage, hadCursor, totalCount);
}

/** A list cursor's `[sort value, id]` as an entry, checked. */
function cursorEntry(after: string, toSortValue: (value: unknown) => string | null): string {
  const { sortValue, id } = decodeCursor(after);
  const value = toSortValue(sortValue);
  if (value === null || !ObjectId.isValid(id) || id.length !== 24) {
    throw new ValidationError(`Expected a cursor returned by this API for "after", but got "${after}".`, 'after');
  }
  return entryOf(value, id.toLowerCase());
}

async function countEntries(ctx: Context, keys: string[]): Promise<number> {
  return (await Promise.all(keys.map((key) => entriesOf(ctx, key)))).reduce((sum, entries) => sum + entries.length, 0);
}

/** `articles` without a filter: newest first, from the month buckets. */
export async function articleFeed(ctx: Context, page: PageArgs): Promise<Connection<ArticleDoc>> {
  const size = validatePageSize(page.first);
  const after = page.after
    ? cursorEntry(page.after, (value) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null))
    : null;
  const months = sorted(await entriesOf(ctx, feedDirectoryKey), -1);
  const from = after ? months.filter((month) => month <= after.slice(0, 7)) : months;
  const result = await pageOf(
    bucketEntries(ctx, from.map(feedKey), -1, after),
    size,
    (ids) => loadExisting(ctx.loaders.articles.byId, ids),
    (article, entry) => articleEntry(article) === entry,
  );
  return connection(result, (article) => article.publishedAtUtc.toISOString(), Boolean(page.after), () => countEntries(ctx, months.map(feedKey)));
}

const officialCursorValue = (value: unknown) => (typeof value === 'string' ? value : null);

/** `officials` without a filter: alphabetical, from the first-letter buckets. */
export async function officialsAlphabetical(ctx: Context, page: PageArgs): Promise<Connection<OfficialDoc>> {
  const size = validatePageSize(page.first);
  const after = page.after ? cursorEntry(page.after, officialCursorValue) : null;
  const letters = sorted(await entriesOf(ctx, officialsDirectoryKey), 1);
  const from = after ? letters.filter((letter) => letter >= letterOf(parseEntry(after).sortValue)) : letters;
  const result = await pageOf(
    bucketEntries(ctx, from.map(officialsKey), 1, after),
    size,
    (ids) => loadExisting(ctx.loaders.officials.byId, ids),
    (official, entry) => officialEntry(official) === entry,
  );
  return connection(result, (official) => official.sortName, Boolean(page.after), () => countEntries(ctx, letters.map(officialsKey)));
}

/** True when every query word begins one of the official's name words. */
function namesMatch(official: OfficialDoc, words: string[]): boolean {
  return words.every((word) => official.nameTokens.some((token) => token.startsWith(word)));
}

/**
 * Officials one of whose name words begins with every query word, as entries
 * in alphabetical order: the intersection of each word's names document. Words
 * longer than the stored prefixes are checked against the officials' words.
 */
export async function officialsNamed(ctx: Context, words: string[]): Promise<string[]> {
  const postings = await Promise.all([...new Set(words.map(namePrefixOf))].map((prefix) => entriesOf(ctx, namesKey(prefix))));
  let entries = postings.reduce((common, next) => {
    const inNext = new Set(next);
    return common.filter((entry) => inNext.has(entry));
  });
  if (words.some((word) => [...word].length > namePrefixLength)) {
    const officials = await loadExisting(ctx.loaders.officials.byId, entries.map((entry) => new ObjectId(parseEntry(entry).id)));
    const matching = new Set(officials.filter((official) => namesMatch(official, words)).map(officialEntry));
    entries = entries.filter((entry) => matching.has(entry));
  }
  return sorted(entries, 1);
}

/** `officials(filter: {name})` with no other condition. */
export async function officialsByName(ctx: Context, words: string[], page: PageArgs): Promise<Connection<OfficialDoc>> {
  const size = validatePageSize(page.first);
  const after = page.after ? cursorEntry(page.after, officialCursorValue) : null;
  const entries = await officialsNamed(ctx, words);
  const rest = after ? entries.filter((entry) => compareEntries(entry, after) > 0) : entries;
  const result = await pageOf(
    rest[Symbol.iterator](),
    size,
    (ids) => loadExisting(ctx.loaders.officials.byId, ids),
    (official, entry) => officialEntry(official) === entry && namesMatch(official, words),
  );
  return connection(result, (official) => official.sortName, Boolean(page.after), () => entries.length);
}

/** `Official.meetings`: newest first (undated last), from the official's meetings document. */
export async function meetingsOfOfficial(ctx: Context, officialId: ObjectId, page: PageArgs): Promise<Connection<MeetingDoc>> {
  const size = validatePageSize(page.first);
  const entries = sorted(await entriesOf(ctx, meetingsKey(officialId)), -1);
  let start = 0;
  if (page.after) {
    const { id } = decodeCursor(page.after);
    start = entries.findIndex((entry) => parseEntry(entry).id === id) + 1;
    if (start === 0) throw new ValidationError(`The cursor given for "after" does not belong to this list.`, 'after');
  }
  const result = await pageOf(
    entries.slice(start)[Symbol.iterator](),
    size,
    (ids) => loadExisting(ctx.loaders.meetings.byId, ids),
    (meeting, entry) => meetingEntry(meeting) === entry && meeting.participantIds.some((participant) => participant.equals(officialId)),
  );
  return connection(result, () => null, Boolean(page.after), () => entries.length);
}
