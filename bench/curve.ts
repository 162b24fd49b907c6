/**
 * `npm run bench -- --curve [--steps 100,250,…] [--baseline | --redraw]`: the cost curve.
 *
 * Ingests the seeded synthetic dataset (bench/generate.ts) report by report
 * through the `ingestArticle` mutation over HTTP, one at a time, into an empty
 * database, and stops at each step (100, 250, 500, 1,000, 2,500 reports by
 * default) to measure the six bench operations at concurrency 1 (p50, p95).
 * The ingestion rate of a step is its reports over its wall time.
 *
 * The dataset is always the default scale's proportions sized to 2,500
 * reports (or the last step, if larger): `--steps 100,250` ingests the same
 * first 250 reports as the full curve, so short runs compare with long ones.
 *
 * Writes bench/curve.json and bench/curve.svg; with `--baseline` also
 * bench/curve-baseline.json, the figures later curves are held against (the
 * issue's target: "p50 at 1,000 reports no worse than the baseline at 250").
 * `--redraw` only redraws bench/curve.svg from bench/curve.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from 'mongodb';
import { connectDatabase } from '../src/db/database';
import { renderCurveChart, type Series } from './curve-chart';
import { scales, syntheticReports, type Scale } from './generate';
import { defaultConcurrency, ingestArticle, maxConcurrency, sendInOrder } from '../src/ingest/client';
import { benchDir, fmt, load, log, outDir, prepareDatabase, requestFor, send, startContender, startDatabase, waitIdle, type Contender } from './harness';
import { operations, pickVariables, variablesFor, type OperationName } from './operations';

export const defaultSteps = [100, 250, 500, 1000, 2500];
/** How the curve sends reports: as `npm run ingest` does. */
export const ingestionMethod = (concurrency: number) =>
  `through the CLI's client (src/ingest/client.ts sendInOrder), ${concurrency} reports in flight${concurrency === defaultConcurrency ? " as the CLI's default" : ''}, outcomes in input order`;
const seed = 42;
const databaseName = 'bench_curve';
/** README's question: up to what archive size does every operation keep its p50 at or under this? */
export const latencyLimitMs = 100;
/** The target: p50 at `at` reports no worse than the baseline's at `baselineAt`. */
const target = { at: 1000, baselineAt: 250 };

export interface CurveOptions {
  steps: number[];
  baseline: boolean;
  warmupSeconds: number;
  measureSeconds: number;
  /** A p95 needs samples: an operation too slow for this many requests in `measureSeconds` runs exactly this many. */
  minRequests: number;
  /** Reports in flight while ingesting: the CLI's default unless `--concurrency N` (to compare settings side by side). */
  concurrency: number;
}

export function parseCurveOptions(argv: string[]): CurveOptions {
  const inline = argv.find((a) => a.startsWith('--steps='))?.slice('--steps='.length);
  const index = argv.indexOf('--steps');
  const raw = inline ?? (index >= 0 ? argv[index + 1] : undefined);
  if (index >= 0 && (raw === undefined || raw.startsWith('--'))) {
    throw new Error('Expected "--steps" to be followed by report counts such as 100,250.');
  }
  let steps = defaultSteps;
  if (raw !== undefined) {
    steps = raw.split(',').map((part) => {
      const trimmed = part.trim();
      if (!/^[1-9]\d*$/.test(trimmed)) throw new Error(`Expected "--steps" to list whole numbers of reports above 0, such as 100,250, but got "${trimmed}".`);
      return Number(trimmed);
    });
    steps.forEach((step, i) => {
      if (i > 0 && step <= steps[i - 1]!) throw new Error(`Expected "--steps" in increasing order, but ${step} follows ${steps[i - 1]}.`);
    });
  }
  const concurrencyIndex = argv.indexOf('--concurrency');
  const concurrency = concurrencyIndex >= 0 ? Number(argv[concurrencyIndex + 1]) : defaultConcurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > maxConcurrency) {
    throw new Error(`Expected "--concurrency" to be a whole number from 1 to ${maxConcurrency}, but got "${argv[concurrencyIndex + 1]}".`);
  }
  return { steps, baseline: argv.includes('--baseline'), warmupSeconds: 1, measureSeconds: 5, minRequests: 20, concurrency };
}

