/**
 * The HTTP app: GraphQL on /graphql, liveness on /healthz, readiness on
 * /readyz, the explorer and the IDE from src/web.ts. Built from a connected
 * database so tests can run it on any port.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { AsyncLocalStorage } from 'node:async_hooks';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { concurrencyLimit, rateLimitMiddleware } from './admission';
import { identifyCaller, parseApiKeys, requireReadAccess, type Caller } from './auth';
import { repoRoot, type Config } from './config';
import { createContext, type Context } from './context';
import type { Database } from './db/database';
import { failFastWhileDatabaseDown } from './db/health';
import { Deadline, RequestTimeoutCode, requestDeadlinePlugin } from './deadline';
import { capMessage, DatabaseUnavailableError, ErrorCode, isConnectionError } from './errors';
import { ClientMistakeLog, corsMiddleware, httpErrorHandler, jsonOnlyMiddleware, sendError } from './http';
import { operationLimitsPlugin, responseSizePlugin } from './limits';
import type { Logger } from './logger';
import { resolvers } from './resolvers';
import { mountWeb, mountWebNotFound } from './web';

export const typeDefs = fs.readFileSync(path.join(repoRoot, 'schema.graphql'), 'utf8');

/** Per-request bookkeeping that the driver's command events can reach. */
interface RequestScope {
  requestId: string;
  dbCommands: number;
}
const requestScope = new AsyncLocalStorage<RequestScope>();

const clientCodes = new Set<string>([
  ErrorCode.BadUserInput,
  'RESPONSE_TOO_LARGE',
  ErrorCode.Unauthenticated,
  ErrorCode.Forbidden,
  ErrorCode.DatabaseUnavailable,
  ErrorCode.Conflict,
  RequestTimeoutCode,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Errors that mean the request itself was malformed: logged at warn level (rate-limited), never as server faults. */
const requestMistakeCodes = new Set<string>(['BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/**
 * What clients see of an error: known codes pass through, their messages cut
 * to `maxErrorMessageChars`; an error Apollo marked with a 4xx status but no
 * code (a persisted-query hash mismatch) is BAD_REQUEST; a lost database
 * becomes DATABASE_UNAVAILABLE; anything else is INTERNAL_SERVER_ERROR with
 * the request id, its details kept for the logs.
 */
export function makeFormatError(
  logger: Logger,
  options: { hideSchemaHints: boolean; mistakes?: ClientMistakeLog } = { hideSchemaHints: false },
) {
  const mistakes = options.mistakes ?? new ClientMistakeLog(logger);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const requestId = requestScope.getStore()?.requestId;
    const httpStatus = original instanceof GraphQLError ? (original.extensions?.http as { status?: number } | undefined)?.status : undefined;
    if (original instanceof GraphQLError && !original.extensions?.code && httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500) {
      formatted = { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
    }
    if (isConnectionError(original)) {
      logger.warn({ requestId, err: original }, 'database unavailable');
      const mapped = new DatabaseUnavailableError(original);
      return { message: mapped.message, path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.DatabaseUnavailable, requestId } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && clientCodes.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      // graphql-js suggests field, type and argument names; with introspection off they would leak the schema.
      const message = capMessage(options.hideSchemaHints ? formatted.message.replace(/ Did you mean [^?]*\?/g, '') : formatted.message);
      if (requestMistakeCodes.has(code)) mistakes.warn({ requestId, code, reason: message.slice(0, 100) }, 'client mistake');
      return { ...formatted, message, extensions };
    }
    logger.error({ requestId, err: original }, 'unexpected error');
    return {
      message: `Unexpected error; quote request id ${requestId ?? 'unknown'} when reporting it.`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.Internal, requestId },
    };
  };
}

function requestLogPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors, contextValue }) {
          const scope = requestScope.getStore();
          logger.info(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              durationMs: Number(process.hrtime.bigint() - started) / 1e6,
              dbCommands: scope?.dbCommands ?? null,
              errors: errors?.length ?? 0,
            },
            'graphql request',
          );
        },
      };
    },
  };
}

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  stop(): Promise<void>;
}

