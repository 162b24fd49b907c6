/**
 * HTTP concerns around the GraphQL endpoint that Apollo does not handle:
 * CORS for the configured origins, and JSON answers for requests rejected
 * before GraphQL sees them (oversized or unreadable bodies), in the same
 * `{ errors: [{ message, extensions: { code } }] }` shape as GraphQL errors.
 *
 * Public: `corsMiddleware`, `httpErrorHandler`.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
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

/** Body-parser failures as GraphQL-shaped JSON; anything else as INTERNAL_SERVER_ERROR, details only in the log. */
export function httpErrorHandler(logger: Logger, options: { maxBodyBytes: number; requestId: () => string | undefined }): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const type = (error as { type?: unknown }).type;
    if (type === 'entity.too.large') {
      res.status(413).json(errorBody(`The request body is larger than the limit of ${options.maxBodyBytes} bytes.`, 'PAYLOAD_TOO_LARGE'));
      return;
    }
    if (type === 'entity.parse.failed' || type === 'charset.unsupported' || type === 'encoding.unsupported') {
      res.status(400).json(errorBody('The request body is not valid JSON.', 'BAD_REQUEST'));
      return;
    }
    const requestId = options.requestId();
    logger.error({ requestId, err: error }, 'unexpected HTTP error');
    res
      .status(500)
      .json(errorBody(`Unexpected error; quote request id ${requestId ?? 'unknown'} when reporting it.`, ErrorCode.Internal, requestId));
  };
}
