/**
 * npm run eval:extract [-- <corpus dir>] [--part tuning|blind|all] [--check] [--articles] [--diff] [--json] [--out preds.jsonl]
 *                      [--split FILE] [--readme FILE]
 *
 * Runs the extractor over a corpus folder of `.txt` reports with a `gold/` folder beside them (default:
 * $NEWSGRAPH_CORPUS or ../shared/corpus from the repo root), scores it with the rules of score-extraction.py
 * and prints precision, recall and F1 per type and the attribute accuracies, one table per part of the
 * committed split (scripts/corpus-split.json): the tuning part and the blind part by default. A folder
 * holding none of the split's reports (e.g. tests/fixtures/genre) is scored as one part, `all`.
 *
 * --part      score only that part (`all`: every report of the folder in one table)
 * --check     score the tuning part and exit 1 when it falls below the figures committed in README.md's
 *             "Extraction quality" section (the README is the single source of truth for CI)
 * --articles  also print the per-report rows (matched/predicted/gold), as score-extraction.py does
 * --diff      also print, per report, the officials and conferences missed (-) or spurious (+), and wrong
 *             countries and cities (~)
 * --json      one JSON object per part instead of the tables
 * --out FILE  write the predictions (one JSON object per report) of the scored parts
 */
import { promises as fs } from 'fs';
import path from 'path';
import { belowFloor, CorpusScore, diffArticle, extractReport, formatScore, parseReport, readQualityFloor, scoreCorpus, toGoldShape } from '../src/ingest';
import { runCli } from './cli';

const PARTS = ['tuning', 'blind', 'all'] as const;
type Part = (typeof PARTS)[number];

interface Options {
  corpus: string;
  parts: Part[];
  check: boolean;
  articles: boolean;
  diff: boolean;
  json: boolean;
  out: string | null;
  split: string;
  readme: string;
}

const repoRoot = path.resolve(__dirname, '..');

function parseArgs(argv: string[]): Options {
  const args = argv.filter((a) => a !== '--');
  const value = (flag: string): string | null => {
    const i = args.indexOf(flag);
    if (i < 0) return null;
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    args.splice(i, 2);
    return v;
  };
  const part = value('--part');
  const out = value('--out');
  const split = value('--split') ?? path.join(repoRoot, 'scripts', 'corpus-split.json');
  const readme = value('--readme') ?? path.join(repoRoot, 'README.md');
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  for (const f of flags) if (!['--check', '--articles', '--diff', '--json'].includes(f)) throw new Error(`unknown option ${f}`);
  if (part !== null && !(PARTS as readonly string[]).includes(part)) throw new Error(`--part must be one of ${PARTS.join(', ')}, not "${part}"`);
  const check = flags.has('--check');
  if (check && part !== null && part !== 'tuning') throw new Error('--check scores the tuning part only; drop --part or use --part tuning');
  const positional = args.filter((a) => !a.startsWith('--'));
  if (positional.length > 1) throw new Error(`one corpus folder at most, got ${positional.length}`);
  return {
    corpus: path.resolve(positional[0] ?? (process.env.NEWSGRAPH_CORPUS || path.join(repoRoot, '..', 'shared', 'corpus'))),
    parts: check ? ['tuning'] : part ? [part as Part] : ['tuning', 'blind'],
    check,
    articles: flags.has('--articles'),
    diff: flags.has('--diff'),
    json: flags.has('--json'),
    out,
    split,
    readme,
  };
}

/** Which reports of the folder belong to each part. */
async function partsOf(files: string[], splitFile: string): Promise<Map<Part, string[]>> {
  const split = JSON.parse(await fs.readFile(splitFile, 'utf8')) as { tuning?: string[]; blind?: string[] };
  if (!Array.isArray(split.tuning) || !Array.isArray(split.blind)) throw new Error(`${splitFile} needs "tuning" and "blind" lists of report names`);
  const present = new Set(files);
  const listed = (names: string[]) => names.filter((n) => present.has(n)).sort();
  const parts = new Map<Part, string[]>([['all', files]]);
  const tuning = listed(split.tuning);
  const blind = listed(split.blind);
  if (tuning.length || blind.length) {
    parts.set('tuning', tuning);
    parts.set('blind', blind);
  }
  return parts;
}

