/**
 * `npm run bench [-- --quick | --scale <default|quick|factor>]`: measures the
 * service against the same schema with naive resolvers and against a
 * hand-written floor, on one synthetic dataset, over HTTP with autocannon.
 *
 * Steps: start the database (the embedded FerretDB, or MONGODB_URI) → build or
 * reuse the dataset (bench/generate.ts, cached in bench/out/) → start the three
 * contenders as child processes (bench/server.ts) → per operation: check that
 * all three return the same data, count database commands at several list
 * sizes, then warm up and measure at concurrency 1 and 32, rejecting any
 * response whose body differs from the checked one → ingestion throughput →
 * a CPU profile of one operation → bench/results.json, bench/results.md,
 * bench/chart.svg, bench/PROFILE.md.
 *
 * `npm run bench -- --curve [--steps …]` measures the cost curve instead (bench/curve.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from 'mongodb';
import { connectDatabase } from '../src/db/database';
import { extractReport, parseReport, toIngestInput } from '../src/ingest';
import { renderChart, type ChartRow } from './chart';
import { runCurve } from './curve';
import { generateDataset, generatorVersion, scales, type GenerationStats, type Scale } from './generate';
import { operations, pickVariables, variablesFor, type Operation } from './operations';
import {
  benchDir,
  canonical,
  fmt,
  ingestOverHttp,
  load,
  log,
  outDir,
  prepareDatabase,
  requestFor,
  send,
  startContender,
  startDatabase,
  waitIdle,
  type Contender,
  type LoadFigures,
} from './harness';
import { summarizeProfile, type ProfileSummary } from './profile';
import type { Role } from './server';
const roles: Role[] = ['service', 'naive', 'floor'];
const concurrencies = [1, 32] as const;

interface Options {
  scaleName: string;
  scale: Scale;
  quick: boolean;
  warmupSeconds: number;
  measureSeconds: number;
  /** Requests per connection at concurrency 32 (one for a contender too slow for more). */
  roundsAt32: number;
  corpusRounds: number;
}

function parseOptions(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const scaleArg = argv.find((a) => a.startsWith('--scale='))?.slice('--scale='.length) ?? (argv.includes('--scale') ? argv[argv.indexOf('--scale') + 1] : undefined);
  let scaleName = scaleArg ?? (quick ? 'quick' : 'default');
  let scale: Scale;
  if (scaleName === 'default' || scaleName === 'quick') {
    scale = scales[scaleName];
  } else if (/^\d*\.?\d+$/.test(scaleName)) {
    const factor = Number(scaleName);
    const d = scales.default;
    scale = {
      articles: Math.max(20, Math.round(d.articles * factor)),
      officials: Math.max(10, Math.round(d.officials * factor)),
      meetings: Math.max(40, Math.round(d.meetings * factor)),
      conferences: Math.max(12, Math.round(d.conferences * factor)),
    };
    scaleName = `${factor}× default`;
  } else {
    throw new Error(`Expected "--scale" to be default, quick or a factor of the default scale such as 0.2, but got "${scaleName}".`);
  }
  return quick
    ? { scaleName, scale, quick, warmupSeconds: 0.3, measureSeconds: 1, roundsAt32: 1, corpusRounds: 3 }
    : { scaleName, scale, quick, warmupSeconds: 2, measureSeconds: 6, roundsAt32: 3, corpusRounds: 10 };
}

// ----------------------------------------------------------------- dataset

interface DatasetInfo {
  databaseName: string;
  cached: boolean;
  generation: GenerationStats;
  counts: Record<string, number>;
}

