/**
 * npm run corpus:split [-- <corpus dir>]
 *
 * Splits the shared corpus into a tuning part (40 reports) and a blind part (the rest) by a
 * seeded shuffle, and writes scripts/corpus-split.json. Rules are tuned on the tuning part only;
 * the blind part is scored once, at the end of a piece of work, for an honest estimate. The seed
 * and the algorithm are fixed so that anyone can regenerate the same split and check it.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { prng } from '../src/random';
import { runCli } from './cli';

const seed = 20261207;
const tuningSize = 40;


async function main(): Promise<number> {
  const repoRoot = path.resolve(__dirname, '..');
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const corpus = path.resolve(args[0] ?? process.env.NEWSGRAPH_CORPUS ?? path.join(repoRoot, '..', 'shared', 'corpus'));
  const files = (await fs.readdir(corpus)).filter((name) => name.endsWith('.txt')).sort();
  const next = prng(seed);
  // Fisher–Yates over the sorted names.
  for (let i = files.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [files[i], files[j]] = [files[j], files[i]];
  }
  const split = { seed, algorithm: 'mulberry32 Fisher-Yates over sorted .txt names', tuning: files.slice(0, tuningSize).sort(), blind: files.slice(tuningSize).sort() };
  await fs.writeFile(path.join(repoRoot, 'scripts', 'corpus-split.json'), `${JSON.stringify(split, null, 2)}\n`);
  process.stdout.write(`tuning ${split.tuning.length}, blind ${split.blind.length} → scripts/corpus-split.json\n`);
  return 0;
}

runCli(main);
