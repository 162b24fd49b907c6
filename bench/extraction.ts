/**
 * `npx tsx bench/extraction.ts [--lib DIR] [--rounds N] [folders…]`: extraction speed on one core
 * (run it under `taskset -c 0`). Reads every `.txt` report of the folders (default: ../shared/corpus,
 * data/heldout, data/heldout2, tests/fixtures/genre), then, in this fresh process, times the cold first pass
 * (loading the extraction library and its NLP model included) and N warm passes of
 * parseReport + extractReport + toIngestInput, in CPU seconds of this process (so a busy machine does not
 * lower the figure). `--lib` points at another copy of src/ingest, so two
 * versions can be measured side by side, alternating, on the same machine.
 */
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const flag = (name: string): string | null => {
  const i = args.indexOf(name);
  if (i < 0) return null;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const repoRoot = path.resolve(__dirname, '..');
const lib = path.resolve(flag('--lib') ?? path.join(repoRoot, 'src', 'ingest'));
const rounds = Number(flag('--rounds') ?? 5);
const folders = args.length
  ? args
  : [process.env.NEWSGRAPH_CORPUS || path.join(repoRoot, '..', 'shared', 'corpus'), path.join(repoRoot, 'data', 'heldout'), path.join(repoRoot, 'data', 'heldout2'), path.join(repoRoot, 'tests', 'fixtures', 'genre')];

const texts = folders.flatMap((dir) =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((file) => ({ file, data: fs.readFileSync(path.join(dir, file)) })) : [],
);
if (!texts.length) throw new Error(`no .txt reports in ${folders.join(', ')}`);

type Lib = typeof import('../src/ingest');
// CPU time of this process, not wall time: the figure stays comparable on a machine shared with other work
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const started = cpuSeconds();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ingest = require(lib) as Lib;
const pass = (round: number) => {
  for (const { file, data } of texts) {
    const report = ingest.parseReport(data, file);
    ingest.toIngestInput(report, ingest.extractReport(report), { url: `https://bench.example/${round}/${encodeURIComponent(file)}` });
  }
};
pass(-1);
const cold = cpuSeconds() - started;
const warm: number[] = [];
for (let r = 0; r < rounds; r++) {
  const t = cpuSeconds();
  pass(r);
  warm.push(cpuSeconds() - t);
}
warm.sort((a, b) => a - b);
const rate = (s: number) => Math.round(texts.length / s);
process.stdout.write(
  JSON.stringify({ lib: path.relative(process.cwd(), lib) || '.', reports: texts.length, coldReportsPerSec: rate(cold), warmMedianReportsPerSec: rate(warm[Math.floor(warm.length / 2)]), warmBestReportsPerSec: rate(warm[0]) }) + '\n',
);