/** Builds the dataset once per scale and generator version; later runs reuse it (its name says what it holds). */
async function ensureDataset(uri: string, scale: Scale): Promise<DatasetInfo> {
  const databaseName = `bench_v${generatorVersion}_${scale.articles}a_${scale.officials}o_${scale.meetings}m_${scale.conferences}c`;
  const database = await connectDatabase(uri, databaseName, { timeoutMs: 30_000 });
  try {
    const meta = database.db.collection<{ _id: string; generation: GenerationStats }>('bench_meta');
    let done = await meta.findOne({ _id: 'dataset' });
    const cached = done !== null;
    if (!done) {
      log(`generating ${JSON.stringify(scale)} into ${databaseName} through ingestArticle…`);
      if (!process.env.MONGODB_URI && scale.articles > 1000) {
        // Measured: 5.8 reports/s at 80 reports, 2.3 at 250, falling as every upsert scans a growing collection.
        log('  on the embedded FerretDB every upsert scans its collection: expect hours at this scale (see README, Performance)');
      }
      await database.db.dropDatabase();
      await prepareDatabase(database.db);
      const generation = await generateDataset(database.db, scale, {
        progress: (n, total) => log(`  ${n}/${total} reports`),
      });
      await meta.insertOne({ _id: 'dataset', generation });
      done = { _id: 'dataset', generation };
    }
    const counts: Record<string, number> = {};
    for (const collection of ['articles', 'officials', 'organizations', 'meetings', 'conferences']) {
      counts[collection] = await database.db.collection(collection).countDocuments();
    }
    return { databaseName, cached, generation: done.generation, counts };
  } finally {
    await database.close();
  }
}


interface ContenderFigures {
  dbCommands: number;
  /** `dbCommands` by command name. */
  dbCommandNames: Record<string, number>;
  dbCommandsBySize: Record<string, number>;
  bytesPerResponse: number;
  /** One warm request alone, before any load. */
  singleRequestMs: number;
  load: LoadFigures[];
}

interface OperationResult {
  operation: string;
  label: string;
  nested: boolean;
  variables: Record<string, unknown>;
  service: ContenderFigures;
  naive: ContenderFigures;
  floor: ContenderFigures;
  /** Service req/s ÷ naive req/s at concurrency 32. */
  vsNaive: number | null;
  /** Service p50 ÷ floor p50 at concurrency 1. */
  latencyVsFloor: number | null;
}

