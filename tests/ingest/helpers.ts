import { readFileSync, readdirSync } from 'fs';
import path from 'path';
import { extractReport, parseReport, toGoldShape, GoldShape, Report, Extraction } from '../../src/ingest';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CORPUS = path.resolve(process.env.NEWSGRAPH_CORPUS ?? path.join(REPO_ROOT, '..', 'shared', 'corpus'));

export function corpusFiles(): string[] {
  return readdirSync(CORPUS).filter((n) => n.endsWith('.txt')).sort();
}

export function run(name: string): { report: Report; extraction: Extraction; gold: GoldShape } {
  const report = parseReport(readFileSync(path.join(CORPUS, name)), name);
  const extraction = extractReport(report);
  return { report, extraction, gold: toGoldShape(report, extraction) };
}

export function goldOf(name: string): GoldShape {
  return JSON.parse(readFileSync(path.join(CORPUS, 'gold', name.replace(/\.txt$/, '.json')), 'utf8')) as GoldShape;
}

/** Extract from an invented report body. */
export function fromText(body: string, date = '2024-05-06', file = 'invented.txt'): GoldShape {
  const report = parseReport(` date ${date}\n\n${body.trim()}\n`, file);
  return toGoldShape(report, extractReport(report));
}
