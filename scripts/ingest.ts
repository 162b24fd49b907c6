/**
 * npm run ingest -- <files or folders> [--dry-run] [--json] [--endpoint URL]
 *
 * Reads `.txt` reports (and `.json` files already in IngestArticleInput shape), extracts their facts and
 * sends one `ingestArticle` mutation per report. With --dry-run nothing is sent; with --dry-run --json
 * stdout gets exactly one JSON object per report per line (the gold annotation shape) and nothing else.
 */
import { promises as fs } from 'fs';
import path from 'path';
import {
  AuthError,
  extractReport,
  ingestArticle,
  IngestArticleInput,
  IngestResult,
  MAX_REPORT_BYTES,
  OfficialRegistry,
  parseReport,
  ReportError,
  ServerUnavailableError,
  toGoldShape,
  toIngestInput,
  GoldShape,
  decodeReport,
} from '../src/ingest';
import { runCli } from './cli';

interface Options {
  paths: string[];
  dryRun: boolean;
  json: boolean;
  endpoint: string;
  help: boolean;
}

const USAGE = `usage: npm run ingest -- <files or folders> [--dry-run] [--json] [--endpoint URL]
  --dry-run       extract only; send nothing
  --json          one JSON object per report per line on stdout
  --endpoint URL  GraphQL endpoint (default http://localhost:4000/graphql)
The API key is read from NEWSGRAPH_API_KEY.`;

function parseArgs(argv: string[]): Options {
  const o: Options = { paths: [], dryRun: false, json: false, endpoint: process.env.NEWSGRAPH_ENDPOINT || 'http://localhost:4000/graphql', help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dry-run') o.dryRun = true;
    else if (a === '--json') o.json = true;
    else if (a === '--help' || a === '-h') o.help = true;
    else if (a === '--endpoint') o.endpoint = argv[++i] ?? o.endpoint;
    else if (a.startsWith('--endpoint=')) o.endpoint = a.slice('--endpoint='.length);
    else if (a === '--') continue;
    else o.paths.push(a);
  }
  return o;
}

interface Failure {
  file: string;
  code: string;
  message: string;
}

