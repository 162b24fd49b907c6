/**
 * The time limit of one request, reaching every database command: once it
 * passes, or the client disconnects, no new command starts (reading
 * `maxTimeMS` throws REQUEST_TIMEOUT), and each command's `maxTimeMS` is no
 * larger than the time left.
 *
 * Loaders and services already pass `ctx.maxTimeMS` with every command;
 * `createContext` makes that a getter over `Deadline.maxTimeMS()`, so the
 * deadline needs no other hook in them.
 *
 * Mutations get their own, longer limit, checked before a mutation field
 * starts; once it has started its writes are never cut short (an answer of
 * REQUEST_TIMEOUT after the writes committed would be a lie), so each write
 * keeps the full per-command limit.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

export const RequestTimeoutCode = 'REQUEST_TIMEOUT';

export class RequestTimeoutError extends GraphQLError {
  constructor(limitMs: number, aborted: boolean) {
    super(aborted ? 'The client closed the connection; the request was stopped.' : `The request ran longer than its limit of ${limitMs} ms; ask for less.`, {
      extensions: { code: RequestTimeoutCode, http: { status: 503 } },
    });
  }
}

export interface DeadlineLimits {
  requestTimeoutMs: number;
  mutationTimeoutMs: number;
}

export class Deadline {
  private limitMs: number;
  private writing = false;

  constructor(
    private readonly limits: DeadlineLimits,
    /** The per-command limit (NEWSGRAPH_DB_TIMEOUT_MS); never exceeded. */
    private readonly dbTimeoutMs: number,
    readonly signal: AbortSignal = new AbortController().signal,
    private readonly startedAt = Date.now(),
  ) {
    this.limitMs = limits.requestTimeoutMs;
  }

  /** No request limit: only the per-command one (scripts, the seed). */
  static unlimited(dbTimeoutMs: number): Deadline {
    return new Deadline({ requestTimeoutMs: Number.MAX_SAFE_INTEGER, mutationTimeoutMs: Number.MAX_SAFE_INTEGER }, dbTimeoutMs);
  }

  /** A mutation: the longer limit applies. */
  forMutation(): void {
    this.limitMs = this.limits.mutationTimeoutMs;
  }

  /** Writes have started: they are finished whatever the clock says, each command with the full per-command limit. */
  beginWrites(): void {
    this.writing = true;
  }

  get timeLeftMs(): number {
    return this.startedAt + this.limitMs - Date.now();
  }

  get expired(): boolean {
    return this.signal.aborted || this.timeLeftMs <= 0;
  }

  /** Throws REQUEST_TIMEOUT once the limit has passed or the client has gone. */
  check(): void {
    if (this.expired) throw new RequestTimeoutError(this.limitMs, this.signal.aborted);
  }

  /** The `maxTimeMS` of the next database command; throws instead when no command may start. */
  maxTimeMS(): number {
    if (this.writing) return this.dbTimeoutMs;
    this.check();
    return Math.max(1, Math.min(this.dbTimeoutMs, Math.floor(this.timeLeftMs)));
  }
}

/**
 * Fields resolved after the deadline fail with REQUEST_TIMEOUT (HTTP 503),
 * and the response keeps one such error. For a mutation only its root fields
 * are checked, and starting one begins the writes.
 */
export function requestDeadlinePlugin<C extends { deadline: Deadline }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'mutation') contextValue.deadline.forMutation();
        },
        async executionDidStart({ operation, contextValue }) {
          const mutation = operation.operation === 'mutation';
          return {
            willResolveField({ info }) {
              const root = info.path.prev === undefined;
              if (mutation && !root) return;
              contextValue.deadline.check();
              if (mutation) contextValue.deadline.beginWrites();
            },
          };
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const errors = response.body.singleResult.errors;
          const first = errors.findIndex((error) => error.extensions?.code === RequestTimeoutCode);
          response.body.singleResult.errors = errors.filter((error, i) => error.extensions?.code !== RequestTimeoutCode || i === first);
        },
      };
    },
  };
}