async function measureOperation(
  operation: Operation,
  contenders: Contender[],
  picked: Awaited<ReturnType<typeof pickVariables>>,
  options: Options,
): Promise<OperationResult> {
  // --quick: the naive contender's nested run dominates the time; 5 officials instead of 10 keeps the run near a minute.
  const variables = variablesFor(operation, picked, options.quick && operation.name === 'nested' ? 5 : undefined);
  const figures = {} as Record<Role, ContenderFigures>;
  const expected = {} as Record<Role, string>;

  // Correctness first: the three must agree on the data, and return no errors.
  const answers = new Map<Role, unknown>();
  for (const contender of contenders) {
    const request = requestFor(contender, operation, variables);
    const before = await contender.stats();
    const response = await send(request);
    const after = await contender.stats();
    const body = JSON.parse(response.text) as { data?: unknown; errors?: unknown[] };
    if (response.status !== 200 || body.errors) {
      throw new Error(`Expected data from the ${contender.role} for "${operation.name}", but got ${response.status}: ${response.text.slice(0, 500)}`);
    }
    // A second call, warm, times a lone request and proves the answer is byte-for-byte stable (autocannon compares bodies).
    const again = await send(request);
    if (again.text !== response.text) {
      throw new Error(`Expected the ${contender.role} to answer "${operation.name}" identically twice, but the bodies differ.`);
    }
    answers.set(contender.role, body.data);
    expected[contender.role] = response.text;
    figures[contender.role] = {
      dbCommands: after.dbCommands - before.dbCommands,
      dbCommandNames: Object.fromEntries(
        Object.entries(after.dbCommandNames)
          .map(([name, count]) => [name, count - (before.dbCommandNames[name] ?? 0)] as const)
          .filter(([, count]) => count > 0),
      ),
      dbCommandsBySize: {},
      bytesPerResponse: Buffer.byteLength(response.text),
      singleRequestMs: again.ms,
      load: [],
    };
  }
  const reference = canonical(answers.get('service'));
  for (const role of ['naive', 'floor'] as const) {
    if (canonical(answers.get(role)) !== reference) {
      fs.writeFileSync(path.join(outDir, `mismatch-${operation.name}-${role}.json`), JSON.stringify({ service: answers.get('service'), [role]: answers.get(role) }, null, 2));
      throw new Error(`Expected the ${role} to return the same data as the service for "${operation.name}"; both are in bench/out/mismatch-${operation.name}-${role}.json.`);
    }
  }

  // Commands per operation at several list sizes: flat for the service and the floor, growing for naive.
  for (const size of options.quick ? operation.sizes.slice(0, 2) : operation.sizes) {
    for (const contender of contenders) {
      const before = await contender.stats();
      const response = await send(requestFor(contender, operation, variablesFor(operation, picked, size)));
      const after = await contender.stats();
      if (response.status !== 200 || (JSON.parse(response.text) as { errors?: unknown }).errors) {
        throw new Error(`Expected data from the ${contender.role} for "${operation.name}" with first: ${size}, but got ${response.text.slice(0, 300)}`);
      }
      figures[contender.role].dbCommandsBySize[String(size)] = after.dbCommands - before.dbCommands;
    }
  }

  for (const concurrency of concurrencies) {
    for (const contender of contenders) {
      const request = requestFor(contender, operation, variables);
      const slow = figures[contender.role].singleRequestMs * 8 > options.measureSeconds * 1000;
      if (!slow && concurrency === 1) {
        await load(request, expected[contender.role], concurrency, { seconds: options.warmupSeconds });
        await waitIdle(contender);
      }
      const run =
        concurrency === 1
          ? slow
            ? { amount: 4 }
            : { seconds: options.measureSeconds }
          : { amount: concurrency * (slow ? 1 : options.roundsAt32) };
      const figuresUnderLoad = await load(request, expected[contender.role], concurrency, run);
      await waitIdle(contender);
      if (figuresUnderLoad.rejected > 0) {
        throw new Error(`The ${contender.role} gave ${figuresUnderLoad.rejected} wrong or failed responses to "${operation.name}" at concurrency ${concurrency}.`);
      }
      figures[contender.role].load.push(figuresUnderLoad);
      log(
        `  ${operation.name.padEnd(18)} ${contender.role.padEnd(7)} c=${String(concurrency).padEnd(2)} ` +
          `${figuresUnderLoad.mode === 'amount' ? `${figuresUnderLoad.requests} requests` : ''}${figuresUnderLoad.reqPerSec.toFixed(1).padStart(8)} req/s  p50 ${String(figuresUnderLoad.p50Ms).padStart(6)} ms  p99 ${String(figuresUnderLoad.p99Ms).padStart(6)} ms`,
      );
    }
  }

  const at = (role: Role, concurrency: number) => figures[role].load.find((l) => l.concurrency === concurrency)!;
  const serviceRps = at('service', 32).reqPerSec;
  const naiveRps = at('naive', 32).reqPerSec;
  const serviceP50 = at('service', 1).p50Ms;
  const floorP50 = at('floor', 1).p50Ms;
  return {
    operation: operation.name,
    label: operation.label,
    nested: operation.nested,
    variables,
    service: figures.service,
    naive: figures.naive,
    floor: figures.floor,
    vsNaive: naiveRps > 0 ? serviceRps / naiveRps : null,
    latencyVsFloor: serviceP50 != null && floorP50 ? serviceP50 / floorP50 : null,
  };
}

// --------------------------------------------------------------- ingestion

interface IngestionFigures {
  corpusReports: number;
  rounds: number;
  extractionReportsPerSec: number;
  endToEndReportsPerSec: number;
  endToEndReports: number;
  generation: { reportsPerSec: number; note: string };
}

