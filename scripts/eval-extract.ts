/**
 * npm run eval:extract [-- <corpus dir>] [--out preds.jsonl] [--json]
 *
 * Runs the extractor over a corpus folder of `.txt` reports with a `gold/` folder beside them (default:
 * $NEWSGRAPH_CORPUS or ../shared/corpus from the repo root; the held-out genre set is tests/fixtures/genre),
 * scores it against gold/ with the rules of score-extraction.py and prints the same table.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { extractReport, formatScore, parseReport, scoreCorpus, toGoldShape } from '../src/ingest';
import { runCli } from './cli';

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const outIdx = args.indexOf('--out');
  const outFile = outIdx >= 0 ? args[outIdx + 1] : null;
  const asJson = args.includes('--json');
  const positional = args.filter((a, i) => !a.startsWith('--') && !(outIdx >= 0 && i === outIdx + 1));
  const repoRoot = path.resolve(__dirname, '..');
  const corpus = path.resolve(positional[0] ?? process.env.NEWSGRAPH_CORPUS ?? path.join(repoRoot, '..', 'shared', 'corpus'));
  const goldDir = path.join(corpus, 'gold');
  const isDir = async (p: string) => (await fs.stat(p).catch(() => null))?.isDirectory() ?? false;
  if (!(await isDir(corpus))) throw new Error(`the corpus folder "${corpus}" does not exist.`);
  if (!(await isDir(goldDir))) throw new Error(`the corpus folder "${corpus}" has no "gold" folder of annotations.`);
  const txts = (await fs.readdir(corpus)).filter((n) => n.endsWith('.txt')).sort();
  const predictions: Array<Record<string, unknown>> = [];
  for (const name of txts) {
    const file = path.join(corpus, name);
    try {
      const report = parseReport(await fs.readFile(file), name);
      predictions.push(toGoldShape(report, extractReport(report)) as unknown as Record<string, unknown>);
    } catch (error) {
      process.stderr.write(`${name}: ${(error as Error).message}\n`);
    }
  }
  const golds = [];
  for (const n of (await fs.readdir(goldDir)).filter((x) => x.endsWith('.json')).sort()) {
    golds.push({ fileName: n, gold: JSON.parse(await fs.readFile(path.join(goldDir, n), 'utf8')) as Record<string, unknown> });
  }
  if (outFile) await fs.writeFile(outFile, predictions.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const score = scoreCorpus(golds, predictions);
  if (asJson) {
    const { rows: _rows, ...rest } = score;
    void _rows;
    process.stdout.write(JSON.stringify(rest) + '\n');
  } else process.stdout.write(formatScore(score) + '\n');
  return 0;
}

runCli(main);
