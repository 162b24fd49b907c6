import { spawn } from 'child_process';
import http from 'http';
import net from 'net';
import path from 'path';
import { AuthError, ingestArticle, IngestRequestError, INGEST_MUTATION } from '../../src/ingest';
import { sendInOrder, type Outcome } from '../../src/ingest/client';
import { CORPUS, REPO_ROOT, corpusFiles } from './helpers';

type Handler = (body: any, headers: http.IncomingHttpHeaders) => { status: number; json: unknown };

async function withServer<T>(handler: Handler, fn: (url: string) => Promise<T>): Promise<T> {
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      const { status, json } = handler(JSON.parse(data || '{}'), req.headers);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/graphql`;
  try {
    return await fn(url);
  } finally {
    await new Promise((r) => server.close(r));
  }
}

function runScript(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [path.join(REPO_ROOT, 'scripts', 'ingest.ts'), ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const ok = (body: any) => ({
  status: 200,
  json: { data: { ingestArticle: { article: { id: 'A1', url: body.variables.input.url }, changes: [{ type: 'ARTICLE', id: 'A1', key: body.variables.input.url, status: 'CREATED' }, { type: 'OFFICIAL', id: 'O1', key: 'x|AZ', status: 'UPDATED' }] } } },
});

describe('GraphQL client', () => {
  test('sends the mutation with the key and the preflight header', async () => {
    await withServer(
      (body, headers) => {
        expect(body.query).toBe(INGEST_MUTATION);
        expect(headers.authorization).toBe('Bearer secret');
        expect(headers['apollo-require-preflight']).toBe('true');
        return ok(body);
      },
      async (url) => {
        const r = await ingestArticle({ url: 'u:1', publishedAt: '2024-01-01', body: ['x'] }, { endpoint: url, apiKey: 'secret' });
        expect(r.article.id).toBe('A1');
      },
    );
  });

  test('401 and UNAUTHENTICATED become AuthError; other GraphQL errors are per-report', async () => {
    await withServer(() => ({ status: 401, json: {} }), async (url) => {
      await expect(ingestArticle({ url: 'u', publishedAt: '2024-01-01', body: [] }, { endpoint: url })).rejects.toBeInstanceOf(AuthError);
    });
    await withServer(() => ({ status: 200, json: { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] } }), async (url) => {
      await expect(ingestArticle({ url: 'u', publishedAt: '2024-01-01', body: [] }, { endpoint: url })).rejects.toBeInstanceOf(AuthError);
    });
    await withServer(() => ({ status: 200, json: { errors: [{ message: 'bad input', extensions: { code: 'BAD_USER_INPUT' } }] } }), async (url) => {
      await expect(ingestArticle({ url: 'u', publishedAt: '2024-01-01', body: [] }, { endpoint: url })).rejects.toBeInstanceOf(IngestRequestError);
    });
  });

  test('the script prints per-file results with --json and a summary; a refused key stops it cleanly', async () => {
    const files = corpusFiles().slice(0, 2).map((f) => path.join(CORPUS, f));
    await withServer(ok, async (url) => {
      const r = await runScript(['--json', '--endpoint', url, ...files], { NEWSGRAPH_API_KEY: 'k' });
      expect(r.code).toBe(0);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((l) => l.ok)).toEqual([true, true]);
      expect(r.stderr).toMatch(/official\s+created 0, updated 2, unchanged 0/);
    });
    await withServer(() => ({ status: 403, json: {} }), async (url) => {
      const r = await runScript(['--endpoint', url, ...files], { NEWSGRAPH_API_KEY: 'bad' });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/refused the API key/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  });

  test('a rate-limited report (429 with Retry-After) is sent again after the wait', async () => {
    let requests = 0;
    await withServer((body) => (++requests === 1 ? { status: 429, json: { errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' } }] } } : ok(body)), async (url) => {
      const delays: number[] = [];
      const result = await ingestArticle({ url: 'https://news.example/1', publishedAt: '2024-01-01', body: ['x'] }, { endpoint: url, retryDelayMs: 5, onRetry: (r) => delays.push(r.delayMs) });
      expect(result.article.url).toBe('https://news.example/1');
      expect(requests).toBe(2);
      expect(delays).toHaveLength(1);
    });
  });

  test('sendInOrder sends up to N at once, the first alone, and hands outcomes over in input order', async () => {
    const started: number[] = [];
    let inFlight = 0;
    let peak = 0;
    const handled: Array<[number, Outcome<string>]> = [];
    // Later items answer sooner, so answers arrive out of order.
    await sendInOrder([0, 1, 2, 3, 4, 5, 6, 7, 8], 3, async (item) => {
      started.push(item);
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      const aloneAtStart = inFlight;
      await new Promise((resolve) => setTimeout(resolve, (9 - item) * 5));
      inFlight -= 1;
      if (item === 4) throw new Error('four failed');
      return `${item}:${aloneAtStart}`;
    }, (outcome, index) => {
      handled.push([index, outcome]);
    });
    expect(handled.map(([index]) => index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(handled[0]![1]).toEqual({ ok: true, value: '0:1' });
    expect(handled[4]![1]).toMatchObject({ ok: false, error: new Error('four failed') });
    expect(peak).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('sendInOrder stops sending when the handler says so', async () => {
    const sent: number[] = [];
    await sendInOrder([0, 1, 2, 3, 4, 5], 4, async (item) => {
      sent.push(item);
      if (item === 0) throw new Error('refused');
      return item;
    }, (outcome) => outcome.ok);
    expect(sent).toEqual([0]);
  });
});

/** A fake GraphQL endpoint whose answers take `delayMs(n)` for the n-th request; it records how many were in flight. */
async function withSlowServer<T>(delayMs: (n: number) => number, status: number, fn: (url: string, seen: { requests: number; peak: number }) => Promise<T>): Promise<T> {
  const seen = { requests: 0, peak: 0 };
  let inFlight = 0;
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      const n = seen.requests++;
      inFlight += 1;
      seen.peak = Math.max(seen.peak, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(ok(JSON.parse(data)).json));
      }, delayMs(n));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  try {
    return await fn(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}/graphql`, seen);
  } finally {
    await new Promise((r) => server.close(r));
  }
}