async function measureIngestion(uri: string, options: Options, dataset: DatasetInfo): Promise<IngestionFigures> {
  const corpusDir = process.env.NEWSGRAPH_CORPUS_DIR ?? '/work/shared/corpus';
  const files = fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort() : [];
  if (files.length === 0) throw new Error(`Expected report files (*.txt) in ${corpusDir}; set NEWSGRAPH_CORPUS_DIR.`);
  const texts = files.map((file) => ({ file, data: fs.readFileSync(path.join(corpusDir, file)) }));
  const extractAll = (round: number) =>
    texts.map(({ file, data }) => {
      const report = parseReport(data, file);
      return toIngestInput(report, extractReport(report), { url: `https://bench.example/corpus/${round}/${encodeURIComponent(file)}` });
    });

  extractAll(-1); // warm-up: regexes compiled, lexicons loaded
  let started = performance.now();
  for (let round = 0; round < options.corpusRounds; round += 1) extractAll(round);
  const extractionSeconds = (performance.now() - started) / 1000;

  // End to end: extraction plus the ingestArticle mutation over HTTP, one report at a time, into a scratch database.
  const scratch = `bench_ingest_scratch`;
  const cleaner = await connectDatabase(uri, scratch, { timeoutMs: 30_000 });
  await cleaner.db.dropDatabase();
  await prepareDatabase(cleaner.db);
  const service = await startContender('service', uri, scratch);
  let endToEnd = 0;
  started = performance.now();
  for (let round = 0; round < options.corpusRounds; round += 1) {
    for (const input of extractAll(round)) {
      await ingestOverHttp(service.origin, input);
      endToEnd += 1;
    }
  }
  const endToEndSeconds = (performance.now() - started) / 1000;
  await service.stop();
  await cleaner.db.dropDatabase();
  await cleaner.close();

  const g = dataset.generation;
  return {
    corpusReports: files.length,
    rounds: options.corpusRounds,
    extractionReportsPerSec: (files.length * options.corpusRounds) / extractionSeconds,
    endToEndReportsPerSec: endToEnd / endToEndSeconds,
    endToEndReports: endToEnd,
    generation: {
      reportsPerSec: g.reports / (g.milliseconds / 1000),
      note: `${g.reports} synthetic reports through ingestArticle in-process (${g.concurrency} at a time) into a growing database, in ${(g.milliseconds / 1000).toFixed(0)} s`,
    },
  };
}

// ----------------------------------------------------------------- profile

interface ProfileResult {
  operation: string;
  seconds: number;
  requests: number;
  meanLatencyMs: number;
  /** Sum of the driver's command durations (commandSucceeded), per request: the database's share of the wall time. */
  dbMsPerRequest: number;
  summary: ProfileSummary;
}

async function profileOperation(uri: string, databaseName: string, operation: Operation, picked: Awaited<ReturnType<typeof pickVariables>>, seconds: number): Promise<ProfileResult> {
  const profileDir = path.join(outDir, 'profile');
  fs.rmSync(profileDir, { recursive: true, force: true });
  fs.mkdirSync(profileDir, { recursive: true });
  const service = await startContender('service', uri, databaseName);
  const request = requestFor(service, operation, variablesFor(operation, picked));
  const expected = (await send(request)).text;
  await load(request, expected, 1, { seconds: 1 });
  await waitIdle(service);
  const file = path.join(profileDir, `${operation.name}.cpuprofile`);
  await service.ask({ type: 'profile-start' }, 'profile-started');
  const before = await service.stats();
  const figures = await load(request, expected, 1, { seconds });
  const after = await service.stats();
  const written = await service.ask<{ error: string | null }>({ type: 'profile-stop', file }, 'profile-written');
  await service.stop();
  if (written.error) throw new Error(`Expected a CPU profile of the service, but the profiler failed: ${written.error}`);
  return {
    operation: operation.name,
    seconds,
    requests: figures.requests,
    meanLatencyMs: (seconds * 1000) / Math.max(1, figures.requests),
    dbMsPerRequest: (after.dbMs - before.dbMs) / Math.max(1, figures.requests),
    summary: summarizeProfile(file),
  };
}

// ----------------------------------------------------------------- reports

