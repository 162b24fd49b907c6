/**
 * HTTP concerns around the GraphQL endpoint that Apollo does not handle:
 * CORS for the configured origins, JSON bodies in UTF-8 only, and JSON
 * answers for requests rejected before GraphQL sees them (oversized,
 * unreadable or wrongly encoded bodies), in the same
 * `{ errors: [{ message, extensions: { code } }] }` shape as GraphQL errors.
 * Client mistakes are logged at warn level, without stack traces, and at
 * most `clientMistakeLogLimit` lines a minute, so nobody can flood the log.
 *
 * Public: `corsMiddleware`, `sendError`, `jsonOnlyMiddleware`,
 * `httpErrorHandler`, `ClientMistakeLog`.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ErrorCode } from './errors';
import type { Logger } from './logger';

const allowedHeaders = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name';

/**
 * Lets browsers on `origins` (or any origin, for `*`) call the API. Requests
 * from other origins get no CORS headers, so browsers keep them from reading
 * the answer; same-origin requests and non-browser clients are unaffected.
 */
export function corsMiddleware(origins: string[]): RequestHandler {
  const any = origins.includes('*');
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    const permitted = typeof origin === 'string' && (any || allowed.has(origin));
    res.vary('Origin');
    if (permitted) res.setHeader('Access-Control-Allow-Origin', any ? '*' : origin);
    if (req.method !== 'OPTIONS') return next();
    if (permitted) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', allowedHeaders);
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.status(204).end();
  };
}

function errorBody(message: string, code: string, requestId?: string) {
  return { errors: [{ message, extensions: requestId ? { code, requestId } : { code } }] };
}

/** Answers with one GraphQL-shaped error. */
export function sendError(res: Response, status: number, message: string, code: string): void {
  res.status(status).json(errorBody(message, code));
}

export const clientMistakeLogLimit = 20;

/**
 * Warn-level lines for client mistakes: at most `clientMistakeLogLimit` a
 * minute; the next line after a quiet spell says how many were left out.
 */
export class ClientMistakeLog {
  private windowStart = 0;
  private written = 0;
  private suppressed = 0;

  constructor(private readonly logger: Logger) {}

  warn(fields: Record<string, unknown>, message: string, now = Date.now()): void {
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now;
      this.written = 0;
    }
    if (this.written >= clientMistakeLogLimit) {
      this.suppressed += 1;
      return;
    }
    this.written += 1;
    const suppressed = this.suppressed;
    this.suppressed = 0;
    this.logger.warn(suppressed > 0 ? { ...fields, suppressedSinceLastLine: suppressed } : fields, message);
  }
}

const csrfSimpleTypes = new Set(['text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded']);

/**
 * POST bodies must be JSON in UTF-8: another charset (`charset=utf-7`) or a
 * type that is not JSON is HTTP 415. The form-like types browsers send
 * without a preflight are left to Apollo's CSRF prevention, which names it.
 */
export function jsonOnlyMiddleware(log: ClientMistakeLog): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const header = req.headers['content-type'] ?? '';
    const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
    const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
    if (csrfSimpleTypes.has(type)) return next();
    const json = type === 'application/json' || /^application\/[a-z0-9.+-]*\+json$/.test(type);
    if (json && (charset === undefined || charset === 'utf-8' || charset === 'utf8')) return next();
    const message = json
      ? `Expected a JSON body in UTF-8, but got charset "${charset!.slice(0, 40)}".`
      : `Expected a JSON body (content-type: application/json), but got "${type.slice(0, 60) || 'none'}".`;
    log.warn({ status: 415, contentType: header.slice(0, 100) }, 'unsupported media type');
    sendError(res, 415, message, 'UNSUPPORTED_MEDIA_TYPE');
  };
}

/** Body-parser failures as GraphQL-shaped JSON; anything else as INTERNAL_SERVER_ERROR, details only in the log. */
export function httpErrorHandler(
  logger: Logger,
  options: { maxBodyBytes: number; requestId: () => string | undefined; mistakes: ClientMistakeLog },
): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const type = (error as { type?: unknown }).type;
    const clientMistake = (status: number, message: string, code: string) => {
      options.mistakes.warn({ requestId: options.requestId(), status, code, reason: String((error as Error).message).slice(0, 100) }, 'client mistake');
      sendError(res, status, message, code);
    };
    if (type === 'entity.too.large') {
      return clientMistake(413, `The request body is larger than the limit of ${options.maxBodyBytes} bytes.`, 'PAYLOAD_TOO_LARGE');
    }
    if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
      return clientMistake(415, 'The request body is in an encoding or charset this API does not read; send JSON in UTF-8, plain, gzip or deflate.', 'UNSUPPORTED_MEDIA_TYPE');
    }
    if (type === 'entity.parse.failed') return clientMistake(400, 'The request body is not valid JSON.', 'BAD_REQUEST');
    // zlib's errors (a corrupt gzip or deflate body) reach here with status 400 and no type; so do aborted uploads.
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const zlib = typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('Z_');
      return clientMistake(400, zlib ? 'The request body could not be decompressed.' : 'The request body could not be read.', 'BAD_REQUEST');
    }
    const requestId = options.requestId();
    logger.error({ requestId, err: error }, 'unexpected HTTP error');
    res
      .status(500)
      .json(errorBody(`Unexpected error; quote request id ${requestId ?? 'unknown'} when reporting it.`, ErrorCode.Internal, requestId));
  };
}
