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
import { CORPUS, REPO_ROOT, corpusFiles, goldOf, sampleFiles, sampleReportText } from './helpers';

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
  // the genre set's first report, as its gold names its first official
  expect(lines[0].officials.map((o: any) => o.name)).toContain(goldOf(corpusFiles()[0]!).officials[0]!.name);
  expect(await counts()).toEqual({ articles: 0, officials: 0, meetings: 0, conferences: 0 });
});

/** The two sample reports as report files, beside eight reports of the genre set: ten reports. */
function tenReports(): string[] {
  const dir = path.join(workDir, 'ten');
  fs.mkdirSync(dir, { recursive: true });
  const samples = sampleFiles().map((name) => {
    const file = path.join(dir, name.replace(/\.json$/, '.txt'));
    fs.writeFileSync(file, sampleReportText(name));
    return file;
  });
  return [...samples, ...corpus().slice(0, 10 - samples.length)];
}

test('a real run stores every report; running it again changes nothing', async () => {
  const reports = tenReports();
  const first = await ingest(['--endpoint', server.url, ...reports]);
  expect(first.stderr).not.toMatch(/\n\s+at /);
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('10 reports read');
  expect(first.stdout).toMatch(/article\s+created 10, updated 0, unchanged 0/);
  const stored = await counts();
  expect(stored.articles).toBe(10);
  // at least the largest report's officials, at most every gold official of the genre reports plus the samples'
  const genreGold = corpusFiles().slice(0, 8).map((file) => goldOf(file).officials.length);
  expect(stored.officials).toBeGreaterThanOrEqual(Math.max(...genreGold));
  expect(stored.officials).toBeLessThanOrEqual(genreGold.reduce((a, b) => a + b, 0) + 12);

  // The seed report's facts, read back through the API.
  const aliyev = await server.gql(`{ officials(filter: { name: "Kamran Aliyev" }) { nodes {
    country { code } counterparts { nodes { official { name } } } conferences { nodes { edition } }
  } } }`);
  const [official] = aliyev.body.data.officials.nodes;
  expect(official.country.code).toBe('AZ');
  expect(official.counterparts.nodes.map((c: any) => c.official.name)).toEqual(expect.arrayContaining(['Max Hill', 'Harj Dersi', 'Lucien Wong']));
  expect(official.conferences.nodes.map((c: any) => c.edition)).toContain(28);

  const second = await ingest(['--json', '--endpoint', server.url, ...reports]);
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
  expect(output).toContain('2 reports read');
  expect(output).toMatch(/3 failures:/);
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

/** An invented report of a meeting between two ministers; `n` varies the text, so each is its own article. */
function meetingReport(n: number): string {
  return (
    ` date 2024-05-${String((n % 28) + 1).padStart(2, '0')}\n\nBaku, May ${(n % 28) + 1}, AZERTAC\n\n` +
    `Azerbaijan's Foreign Minister Jeyhun Bayramov met with Kenyan Foreign Minister Musalia Mudavadi in Nairobi on Monday. ` +
    `They discussed trade in round ${n + 1}.\n`
  );
}

test('a report with no facts is stored with a warning; counts are written in words of the right number', async () => {
  const dir = path.join(workDir, 'factless');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'a-weather.txt'), ' date 2024-05-06\n\nIt rained in the capital all day, and the forecast says more rain is coming.\n');
  const result = await ingest(['--endpoint', server.url, dir]);
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/warning: [^\n]*a-weather\.txt: no officials, meetings or conferences found; it is stored as an article alone/);
  expect(result.stdout).toContain('1 report read, 1 report without facts');
  expect(result.stdout).toMatch(/article\s+created 1, updated 0, unchanged 0/);
  expect(result.stdout).not.toMatch(/report\(s\)|failure\(s\)/);

  const dry = await ingest(['--dry-run', path.join(dir, 'a-weather.txt')]);
  expect(dry.stdout).toContain('a-weather.txt: 0 officials, 0 meetings, 0 conferences');
  expect(dry.stderr).toMatch(/a-weather\.txt: no officials, meetings or conferences found; it would be stored/);
});