describe('ingest script concurrency', () => {
  const files = () => corpusFiles().slice(0, 8).map((f) => path.join(CORPUS, f));

  test('--concurrency N sends N reports at once and prints their results in input order', async () => {
    // Later requests answer sooner: answers come back out of order.
    await withSlowServer((n) => Math.max(0, 300 - n * 40), 200, async (url, seen) => {
      const r = await runScript(['--json', '--concurrency', '3', '--endpoint', url, ...files()], { NEWSGRAPH_API_KEY: 'k' });
      expect(r.code).toBe(0);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((l) => l.file)).toEqual(corpusFiles().slice(0, 8));
      expect(seen.requests).toBe(8);
      expect(seen.peak).toBe(3);
      expect(r.stderr).toMatch(/official\s+created 0, updated 8, unchanged 0/);
    });
  });

  test('by default four reports are in flight; --concurrency 1 sends them one by one', async () => {
    let concurrent = '';
    await withSlowServer((n) => Math.max(0, 200 - n * 30), 200, async (url, seen) => {
      const r = await runScript(['--json', '--endpoint', url, ...files()], { NEWSGRAPH_API_KEY: 'k' });
      expect(r.code).toBe(0);
      concurrent = r.stdout;
      expect(seen.peak).toBe(4);
    });
    await withSlowServer(() => 20, 200, async (url, seen) => {
      const r = await runScript(['--json', '--concurrency=1', '--endpoint', url, ...files()], { NEWSGRAPH_API_KEY: 'k' });
      expect(r.code).toBe(0);
      expect(seen.peak).toBe(1);
      // Each line names its own report's article, in the same order as one by one.
      expect(r.stdout).toBe(concurrent);
    });
  });

  test('a refused key stops the run after the first report, whatever the concurrency', async () => {
    await withSlowServer(() => 20, 401, async (url, seen) => {
      const r = await runScript(['--concurrency', '4', '--endpoint', url, ...files()], { NEWSGRAPH_API_KEY: 'bad' });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/refused the API key/);
      expect(seen.requests).toBe(1);
    });
  });

  test.each([['0'], ['9'], ['two'], ['1.5'], ['-1']])('--concurrency %s is a usage error (exit 2) and sends nothing', async (value) => {
    await withSlowServer(() => 0, 200, async (url, seen) => {
      const r = await runScript(['--concurrency', value, '--endpoint', url, ...files().slice(0, 1)], { NEWSGRAPH_API_KEY: 'k' });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`[BAD_OPTION] --concurrency must be a whole number from 1 to 8, got "${value}"`);
      expect(seen.requests).toBe(0);
    });
  });
});
