/** A small GraphQL client for the `ingestArticle` mutation. */
import type { IngestArticleInput as ApiInput } from '../generated/graphql';
import type { IngestArticleInput as ExtractedInput } from './shape';

/** What the mutation takes: an extracted report, or input typed after the schema (the benchmarks' synthetic reports). */
export type IngestArticleInput = ExtractedInput | ApiInput;

export const INGEST_MUTATION =
  'mutation($input: IngestArticleInput!){ ingestArticle(input:$input){ article{ id url } changes{ type id key status } } }';

export interface EntityChange {
  type: string;
  id: string;
  key: string;
  status: 'CREATED' | 'UPDATED' | 'UNCHANGED' | string;
}

export interface IngestResult {
  article: { id: string; url: string };
  changes: EntityChange[];
}

/** The server cannot be reached at all (refused, unknown host, reset, timeout). */
export class ServerUnavailableError extends Error {
  readonly code = 'SERVER_UNAVAILABLE';
  readonly retryable = true;
}

/** The API key is missing, unknown or lacks the `ingest` role. */
export class AuthError extends Error {
  readonly code = 'UNAUTHORIZED';
}

/** The server answered with GraphQL errors for this one report. */
export class IngestRequestError extends Error {
  readonly code: string;
  /** Sending the same report again may succeed: the server or its database is briefly unavailable. */
  readonly retryable: boolean;
  /** Seconds the server asked us to wait (`Retry-After`), if it did. */
  readonly retryAfterSeconds: number | null;
  constructor(message: string, code: string, options: { retryable?: boolean; retryAfterSeconds?: number | null } = {}) {
    super(message);
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}

export interface ClientOptions {
  endpoint: string;
  apiKey?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  /** Attempts per report when a failure may pass (network, HTTP 429/502/503/504, DATABASE_UNAVAILABLE, `retryable` errors); default 5. */
  attempts?: number;
  /** Wait before the first retry, doubled for each next one (up to 16×) plus jitter; default 250 ms. */
  retryDelayMs?: number;
  /** Told before each retry, e.g. to print a line. */
  onRetry?: (retry: { attempt: number; delayMs: number; error: ServerUnavailableError | IngestRequestError }) => void;
}

/** Gateway, availability and rate-limit statuses: a proxy or the server itself says "not now" (429 and 503 with Retry-After). */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const RETRYABLE_CODES = new Set(['DATABASE_UNAVAILABLE']);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

function networkCode(error: unknown): string | null {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    const errors = (e as { errors?: unknown[] }).errors;
    if (Array.isArray(errors)) for (const inner of errors) {
      const c = networkCode(inner);
      if (c) return c;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * Sends one report, again with backoff while the failure may pass (ingestion
 * is idempotent, so a retry after a lost answer does no harm). Throws
 * AuthError at once; ServerUnavailableError or IngestRequestError once the
 * attempts are used up or the error is the report's own.
 */
export async function ingestArticle(input: IngestArticleInput, options: ClientOptions): Promise<IngestResult> {
  const attempts = Math.max(1, options.attempts ?? 5);
  const firstDelayMs = options.retryDelayMs ?? 250;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await sendOnce(input, options);
    } catch (error) {
      const retryable = (error instanceof ServerUnavailableError || error instanceof IngestRequestError) && error.retryable;
      if (!retryable || attempt >= attempts) {
        if (retryable && attempts > 1) (error as Error).message += ` (gave up after ${attempts} attempts)`;
        throw error;
      }
      const backoffMs = firstDelayMs * 2 ** Math.min(attempt - 1, 4) * (1 + Math.random() / 4);
      const askedMs = error instanceof IngestRequestError && error.retryAfterSeconds !== null ? Math.min(error.retryAfterSeconds, 10) * 1000 : 0;
      const delayMs = Math.round(Math.max(backoffMs, askedMs));
      options.onRetry?.({ attempt, delayMs, error: error as ServerUnavailableError | IngestRequestError });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** Reports in flight at once unless told otherwise (`--concurrency`): the service and its database then work side by side. */
export const defaultConcurrency = 4;
/** More gains nothing on the embedded store and only queues on the server (NEWSGRAPH_MAX_CONCURRENT is 8 by default). */
export const maxConcurrency = 8;

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Sends `items` up to `concurrency` at a time and hands every outcome to
 * `handle` in input order, whatever order the answers come in, so output and
 * tallies read as if they were sent one by one. The first item goes alone: a
 * wrong endpoint or key fails once, not `concurrency` times. `handle`
 * returning false stops the run: nothing more is sent.
 */
export async function sendInOrder<T, R>(
  items: readonly T[],
  concurrency: number,
  send: (item: T, index: number) => Promise<R>,
  handle: (outcome: Outcome<R>, index: number) => boolean | void,
): Promise<void> {
  const settle: Array<(outcome: Outcome<R>) => void> = [];
  const outcomes = items.map((_, i) => new Promise<Outcome<R>>((resolve) => (settle[i] = resolve)));
  let widened = false;
  let running = 0;
  let next = 0;
  let stopped = false;
  const pump = () => {
    while (!stopped && running < (widened ? concurrency : 1) && next < items.length) {
      const i = next++;
      running += 1;
      void send(items[i]!, i)
        .then(
          (value): Outcome<R> => ({ ok: true, value }),
          (error: unknown): Outcome<R> => ({ ok: false, error }),
        )
        .then((outcome) => {
          running -= 1;
          settle[i]!(outcome);
          // Until the first outcome is handled, the next send waits for the handler's word.
          if (widened) pump();
        });
    }
  };
  try {
    pump();
    for (let i = 0; i < items.length; i += 1) {
      const outcome = await outcomes[i]!;
      if (handle(outcome, i) === false) return;
      widened = true;
      pump();
    }
  } finally {
    stopped = true;
  }
}

function retryAfterSeconds(response: Response): number | null {
  const value = Number(response.headers.get('retry-after'));
  return Number.isFinite(value) && value >= 0 && response.headers.has('retry-after') ? value : null;
}

async function sendOnce(input: IngestArticleInput, options: ClientOptions): Promise<IngestResult> {
  const doFetch = options.fetchImpl ?? fetch;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    'apollo-require-preflight': 'true',
  };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  let response: Response;
  try {
    response = await doFetch(options.endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: INGEST_MUTATION, variables: { input } }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30000),
    });
  } catch (error) {
    const code = networkCode(error);
    if (code) throw new ServerUnavailableError(`cannot reach the server at ${options.endpoint} (${code}); is it running?`);
    if ((error as Error)?.name === 'TimeoutError') throw new ServerUnavailableError(`the server at ${options.endpoint} did not answer in time`);
    const cause = (error as { cause?: { message?: string } })?.cause?.message;
    throw new ServerUnavailableError(`cannot reach the server at ${options.endpoint} (${cause ?? (error as Error)?.message ?? String(error)})`);
  }
  if (response.status === 401 || response.status === 403) {
    throw new AuthError(`the server refused the API key (HTTP ${response.status}); check NEWSGRAPH_API_KEY`);
  }
  const statusRetryable = RETRYABLE_STATUSES.has(response.status);
  const retryAfter = retryAfterSeconds(response);
  let payload: { data?: { ingestArticle?: IngestResult | null } | null; errors?: Array<{ message?: string; extensions?: { code?: string; retryable?: unknown } }> };
  try {
    payload = (await response.json()) as typeof payload;
  } catch (error) {
    const code = networkCode(error);
    if (code) throw new ServerUnavailableError(`the connection to ${options.endpoint} broke while reading the answer (${code})`);
    throw new IngestRequestError(`the server answered HTTP ${response.status} without a JSON body`, `HTTP_${response.status}`, {
      retryable: statusRetryable,
      retryAfterSeconds: retryAfter,
    });
  }
  const errors = payload.errors ?? [];
  const auth = errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED' || e.extensions?.code === 'FORBIDDEN');
  if (auth) throw new AuthError(`the server refused the API key (${auth.extensions?.code}): ${auth.message ?? ''}`.trim());
  if (errors.length || !payload.data?.ingestArticle) {
    const first = errors[0];
    const retryable =
      statusRetryable ||
      (errors.length > 0 && errors.every((e) => e.extensions?.retryable === true || RETRYABLE_CODES.has(e.extensions?.code ?? '')));
    throw new IngestRequestError(first?.message ?? `HTTP ${response.status}: no result`, first?.extensions?.code ?? `HTTP_${response.status}`, {
      retryable,
      retryAfterSeconds: retryAfter,
    });
  }
  return payload.data.ingestArticle;
}
