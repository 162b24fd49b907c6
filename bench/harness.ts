/**
 * What every benchmark mode shares (bench/run.ts, bench/curve.ts): the
 * database (the embedded FerretDB, or MONGODB_URI), contenders as child
 * processes (bench/server.ts), requests over HTTP and load runs with
 * autocannon, and ingestion through the `ingestArticle` mutation.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Db } from 'mongodb';
import { connectDatabase } from '../src/db/database';
import { ensureIndexes } from '../src/db/indexes';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../src/db/embedded';
import type { IngestArticleInput } from '../src/generated/graphql';
import type { Operation } from './operations';
import type { ChildStats, Role } from './server';

export const benchDir = __dirname;
export const outDir = path.join(benchDir, 'out');

export const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

// ---------------------------------------------------------------- database

export interface DatabaseInfo {
  uri: string;
  /** What answered: `FerretDB 1.24.2 (SQLite backend)` or `MongoDB 7.0.x`. */
  name: string;
  stop(): Promise<void>;
}

/** The embedded FerretDB this bench process started, if any. */
let embedded: EmbeddedDatabase | null = null;

/** The service's indexes and collections in `db`, with reads by `_id` indexed on the embedded FerretDB. */
export async function prepareDatabase(db: Db): Promise<void> {
  await ensureIndexes(db);
  await embedded?.indexPointReads(db);
}

export async function startDatabase(): Promise<DatabaseInfo> {
  const uri = process.env.MONGODB_URI?.trim() || null;
  if (!uri) embedded = await startEmbeddedDatabase({ dataDir: path.join(outDir, 'ferretdb'), logFile: path.join(outDir, 'ferretdb.log') });
  const database = await connectDatabase(uri ?? embedded!.uri, 'admin');
  const info = (await database.db.command({ buildInfo: 1 })) as { version: string; ferretdbVersion?: string; ferretdbFeatures?: unknown };
  await database.close();
  // The embedded build reports "unknown" (FerretDB's version file is not part of its Go module): read our wrapper's go.mod.
  const pinned = /github\.com\/FerretDB\/FerretDB v(\S+)/.exec(fs.readFileSync(path.join(benchDir, '..', 'tools', 'ferretdb', 'go.mod'), 'utf8'))?.[1];
  const version = info.ferretdbVersion && info.ferretdbVersion !== 'unknown' ? info.ferretdbVersion.replace(/^v/, '') : (pinned ?? 'unknown version');
  const name = info.ferretdbVersion
    ? `FerretDB ${version} (SQLite backend${embedded ? ', embedded' : ''}; reports MongoDB ${info.version})`
    : `MongoDB ${info.version}`;
  const started = embedded;
  return { uri: uri ?? embedded!.uri, name, stop: async () => started?.stop() };
}


// ------------------------------------------------------------- contenders

export interface Contender {
  role: Role;
  child: ChildProcess;
  origin: string;
  stats(): Promise<ChildStats>;
  /** Sends `message` and resolves with the first reply of type `reply`. */
  ask<T>(message: object, reply: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startContender(role: Role, uri: string, databaseName: string): Promise<Contender> {
  const child = fork(path.join(benchDir, 'server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_ROLE: role, BENCH_DB_URI: uri, BENCH_DB_NAME: databaseName, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The ${role} server exited with code ${code} before it was ready.`)));
    child.on('message', (message: { type: string; port?: number }) => {
      if (message.type === 'ready') resolve(message.port!);
    });
  });
  child.removeAllListeners('exit');
  const ask = <T>(message: object, reply: string) =>
    new Promise<T>((resolve) => {
      const listener = (answer: { type: string }) => {
        if (answer.type !== reply) return;
        child.off('message', listener);
        resolve(answer as T);
      };
      child.on('message', listener);
      child.send(message);
    });
  return {
    role,
    child,
    origin: `http://127.0.0.1:${port}`,
    ask,
    stats: () => ask<ChildStats>({ type: 'stats' }, 'stats'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

/** Waits until the contender has answered every request it received. */
export async function waitIdle(contender: Contender): Promise<void> {
  while ((await contender.stats()).inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 50));
}

export interface HttpRequest {
  url: string;
  body: string;
}

export function requestFor(contender: Contender, operation: Operation, variables: Record<string, unknown>): HttpRequest {
  return contender.role === 'floor'
    ? { url: `${contender.origin}/floor/${operation.name}`, body: JSON.stringify({ variables }) }
    : { url: `${contender.origin}/graphql`, body: JSON.stringify({ query: operation.query, variables }) };
}

export async function send(request: HttpRequest): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  const response = await fetch(request.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: request.body });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

/** JSON with object keys sorted, so two answers compare by content. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

// ------------------------------------------------------------ measurement

export interface LoadFigures {
  concurrency: number;
  /**
   * `duration`: as many requests as fit in the measuring time, after a warm-up
   * (concurrency 1). `amount`: a fixed number of requests: at concurrency 32
   * always (a request there takes seconds on FerretDB, longer than a timed run
   * could wait for), at concurrency 1 for a contender too slow to answer 8
   * requests within the measuring time (4 requests).
   */
  mode: 'duration' | 'amount';
  requests: number;
  reqPerSec: number;
  p50Ms: number | null;
  /** From our own record of every response time: autocannon's histogram has no 95th percentile. */
  p95Ms: number | null;
  p99Ms: number | null;
  /** Responses whose body differed from the checked one, plus non-2xx and connection errors: must be 0. */
  rejected: number;
}

export async function load(
  request: HttpRequest,
  expected: string,
  connections: number,
  run: { seconds: number } | { amount: number },
): Promise<LoadFigures> {
  // autocannon ends a run on its once-a-second tick, so its `duration` (and the time until it resolves)
  // is in whole seconds: too coarse for runs of a few seconds. Time from start to the last response instead.
  const started = performance.now();
  let lastResponse = started;
  const responseMs: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options: autocannon.Options = {
      url: request.url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: request.body,
      connections,
      ...('amount' in run ? { amount: run.amount } : { duration: run.seconds }),
      timeout: 600,
      expectBody: expected,
    };
    const instance = autocannon(options, (error, finished) => (error ? reject(error) : resolve(finished)));
    instance.on('response', (_client, _status, _bytes, ms) => {
      lastResponse = performance.now();
      responseMs.push(ms);
    });
  });
  const elapsedSeconds = (lastResponse - started) / 1000;
  const requests = result.requests.total;
  return {
    concurrency: connections,
    mode: 'amount' in run ? 'amount' : 'duration',
    requests,
    reqPerSec: requests / elapsedSeconds,
    p50Ms: requests > 0 ? result.latency.p50 : null,
    p95Ms: percentile(responseMs, 0.95),
    p99Ms: requests > 0 ? result.latency.p99 : null,
    rejected: result.mismatches + result.non2xx + result.errors,
  };
}

/** Nearest-rank percentile, rounded to the millisecond like autocannon's figures; null for no samples. */
export function percentile(samples: number[], fraction: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!);
}

export function fmt(value: number | null | undefined, digits = 1): string {
  return value == null ? 'n/a' : value.toFixed(digits);
}

const ingestMutation = 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id } } }';

/** Sends one report to a service contender as a client would (the contenders accept the key `bench-key`). */
export async function ingestOverHttp(origin: string, input: IngestArticleInput): Promise<void> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench-key' },
    body: JSON.stringify({ query: ingestMutation, variables: { input } }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`Expected ingestArticle to accept ${input.url}, but got ${JSON.stringify(body.errors).slice(0, 400)}`);
}
