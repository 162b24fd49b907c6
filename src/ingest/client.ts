/** A small GraphQL client for the `ingestArticle` mutation. */
import type { IngestArticleInput } from './shape';

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
}

/** The API key is missing, unknown or lacks the `ingest` role. */
export class AuthError extends Error {
  readonly code = 'UNAUTHORIZED';
}

/** The server answered with GraphQL errors for this one report. */
export class IngestRequestError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}

export interface ClientOptions {
  endpoint: string;
  apiKey?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

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

/** Sends one report; throws ServerUnavailableError / AuthError (fatal for a run) or IngestRequestError. */
export async function ingestArticle(input: IngestArticleInput, options: ClientOptions): Promise<IngestResult> {
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
  let payload: { data?: { ingestArticle?: IngestResult | null } | null; errors?: Array<{ message?: string; extensions?: { code?: string } }> };
  try {
    payload = (await response.json()) as typeof payload;
  } catch {
    throw new IngestRequestError(`the server answered HTTP ${response.status} without a JSON body`, `HTTP_${response.status}`);
  }
  const errors = payload.errors ?? [];
  const auth = errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED' || e.extensions?.code === 'FORBIDDEN');
  if (auth) throw new AuthError(`the server refused the API key (${auth.extensions?.code}): ${auth.message ?? ''}`.trim());
  if (errors.length || !payload.data?.ingestArticle) {
    const first = errors[0];
    throw new IngestRequestError(first?.message ?? `HTTP ${response.status}: no result`, first?.extensions?.code ?? `HTTP_${response.status}`);
  }
  return payload.data.ingestArticle;
}
