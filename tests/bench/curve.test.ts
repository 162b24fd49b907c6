/**
 * The cost curve's own logic (bench/curve.ts, bench/curve-chart.ts): option
 * errors as a user sees them, the dataset's prefix property, the figures it
 * derives and the chart it draws. The measurement itself is `npm run bench`'s.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { compareWithBaseline, curveScale, curveTable, largestStepWithin, parseCurveOptions, type CurvePoint } from '../../bench/curve';
import { renderCurveChart } from '../../bench/curve-chart';
import { syntheticReports } from '../../bench/generate';
import { operations, type OperationName } from '../../bench/operations';

const root = path.join(__dirname, '..', '..');

function point(reports: number, p50: number, reportsPerSec = 5): CurvePoint {
  const figures = { p50Ms: p50, p95Ms: p50 * 2, requests: 20, dbCommands: 3 };
  return {
    reports,
    counts: { articles: reports },
    ingestion: { reports, seconds: reports / reportsPerSec, reportsPerSec },
    operations: Object.fromEntries(operations.map((o) => [o.name, { ...figures }])) as Record<OperationName, typeof figures>,
  };
}

describe('npm run bench -- --curve --steps', () => {
  it('refuses a malformed list before starting anything, naming the flag and the value', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--curve', '--steps', '100,abc'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Expected "--steps" to list whole numbers of reports above 0, such as 100,250, but got "abc".');
    expect(run.stdout).not.toContain('database:');
  });

  it('takes increasing positive counts, and the default steps otherwise', () => {
    expect(parseCurveOptions(['--curve']).steps).toEqual([100, 250, 500, 1000, 2500]);
    expect(parseCurveOptions(['--curve', '--steps', '50,100']).steps).toEqual([50, 100]);
    expect(parseCurveOptions(['--curve', '--steps=100,250', '--baseline'])).toMatchObject({ steps: [100, 250], baseline: true });
    expect(() => parseCurveOptions(['--steps', '250,100'])).toThrow('Expected "--steps" in increasing order, but 100 follows 250.');
    expect(() => parseCurveOptions(['--steps', '0'])).toThrow('but got "0"');
    expect(() => parseCurveOptions(['--steps'])).toThrow('Expected "--steps" to be followed by report counts');
  });
});

it('a short curve ingests the same first reports as the full one', () => {
  const first = (lastStep: number, n: number) => {
    const reports = syntheticReports(curveScale(lastStep), 42);
    return Array.from({ length: n }, () => reports.next().value);
  };
  expect(curveScale(250)).toEqual(curveScale(2500));
  expect(first(250, 100)).toEqual(first(2500, 100));
  // A last step past 2,500 grows the dataset instead of running out of reports.
  expect(curveScale(4000).articles).toBe(4000);
});

it('states up to which step every p50 stayed within the limit, and the target against the baseline', () => {
  const steps = [point(100, 40), point(250, 90), point(500, 140), point(1000, 80)];
  // The first step over the limit ends the claim, even if a later one dips under it again.
  expect(largestStepWithin(steps, 100)).toBe(250);
  expect(largestStepWithin([point(100, 120)], 100)).toBeNull();

  const target = compareWithBaseline(steps, [point(100, 70), point(250, 85)]);
  expect(target?.byOperation.feed).toEqual({ baselineP50Ms: 85, p50Ms: 80, met: true });
  expect(compareWithBaseline(steps, [point(250, 60)])?.byOperation.nested.met).toBe(false);
  expect(compareWithBaseline([point(100, 40)], [point(250, 60)])).toBeNull();

  const table = curveTable(steps).split('\n');
  expect(table).toHaveLength(2 + steps.length);
  expect(table[2]).toBe(`| 100 | 5.0 | ${operations.map(() => '40 / 80').join(' | ')} |`);
});

it('draws one line per operation, the ingestion rate, the 100 ms rule and the baseline points', () => {
  const steps = [point(100, 40, 6), point(250, 90, 3), point(500, 140, 2)];
  const svg = renderCurveChart({
    subtitle: 'test & curve',
    ingestion: { name: 'ingestion', points: steps.map((s) => ({ reports: s.reports, value: s.ingestion.reportsPerSec })) },
    latency: operations.map((o) => ({ name: o.name, points: steps.map((s) => ({ reports: s.reports, value: s.operations[o.name].p50Ms })) })),
    baseline: operations.map((o) => ({ name: o.name, points: [{ reports: 250, value: 120 }] })),
    latencyLimitMs: 100,
  });
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).toContain('test &amp; curve');
  expect(svg.match(/<polyline /g)).toHaveLength(1 + operations.length);
  expect(svg.match(/<circle [^>]*fill="none"/g)).toHaveLength(operations.length);
  expect(svg).toContain('>100 ms</text>');
  for (const o of operations) expect(svg).toContain(`>${o.name}</text>`);
  // Every coordinate is a number: no NaN or Infinity from an empty or single-step scale.
  expect(svg).not.toMatch(/NaN|Infinity/);
  const single = renderCurveChart({
    subtitle: 'one step',
    ingestion: { name: 'ingestion', points: [{ reports: 100, value: 4 }] },
    latency: [{ name: 'feed', points: [{ reports: 100, value: 50 }] }],
    baseline: [],
    latencyLimitMs: 100,
  });
  expect(single).not.toMatch(/NaN|Infinity/);
});
