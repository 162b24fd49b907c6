import { spawn } from 'child_process';
import http from 'http';
import net from 'net';
import path from 'path';
import { AuthError, ingestArticle, IngestRequestError, INGEST_MUTATION } from '../../src/ingest';
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
});
