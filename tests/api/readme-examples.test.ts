/**
 * README's example operations are docs/examples/ (one source of truth, also the IDE's tabs), and
 * each of them answers data on the sample data, as a new user pasting it into the IDE would see.
 * Every ```graphql block of README.md counts as an example operation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config';
import { extractReport, parseReport, toIngestInput } from '../../src/ingest';
import { seedSampleData } from '../../src/services/seed';
import { startTestServer, type TestServer } from '../support/harness';

const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const readmeBlocks = [...readme.matchAll(/^```graphql\n([\s\S]*?)^```$/gm)].map((m) => m[1]!.trim());

const examplesDir = path.join(repoRoot, 'docs', 'examples');
const examples = fs
  .readdirSync(examplesDir)
  .filter((file) => file.endsWith('.graphql'))
  .sort()
  .map((file) => ({ file, text: fs.readFileSync(path.join(examplesDir, file), 'utf8').trim() }));

/** Data a reader would call an answer: no null, no empty list, no empty page, anywhere a list of results is. */
function emptyParts(value: unknown, at: string): string[] {
  if (value === null || value === undefined) return [at];
  if (Array.isArray(value)) return value.length ? [] : [at];
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return ['nodes', 'edges', 'buckets'].filter((key) => key in record).flatMap((key) => emptyParts(record[key], `${at}.${key}`));
  }
  return [];
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedSampleData(server.db, new Date('2024-11-01T00:00:00Z'));
});
afterAll(() => server.stop());

test('README shows docs/examples, every one of them, and no other operation', () => {
  expect(readmeBlocks.length).toBeGreaterThan(0);
  for (const block of readmeBlocks) expect(examples.map((e) => e.text)).toContain(block);
  for (const example of examples) expect(readmeBlocks).toContain(example.text);
});

// Queries first: the mutation adds to the sample data.
const ordered = [...examples].sort((a, b) => Number(a.text.startsWith('mutation')) - Number(b.text.startsWith('mutation')));

test.each(ordered.map((e) => [e.file, e.text]))('docs/examples/%s answers non-empty data on the sample data', async (_file, text) => {
  const response = await server.gql(text);
  expect(response.body.errors).toBeUndefined();
  const data = response.body.data as Record<string, unknown>;
  expect(Object.keys(data).length).toBeGreaterThan(0);
  for (const [field, value] of Object.entries(data)) expect(emptyParts(value, field)).toEqual([]);
});

test('the ingestion example, sent again, reports every entity UNCHANGED (as README says)', async () => {
  const mutation = examples.find((e) => e.text.includes('mutation'))!.text;
  await server.gql(mutation);
  const again = await server.gql(mutation);
  expect(again.body.errors).toBeUndefined();
  const statuses = new Set(again.body.data.ingestArticle.changes.map((c: { status: string }) => c.status));
  expect([...statuses]).toEqual(['UNCHANGED']);
});

test('the example report in README is docs/reports/bayramov-mudavadi.txt, and its headers, dateline and facts read as README says', () => {
  const file = 'docs/reports/bayramov-mudavadi.txt';
  const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
  const shown = new RegExp(`This is \\[\`${file.replace(/\./g, '\\.')}\`\\]\\(${file.replace(/\./g, '\\.')}\\):\\n\\n\`\`\`text\\n([\\s\\S]*?)\`\`\``).exec(readme);
  expect(shown?.[1]).toBe(text);

  const report = parseReport(text, file);
  const input = toIngestInput(report, extractReport(report));
  expect(input).toMatchObject({
    url: 'https://news.example/2024/05/06/bayramov-mudavadi',
    title: 'Azerbaijani and Kenyan foreign ministers discuss trade in Nairobi',
    source: 'Example Agency',
    publishedAt: '2024-05-06T14:20:00+04:00',
  });
  expect(report.dateline).toMatchObject({ text: 'Baku, May 6, AZERTAC' });
  expect(input.body[0]).toMatch(/^Azerbaijan's Foreign Minister Jeyhun Bayramov met with Kenyan Foreign Minister Musalia Mudavadi in Nairobi/);
  expect(input.meetings!.map((m) => [m.participants, m.city, m.date])).toEqual([[['Jeyhun Bayramov', 'Musalia Mudavadi'], 'Nairobi', '2024-05-06']]);
});
