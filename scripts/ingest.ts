/**
 * npm run ingest -- <files or folders> [--dry-run] [--json] [--endpoint URL] [--min-confidence X] [--concurrency N]
 *
 * Reads `.txt` reports (and `.json` files already in IngestArticleInput shape), extracts their facts and
 * sends one `ingestArticle` mutation per report, up to N at once (results are printed in input order). With --dry-run nothing is sent; with --dry-run --json
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
  dropBelowConfidence,
  parseConfidence,
} from '../src/ingest';
import { defaultConcurrency, maxConcurrency, sendInOrder } from '../src/ingest/client';
import { runCli } from './cli';

interface Options {
  paths: string[];
  dryRun: boolean;
  json: boolean;
  endpoint: string;
  help: boolean;
  /** Facts extracted with a lower confidence are left out. */
  minConfidence: number;
  /** Reports sent at once. */
  concurrency: number;
}

const USAGE = `usage: npm run ingest -- <files or folders> [--dry-run] [--json] [--endpoint URL] [--min-confidence X] [--concurrency N]
  --dry-run           extract only; send nothing
  --json              one JSON object per report per line on stdout
  --endpoint URL      GraphQL endpoint (default http://localhost:4000/graphql)
  --min-confidence X  leave out facts extracted with a confidence below X (0 to 1; default 0)
  --concurrency N     reports sent at once (1 to ${maxConcurrency}; default ${defaultConcurrency}); results are printed in input order
The API key is read from NEWSGRAPH_API_KEY.`;

class UsageError extends Error {}

function minConfidence(text: string | undefined): number {
  const value = text === undefined ? null : parseConfidence(text);
  if (value === null) throw new UsageError(`[BAD_OPTION] --min-confidence must be a number from 0 to 1, got ${text === undefined ? 'nothing' : JSON.stringify(text)}`);
  return value;
}

