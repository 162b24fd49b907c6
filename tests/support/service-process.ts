/**
 * The service as its users run it: `scripts/start.ts` in its own node process
 * (no tsx wrapper process in between, so signals and kill -9 reach the service
 * itself), with its own embedded FerretDB, on 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../src/config';
import { freePort } from '../../src/db/embedded';
export { processRuns } from '../../src/db/embedded';
import { ingestKey } from './harness';

export interface ServiceProcess {
  child: ChildProcess;
  pid: number;
  origin: string;
  dbPort: number;
  dataDir: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The JSON log lines so far. */
  logs(): Array<Record<string, any>>;
  /** Resolves with the exit code (null when killed by a signal) and when it came. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** SIGKILLs it if it still runs (test cleanup). */
  kill(): Promise<void>;
}

export function temporaryDataDir(prefix: string): string {
  return fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), `newsgraph-${prefix}-`));
}

export async function spawnService(options: { dataDir: string; dbPort?: number; env?: Record<string, string> }): Promise<ServiceProcess> {
  const port = await freePort();
  const dbPort = options.dbPort ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      // Not "test": the service must behave as `npm start` does (Apollo skips its signal handlers under test).
      NODE_ENV: '',
      MONGODB_URI: '',
      PORT: String(port),
      NEWSGRAPH_DB_PORT: String(dbPort),
      NEWSGRAPH_DATA_DIR: options.dataDir,
      NEWSGRAPH_API_KEYS: ingestKey,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return {
    child,
    pid: child.pid!,
    origin: `http://127.0.0.1:${port}`,
    dbPort,
    dataDir: options.dataDir,
    output: () => output,
    logs: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, any>),
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until /readyz answers 200; fails with the service's output if it exits or takes too long. */
export async function waitReady(service: ServiceProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`The service exited early:\n${service.output()}`);
    const status = await fetch(`${service.origin}/readyz`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await sleep(100);
  }
  throw new Error(`The service never became ready:\n${service.output()}`);
}

/** The pid of the FerretDB the service started (from its "embedded FerretDB started" log line). */
export function ferretdbPid(service: ServiceProcess): number {
  const line = service.logs().find((entry) => entry.msg === 'embedded FerretDB started');
  if (!line) throw new Error(`No "embedded FerretDB started" line:\n${service.output()}`);
  return line.ferretdbPid as number;
}

export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await sleep(intervalMs);
  }
  return condition();
}

export async function gql(origin: string, query: string, options: { key?: string; variables?: Record<string, unknown> } = {}) {
  const started = Date.now();
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.key ? { authorization: `Bearer ${options.key}` } : {}) },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, body: (await response.json()) as any, ms: Date.now() - started };
}
