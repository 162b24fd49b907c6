/**
 * Loads the sample reports shipped in data/sample that the database does not
 * hold yet. A report already there is left alone: re-ingesting it on every
 * start would revert what later reports (or a corrected version of it) changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from 'mongodb';
import { repoRoot } from '../config';
import type { IngestArticleInput } from '../generated/graphql';
import { findArticleByUrl } from '../models/articles';
import { ingestArticle } from './ingest';

export const sampleDataDir = path.join(repoRoot, 'data', 'sample');

export interface SeedSummary {
  reports: number;
  /** Reports skipped because their article is stored (it is written last, so its facts are too). */
  alreadyPresent: number;
  created: number;
  updated: number;
  unchanged: number;
}

export async function seedSampleData(db: Db, now = new Date(), dir = sampleDataDir): Promise<SeedSummary> {
  const files = fs.readdirSync(dir).filter((file) => file.endsWith('.json')).sort();
  const summary: SeedSummary = { reports: 0, alreadyPresent: 0, created: 0, updated: 0, unchanged: 0 };
  for (const file of files) {
    const input = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as IngestArticleInput;
    summary.reports += 1;
    if (await findArticleByUrl(db, input.url)) {
      summary.alreadyPresent += 1;
      continue;
    }
    const { changes } = await ingestArticle(db, input, now);
    for (const change of changes) {
      if (change.status === 'CREATED') summary.created += 1;
      else if (change.status === 'UPDATED') summary.updated += 1;
      else summary.unchanged += 1;
    }
  }
  return summary;
}
