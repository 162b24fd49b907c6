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
  Conflict: 'CONFLICT',
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
  // FerretDB's SQLite backend reports a unique violation as an internal error with SQLite's text, not 11000.
  return error.code === 11000 || /duplicate key|UNIQUE constraint failed/i.test(error.message);
}

/** Concurrent writes to one entity kept colliding; sending the same request again is safe. */
export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(`${message} Nothing was kept; send the request again.`, { extensions: { code: ErrorCode.Conflict, retryable: true } });
  }
}

/** Characters of client input an error message may quote. */
export const maxQuotedChars = 60;
/** Longest message of an error sent to a client: input echoed by many fields must not multiply into megabytes. */
export const maxErrorMessageChars = 400;

/** Client input for an error message: JSON-quoted, at most `maxQuotedChars` of it, with its full length when cut. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  if (text.length <= maxQuotedChars) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, maxQuotedChars))}… (${text.length} characters)`;
}

/** Cuts a message to `maxErrorMessageChars`, saying so. */
export function capMessage(message: string): string {
  return message.length <= maxErrorMessageChars ? message : `${message.slice(0, maxErrorMessageChars)}… (message cut)`;
}