async function scorePart(corpus: string, names: string[], diff: boolean): Promise<{ score: CorpusScore; predictions: Array<Record<string, unknown>> }> {
  const predictions: Array<Record<string, unknown>> = [];
  const golds: Array<{ fileName: string; gold: Record<string, unknown> }> = [];
  for (const name of names) {
    const goldName = name.replace(/\.txt$/, '.json');
    const goldText = await fs.readFile(path.join(corpus, 'gold', goldName), 'utf8').catch(() => {
      throw new Error(`${name} has no gold annotation gold/${goldName}`);
    });
    golds.push({ fileName: goldName, gold: JSON.parse(goldText) as Record<string, unknown> });
    try {
      const report = parseReport(await fs.readFile(path.join(corpus, name)), name);
      const prediction = toGoldShape(report, extractReport(report)) as unknown as Record<string, unknown>;
      predictions.push(prediction);
      if (diff) {
        const lines = diffArticle(golds[golds.length - 1].gold, prediction);
        if (lines.length) process.stdout.write(`${name}\n${lines.map((l) => `  ${l}\n`).join('')}`);
      }
    } catch (error) {
      // scored as a report with no prediction
      process.stderr.write(`${name}: ${(error as Error).message}\n`);
    }
  }
  return { score: scoreCorpus(golds, predictions), predictions };
}

function summaryOnly(table: string): string {
  const lines = table.split('\n');
  return lines.slice(lines.indexOf('(cells: matched/predicted/gold)') + 1).join('\n');
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const isDir = async (p: string) => (await fs.stat(p).catch(() => null))?.isDirectory() ?? false;
  if (!(await isDir(opts.corpus))) throw new Error(`the corpus folder "${opts.corpus}" does not exist.`);
  if (!(await isDir(path.join(opts.corpus, 'gold')))) throw new Error(`the corpus folder "${opts.corpus}" has no "gold" folder of annotations.`);
  // read before scoring, so a README without figures fails fast and clearly
  const floor = opts.check ? readQualityFloor(await fs.readFile(opts.readme, 'utf8'), 'tuning') : null;

  const files = (await fs.readdir(opts.corpus)).filter((n) => n.endsWith('.txt')).sort();
  const parts = await partsOf(files, opts.split);
  const wanted = parts.has('tuning') ? opts.parts : (['all'] as Part[]);
  if (opts.check && !parts.has('tuning')) throw new Error(`--check needs the tuning part, and "${opts.corpus}" holds none of the reports listed in ${opts.split}`);

  const allPredictions: Array<Record<string, unknown>> = [];
  let failed = false;
  for (const part of wanted) {
    const names = parts.get(part) ?? [];
    const { score, predictions } = await scorePart(opts.corpus, names, opts.diff);
    allPredictions.push(...predictions);
    if (opts.json) {
      const { rows: _rows, ...rest } = score;
      void _rows;
      process.stdout.write(JSON.stringify({ part, ...rest }) + '\n');
    } else {
      const table = formatScore(score);
      process.stdout.write(`== ${part} part: ${names.length} reports (${opts.corpus})\n${opts.articles ? table : summaryOnly(table)}\n`);
    }
    if (floor) {
      const below = belowFloor(score, floor);
      for (const line of below) process.stderr.write(`below the README figures: ${line}\n`);
      if (below.length) failed = true;
      else process.stderr.write('the tuning part scores at or above the figures committed in README.md\n');
    }
  }
  if (opts.out) await fs.writeFile(opts.out, allPredictions.map((p) => JSON.stringify(p)).join('\n') + '\n');
  return failed ? 1 : 0;
}

runCli(main);
