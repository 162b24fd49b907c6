/**
 * `npm run ingest` end to end against a real server on a real database:
 * dry run, real run, re-run unchanged, a bad file among good ones, server
 * down, wrong key — checked in the CLI's output, exit code and the database.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/db/embedded';
import { ingestKey, readOnlyKey, startTestServer, type TestServer } from '../support/harness';
import { CORPUS, REPO_ROOT, corpusFiles } from './helpers';

const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
let server: TestServer;
let workDir: string;

beforeAll(async () => {
  server = await startTestServer();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-ingest-'));
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

function ingest(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ['scripts/ingest.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEWSGRAPH_API_KEY: ingestKey, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const name of ['articles', 'officials', 'meetings', 'conferences']) result[name] = await server.db.collection(name).countDocuments();
  return result;
}

const corpus = () => corpusFiles().map((file) => path.join(CORPUS, file));

test('a dry run prints one gold-shaped JSON object per report and writes nothing', async () => {
  const result = await ingest(['--dry-run', '--json', ...corpus()]);
  expect(result.code).toBe(0);
  const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
  expect(lines.map((l) => l.file)).toEqual(corpusFiles());
  for (const line of lines) expect(Object.keys(line).sort()).toEqual(['conferences', 'file', 'meetings', 'officials', 'publishedAt']);
  expect(lines[0].officials.map((o: any) => o.name)).toContain('Kamran Aliyev');
  expect(await counts()).toEqual({ articles: 0, officials: 0, meetings: 0, conferences: 0 });
});

test('a real run stores every report; running it again changes nothing', async () => {
  const first = await ingest(['--endpoint', server.url, CORPUS]);
  expect(first.stderr).not.toMatch(/\n\s+at /);
  expect(first.code).toBe(0);
  expect(first.stdout).toContain(`${corpusFiles().length} report(s) read`);
  expect(first.stdout).toMatch(/article\s+created 10, updated 0, unchanged 0/);
  const stored = await counts();
  expect(stored.articles).toBe(10);
  // 42 gold officials over the corpus, a few of them the same person in several reports.
  expect(stored.officials).toBeGreaterThanOrEqual(35);
  expect(stored.officials).toBeLessThanOrEqual(42);

  // The seed report's facts, read back through the API.
  const aliyev = await server.gql(`{ officials(filter: { name: "Kamran Aliyev" }) { nodes {
    country { code } counterparts { nodes { official { name } } } conferences { nodes { edition } }
  } } }`);
  const [official] = aliyev.body.data.officials.nodes;
  expect(official.country.code).toBe('AZ');
  expect(official.counterparts.nodes.map((c: any) => c.official.name)).toEqual(expect.arrayContaining(['Max Hill', 'Harj Dersi', 'Lucien Wong']));
  expect(official.conferences.nodes.map((c: any) => c.edition)).toContain(28);

  const second = await ingest(['--json', '--endpoint', server.url, CORPUS]);
  expect(second.code).toBe(0);
  const results = second.stdout.trim().split('\n').map((line) => JSON.parse(line));
  expect(results).toHaveLength(10);
  const statuses = new Set(results.flatMap((r: any) => r.changes.map((c: any) => c.status)));
  expect([...statuses]).toEqual(['UNCHANGED']);
  expect(second.stderr).toMatch(/article\s+created 0, updated 0, unchanged 10/);
  expect(await counts()).toEqual(stored);
});

test('a bad file among good ones fails alone, with its reason, and the run exits non-zero', async () => {
  const dir = path.join(workDir, 'mixed');
  fs.mkdirSync(dir);
  fs.copyFileSync(path.join(CORPUS, corpusFiles()[0]!), path.join(dir, 'a-good.txt'));
  fs.writeFileSync(path.join(dir, 'b-empty.txt'), '');
  fs.writeFileSync(path.join(dir, 'c-no-date.txt'), 'Just a paragraph.\n\nAnother one.\n');
  fs.writeFileSync(path.join(dir, 'd-binary.txt'), Buffer.from([0x00, 0xff, 0x10, 0x00, 0x7f]));
  fs.writeFileSync(
    path.join(dir, 'e-good.json'),
    JSON.stringify({ url: 'https://news.example/json/1', publishedAt: '2024-05-06', body: ['Minister Ana Lima met John Otieno.'], officials: [{ name: 'Ana Lima', country: 'PT' }] }),
  );
  const result = await ingest(['--endpoint', server.url, dir]);
  expect(result.code).not.toBe(0);
  const output = result.stdout + result.stderr;
  expect(output).toContain('2 report(s) read');
  expect(output).toMatch(/3 failure\(s\)/);
  expect(output).toMatch(/\[EMPTY_FILE\][^\n]*b-empty\.txt/);
  expect(output).toMatch(/\[NO_DATE_LINE\][^\n]*c-no-date\.txt/);
  expect(output).toMatch(/\[NOT_TEXT\][^\n]*d-binary\.txt/);
  expect(output).not.toMatch(/\n\s+at /);
  expect(await server.db.collection('articles').countDocuments({ url: 'https://news.example/json/1' })).toBe(1);
});

test('a server that is down gets one clear message and a non-zero exit', async () => {
  const port = await freePort();
  const result = await ingest(['--endpoint', `http://127.0.0.1:${port}/graphql`, corpus()[0]!]);
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(/cannot reach|not reachable|could not connect|is the server running/i);
  expect(result.stderr).not.toMatch(/\n\s+at /);
});

test.each([
  ['a wrong key', 'not-a-key'],
  ['a key without the ingest role', readOnlyKey],
])('%s gets one clear message, a non-zero exit and no writes', async (_label, key) => {
  const before = await counts();
  const result = await ingest(['--endpoint', server.url, corpus()[1]!], { NEWSGRAPH_API_KEY: key });
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(/API key/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(await counts()).toEqual(before);
});
