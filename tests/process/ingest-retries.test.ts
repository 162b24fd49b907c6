/**
 * The ingest client rides out network failures and a briefly unavailable
 * database: it retries with backoff (bounded), the script keeps going past a
 * report that still fails and ends with its summary.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { repoRoot } from '../../src/config';
import { ingestArticle, IngestRequestError, ServerUnavailableError } from '../../src/ingest';
import { ingestKey } from '../support/harness';
import { ferretdbPid, spawnService, temporaryDataDir, waitReady, waitUntil, type ServiceProcess } from '../support/service-process';

const input = (n: number) => ({
  url: `https://news.example/2024/05/0${n}/visit`,
  title: `Visit ${n}`,
  source: 'Example Agency',
  publishedAt: `2024-05-0${n}T10:00:00+03:00`,
  body: [`Foreign Minister Ana Lima met John Otieno in Nairobi on visit ${n}.`],
  officials: [
    { name: 'Ana Lima', title: 'Foreign Minister', country: 'PT' },
    { name: 'John Otieno', title: 'Foreign Minister', country: 'KE' },
  ],
});

const answer = (url: string) => ({ data: { ingestArticle: { article: { id: 'A', url }, changes: [{ type: 'ARTICLE', id: 'A', key: url, status: 'CREATED' }] } } });

type Reply = 'reset' | { status: number; json?: unknown; headers?: Record<string, string> };

/** An HTTP server on 127.0.0.1 that answers request n with `reply(n, body)`; "reset" drops the connection. */
async function withServer<T>(reply: (n: number, body: any) => Reply, run: (url: string, requests: () => number) => Promise<T>): Promise<T> {
  let count = 0;
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      count += 1;
      const r = reply(count, JSON.parse(data || '{}'));
      if (r === 'reset') {
        req.socket.resetAndDestroy();
        return;
      }
      res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers });
      res.end(r.json === undefined ? 'Bad Gateway' : JSON.stringify(r.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await run(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}/graphql`, () => count);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('ingestArticle retries', () => {
  test('a reset connection, a 502 and DATABASE_UNAVAILABLE are retried with growing waits until the report goes through', async () => {
    const retries: Array<{ attempt: number; delayMs: number; code: string }> = [];
    await withServer(
      (n, body) =>
        n === 1
          ? 'reset'
          : n === 2
            ? { status: 502 }
            : n === 3
              ? { status: 503, json: { errors: [{ message: 'The database is not answering; try again shortly.', extensions: { code: 'DATABASE_UNAVAILABLE' } }] } }
              : { status: 200, json: answer(body.variables.input.url) },
      async (url, requests) => {
        const result = await ingestArticle(input(1), {
          endpoint: url,
          retryDelayMs: 20,
          onRetry: ({ attempt, delayMs, error }) => retries.push({ attempt, delayMs, code: error.code }),
        });
        expect(result.article.url).toBe(input(1).url);
        expect(requests()).toBe(4);
      },
    );
    expect(retries.map((r) => [r.attempt, r.code])).toEqual([
      [1, 'SERVER_UNAVAILABLE'],
      [2, 'HTTP_502'],
      [3, 'DATABASE_UNAVAILABLE'],
    ]);
    expect(retries[1]!.delayMs).toBeGreaterThanOrEqual(40);
    expect(retries[2]!.delayMs).toBeGreaterThanOrEqual(80);
  });

  test('an error marked retryable is retried, honouring Retry-After; a bad input is not retried', async () => {
    const delays: number[] = [];
    await withServer(
      (n, body) =>
        n === 1
          ? { status: 200, headers: { 'retry-after': '1' }, json: { errors: [{ message: 'busy', extensions: { code: 'WRITE_CONFLICT', retryable: true } }] } }
          : { status: 200, json: answer(body.variables.input.url) },
      async (url, requests) => {
        await ingestArticle(input(1), { endpoint: url, retryDelayMs: 10, onRetry: ({ delayMs }) => delays.push(delayMs) });
        expect(requests()).toBe(2);
      },
    );
    expect(delays).toEqual([1000]);

    await withServer(
      () => ({ status: 200, json: { errors: [{ message: 'Bad date', extensions: { code: 'BAD_USER_INPUT', field: 'input.publishedAt' } }] } }),
      async (url, requests) => {
        const error = await ingestArticle(input(1), { endpoint: url, retryDelayMs: 10 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(IngestRequestError);
        expect((error as IngestRequestError).code).toBe('BAD_USER_INPUT');
        expect(requests()).toBe(1);
      },
    );
  });

  test('attempts are bounded: a server that keeps failing gets the error after the last attempt', async () => {
    await withServer(
      () => 'reset',
      async (url, requests) => {
        const error = await ingestArticle(input(1), { endpoint: url, attempts: 3, retryDelayMs: 10 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ServerUnavailableError);
        expect((error as Error).message).toMatch(/ECONNRESET|socket|closed/i);
        expect((error as Error).message).toContain('gave up after 3 attempts');
        expect(requests()).toBe(3);
      },
    );
  });
});

function runIngest(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'ingest.ts'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, NEWSGRAPH_API_KEY: ingestKey },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run ingest under faults', () => {
  let dir: string;
  beforeEach(() => {
    dir = temporaryDataDir('ingest-retries');
    for (const n of [1, 2, 3]) fs.writeFileSync(path.join(dir, `report-${n}.json`), JSON.stringify(input(n)));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a report whose connection keeps breaking is listed as failed; the others still go through; exit 1', async () => {
    await withServer(
      (_n, body) => (body.variables.input.url === input(2).url ? 'reset' : { status: 200, json: answer(body.variables.input.url) }),
      async (url) => {
        const result = await runIngest(['--endpoint', url, dir]);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain('3 reports read');
        expect(result.stdout).toMatch(/article\s+created 2, updated 0, unchanged 0/);
        expect(result.stdout).toMatch(/1 failure:\n\s+\[SERVER_UNAVAILABLE\] [^\n]*report-2\.json[^\n]*gave up after 5 attempts/);
        expect(result.stderr.match(/retrying report-2\.json/g)).toHaveLength(4);
        expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
      },
    );
  });

  describe('against the real service', () => {
    let dataDir: string;
    let service: ServiceProcess;
    beforeAll(async () => {
      dataDir = temporaryDataDir('ingest-outage');
      service = await spawnService({ dataDir, env: { NEWSGRAPH_SEED: 'false' } });
      await waitReady(service);
    });
    afterAll(async () => {
      await service.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    test('the database stops answering during a run: DATABASE_UNAVAILABLE is retried until it is back and takes every report; exit 0', async () => {
      const dbPid = ferretdbPid(service);
      process.kill(dbPid, 'SIGSTOP'); // frozen: the service notices when its pings go unanswered
      let resumed = false;
      try {
        expect(await waitUntil(async () => (await fetch(`${service.origin}/readyz`)).status === 503, 5000)).toBe(true);
        const failedRequests = () => service.logs().filter((line) => line.msg === 'graphql request' && line.errors > 0).length;
        const running = runIngest(['--endpoint', `${service.origin}/graphql`, dir]);
        // Let the script's first attempts fail before the database comes back.
        expect(await waitUntil(() => failedRequests() >= 2, 30_000)).toBe(true);
        process.kill(dbPid, 'SIGCONT');
        resumed = true;
        const result = await running;
        expect(result.stderr).toMatch(/retrying report-1\.json in \d+ ms \(attempt 1 failed: The database is not answering/);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/article\s+created 3, updated 0, unchanged 0/);
        expect(result.stdout).not.toContain('failure');
      } finally {
        if (!resumed) process.kill(dbPid, 'SIGCONT');
      }

      const client = new MongoClient(`mongodb://127.0.0.1:${service.dbPort}/?directConnection=true`);
      try {
        const urls = await client.db('newsgraph').collection('articles').distinct('url');
        expect(urls.sort()).toEqual([1, 2, 3].map((n) => input(n).url));
      } finally {
        await client.close();
      }
    });
  });
});