function concurrency(text: string | undefined): number {
  const value = text !== undefined && /^\d+$/.test(text.trim()) ? Number(text) : null;
  if (value === null || value < 1 || value > maxConcurrency) {
    throw new UsageError(`[BAD_OPTION] --concurrency must be a whole number from 1 to ${maxConcurrency}, got ${text === undefined ? 'nothing' : JSON.stringify(text)}`);
  }
  return value;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { paths: [], dryRun: false, json: false, endpoint: process.env.NEWSGRAPH_ENDPOINT || 'http://localhost:4000/graphql', help: false, minConfidence: 0, concurrency: defaultConcurrency };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dry-run') o.dryRun = true;
    else if (a === '--json') o.json = true;
    else if (a === '--help' || a === '-h') o.help = true;
    else if (a === '--endpoint') o.endpoint = argv[++i] ?? o.endpoint;
    else if (a.startsWith('--endpoint=')) o.endpoint = a.slice('--endpoint='.length);
    else if (a === '--min-confidence') o.minConfidence = minConfidence(argv[++i]);
    else if (a.startsWith('--min-confidence=')) o.minConfidence = minConfidence(a.slice('--min-confidence='.length));
    else if (a === '--concurrency') o.concurrency = concurrency(argv[++i]);
    else if (a.startsWith('--concurrency=')) o.concurrency = concurrency(a.slice('--concurrency='.length));
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

async function prepare(file: string, registry: OfficialRegistry, minConfidence: number): Promise<Prepared> {
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
    const input = dropBelowConfidence(parsed, minConfidence);
    return { file, gold: goldFromInput(file, input), input };
  }
  const report = parseReport(data, file);
  const extraction = dropBelowConfidence(extractReport(report), minConfidence);
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

/** `1 meeting`, `2 meetings`. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Reports between progress lines, and the longest silence, when stderr is not a terminal. */
const PROGRESS_EVERY_REPORTS = 10;
const PROGRESS_EVERY_MS = 5000;

/**
 * A bar redrawn in place on a terminal; elsewhere (CI logs, `| tee`) one line every
 * PROGRESS_EVERY_REPORTS reports or PROGRESS_EVERY_MS, so a long run is never silent.
 */
class Progress {
  private readonly bar: boolean;
  private readonly started = Date.now();
  private lastLineAt = Date.now();
  private lastLineDone = 0;
  constructor(private readonly total: number) {
    this.bar = !!process.stderr.isTTY && total > 0;
  }
  tick(done: number, label: string): void {
    if (!this.bar) {
      const now = Date.now();
      if (done > this.lastLineDone && (done - this.lastLineDone >= PROGRESS_EVERY_REPORTS || now - this.lastLineAt >= PROGRESS_EVERY_MS || done === this.total)) {
        process.stderr.write(`progress: ${done}/${plural(this.total, 'report')} sent (${Math.round((now - this.started) / 1000)} s)\n`);
        this.lastLineAt = now;
        this.lastLineDone = done;
      }
      return;
    }
    const width = 28;
    const filled = Math.round((done / this.total) * width);
    const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
    const name = label.length > 40 ? '…' + label.slice(-39) : label;
    process.stderr.write(`\r[${bar}] ${done}/${this.total} ${name}`.padEnd(90));
  }
  end(): void {
    if (this.bar) process.stderr.write('\n');
  }
}

async function main(): Promise<number> {
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n${USAGE}\n`);
    return 2;
  }
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
  const factless: string[] = [];
  for (const file of files) {
    try {
      const p = await prepare(file, registry, opts.minConfidence);
      read++;
      prepared.push(p);
      if (!p.gold.officials.length && !p.gold.meetings.length && !p.gold.conferences.length) {
        factless.push(p.file);
        const stored = opts.dryRun ? 'it would be stored' : 'it is stored';
        process.stderr.write(`warning: ${p.file}: no officials, meetings or conferences found; ${stored} as an article alone\n`);
      }
      if (opts.dryRun && opts.json) out(JSON.stringify(p.gold));
    } catch (error) {
      if (error instanceof ReportError) failures.push({ file, code: error.code, message: error.message });
      else failures.push({ file, code: 'EXTRACTION_FAILED', message: `${file}: ${(error as Error)?.message ?? String(error)}` });
    }
  }

  if (opts.dryRun) {
    if (!opts.json) {
      for (const p of prepared) {
        info(`${p.gold.file}: ${plural(p.gold.officials.length, 'official')}, ${plural(p.gold.meetings.length, 'meeting')}, ${plural(p.gold.conferences.length, 'conference')}`);
        for (const o of p.gold.officials) info(`  official   ${o.name}${o.title ? `, ${o.title}` : ''}${o.country ? ` (${o.country})` : ''}`);
        for (const m of p.gold.meetings) info(`  meeting    ${[...m.participants, ...m.countries.map((c) => `[${c}]`)].join(' + ')}${m.date ? ` on ${m.date}` : ''}${m.city ? ` in ${m.city}` : ''}`);
        for (const c of p.gold.conferences) info(`  conference ${c.name}${c.city ? `, ${c.city}` : ''} (${c.status})`);
      }
    }
    summarize(read, null, failures, factless, (l) => process.stderr.write(l + '\n'), opts.json);
    return failures.length ? 1 : 0;
  }

  // Real run
  const apiKey = process.env.NEWSGRAPH_API_KEY;
  if (!apiKey) process.stderr.write('warning: NEWSGRAPH_API_KEY is not set; the server will likely refuse the writes\n');
  const tally = new Map<string, Record<string, number>>();
  const progress = new Progress(prepared.length);
  let done = 0;
  let exitCode: number | null = null;
  progress.tick(done, path.basename(prepared[0]?.file ?? ''));
  const send = (p: Prepared) =>
    ingestArticle(p.input, { endpoint: opts.endpoint, apiKey, onRetry: (r) => process.stderr.write(`retrying ${path.basename(p.file)} in ${r.delayMs} ms (attempt ${r.attempt} failed: ${r.error.message})\n`) });
  await sendInOrder(prepared, opts.concurrency, send, (outcome, i) => {
    const p = prepared[i]!;
    done++;
    progress.tick(done, path.basename(prepared[i + 1]?.file ?? ''));
    if (!outcome.ok) {
      const error = outcome.error;
      if (error instanceof AuthError || (error instanceof ServerUnavailableError && tally.size === 0)) { // never reached: wrong endpoint or server not started
        progress.end();
        process.stderr.write(`error: ${error.message}\n`);
        exitCode = 2;
        return false;
      }
      const e = error as { code?: string; message?: string };
      failures.push({ file: p.file, code: e.code ?? 'INGEST_FAILED', message: `${p.file}: ${e.message ?? String(error)}` });
      if (opts.json) out(JSON.stringify({ file: path.basename(p.file), ok: false, error: { code: e.code ?? 'INGEST_FAILED', message: e.message ?? String(error) } }));
      return true;
    }
    const result: IngestResult = outcome.value;
    for (const c of result.changes) {
      const t = tally.get(c.type) ?? {};
      t[c.status] = (t[c.status] ?? 0) + 1;
      tally.set(c.type, t);
    }
    if (opts.json) out(JSON.stringify({ file: path.basename(p.file), ok: true, article: result.article, changes: result.changes }));
    return true;
  });
  if (exitCode !== null) return exitCode;
  progress.tick(done, '');
  progress.end();
  summarize(read, tally, failures, factless, opts.json ? (l) => process.stderr.write(l + '\n') : (l) => process.stdout.write(l + '\n'), opts.json);
  return failures.length ? 1 : 0;
}

function summarize(
  read: number,
  tally: Map<string, Record<string, number>> | null,
  failures: Failure[],
  factless: string[],
  write: (line: string) => void,
  quietOk: boolean,
): void {
  const noFacts = factless.length ? `, ${plural(factless.length, 'report')} without facts` : '';
  if (quietOk && !failures.length && !tally) {
    write(`${plural(read, 'report')} read${noFacts}, no failures`);
    return;
  }
  write(`${plural(read, 'report')} read${noFacts}${tally ? '' : ' (dry run: nothing sent)'}`);
  if (tally) {
    const types = ['ARTICLE', 'OFFICIAL', 'ORGANIZATION', 'MEETING', 'CONFERENCE', ...[...tally.keys()].filter((k) => !['ARTICLE', 'OFFICIAL', 'ORGANIZATION', 'MEETING', 'CONFERENCE'].includes(k))];
    for (const t of types) {
      const c = tally.get(t) ?? {};
      write(`  ${t.toLowerCase().padEnd(13)} created ${c.CREATED ?? 0}, updated ${c.UPDATED ?? 0}, unchanged ${c.UNCHANGED ?? 0}`);
    }
  }
  if (failures.length) {
    write(`${plural(failures.length, 'failure')}:`);
    for (const f of failures) write(`  [${f.code}] ${f.message}`);
  }
}

runCli(main);
