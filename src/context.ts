/** What every resolver receives: built once per request. */
import type { Db } from 'mongodb';
import type { Caller } from './auth';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  db: Db;
  loaders: Loaders;
  caller: Caller;
  /** The request's clock, so writes in one request share one timestamp. */
  now: Date;
  /** Server-side limit for each database query, in milliseconds. */
  maxTimeMS: number;
  /** Sent back in the x-request-id header and in INTERNAL_SERVER_ERROR responses. */
  requestId: string;
}

export function createContext(
  db: Db,
  caller: Caller,
  options: { maxTimeMS: number; requestId: string; now?: Date; naiveResolvers?: boolean },
): Context {
  return {
    db,
    loaders: createLoaders(db, { maxTimeMS: options.maxTimeMS, naive: options.naiveResolvers }),
    caller,
    now: options.now ?? new Date(),
    maxTimeMS: options.maxTimeMS,
    requestId: options.requestId,
  };
}