/** The default scale's proportions (officials, meetings and conferences per report) for `articles` reports. */
export function curveScale(lastStep: number): Scale {
  const articles = Math.max(defaultSteps[defaultSteps.length - 1]!, lastStep);
  const d = scales.default;
  const per = (count: number) => Math.max(1, Math.round((count * articles) / d.articles));
  return { articles, officials: per(d.officials), meetings: per(d.meetings), conferences: per(d.conferences) };
}

export interface OperationPoint {
  p50Ms: number | null;
  p95Ms: number | null;
  requests: number;
  /** Database commands one request sent. */
  dbCommands: number;
}

export interface CurvePoint {
  reports: number;
  counts: Record<string, number>;
  ingestion: { reports: number; seconds: number; reportsPerSec: number };
  operations: Record<OperationName, OperationPoint>;
}

export interface CurveResults {
  startedAt: string;
  database: string;
  machine: string;
  dataset: { generator: 'bench/generate.ts syntheticReports'; seed: number; scale: Scale; method: string };
  durations: { warmupSeconds: number; measureSeconds: number; minRequests: number };
  steps: CurvePoint[];
  /** The largest step at which every operation's p50 was at most `latencyLimitMs`; null if none. */
  p50AtMost100MsUpTo: number | null;
  /** p50 at 1,000 reports against the baseline's at 250, when both were measured. */
  target: null | { rule: string; byOperation: Record<string, { baselineP50Ms: number | null; p50Ms: number | null; met: boolean }> };
}

async function measureOperations(service: Contender, db: Db, options: CurveOptions): Promise<Record<OperationName, OperationPoint>> {
  const picked = await pickVariables(db);
  const points = {} as Record<OperationName, OperationPoint>;
  for (const operation of operations) {
    const request = requestFor(service, operation, variablesFor(operation, picked));
    const before = await service.stats();
    const first = await send(request);
    const after = await service.stats();
    if (first.status !== 200 || (JSON.parse(first.text) as { errors?: unknown }).errors) {
      throw new Error(`Expected data for "${operation.name}", but got ${first.status}: ${first.text.slice(0, 500)}`);
    }
    // Every measured response is compared with this one (autocannon's expectBody), so it must be stable.
    const again = await send(request);
    if (again.text !== first.text) throw new Error(`Expected "${operation.name}" to answer identically twice, but the bodies differ.`);
    const slow = again.ms * options.minRequests > options.measureSeconds * 1000;
    if (!slow) {
      await load(request, first.text, 1, { seconds: options.warmupSeconds });
      await waitIdle(service);
    }
    const figures = await load(request, first.text, 1, slow ? { amount: options.minRequests } : { seconds: options.measureSeconds });
    await waitIdle(service);
    if (figures.rejected > 0) throw new Error(`The service gave ${figures.rejected} wrong or failed responses to "${operation.name}".`);
    points[operation.name] = { p50Ms: figures.p50Ms, p95Ms: figures.p95Ms, requests: figures.requests, dbCommands: after.dbCommands - before.dbCommands };
    log(`  ${operation.name.padEnd(18)} p50 ${String(figures.p50Ms).padStart(5)} ms  p95 ${String(figures.p95Ms).padStart(5)} ms  (${figures.requests} requests, ${points[operation.name].dbCommands} db commands each)`);
  }
  return points;
}

async function countDocuments(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const collection of ['articles', 'officials', 'organizations', 'meetings', 'conferences']) {
    counts[collection] = await db.collection(collection).countDocuments();
  }
  return counts;
}

