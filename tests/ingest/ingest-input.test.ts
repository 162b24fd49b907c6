import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { toIngestInput } from '../../src/ingest';
import { REPO_ROOT, corpusFiles, run, runSample, CORPUS } from './helpers';

describe('toIngestInput', () => {
  test('matches IngestArticleInput: names consistent, statuses mapped, evidence offsets into the body', () => {
    for (const f of corpusFiles()) {
      const { report, extraction } = run(f);
      const input = toIngestInput(report, extraction);
      expect(input.url).toBe(`urn:newsgraph:report:${report.contentId}`);
      expect(input.body).toEqual(report.paragraphs);
      const body = input.body.join('\n\n');
      const names = new Set(input.officials!.map((o) => o.name));
      const confs = new Set(input.conferences!.map((c) => c.name));
      for (const m of input.meetings!) {
        for (const p of m.participants) expect(names.has(p)).toBe(true);
        if (m.conference) expect(confs.has(m.conference)).toBe(true);
        expect(['HELD', 'PLANNED']).toContain(m.status);
        expect(body.slice(m.evidence!.start!, m.evidence!.end!)).toBe(m.evidence!.sentence);
      }
      for (const c of input.conferences!) {
        expect(['HELD', 'PLANNED']).toContain(c.status);
        expect(body.slice(c.evidence!.start!, c.evidence!.end!)).toBe(c.evidence!.sentence);
        for (const p of c.participants ?? []) expect(names.has(p)).toBe(true);
      }
    }
  });

  test('publishedAt keeps the printed offset; options override url and source', () => {
    const { report, extraction } = runSample('2023-09-28-azernews-iap28-london.json');
    const input = toIngestInput(report, extraction, { url: 'https://example.org/a', source: 'Azernews' });
    expect(input.publishedAt).toBe('2023-09-28T17:49:00+04:00');
    expect(input.url).toBe('https://example.org/a');
    expect(input.source).toBe('Azernews');
    expect(input.conferences!.find((c) => c.edition === 29)?.status).toBe('PLANNED');
    expect(input.conferences!.find((c) => c.edition === 28)?.status).toBe('HELD');
  });
});

describe('scripts/ingest.ts --dry-run', () => {
  const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const script = path.join(REPO_ROOT, 'scripts', 'ingest.ts');

  test('--json prints one gold-shaped object per report and nothing else', () => {
    const files = corpusFiles().map((f) => path.join(CORPUS, f));
    const out = execFileSync(tsx, [script, '--dry-run', '--json', ...files], { encoding: 'utf8', cwd: REPO_ROOT });
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(files.length);
    for (const l of lines) expect(Object.keys(JSON.parse(l))).toEqual(['file', 'publishedAt', 'officials', 'meetings', 'conferences']);
  });

  test('bad files fail one by one with their reason; the others still come out; exit code 1', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-ingest-'));
    writeFileSync(path.join(dir, 'a_empty.txt'), '');
    writeFileSync(path.join(dir, 'b_nodate.txt'), 'Hello\n\nworld');
    writeFileSync(path.join(dir, 'c_baddate.txt'), ' date 2023-13-01\n\nText.');
    writeFileSync(path.join(dir, 'd_binary.txt'), Buffer.from([0x20, 0x00, 0xff, 0x10]));
    writeFileSync(path.join(dir, 'e_latin1.txt'), Buffer.from(' date 2023-01-01\n\nCaf\xe9 talks.', 'latin1'));
    writeFileSync(path.join(dir, 'f_huge.txt'), Buffer.alloc(2 * 1024 * 1024 + 10, 0x61));
    writeFileSync(path.join(dir, 'g_ok.txt'), ' date 2024-05-06\n\nForeign Minister of Azerbaijan Jeyhun Bayramov met Georgian Foreign Minister Ilia Darchiashvili in Baku today.\n');
    writeFileSync(path.join(dir, 'h_input.json'), JSON.stringify({ url: 'https://x.test/1', publishedAt: '2024-01-01', body: ['Text.'], officials: [{ name: 'A B' }] }));
    writeFileSync(path.join(dir, 'i_bad.json'), '{"url": 1');
    const res = spawnSync(tsx, [script, '--dry-run', '--json', dir], { encoding: 'utf8', cwd: REPO_ROOT });
    expect(res.status).toBe(1);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual(['g_ok.txt', 'h_input.json']);
    expect(lines[0].meetings[0].participants).toEqual(['Jeyhun Bayramov', 'Ilia Darchiashvili']);
    for (const code of ['EMPTY_FILE', 'NO_DATE_LINE', 'BAD_DATE', 'NOT_TEXT', 'TOO_LARGE', 'BAD_JSON']) expect(res.stderr).toContain(`[${code}]`);
    expect(res.stderr).toContain('e_latin1.txt');
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  test('real run against a closed port: one clear message, no stack trace, non-zero exit', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const file = path.join(CORPUS, corpusFiles()[0]);
    const res = spawnSync(tsx, [script, '--endpoint', `http://127.0.0.1:${port}/graphql`, file], { encoding: 'utf8', cwd: REPO_ROOT, env: { ...process.env, NEWSGRAPH_API_KEY: 'k' } });
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(/cannot reach the server.*ECONNREFUSED/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
});
