/**
 * The explorer's GraphQL client: one POST per page to the same origin's
 * /graphql, with JSON so Apollo Server's CSRF prevention lets it through.
 * Each request is either loading, failed with a sentence to show, or done.
 */
import { useCallback, useEffect, useState } from 'react';

export class ApiError extends Error {
  override name = 'ApiError';
  /** The first GraphQL error's `extensions.code`, when the API gave one. */
  readonly code: string | null;

  constructor(message: string, code: string | null = null) {
    super(message);
    this.code = code;
  }
}

/** Codes for which asking again gives the same answer. */
const finalCodes = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'FORBIDDEN', 'UNAUTHENTICATED']);

interface GraphQLBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export async function request<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('Could not reach the API: check the connection, then try again.');
  }
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError(`The API answered ${response.status} ${response.statusText} without a GraphQL response.`);
  }
  if (body.errors?.length) {
    throw new ApiError(body.errors.map((error) => error.message).join(' '), body.errors[0]?.extensions?.code ?? null);
  }
  if (!body.data) throw new ApiError(`The API answered ${response.status} without data.`);
  return body.data;
}

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'failed'; message: string; retryable: boolean }
  | { status: 'done'; data: T };

/** Runs `query` whenever it or its variables change; `retry` runs it again. */
export function useQuery<T>(query: string, variables: Record<string, unknown>): QueryState<T> & { retry: () => void } {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    request<T>(query, JSON.parse(key) as Record<string, unknown>, controller.signal).then(
      (data) => setState({ status: 'done', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        const retryable = !(error instanceof ApiError && error.code !== null && finalCodes.has(error.code));
        setState({ status: 'failed', message, retryable });
      },
    );
    return () => controller.abort();
  }, [query, key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
