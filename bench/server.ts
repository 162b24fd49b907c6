/**
 * One contender of the benchmark, run as a child process of bench/run.ts so
 * that each has its own event loop, heap and peak memory:
 *
 * - `service`: the real app (src/server.ts) with its DataLoaders;
 * - `naive`: the same app with NEWSGRAPH_NAIVE_RESOLVERS=true;
 * - `floor`: a bare node:http server answering `POST /floor/<operation>` with
 *   bench/floor.ts, in the same `{ "data": … }` envelope.
 *
 * Talks to its parent over IPC: sends `{ type: 'ready', port }`, answers
 * `{ type: 'stats' }` with the database commands sent so far and the peak RSS,
 * and on `{ type: 'profile-start' }` / `{ type: 'profile-stop', file }` runs
 * V8's CPU profiler over exactly the window the parent measures (no start-up).
 * Reads BENCH_ROLE, BENCH_DB_URI and BENCH_DB_NAME from the environment.
 */
import fs from 'node:fs';
import http from 'node:http';
import inspector from 'node:inspector';
import { loadConfig } from '../src/config';
import { connectDatabase } from '../src/db/database';
import { createLogger } from '../src/logger';
import { createApp, listen } from '../src/server';
import { floor } from './floor';
import type { OperationName } from './operations';

export type Role = 'service' | 'naive' | 'floor';

export interface ChildStats {
  type: 'stats';
  dbCommands: number;
  /** The same count by command name (`find`, `aggregate`, `getMore`…). */
  dbCommandNames: Record<string, number>;
  /** Sum of the driver's command durations (sent to answered), in milliseconds. */
  dbMs: number;
  /** Peak resident set size, in bytes. */
  maxRss: number;
  /**
   * Requests received and not yet answered. A load run that ends leaves its
   * last requests running here (closing the socket does not stop a resolver);
   * the parent waits for 0 so one run's tail does not slow the next.
   */
  inFlight: number;
}

async function main(): Promise<void> {
  const role = process.env.BENCH_ROLE as Role;
  const uri = process.env.BENCH_DB_URI!;
  const name = process.env.BENCH_DB_NAME!;
  const database = await connectDatabase(uri, name, { timeoutMs: 30_000 });
  let dbCommands = 0;
  const dbCommandNames: Record<string, number> = {};
  database.onCommand((event) => {
    dbCommands += 1;
    dbCommandNames[event.commandName] = (dbCommandNames[event.commandName] ?? 0) + 1;
  });
  let dbMs = 0;
  const addDuration = (event: { duration: number }) => {
    dbMs += event.duration;
  };
  database.client.on('commandSucceeded', addDuration);
  database.client.on('commandFailed', addDuration);

  let inFlight = 0;
  const track = (server: http.Server) =>
    server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
      inFlight += 1;
      res.once('close', () => {
        inFlight -= 1;
      });
    });

  let port: number;
  if (role === 'floor') {
    const server = http.createServer((req, res) => {
      const operation = /^\/floor\/(\w+)$/.exec(req.url ?? '')?.[1] as OperationName | undefined;
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const handler = operation ? floor[operation] : undefined;
        if (!handler) {
          res.writeHead(404).end();
          return;
        }
        const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { variables?: Record<string, unknown> };
        handler(database.db, variables ?? {}).then(
          (data) => {
            res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ data }));
          },
          (error: unknown) => {
            res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
          },
        );
      });
    });
    track(server);
    port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
    );
  } else {
    const config = loadConfig({
      NODE_ENV: 'production',
      NEWSGRAPH_API_KEYS: 'bench-key',
      NEWSGRAPH_DB_TIMEOUT_MS: '120000',
      // The naive contender at concurrency 32 runs far past the default 15 s; measure it rather than cut it off.
      NEWSGRAPH_REQUEST_TIMEOUT_MS: '600000',
      NEWSGRAPH_NAIVE_RESOLVERS: role === 'naive' ? 'true' : 'false',
      // Every bench request comes from one address and one key: measure the service, not its rate limiter.
      NEWSGRAPH_RATE_LIMIT_PER_ADDRESS: '0',
      NEWSGRAPH_RATE_LIMIT_PER_KEY: '0',
      LOG_LEVEL: 'silent',
    });
    const app = await createApp(database, config, createLogger('silent'));
    track(app.httpServer);
    port = await listen(app, 0, '127.0.0.1');
  }

  const profiler = new inspector.Session();
  process.on('message', (message: { type: string; file?: string }) => {
    if (message.type === 'profile-start') {
      profiler.connect();
      profiler.post('Profiler.enable', () => profiler.post('Profiler.start', () => process.send!({ type: 'profile-started' })));
    }
    if (message.type === 'profile-stop') {
      profiler.post('Profiler.stop', (error, result) => {
        if (!error) fs.writeFileSync(message.file!, JSON.stringify(result.profile));
        profiler.disconnect();
        process.send!({ type: 'profile-written', error: error ? String(error) : null });
      });
    }
    if (message.type === 'stats') {
      const stats: ChildStats = { type: 'stats', dbCommands, dbCommandNames, dbMs, maxRss: process.resourceUsage().maxRSS * 1024, inFlight };
      process.send!(stats);
    }
  });
  process.on('disconnect', () => {
    void database.close().finally(() => process.exit(0));
  });
  process.send!({ type: 'ready', port });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${String(error)}\n`);
  process.exit(1);
});
