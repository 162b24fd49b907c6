import type { Db, ObjectId } from 'mongodb';
import { foldText } from '../text/normalize';
import { upsertByKey, type Keyed } from './upsert';

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

/** The report is identified by its url; a re-ingestion replaces its text and its list of facts. */
export function upsertArticle(db: Db, facts: ArticleFacts, now: Date, newId?: ObjectId) {
  return upsertByKey(articlesCollection(db), {
    key: facts.url,
    now,
    newId,
    merge: () => ({
      key: facts.url,
      ...facts,
      sourceKey: facts.source ? foldText(facts.source) : null,
    }),
  });
}

export function findArticleByUrl(db: Db, url: string) {
  return articlesCollection(db).findOne({ key: url });
}