test('a renamed or copied report is the same article: ingesting it again changes nothing', async () => {
  const dir = path.join(workDir, 'renamed');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'original.txt'), meetingReport(100));
  const first = await ingest(['--json', '--endpoint', server.url, path.join(dir, 'original.txt')]);
  expect(first.code).toBe(0);
  const [stored] = first.stdout.trim().split('\n').map((line) => JSON.parse(line));
  fs.copyFileSync(path.join(dir, 'original.txt'), path.join(dir, 'copy with another name.txt'));
  const again = await ingest(['--json', '--endpoint', server.url, path.join(dir, 'copy with another name.txt')]);
  expect(again.code).toBe(0);
  const [result] = again.stdout.trim().split('\n').map((line) => JSON.parse(line));
  expect(result.article.id).toBe(stored.article.id);
  expect(new Set(result.changes.map((c: any) => c.status))).toEqual(new Set(['UNCHANGED']));
});

test('header lines give the article its title, url and source', async () => {
  const file = path.join(workDir, 'with-headers.txt');
  fs.writeFileSync(file, meetingReport(200).replace('\n\n', '\ntitle: Bayramov and Mudavadi discuss trade\nurl: https://news.example/bayramov-mudavadi\nsource: Example Agency\n\n'));
  const result = await ingest(['--endpoint', server.url, file]);
  expect(result.code).toBe(0);
  const article = await server.gql(`{ articleByUrl(url: "https://news.example/bayramov-mudavadi") { title source meetings { participants { name } } } }`);
  expect(article.body.data.articleByUrl).toEqual({
    title: 'Bayramov and Mudavadi discuss trade',
    source: 'Example Agency',
    meetings: [{ participants: [{ name: 'Jeyhun Bayramov' }, { name: 'Musalia Mudavadi' }] }],
  });
  // corrected and sent again under the same url: the same article, updated
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: Bayramov and Mudavadi discuss trade', 'title: Bayramov and Mudavadi discuss trade and energy'));
  const again = await ingest(['--json', '--endpoint', server.url, file]);
  expect(again.code).toBe(0);
  const [line] = again.stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(line.changes.find((c: any) => c.type === 'ARTICLE').status).toBe('UPDATED');
  const updated = await server.gql(`{ articleByUrl(url: "https://news.example/bayramov-mudavadi") { title } }`);
  expect(updated.body.data.articleByUrl.title).toBe('Bayramov and Mudavadi discuss trade and energy');
});

test('when stderr is not a terminal, a long run prints a progress line every 10 reports', async () => {
  const dir = path.join(workDir, 'many');
  fs.mkdirSync(dir);
  for (let n = 0; n < 21; n++) fs.writeFileSync(path.join(dir, `r${String(n).padStart(2, '0')}.txt`), meetingReport(n));
  const result = await ingest(['--endpoint', server.url, dir]);
  expect(result.code).toBe(0);
  const lines = result.stderr.split('\n').filter((line) => line.startsWith('progress: '));
  // every 10 reports, or sooner when 5 s pass without a line; always the last one
  for (const line of lines) expect(line).toMatch(/^progress: \d+\/21 reports sent \(\d+ s\)$/);
  const done = lines.map((line) => Number(/^progress: (\d+)/.exec(line)![1]));
  expect(done.length).toBeGreaterThanOrEqual(3);
  expect(done[done.length - 1]).toBe(21);
  done.forEach((n, i) => expect(n - (done[i - 1] ?? 0)).toBeGreaterThan(0));
  done.forEach((n, i) => expect(n - (done[i - 1] ?? 0)).toBeLessThanOrEqual(10));
  expect(result.stdout).toContain('21 reports read');
});
