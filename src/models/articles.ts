import { createHash } from 'node:crypto';
import { ObjectId, type Db } from 'mongodb';
import { foldText, foldedTokens } from '../text/normalize';
import type { WriteScope } from './scope';
import { upsertById, type Keyed } from './upsert';

/** A report. `key` is its url. */
export interface ArticleDoc extends Keyed {
  url: string;
  title: string;
  source: string | null;
  /** ISO 8601 as the report gave it, offset kept (`2023-09-28T17:49:00+04:00`). */
  publishedAt: string;
  /** The same instant as a Date, for range filters and sorting. */
  publishedAtUtc: Date;
  /** Folded publisher name, for the case-insensitive source filter. */
  sourceKey: string | null;
  body: string[];
  officialIds: ObjectId[];
  meetingIds: ObjectId[];
  conferenceIds: ObjectId[];
  /** Folded distinct words of the title and body, for `search`. */
  searchTokens: string[];
}

export function articlesCollection(db: Db) {
  return db.collection<ArticleDoc>('articles');
}

export interface ArticleFacts {
  url: string;
  title: string;
  source: string | null;
  publishedAt: string;
  publishedAtUtc: Date;
  body: string[];
  officialIds: ObjectId[];
  meetingIds: ObjectId[];
  conferenceIds: ObjectId[];
}

/**
 * An article's id follows from its url, so concurrent ingestions of one report
 * agree on it before the article is written, and facts written first can
 * already point at it.
 */
export function articleIdForUrl(url: string): ObjectId {
  return new ObjectId(createHash('sha256').update(url, 'utf8').digest().subarray(0, 12));
}

/** The report is identified by its url; a re-ingestion replaces its text and its list of facts. */
export function upsertArticle(scope: WriteScope, facts: ArticleFacts, now: Date) {
  return upsertById(articlesCollection(scope.db), scope, {
    id: articleIdForUrl(facts.url),
    now,
    merge: () => ({
      key: facts.url,
      ...facts,
      sourceKey: facts.source ? foldText(facts.source) : null,
      searchTokens: [...new Set([facts.title, ...facts.body].flatMap(foldedTokens))],
    }),
  });
}

/** A point read: the id follows from the url. */
export function findArticleByUrl(db: Db, url: string, options: { maxTimeMS?: number } = {}) {
  return articlesCollection(db).findOne({ _id: articleIdForUrl(url) }, { maxTimeMS: options.maxTimeMS });
}
