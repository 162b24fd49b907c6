/**
 * `npm run ingest -- --min-confidence X`: facts extracted below X are left out, consistently across
 * officials, meetings and conferences; a bad X is one clear error.
 */
import { spawnSync } from 'child_process';
import path from 'path';
import { dropBelowConfidence, parseConfidence } from '../../src/ingest';
import { CORPUS, REPO_ROOT } from './helpers';

const rule = (confidence: number) => ({ rule: 'test.rule', confidence });

describe('dropBelowConfidence', () => {
  const facts = {
    url: 'urn:test',
    officials: [
      { name: 'Ana Lima', extraction: rule(0.95) },
      { name: 'John Otieno', extraction: rule(0.4) },
      { name: 'Li Wei', extraction: rule(0.9) },
      { name: 'Stated By Hand' },
    ],
    meetings: [
      { participants: ['Ana Lima', 'John Otieno'], countries: [], conference: null, extraction: rule(0.9) },
      { participants: ['Ana Lima', 'John Otieno', 'Li Wei'], countries: [], conference: 'Weak Forum', extraction: rule(0.9) },
      { participants: ['John Otieno'], countries: ['KE', 'UG'], conference: 'Strong Summit', extraction: rule(0.9) },
      { participants: ['Li Wei', 'Ana Lima'], countries: [], conference: null, extraction: rule(0.5) },
      { participants: ['Stated By Hand'], countries: [], conference: null },
    ],
    conferences: [
      { name: 'Strong Summit', participants: ['Ana Lima', 'John Otieno'], extraction: rule(0.85) },
      { name: 'Weak Forum', participants: [], extraction: rule(0.3) },
    ],
  };

  test('a threshold of 0 keeps everything', () => {
    expect(dropBelowConfidence(facts, 0)).toEqual(facts);
  });

  test('officials, meetings and conferences below the threshold go; what named them follows', () => {
    const kept = dropBelowConfidence(facts, 0.8);
    expect(kept.url).toBe('urn:test');
    expect(kept.officials.map((o) => o.name)).toEqual(['Ana Lima', 'Li Wei', 'Stated By Hand']);
    expect(kept.meetings).toEqual([
      // Ana Lima's meeting with the dropped John Otieno has no counterpart left: gone
      { participants: ['Ana Lima', 'Li Wei'], countries: [], conference: null, extraction: rule(0.9) },
      { participants: [], countries: ['KE', 'UG'], conference: 'Strong Summit', extraction: rule(0.9) },
      // a fact stated by hand has no extraction confidence and stays as it was
      { participants: ['Stated By Hand'], countries: [], conference: null },
    ]);
    expect(kept.conferences).toEqual([{ name: 'Strong Summit', participants: ['Ana Lima'], extraction: rule(0.85) }]);
  });

  test('a threshold of 1 keeps only facts without an extraction', () => {
    const kept = dropBelowConfidence(facts, 1);
    expect(kept.officials.map((o) => o.name)).toEqual(['Stated By Hand']);
    expect(kept.meetings).toEqual([{ participants: ['Stated By Hand'], countries: [], conference: null }]);
    expect(kept.conferences).toEqual([]);
  });

  test('the value must be a number from 0 to 1', () => {
    expect(['0', '1', '0.75', '.5', '1.0'].map(parseConfidence)).toEqual([0, 1, 0.75, 0.5, 1]);
    for (const bad of ['1.5', '-0.1', 'abc', '', '0x1', 'NaN', 'Infinity', '1e-1', '0.5.1']) expect(parseConfidence(bad)).toBeNull();
  });
});

describe('npm run ingest -- --min-confidence', () => {
  const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const ingest = (args: string[]) => spawnSync(tsx, ['scripts/ingest.ts', '--dry-run', '--json', ...args], { encoding: 'utf8', cwd: REPO_ROOT });
  const facts = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l));
  type Line = ReturnType<typeof facts>[number];
  const confidences = (lines: Line[]): number[] =>
    lines.flatMap((l: Line) => [...l.officials, ...l.meetings, ...l.conferences].map((f: { extraction: { confidence: number } }) => f.extraction.confidence));
  const count = (lines: Line[]) => lines.reduce((n: number, l: Line) => n + l.officials.length + l.meetings.length + l.conferences.length, 0);

  const all = ingest([CORPUS]);
  const everything = facts(all.stdout);

  test('0 changes nothing', () => {
    expect(all.status).toBe(0);
    const zero = ingest(['--min-confidence', '0', CORPUS]);
    expect(zero.status).toBe(0);
    expect(zero.stdout).toBe(all.stdout);
  });

  test('above the lowest confidence: fewer facts, none below the threshold, meetings only name kept officials', () => {
    const threshold = Math.min(...confidences(everything)) + 0.001;
    const r = ingest([`--min-confidence=${threshold}`, CORPUS]);
    expect(r.status).toBe(0);
    const kept = facts(r.stdout);
    expect(kept.map((l: Line) => l.file)).toEqual(everything.map((l: Line) => l.file));
    expect(count(kept)).toBeLessThan(count(everything));
    for (const c of confidences(kept)) expect(c).toBeGreaterThanOrEqual(threshold);
    for (const line of kept) {
      const names = new Set(line.officials.map((o: { name: string }) => o.name));
      for (const m of line.meetings) {
        for (const p of m.participants) expect(names.has(p)).toBe(true);
        expect(m.participants.length + m.countries.length).toBeGreaterThan(0);
      }
    }
  });

  test.each(['1.5', '-1', 'high', ''])('%j is refused with the option named, exit code 2 and nothing extracted', (value) => {
    const r = ingest(['--min-confidence', value, CORPUS]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`[BAD_OPTION] --min-confidence must be a number from 0 to 1, got ${JSON.stringify(value)}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a missing value is refused too', () => {
    const r = ingest([CORPUS, '--min-confidence']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--min-confidence must be a number from 0 to 1, got nothing');
  });
});
