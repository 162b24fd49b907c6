import { readFileSync, readdirSync } from 'fs';
import path from 'path';
import { extractReport, parseReport, toGoldShape, GoldShape, IngestArticleInput, Report, Extraction } from '../../src/ingest';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/**
 * The report folder the tests read: the genre set in the repository (invented reports of the corpus genre
 * with gold annotations). Tests never read the shared corpus beside the repository, which a clone does not have.
 */
export const CORPUS = path.join(REPO_ROOT, 'tests', 'fixtures', 'genre');
/** The sample reports shipped for `npm run seed`, as IngestArticleInput JSON with their facts. */
export const SAMPLE_DIR = path.join(REPO_ROOT, 'data', 'sample');

export function corpusFiles(): string[] {
  return readdirSync(CORPUS).filter((n) => n.endsWith('.txt')).sort();
}

export function run(name: string): { report: Report; extraction: Extraction; gold: GoldShape } {
  return extractFrom(parseReport(readFileSync(path.join(CORPUS, name)), name));
}

export function goldOf(name: string): GoldShape {
  return JSON.parse(readFileSync(path.join(CORPUS, 'gold', name.replace(/\.txt$/, '.json')), 'utf8')) as GoldShape;
}

function extractFrom(report: Report): { report: Report; extraction: Extraction; gold: GoldShape } {
  const extraction = extractReport(report);
  return { report, extraction, gold: toGoldShape(report, extraction) };
}

export function sampleFiles(): string[] {
  return readdirSync(SAMPLE_DIR).filter((n) => n.endsWith('.json')).sort();
}

export function sampleInput(name: string): IngestArticleInput {
  return JSON.parse(readFileSync(path.join(SAMPLE_DIR, name), 'utf8')) as IngestArticleInput;
}

/**
 * A sample report written back in the report file layout (date line with the printed time and UTC offset,
 * then its paragraphs), so the extractor reads it as it reads any report.
 */
export function sampleReportText(name: string): string {
  const input = sampleInput(name);
  const instant = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?([+-]\d{2}:\d{2})$/.exec(input.publishedAt);
  const dateLine = instant ? ` date ${instant[1]} ${instant[2]} (UTC${instant[3]})` : ` date ${input.publishedAt.slice(0, 10)}`;
  return `${dateLine}\n\n${input.body.join('\n\n')}\n`;
}

export function runSample(name: string): { report: Report; extraction: Extraction; gold: GoldShape } {
  return extractFrom(parseReport(sampleReportText(name), name.replace(/\.json$/, '.txt')));
}

/** Extract from an invented report body. */
export function fromText(body: string, date = '2024-05-06', file = 'invented.txt'): GoldShape {
  const report = parseReport(` date ${date}\n\n${body.trim()}\n`, file);
  return toGoldShape(report, extractReport(report));
}
