/**
 * `search`: officials, conferences and articles whose stored word arrays
 * (`nameTokens`, `searchTokens`) hold a word starting with every query word.
 *
 * Officials come from the names read model (readModels.ts): a few point reads,
 * whatever the archive size. Conferences and articles: on MongoDB each query
 * word becomes an anchored regex on the array of folded words, answered from
 * the multikey index; on FerretDB, where that regex decodes every article,
 * from the packed search words (searchWords.ts), one small scan. `$text` is
 * not used because FerretDB lacks it. Candidates are ranked here, and only
 * the page's documents are loaded whole, through the by-id loaders.
 */
import { ObjectId, type Document, type Filter } from 'mongodb';
import type { Context } from '../context';
import { ValidationError } from '../errors';
import type { SearchType } from '../generated/graphql';
import { loadExisting } from '../loaders';
import type { ArticleDoc } from '../models/articles';
import { backendOf } from '../models/backend';
import type { ConferenceDoc } from '../models/conferences';
import type { OfficialDoc } from '../models/officials';
import { parseEntry } from '../models/readModels';
import { matchingLines, readSearchWords, searchLineOf, type SearchedCollection, type SearchLine, type SearchWordsDoc } from '../models/searchWords';
import { decodeCursor, encodeCursor, validatePageSize, type Connection, type Edge, type PageArgs } from '../pagination';
import { foldedTokens } from '../text/normalize';
import { escapeRegex } from '../text/regex';
import { officialsNamed } from './readLists';

export type SearchHitDoc = OfficialDoc | ConferenceDoc | ArticleDoc;

export interface SearchEdgeModel extends Edge<SearchHitDoc> {
  score: number;
}

export interface SearchConnectionModel extends Connection<SearchHitDoc> {
  edges: SearchEdgeModel[];
}

export const searchLimits = {
  /** Characters of `query`. */
  queryLength: 200,
  /** Words of `query`: each is one more regex condition. */
  words: 10,
  /** Matches of one type that are ranked; the rest are not returned. */
  candidatesPerType: 1000,
};

const allTypes: SearchType[] = ['OFFICIAL', 'CONFERENCE', 'ARTICLE'];

interface Candidate {
  type: SearchType;
  id: ObjectId;
  score: number;
  /** Folded name or title: orders hits of equal score. */
  label: string;
}

/** A field's words and how much a match in it is worth. */
interface Field {
  tokens: readonly string[];
  weight: number;
}

/**
 * Sum over query words of the best match: a whole word counts its field's
 * weight, a word that only starts with the query word half of it.
 */
export function scoreOf(words: string[], fields: Field[]): number {
  let score = 0;
  for (const word of words) {
    let best = 0;
    for (const field of fields) {
      if (field.tokens.includes(word)) best = Math.max(best, field.weight);
      else if (field.tokens.some((token) => token.startsWith(word))) best = Math.max(best, field.weight / 2);
    }
    score += best;
  }
  return score;
}

function queryWords(query: string): string[] {
  const text = query.trim();
  if (text.length > searchLimits.queryLength) {
    throw new ValidationError(`Expected at most ${searchLimits.queryLength} characters in "query", but got ${text.length}.`, 'query');
  }
  const words = [...new Set(foldedTokens(text))];
  if (words.length === 0) throw new ValidationError(`Expected at least one word (letters or digits) in "query", but got ${JSON.stringify(query)}.`, 'query');
  if (words.length > searchLimits.words) {
    throw new ValidationError(`Expected at most ${searchLimits.words} words in "query", but got ${words.length}.`, 'query');
  }
  return words;
}

/** Every word must begin some element of `field`: one anchored, escaped regex per word. */
function everyWordStarts<T>(field: string, words: string[]): Filter<T> {
  return { $and: words.map((word) => ({ [field]: { $regex: `^${escapeRegex(word)}` } })) } as Filter<T>;
}

/** From the officials' names read model (point reads), not a scan: the same matches, alphabetical, capped. */
async function officialCandidates(ctx: Context, words: string[]): Promise<Candidate[]> {
  const entries = (await officialsNamed(ctx, words)).slice(0, searchLimits.candidatesPerType);
  const docs = await loadExisting(ctx.loaders.officials.byId, entries.map((entry) => new ObjectId(parseEntry(entry).id)));
  return docs.map((doc) => ({
    type: 'OFFICIAL',
    id: doc._id,
    label: doc.sortName,
    score: scoreOf(words, [
      { tokens: foldedTokens(doc.name), weight: 3 },
      { tokens: doc.aliases.flatMap(foldedTokens), weight: 2 },
    ]),
  }));
}

/** How each searched collection orders its candidates (newest first), and what ranking reads of them: an article's words are not. */
const searched = {
  conferences: { sortField: 'dateSort', projection: { name: 1, dateSort: 1, searchTokens: 1 } },
  articles: { sortField: 'publishedAtUtc', projection: { title: 1, publishedAtUtc: 1 } },
} as const;

/**
 * The newest `candidatesPerType` documents of a collection whose words begin
 * with every query word. MongoDB: the anchored regexes, served by the
 * multikey `searchTokens` index. FerretDB: the same matches from the packed
 * search words (`buckets`, one small scan shared by both collections) — the
 * regexes would decode every article there.
 */
