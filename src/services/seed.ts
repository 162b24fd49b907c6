/** Loads the sample reports shipped in data/sample; idempotent, like every ingestion. */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from 'mongodb';
import { repoRoot } from '../config';
import type { IngestArticleInput } from '../generated/graphql';
import { ingestArticle } from './ingest';

export const sampleDataDir = path.join(repoRoot, 'data', 'sample');

export interface SeedSummary {
  reports: number;
  created: number;
  updated: number;
  unchanged: number;
}

export async function seedSampleData(db: Db, now = new Date(), dir = sampleDataDir): Promise<SeedSummary> {
  const files = fs.readdirSync(dir).filter((file) => file.endsWith('.json')).sort();
  const summary: SeedSummary = { reports: 0, created: 0, updated: 0, unchanged: 0 };
  for (const file of files) {
    const input = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as IngestArticleInput;
    const { changes } = await ingestArticle(db, input, now);
    summary.reports += 1;
    for (const change of changes) {
      if (change.status === 'CREATED') summary.created += 1;
      else if (change.status === 'UPDATED') summary.updated += 1;
      else summary.unchanged += 1;
    }
  }
  return summary;
}