function markdown(results: Results): string {
  const lines: string[] = [];
  lines.push(`Scale: ${results.scale.name} (${Object.entries(results.dataset.counts).map(([k, v]) => `${v} ${k}`).join(', ')}). Database: ${results.database}.`);
  lines.push(
    `Machine: ${results.machine}. Concurrency 1: ${results.durations.measureSeconds} s per run after ${results.durations.warmupSeconds} s warm-up, ` +
      `or 4 requests for a contender too slow for that (marked "(4 req)"); concurrency 32: a fixed number of requests, shown. Run at ${results.startedAt}.`,
  );
  lines.push('');
  lines.push('| operation | contender | req/s c=1 | p50 c=1 (ms) | p99 c=1 (ms) | req/s c=32 | p50 c=32 (ms) | p99 c=32 (ms) | db commands | bytes/response | peak RSS (MB) |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const op of results.operations) {
    for (const role of roles) {
      const f = op[role];
      const c1 = f.load.find((l) => l.concurrency === 1)!;
      const c32 = f.load.find((l) => l.concurrency === 32)!;
      const mark = (l: LoadFigures) => (l.mode === 'amount' ? ` (${l.requests} req)` : '');
      lines.push(
        `| ${role === 'service' ? op.operation : ''} | ${role} | ${fmt(c1.reqPerSec)}${mark(c1)} | ${fmt(c1.p50Ms, 0)} | ${fmt(c1.p99Ms, 0)} | ${fmt(c32.reqPerSec)}${mark(c32)} | ${fmt(c32.p50Ms, 0)} | ${fmt(c32.p99Ms, 0)} | ${f.dbCommands} | ${f.bytesPerResponse} | ${fmt(results.peakRssMb[role], 0)} |`,
      );
    }
  }
  lines.push('');
  lines.push('Ratios against the targets (service ≥ 5× naive throughput on nested operations; service p50 ≤ 1.5× the floor at concurrency 1):');
  lines.push('');
  lines.push('| operation | vsNaive (c=32) | target | latencyVsFloor (c=1) | target | db commands by `first` (service / naive / floor) | service commands |');
  lines.push('|---|---:|---|---:|---|---|---|');
  for (const op of results.operations) {
    const sizes = Object.keys(op.service.dbCommandsBySize);
    const bySize = sizes.length === 0 ? 'no list argument' : sizes.map((s) => `${s}: ${op.service.dbCommandsBySize[s]} / ${op.naive.dbCommandsBySize[s]} / ${op.floor.dbCommandsBySize[s]}`).join('; ');
    const naiveTarget = op.nested ? (op.vsNaive != null && op.vsNaive >= 5 ? 'met (≥ 5)' : 'missed (≥ 5)') : 'n/a (not nested)';
    const floorTarget = op.latencyVsFloor != null && op.latencyVsFloor <= 1.5 ? 'met (≤ 1.5)' : 'missed (≤ 1.5)';
    const names = Object.entries(op.service.dbCommandNames).map(([name, count]) => `${name} ×${count}`).join(', ');
    lines.push(`| ${op.operation} | ${fmt(op.vsNaive, 2)}× | ${naiveTarget} | ${fmt(op.latencyVsFloor, 2)}× | ${floorTarget} | ${bySize} | ${names} |`);
  }
  lines.push('');
  const i = results.ingestion;
  lines.push(
    `Ingestion: extraction alone ${fmt(i.extractionReportsPerSec)} reports/s (${i.corpusReports} corpus reports × ${i.rounds} rounds, parse + extract + toIngestInput, one core); ` +
      `end to end ${fmt(i.endToEndReportsPerSec)} reports/s (${i.endToEndReports} reports: extraction + ingestArticle mutation over HTTP, one at a time, into an empty database); ` +
      `dataset generation ${fmt(i.generation.reportsPerSec)} reports/s (${i.generation.note}).`,
  );
  return `${lines.join('\n')}\n`;
}

function profileMarkdown(profile: ProfileResult, results: Results): string {
  const lines = [
    '# Where the time goes',
    '',
    `Operation \`${profile.operation}\` at concurrency 1 for ${profile.seconds} s (${profile.requests} requests, mean ${fmt(profile.meanLatencyMs)} ms each), ` +
      `${results.scale.name} scale, ${results.database}. Generated by \`npm run bench\`; do not edit by hand.`,
    '',
    '**Method.** V8’s CPU profiler (node:inspector, started after a warm-up and stopped when the measured run ends) samples the service; each sample’s self time is charged to the layer whose code was on top of the stack, ' +
      'told apart by script path (bench/profile.ts). Idle samples are time the process waited on sockets; at concurrency 1 that is mostly the ' +
      'database. Separately, the driver’s `commandSucceeded` durations are summed per request: that is the database’s share measured from the ' +
      `client side (round trip included): **${fmt(profile.dbMsPerRequest)} ms of ${fmt(profile.meanLatencyMs)} ms per request** (${fmt((100 * profile.dbMsPerRequest) / profile.meanLatencyMs, 0)} %).`,
    '',
    '| layer | ms | share of profiled time |',
    '|---|---:|---:|',
    ...profile.summary.layers.map((l) => `| ${l.layer} | ${fmt(l.ms, 0)} | ${fmt(l.share * 100, 1)} % |`),
    '',
    'Busiest functions (self time, idle excluded):',
    '',
    '| function | layer | ms |',
    '|---|---|---:|',
    ...profile.summary.topFunctions.map((f) => `| \`${f.name.replace(/\|/g, '\\|')}\` | ${f.layer} | ${fmt(f.ms, 0)} |`),
    '',
  ];
  return lines.join('\n');
}

