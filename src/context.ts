/** What every resolver receives: built once per request. */
import type { Db } from 'mongodb';
import type { Caller } from './auth';
import { Deadline } from './deadline';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  db: Db;
  loaders: Loaders;
  caller: Caller;
  /** The request's clock, so writes in one request share one timestamp. */
  now: Date;
  /**
   * Server-side limit for the next database query, in milliseconds: never more
   * than the request's time left. Read it right before each command: once the
   * request's deadline has passed (or its client left) reading it throws
   * REQUEST_TIMEOUT, so no new command starts.
   */
  readonly maxTimeMS: number;
  /** The request's time limit (src/deadline.ts). */
  deadline: Deadline;
  /** Sent back in the x-request-id header and in INTERNAL_SERVER_ERROR responses. */
  requestId: string;
  /** Bytes of large text (article bodies) resolved so far, charged against the response-size cap (`chargeOutput`). */
  output: { bytes: number; maxBytes: number };
}

/**
 * `maxTimeMS` is a getter on the prototype: Apollo copies the context's own
 * properties for each operation (Object.assign), which would freeze a getter
 * defined on the object itself into one number.
 */
class RequestContext implements Context {
  constructor(
    readonly db: Db,
    readonly loaders: Loaders,
    readonly caller: Caller,
    readonly now: Date,
    readonly deadline: Deadline,
    readonly requestId: string,
    readonly output: { bytes: number; maxBytes: number },
  ) {}

  get maxTimeMS(): number {
    return this.deadline.maxTimeMS();
  }
}

export function createContext(
  db: Db,
  caller: Caller,
  options: { maxTimeMS: number; requestId: string; now?: Date; naiveResolvers?: boolean; deadline?: Deadline; maxResponseBytes?: number },
): Context {
  const deadline = options.deadline ?? Deadline.unlimited(options.maxTimeMS);
  // A getter, so every loader batch reads the time left at the moment it sends its command.
  const loaderOptions = {
    get maxTimeMS() {
      return deadline.maxTimeMS();
    },
    naive: options.naiveResolvers,
  };
  return new RequestContext(
    db,
    createLoaders(db, loaderOptions),
    caller,
    options.now ?? new Date(),
    deadline,
    options.requestId,
    { bytes: 0, maxBytes: options.maxResponseBytes ?? Number.POSITIVE_INFINITY },
  );
}