export async function matchingDocuments(
  ctx: Context,
  collection: SearchedCollection,
  words: string[],
  buckets: Promise<SearchWordsDoc[] | null>,
): Promise<SearchLine[]> {
  const packed = await buckets;
  if (packed) return matchingLines(packed, collection, words, searchLimits.candidatesPerType);
  const { sortField, projection } = searched[collection];
  const docs = await ctx.db
    .collection(collection)
    .find(everyWordStarts<Document>('searchTokens', words), {
      projection,
      sort: { [sortField]: -1, _id: -1 },
      limit: searchLimits.candidatesPerType,
      maxTimeMS: ctx.maxTimeMS,
    })
    .toArray();
  return docs.map(searchLineOf[collection]);
}

/** The packed search words on FerretDB (read once per search); null on MongoDB, which uses its indexes. */
async function searchWordsFor(ctx: Context, types: Set<SearchType>): Promise<SearchWordsDoc[] | null> {
  if (!types.has('CONFERENCE') && !types.has('ARTICLE')) return null;
  return (await backendOf(ctx.db)) === 'ferretdb' ? readSearchWords(ctx.db, ctx.maxTimeMS) : null;
}

function conferenceCandidate(line: SearchLine, words: string[]): Candidate {
  return {
    type: 'CONFERENCE',
    id: new ObjectId(line.id),
    label: line.label,
    score: scoreOf(words, [
      { tokens: foldedTokens(line.label), weight: 3 },
      // The rest of the stored words are the organizer's name and the city.
      { tokens: line.words, weight: 2 },
    ]),
  };
}

function articleCandidate(line: SearchLine, words: string[]): Candidate {
  // The title decides the ranking, a body match counts 1.
  const title = foldedTokens(line.label);
  const inTitle = scoreOf(words, [{ tokens: title, weight: 2 }]);
  const bodyOnly = words.filter((word) => !title.some((token) => token.startsWith(word))).length;
  return { type: 'ARTICLE', id: new ObjectId(line.id), label: line.label, score: inTitle + bodyOnly };
}

type RankKey = [score: number, label: string, type: number, id: string];

const rankKey = (c: Candidate): RankKey => [c.score, c.label, allTypes.indexOf(c.type), c.id.toHexString()];

/** Negative when `a` ranks before `b`: higher score, then label, type and id ascending. */
function compareRank(a: RankKey, b: RankKey): number {
  return b[0] - a[0] || a[1].localeCompare(b[1]) || a[2] - b[2] || a[3].localeCompare(b[3]);
}

function parseRankCursor(after: string): RankKey {
  const { sortValue, id } = decodeCursor(after);
  try {
    const parsed: unknown = typeof sortValue === 'string' ? JSON.parse(sortValue) : null;
    if (Array.isArray(parsed) && typeof parsed[0] === 'number' && typeof parsed[1] === 'string' && typeof parsed[2] === 'number') {
      return [parsed[0], parsed[1], parsed[2], id];
    }
  } catch {
    // Reported below.
  }
  throw new ValidationError(`Expected a cursor returned by "search" for "after", but got "${after}".`, 'after');
}

export async function search(
  ctx: Context,
  args: { query: string; types?: SearchType[] | null } & PageArgs,
): Promise<SearchConnectionModel> {
  const words = queryWords(args.query);
  const size = validatePageSize(args.first);
  if (args.types && args.types.length === 0) throw new ValidationError('Expected at least one type in "types", or none to search them all.', 'types');
  const types = new Set(args.types ?? allTypes);
  const start = args.after ? parseRankCursor(args.after) : null;

  const buckets = searchWordsFor(ctx, types);
  const found = await Promise.all([
    types.has('OFFICIAL') ? officialCandidates(ctx, words) : [],
    types.has('CONFERENCE') ? matchingDocuments(ctx, 'conferences', words, buckets).then((lines) => lines.map((line) => conferenceCandidate(line, words))) : [],
    types.has('ARTICLE') ? matchingDocuments(ctx, 'articles', words, buckets).then((lines) => lines.map((line) => articleCandidate(line, words))) : [],
  ]);
  const ranked = found.flat().sort((a, b) => compareRank(rankKey(a), rankKey(b)));
  // Keyset over the ranking, so a page boundary holds when hits are added before it.
  const from = start ? ranked.findIndex((c) => compareRank(rankKey(c), start) > 0) : 0;
  const page = from < 0 ? [] : ranked.slice(from, from + size);

  const ids = (type: SearchType) => page.filter((c) => c.type === type).map((c) => c.id);
  const [officials, conferences, articles] = await Promise.all([
    loadExisting(ctx.loaders.officials.byId, ids('OFFICIAL')),
    loadExisting(ctx.loaders.conferences.byId, ids('CONFERENCE')),
    loadExisting(ctx.loaders.articles.byId, ids('ARTICLE')),
  ]);
  const docs = new Map<string, SearchHitDoc>([...officials, ...conferences, ...articles].map((doc) => [doc._id.toHexString(), doc]));

  const edges: SearchEdgeModel[] = [];
  for (const candidate of page) {
    const node = docs.get(candidate.id.toHexString());
    if (!node) continue; // Deleted since it was ranked.
    const [score, label, type, id] = rankKey(candidate);
    edges.push({ cursor: encodeCursor(JSON.stringify([score, label, type]), id), node, score });
  }
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: from >= 0 && from + size < ranked.length,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: () => ranked.length,
  };
}
