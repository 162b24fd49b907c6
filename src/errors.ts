/**
 * The errors clients can see, each with a stable `extensions.code`. Anything
 * else that escapes a resolver is reported as INTERNAL_SERVER_ERROR by
 * `formatError` in server.ts, with details only in the logs.
 */
import { GraphQLError } from 'graphql';
import { MongoError, MongoNetworkError, MongoServerSelectionError } from 'mongodb';

export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  DatabaseUnavailable: 'DATABASE_UNAVAILABLE',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Input that breaks the contract; `field` is the path of the culprit (`input.meetings[0].date`). */
export class ValidationError extends GraphQLError {
  constructor(message: string, field: string) {
    super(message, { extensions: { code: ErrorCode.BadUserInput, field } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'This operation needs an API key: send "Authorization: Bearer <key>".') {
    super(message, { extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.Forbidden, http: { status: 403 } } });
  }
}

export class DatabaseUnavailableError extends GraphQLError {
  constructor(cause: unknown) {
    super('The database is not answering; try again shortly.', {
      extensions: { code: ErrorCode.DatabaseUnavailable },
      originalError: cause instanceof Error ? cause : undefined,
    });
  }
}

/** True for driver errors that mean "cannot reach the database", as opposed to a bad query. */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof MongoServerSelectionError || error instanceof MongoNetworkError) return true;
  // The driver lets a plain socket error through when it writes to a connection the server has just closed.
  if (['EPIPE', 'ECONNRESET', 'ECONNREFUSED'].includes((error as NodeJS.ErrnoException | null)?.code as string)) return true;
  return error instanceof MongoError && /topology|connection|ECONNREFUSED|closed/i.test(error.message);
}

export function isDuplicateKeyError(error: unknown): boolean {
  if (!(error instanceof MongoError)) return false;
  // FerretDB may report a unique violation caused by an update as an internal error with this text.
  return error.code === 11000 || /duplicate key/i.test(error.message);
}