export function largestStepWithin(steps: CurvePoint[], limitMs: number): number | null {
  let largest: number | null = null;
  for (const step of steps) {
    const p50s = Object.values(step.operations).map((o) => o.p50Ms);
    if (p50s.some((p) => p == null || p > limitMs)) break;
    largest = step.reports;
  }
  return largest;
}

export function compareWithBaseline(steps: CurvePoint[], baseline: CurvePoint[]): CurveResults['target'] {
  const now = steps.find((s) => s.reports === target.at);
  const then = baseline.find((s) => s.reports === target.baselineAt);
  if (!now || !then) return null;
  const byOperation: NonNullable<CurveResults['target']>['byOperation'] = {};
  for (const operation of operations) {
    const baselineP50Ms = then.operations[operation.name]?.p50Ms ?? null;
    const p50Ms = now.operations[operation.name]?.p50Ms ?? null;
    byOperation[operation.name] = { baselineP50Ms, p50Ms, met: baselineP50Ms != null && p50Ms != null && p50Ms <= baselineP50Ms };
  }
  return { rule: `p50 at ${target.at} reports ≤ the baseline's p50 at ${target.baselineAt} (bench/curve-baseline.json)`, byOperation };
}

/** The printed table: one row per step, markdown so it can be pasted. */
export function curveTable(steps: CurvePoint[]): string {
  const header = ['reports', 'ingestion (reports/s)', ...operations.map((o) => `${o.name} p50 / p95 (ms)`)];
  const rows = steps.map((s) => [
    s.reports.toLocaleString('en-US'),
    fmt(s.ingestion.reportsPerSec),
    ...operations.map((o) => `${fmt(s.operations[o.name].p50Ms, 0)} / ${fmt(s.operations[o.name].p95Ms, 0)}`),
  ]);
  return [header, header.map(() => '---:'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** bench/curve.svg for a run, the baseline's p50s (if any) drawn as hollow points. */
export function curveChart(results: CurveResults, baseline: CurveResults | null): string {
  const series = (pick: (s: CurvePoint) => number | null, from: CurvePoint[], name: string): Series => ({
    name,
    points: from.map((s) => ({ reports: s.reports, value: pick(s) })),
  });
  return renderCurveChart({
    subtitle: `newsgraph cost curve — ${results.database} — ${results.startedAt.slice(0, 10)}`,
    ingestion: series((s) => s.ingestion.reportsPerSec, results.steps, 'ingestion'),
    latency: operations.map((o) => series((s) => s.operations[o.name].p50Ms, results.steps, o.name)),
    baseline: baseline ? operations.map((o) => series((s) => s.operations[o.name]?.p50Ms ?? null, baseline.steps, o.name)) : [],
    latencyLimitMs,
  });
}

function readBaseline(): CurveResults | null {
  const file = path.join(benchDir, 'curve-baseline.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as CurveResults) : null;
}

export async function runCurve(argv: string[]): Promise<void> {
  const options = parseCurveOptions(argv);
  if (argv.includes('--redraw')) {
    // Only the chart, from the committed figures: after a change to the chart, no need to measure again.
    const results = JSON.parse(fs.readFileSync(path.join(benchDir, 'curve.json'), 'utf8')) as CurveResults;
    const baseline = readBaseline();
    fs.writeFileSync(path.join(benchDir, 'curve.svg'), curveChart(results, baseline && baseline.startedAt !== results.startedAt ? baseline : null));
    log('wrote bench/curve.svg from bench/curve.json');
    return;
  }
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  fs.mkdirSync(outDir, { recursive: true });
  const database = await startDatabase();
  log(`database: ${database.name}`);
  const connection = await connectDatabase(database.uri, databaseName, { timeoutMs: 30_000 });
  let service: Contender | null = null;
  try {
    await connection.db.dropDatabase();
    await prepareDatabase(connection.db);
    service = await startContender('service', database.uri, databaseName);
    const scale = curveScale(options.steps[options.steps.length - 1]!);
    log(`curve over ${options.steps.join(', ')} reports of ${JSON.stringify(scale)}, through ingestArticle over HTTP, ${ingestionMethod(options.concurrency)}`);
    const reports = syntheticReports(scale, seed);
    const steps: CurvePoint[] = [];
    let ingested = 0;
    for (const step of options.steps) {
      const stepStarted = performance.now();
      const from = ingested;
      const origin = service.origin;
      const batch = Array.from({ length: step - ingested }, () => reports.next().value!);
      // The way the CLI sends reports (scripts/ingest.ts): its client, its default number in flight, outcomes in input order.
      await sendInOrder(batch, options.concurrency, (input) => ingestArticle(input, { endpoint: `${origin}/graphql`, apiKey: 'bench-key', attempts: 1 }), (outcome, i) => {
        if (!outcome.ok) throw new Error(`Expected ingestArticle to accept ${batch[i]!.url}, but got ${(outcome.error as Error).message}`);
        if ((ingested + i + 1) % 50 === 0 && ingested + i + 1 < step) log(`  ${ingested + i + 1}/${step} reports`);
      });
      ingested = step;
      const seconds = (performance.now() - stepStarted) / 1000;
      const ingestion = { reports: ingested - from, seconds, reportsPerSec: (ingested - from) / seconds };
      const counts = await countDocuments(connection.db);
      log(`step ${step}: ${fmt(ingestion.reportsPerSec)} reports/s over the last ${ingestion.reports}; ${JSON.stringify(counts)}`);
      steps.push({ reports: step, counts, ingestion, operations: await measureOperations(service, connection.db, options) });
    }

    const baseline = options.baseline ? null : readBaseline();
    const results: CurveResults = {
      startedAt: new Date(started).toISOString(),
      database: database.name,
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, 1-minute load average ${loadAtStart.toFixed(1)} at the start and ${os.loadavg()[0]!.toFixed(1)} at the end (other work shared the machine)`,
      dataset: { generator: 'bench/generate.ts syntheticReports', seed, scale, method: `ingestArticle mutation over HTTP, ${ingestionMethod}, into an empty database` },
      durations: { warmupSeconds: options.warmupSeconds, measureSeconds: options.measureSeconds, minRequests: options.minRequests },
      steps,
      p50AtMost100MsUpTo: largestStepWithin(steps, latencyLimitMs),
      target: baseline ? compareWithBaseline(steps, baseline.steps) : null,
    };
    const written: string[] = [];
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(benchDir, name), text);
      written.push(`bench/${name}`);
    };
    write('curve.json', `${JSON.stringify(results, null, 2)}\n`);
    if (options.baseline) write('curve-baseline.json', `${JSON.stringify(results, null, 2)}\n`);
    write('curve.svg', curveChart(results, baseline));

    process.stdout.write(`\n${curveTable(steps)}\n\n`);
    const upTo = results.p50AtMost100MsUpTo;
    process.stdout.write(
      upTo == null
        ? `No step kept every p50 at or under ${latencyLimitMs} ms.\n`
        : `Every operation's p50 stayed at or under ${latencyLimitMs} ms up to ${upTo.toLocaleString('en-US')} reports${upTo === steps[steps.length - 1]!.reports ? ' (the last step measured)' : ''}.\n`,
    );
    if (results.target) {
      for (const [name, t] of Object.entries(results.target.byOperation)) {
        process.stdout.write(`  ${name.padEnd(18)} p50 ${fmt(t.p50Ms, 0)} ms at ${target.at} vs ${fmt(t.baselineP50Ms, 0)} ms at ${target.baselineAt} in the baseline: ${t.met ? 'met' : 'missed'}\n`);
      }
    }
    log(`wrote ${written.join(', ')} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await service?.stop();
    await connection.close();
    await database.stop();
  }
}