export async function createApp(database: Database, config: Config, logger: Logger): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apiKeys = parseApiKeys(config.apiKeys);
  const mistakes = new ClientMistakeLog(logger);

  database.onCommand(() => {
    const scope = requestScope.getStore();
    if (scope) scope.dbCommands += 1;
  });

  const apollo = new ApolloServer<Context>({
    typeDefs,
    resolvers,
    introspection: config.introspectionEnabled,
    includeStacktraceInErrorResponses: false,
    formatError: makeFormatError(logger, { hideSchemaHints: config.production || !config.introspectionEnabled, mistakes }),
    // Limits: see src/limits.ts, src/deadline.ts and README's "Limits".
    parseOptions: { maxTokens: config.limits.maxTokens },
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // The service stops itself (scripts/start.ts); Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
    plugins: [
      failFastWhileDatabaseDown(database.health),
      operationLimitsPlugin(config.limits),
      requestDeadlinePlugin(),
      responseSizePlugin(config.limits),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      ApolloServerPluginLandingPageDisabled(),
      requestLogPlugin(logger),
    ],
  });
  await apollo.start();

  app.use((_req, res, next) => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    requestScope.run({ requestId, dbCommands: 0 }, () => next());
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', (_req, res) => {
    const ready = database.health.available;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unavailable' });
  });

  // Before the GraphQL middleware: a browser's GET /graphql gets the IDE, and
  // Apollo's own landing page stays disabled.
  mountWeb(app, config);

  const callerOf = (res: express.Response) => res.locals.caller as Caller;
  const concurrency = concurrencyLimit(config.admission);
  app.use(
    '/graphql',
    corsMiddleware(config.corsOrigins),
    (req, res, next) => {
      // The request's clock starts on arrival, so time spent queued counts; a client that leaves aborts it.
      const aborted = new AbortController();
      res.once('close', () => {
        if (!res.writableFinished) aborted.abort();
      });
      res.locals.deadline = new Deadline(config.limits, config.dbTimeoutMs, aborted.signal);
      res.locals.caller = identifyCaller(req.headers.authorization, apiKeys);
      next();
    },
    rateLimitMiddleware(config.admission, callerOf),
    concurrency.refuseEarly,
    // With NEWSGRAPH_REQUIRE_READ_KEY, an anonymous caller is answered before its body is read: no parsing, validation, hints or costs.
    (_req, res, next) => {
      if (!config.requireReadKey) return next();
      try {
        requireReadAccess(callerOf(res));
        next();
      } catch (error) {
        const status = (error as GraphQLError).extensions.code === ErrorCode.Forbidden ? 403 : 401;
        sendError(res, status, (error as GraphQLError).message, String((error as GraphQLError).extensions.code));
      }
    },
    jsonOnlyMiddleware(mistakes),
    express.json({ limit: config.maxBodyBytes }),
    concurrency.admit,
    expressMiddleware(apollo, {
      context: async ({ res }) =>
        createContext(database.db, callerOf(res), {
          maxTimeMS: config.dbTimeoutMs,
          requestId: requestScope.getStore()?.requestId ?? randomUUID(),
          naiveResolvers: config.naiveResolvers,
          deadline: res.locals.deadline as Deadline,
          maxResponseBytes: config.limits.maxResponseBytes,
        }),
    }),
  );
  mountWebNotFound(app, config);
  app.use(httpErrorHandler(logger, { maxBodyBytes: config.maxBodyBytes, requestId: () => requestScope.getStore()?.requestId, mistakes }));

  return {
    httpServer,
    apollo,
    async stop() {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

export function listen(app: App, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    app.httpServer.once('error', reject);
    app.httpServer.listen(port, host, () => {
      const address = app.httpServer.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
