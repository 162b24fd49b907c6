/**
 * `npm run eval:extract`: per-part tables from a split file, and `--check` against the figures of a
 * README's "Extraction quality" section. Run on the genre set in the repository with an invented split.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { readQualityFloor } from '../../src/ingest';
import { CORPUS, REPO_ROOT, corpusFiles } from './helpers';

const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const script = path.join(REPO_ROOT, 'scripts', 'eval-extract.ts');
const work = mkdtempSync(path.join(os.tmpdir(), 'ng-eval-'));

function evalExtract(args: string[]) {
  const res = spawnSync(tsx, [script, ...args], { encoding: 'utf8', cwd: REPO_ROOT });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

const HEADER = '| part | reports | officials F1 | meetings F1 | conferences F1 | official country | meeting date | conference city |\n| --- | --- | --- | --- | --- | --- | --- | --- |';
function readme(tuningRow: string): string {
  const file = path.join(work, `README-${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(file, `# x\n\n## Extraction quality\n\nText.\n\n${HEADER}\n${tuningRow}\n| blind | 20 | _later_ | | | | | |\n\n## Next\n`);
  return file;
}

// a copy of 12 genre reports, one gold file naming an official no report mentions (so officials F1 < 1),
// and an invented split: the first 8 tune, the last 4 are blind
const names = corpusFiles().slice(0, 12);
const corpus = path.join(work, 'corpus');
mkdirSync(path.join(corpus, 'gold'), { recursive: true });
for (const n of names) {
  const goldName = n.replace(/\.txt$/, '.json');
  copyFileSync(path.join(CORPUS, n), path.join(corpus, n));
  const gold = JSON.parse(readFileSync(path.join(CORPUS, 'gold', goldName), 'utf8'));
  if (n === names[0]) gold.officials.push({ name: 'Imaginary Nobody', aliases: [], title: 'Minister', organization: null, country: 'ZZ' });
  writeFileSync(path.join(corpus, 'gold', goldName), JSON.stringify(gold));
}
const split = path.join(work, 'split.json');
writeFileSync(split, JSON.stringify({ tuning: names.slice(0, 8), blind: names.slice(8) }));

describe('README figures', () => {
  test("the repository's README has numeric tuning figures", () => {
    const floor = readQualityFloor(readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'), 'tuning');
    for (const v of Object.values(floor)) expect(v).toBeGreaterThan(0);
    expect(Object.keys(floor).sort()).toEqual(['conference_city_acc', 'conferences', 'meeting_date_acc', 'meetings', 'official_country_acc', 'officials']);
  });

  test('the row of the part, by column name', () => {
    const text = readFileSync(readme('| tuning | 8 | 0.91 | 0.8 | 0.75 | 0.9 | 0.85 | 0.7 |'), 'utf8');
    expect(readQualityFloor(text, 'tuning')).toEqual({
      officials: 0.91,
      meetings: 0.8,
      conferences: 0.75,
      official_country_acc: 0.9,
      meeting_date_acc: 0.85,
      conference_city_acc: 0.7,
    });
  });

  test('missing section, missing row and placeholders are clear errors', () => {
    expect(() => readQualityFloor('# x\n\n## Tests\n', 'tuning')).toThrow(/no "Extraction quality" section/);
    expect(() => readQualityFloor(readFileSync(readme('| tuning | 8 | 0.9 | 0.8 | 0.7 | 0.9 | 0.85 | 0.7 |'), 'utf8'), 'genre')).toThrow(/no table row for the genre part/);
    expect(() => readQualityFloor(readFileSync(readme('| tuning | 8 | 0.9 | TBD | 0.7 | 0.9 | 0.85 | 0.7 |'), 'utf8'), 'tuning')).toThrow(/meetings is "TBD", not a number/);
  });
});

describe('npm run eval:extract', () => {
  test('a folder outside the split is one table of all its reports', () => {
    const r = evalExtract([corpus]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('== all part: 12 reports');
    expect(r.stdout).toMatch(/^officials {4}P=\d\.\d{3} R=\d\.\d{3} F1=\d\.\d{3}$/m);
    expect(r.stdout).toMatch(/^conferences {2}P=/m);
    expect(r.stdout).toMatch(/^attribute accuracy on matches: country=/m);
  });

  test('by default a tuning table and a blind table; --part picks one; --articles adds per-report rows', () => {
    const both = evalExtract([corpus, '--split', split]);
    expect(both.code).toBe(0);
    expect(both.stdout).toContain('== tuning part: 8 reports');
    expect(both.stdout).toContain('== blind part: 4 reports');
    expect(both.stdout.match(/^meetings {5}P=/gm)).toHaveLength(2);

    const tuning = evalExtract([corpus, '--split', split, '--part', 'tuning', '--articles', '--json']);
    expect(tuning.code).toBe(0);
    const parts = tuning.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(parts.map((p) => [p.part, p.articles])).toEqual([['tuning', 8]]);
    expect(parts[0].officials).toMatchObject({ f1: expect.any(Number), precision: expect.any(Number), recall: expect.any(Number) });

    const rows = evalExtract([corpus, '--split', split, '--part', 'blind', '--articles']);
    for (const n of names.slice(8, 12)) expect(rows.stdout).toContain(n.slice(0, 48));
    expect(rows.stdout).not.toContain(names[0].slice(0, 48));
  });

  test('--check passes at the committed figures and fails, naming the figure, below them', () => {
    const measured = JSON.parse(evalExtract([corpus, '--split', split, '--part', 'tuning', '--json']).stdout);
    const row = (officials: number) =>
      `| tuning | 8 | ${officials} | ${measured.meetings.f1} | ${measured.conferences.f1} | ${measured.official_country_acc} | ${measured.meeting_date_acc} | ${measured.conference_city_acc} |`;
    const pass = evalExtract([corpus, '--split', split, '--check', '--readme', readme(row(measured.officials.f1))]);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toContain('== tuning part: 8 reports');
    expect(pass.stdout).not.toContain('== blind part');
    expect(pass.stderr).toContain('at or above the figures committed');

    const fail = evalExtract([corpus, '--split', split, '--check', '--readme', readme(row(1))]);
    expect(measured.officials.f1).toBeLessThan(1);
    expect(fail.code).toBe(1);
    expect(fail.stderr).toContain(`below the README figures: officials: ${measured.officials.f1.toFixed(3)} is below the committed 1.000`);
    expect(fail.stderr).not.toMatch(/meetings|conferences/);
  });

  test('--diff lists, indented under the report name, the official the prediction missed', () => {
    const r = evalExtract([corpus, '--split', split, '--part', 'tuning', '--diff']);
    expect(r.code).toBe(0);
    const block = r.stdout.slice(r.stdout.indexOf(names[0]));
    expect(block.split('\n').slice(0, 6)).toContain('  - official Imaginary Nobody (ZZ) Minister');
    expect(r.stdout).toContain('== tuning part: 8 reports');
    expect(r.stdout).not.toMatch(/^- official/m);
  });

  test('bad options, a README without figures and a folder without gold get one clear error line', () => {
    const bad = evalExtract([corpus, '--part', 'everything']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: --part must be one of tuning, blind, all/);
    const noFigures = evalExtract([corpus, '--split', split, '--check', '--readme', path.join(REPO_ROOT, 'package.json')]);
    expect(noFigures.code).toBe(1);
    expect(noFigures.stderr).toMatch(/^error: README.md has no "Extraction quality" section/);
    const noGold = evalExtract([path.join(REPO_ROOT, 'data')]);
    expect(noGold.code).toBe(1);
    expect(noGold.stderr).toMatch(/has no "gold" folder/);
    expect(bad.stderr + noFigures.stderr + noGold.stderr).not.toMatch(/\n\s+at /);
  });
});