/** Expands folders (their .txt and .json files, sorted) and keeps files as given. */
async function collect(paths: string[], failures: Failure[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    try {
      const st = await fs.stat(p);
      if (st.isDirectory()) {
        const names = (await fs.readdir(p)).filter((n) => /\.(txt|json)$/i.test(n)).sort();
        for (const n of names) files.push(path.join(p, n));
      } else files.push(p);
    } catch (error) {
      failures.push({ file: p, code: 'READ_FAILED', message: `${p}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    }
  }
  return files;
}

interface Prepared {
  file: string;
  gold: GoldShape;
  input: IngestArticleInput;
}

function isIngestInput(x: unknown): x is IngestArticleInput {
  const o = x as IngestArticleInput;
  return !!o && typeof o === 'object' && typeof o.url === 'string' && typeof o.publishedAt === 'string' && Array.isArray(o.body) && o.body.every((b) => typeof b === 'string');
}

function goldFromInput(file: string, input: IngestArticleInput): GoldShape {
  return {
    file: path.basename(file),
    publishedAt: input.publishedAt.slice(0, 10),
    officials: (input.officials ?? []).map((o) => ({ name: o.name, aliases: o.aliases ?? [], title: o.title ?? null, organization: o.organization ?? null, country: o.country ?? null, extraction: o.extraction ?? null })),
    meetings: (input.meetings ?? []).map((m) => ({
      participants: m.participants,
      countries: m.countries ?? [],
      date: m.date ?? null,
      dateInferred: m.dateInferred ?? false,
      city: m.city ?? null,
      country: m.country ?? null,
      topics: m.topics ?? [],
      status: m.status === 'PLANNED' ? 'planned' : 'held',
      extraction: m.extraction ?? null,
    })),
    conferences: (input.conferences ?? []).map((c) => ({
      name: c.name,
      edition: c.edition ?? null,
      organizer: c.organizer ?? null,
      city: c.city ?? null,
      country: c.country ?? null,
      startDate: c.startDate ?? null,
      endDate: c.endDate ?? null,
      status: c.status === 'PLANNED' ? 'upcoming' : 'attended',
      extraction: c.extraction ?? null,
    })),
  };
}

async function prepare(file: string, registry: OfficialRegistry): Promise<Prepared> {
  const st = await fs.stat(file).catch((e: NodeJS.ErrnoException) => {
    throw new ReportError('READ_FAILED', file, `cannot read (${e.code ?? 'error'})`);
  });
  if (st.size > MAX_REPORT_BYTES) throw new ReportError('TOO_LARGE', file, `report is ${st.size} bytes, more than the ${MAX_REPORT_BYTES}-byte limit`);
  const data = await fs.readFile(file);
  if (/\.json$/i.test(file)) {
    const text = decodeReport(data, file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new ReportError('BAD_JSON', file, `not valid JSON (${(e as Error).message})`);
    }
    if (!isIngestInput(parsed)) throw new ReportError('BAD_JSON', file, 'JSON is not an IngestArticleInput (needs url, publishedAt and body[])');
    return { file, gold: goldFromInput(file, parsed), input: parsed };
  }
  const report = parseReport(data, file);
  const extraction = extractReport(report);
  const canonical = new Map<string, string>();
  for (const o of extraction.officials) canonical.set(o.name, registry.canonicalName({ name: o.name, aliases: o.aliases, titles: o.titles, country: o.country }));
  const gold = toGoldShape(report, extraction);
  // the report's own spelling stays the name; the spelling used elsewhere becomes an alias
  for (const o of gold.officials) {
    const c = canonical.get(o.name);
    if (c && c !== o.name && !o.aliases.includes(c)) o.aliases.push(c);
  }
  const input = toIngestInput(report, extraction, { canonicalName: (n) => canonical.get(n) ?? n });
  return { file, gold, input };
}

class Progress {
  private readonly on: boolean;
  constructor(private readonly total: number) {
    this.on = !!process.stderr.isTTY && total > 0;
  }
  tick(done: number, label: string): void {
    if (!this.on) return;
    const width = 28;
    const filled = Math.round((done / this.total) * width);
    const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
    const name = label.length > 40 ? '…' + label.slice(-39) : label;
    process.stderr.write(`\r[${bar}] ${done}/${this.total} ${name}`.padEnd(90));
  }
  end(): void {
    if (this.on) process.stderr.write('\n');
  }
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help || !opts.paths.length) {
    process.stderr.write(USAGE + '\n');
    return opts.help ? 0 : 2;
  }
  const failures: Failure[] = [];
  const files = await collect(opts.paths, failures);
  const registry = new OfficialRegistry();
  const out = (line: string) => process.stdout.write(line + '\n');
  const info = (line: string) => (opts.json ? process.stderr : process.stdout).write(line + '\n');
  let read = 0;
  const prepared: Prepared[] = [];
  for (const file of files) {
    try {
      const p = await prepare(file, registry);
      read++;
      prepared.push(p);
      if (opts.dryRun && opts.json) out(JSON.stringify(p.gold));
    } catch (error) {
      if (error instanceof ReportError) failures.push({ file, code: error.code, message: error.message });
      else failures.push({ file, code: 'EXTRACTION_FAILED', message: `${file}: ${(error as Error)?.message ?? String(error)}` });
    }
  }

  if (opts.dryRun) {
    if (!opts.json) {
      for (const p of prepared) {
        info(`${p.gold.file}: ${p.gold.officials.length} officials, ${p.gold.meetings.length} meetings, ${p.gold.conferences.length} conferences`);
        for (const o of p.gold.officials) info(`  official   ${o.name}${o.title ? `, ${o.title}` : ''}${o.country ? ` (${o.country})` : ''}`);
        for (const m of p.gold.meetings) info(`  meeting    ${[...m.participants, ...m.countries.map((c) => `[${c}]`)].join(' + ')}${m.date ? ` on ${m.date}` : ''}${m.city ? ` in ${m.city}` : ''}`);
        for (const c of p.gold.conferences) info(`  conference ${c.name}${c.city ? `, ${c.city}` : ''} (${c.status})`);
      }
    }
    summarize(read, null, failures, (l) => process.stderr.write(l + '\n'), opts.json);
    return failures.length ? 1 : 0;
  }

  // Real run
  const apiKey = process.env.NEWSGRAPH_API_KEY;
  if (!apiKey) process.stderr.write('warning: NEWSGRAPH_API_KEY is not set; the server will likely refuse the writes\n');
  const tally = new Map<string, Record<string, number>>();
  const progress = new Progress(prepared.length);
  let done = 0;
  for (const p of prepared) {
    progress.tick(done, path.basename(p.file));
    let result: IngestResult;
    try {
      result = await ingestArticle(p.input, { endpoint: opts.endpoint, apiKey, onRetry: (r) => process.stderr.write(`retrying ${path.basename(p.file)} in ${r.delayMs} ms (attempt ${r.attempt} failed: ${r.error.message})\n`) });
    } catch (error) {
      if (error instanceof AuthError || (error instanceof ServerUnavailableError && tally.size === 0)) { // never reached: wrong endpoint or server not started
        progress.end();
        process.stderr.write(`error: ${error.message}\n`);
        return 2;
      }
      const e = error as { code?: string; message?: string };
      failures.push({ file: p.file, code: e.code ?? 'INGEST_FAILED', message: `${p.file}: ${e.message ?? String(error)}` });
      if (opts.json) out(JSON.stringify({ file: path.basename(p.file), ok: false, error: { code: e.code ?? 'INGEST_FAILED', message: e.message ?? String(error) } }));
      done++;
      continue;
    }
    for (const c of result.changes) {
      const t = tally.get(c.type) ?? {};
      t[c.status] = (t[c.status] ?? 0) + 1;
      tally.set(c.type, t);
    }
    if (opts.json) out(JSON.stringify({ file: path.basename(p.file), ok: true, article: result.article, changes: result.changes }));
    done++;
  }
  progress.tick(done, '');
  progress.end();
  summarize(read, tally, failures, opts.json ? (l) => process.stderr.write(l + '\n') : (l) => process.stdout.write(l + '\n'), opts.json);
  return failures.length ? 1 : 0;
}

function summarize(read: number, tally: Map<string, Record<string, number>> | null, failures: Failure[], write: (line: string) => void, quietOk: boolean): void {
  if (quietOk && !failures.length && !tally) {
    write(`${read} report(s) read, no failures`);
    return;
  }
  write(`${read} report(s) read${tally ? '' : ' (dry run: nothing sent)'}`);
  if (tally) {
    const types = ['ARTICLE', 'OFFICIAL', 'ORGANIZATION', 'MEETING', 'CONFERENCE', ...[...tally.keys()].filter((k) => !['ARTICLE', 'OFFICIAL', 'ORGANIZATION', 'MEETING', 'CONFERENCE'].includes(k))];
    for (const t of types) {
      const c = tally.get(t) ?? {};
      write(`  ${t.toLowerCase().padEnd(13)} created ${c.CREATED ?? 0}, updated ${c.UPDATED ?? 0}, unchanged ${c.UNCHANGED ?? 0}`);
    }
  }
  if (failures.length) {
    write(`${failures.length} failure(s):`);
    for (const f of failures) write(`  [${f.code}] ${f.message}`);
  }
}

runCli(main);