interface Results {
  startedAt: string;
  scale: { name: string } & Scale;
  database: string;
  machine: string;
  durations: { warmupSeconds: number; measureSeconds: number };
  dataset: DatasetInfo;
  operations: OperationResult[];
  peakRssMb: Record<Role, number>;
  ingestion: IngestionFigures;
  profile: Omit<ProfileResult, 'summary'> & { layers: ProfileSummary['layers'] };
}

// -------------------------------------------------------------------- main

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  fs.mkdirSync(outDir, { recursive: true });
  const database = await startDatabase();
  log(`database: ${database.name}`);
  const contenders: Contender[] = [];
  try {
    const dataset = await ensureDataset(database.uri, options.scale);
    log(`dataset ${dataset.databaseName}${dataset.cached ? ' (cached)' : ''}: ${JSON.stringify(dataset.counts)}`);
    const reader = await connectDatabase(database.uri, dataset.databaseName);
    const picked = await pickVariables(reader.db as Db);
    await reader.close();

    for (const role of roles) contenders.push(await startContender(role, database.uri, dataset.databaseName));
    const results: OperationResult[] = [];
    for (const operation of operations) {
      log(`operation ${operation.name}: ${operation.label}`);
      results.push(await measureOperation(operation, contenders, picked, options));
    }
    const peakRssMb = {} as Record<Role, number>;
    for (const contender of contenders) peakRssMb[contender.role] = (await contender.stats()).maxRss / 1024 / 1024;
    for (const contender of contenders.splice(0)) await contender.stop();

    log('ingestion throughput…');
    const ingestion = await measureIngestion(database.uri, options, dataset);
    const profiled = operations.find((o) => o.name === 'officialMeetings')!;
    log(`profiling ${profiled.name}…`);
    const profile = await profileOperation(database.uri, dataset.databaseName, profiled, picked, options.quick ? 3 : 10);

    const output: Results = {
      startedAt: new Date(started).toISOString(),
      scale: { name: options.scaleName, ...options.scale },
      database: database.name,
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, 1-minute load average ${loadAtStart.toFixed(1)} at the start and ${os.loadavg()[0]!.toFixed(1)} at the end (other work shared the machine)`,
      durations: { warmupSeconds: options.warmupSeconds, measureSeconds: options.measureSeconds },
      dataset,
      operations: results,
      peakRssMb,
      ingestion,
      profile: { ...profile, layers: profile.summary.layers },
    };
    delete (output.profile as Partial<ProfileResult>).summary;
    fs.writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(output, null, 2)}\n`);
    fs.writeFileSync(path.join(benchDir, 'results.md'), markdown(output));
    fs.writeFileSync(path.join(benchDir, 'PROFILE.md'), profileMarkdown(profile, output));
    const row = (pick: (op: OperationResult, role: Role) => number | null): ChartRow[] =>
      results.map((op) => ({ operation: op.operation, values: { service: pick(op, 'service'), naive: pick(op, 'naive'), floor: pick(op, 'floor') } }));
    fs.writeFileSync(
      path.join(benchDir, 'chart.svg'),
      renderChart(
        row((op, role) => op[role].load.find((l) => l.concurrency === 32)!.reqPerSec),
        row((op, role) => op[role].load.find((l) => l.concurrency === 1)!.p50Ms),
        `newsgraph bench — ${options.scaleName} scale — ${database.name}`,
      ),
    );
    log(`wrote bench/results.json, bench/results.md, bench/PROFILE.md, bench/chart.svg in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    for (const contender of contenders) await contender.stop();
    await database.stop();
  }
}

(process.argv.includes('--curve') ? runCurve(process.argv.slice(2)) : main()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
