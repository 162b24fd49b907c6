/**
 * The embedded database: FerretDB 1.24 on SQLite, built from our small Go
 * wrapper in tools/ferretdb. Used by `npm start` when no MONGODB_URI is set and
 * by the tests, which each start their own instance on a free port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { repoRoot } from '../config';

export const ferretdbSourceDir = path.join(repoRoot, 'tools', 'ferretdb');
/** Where the built binary is cached; NEWSGRAPH_FERRETDB_BIN overrides it (e.g. a shared build). */
export function ferretdbBinaryPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.NEWSGRAPH_FERRETDB_BIN?.trim() || path.join(repoRoot, '.cache', 'bin', 'ferretdb');
}

export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

function goAvailable(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Builds the FerretDB wrapper once; later calls reuse the binary. Rebuilds when
 * the wrapper's sources are newer than the binary.
 */
export function ensureFerretdbBinary(log: (line: string) => void = () => {}): string {
  const ferretdbBinary = ferretdbBinaryPath();
  const sources = ['main.go', 'go.mod', 'go.sum'].map((file) => path.join(ferretdbSourceDir, file));
  if (fs.existsSync(ferretdbBinary)) {
    const built = fs.statSync(ferretdbBinary).mtimeMs;
    if (sources.every((file) => fs.statSync(file).mtimeMs <= built)) return ferretdbBinary;
  }
  if (!goAvailable()) {
    throw new EmbeddedDatabaseError(
      'The embedded database needs Go to build FerretDB (tools/ferretdb), and `go` was not found. ' +
        'Install Go 1.24 or newer (https://go.dev/doc/install), or set MONGODB_URI to a MongoDB 6.0+ server.',
    );
  }
  log('Building the embedded FerretDB database (first run only; takes a few minutes)…');
  fs.mkdirSync(path.dirname(ferretdbBinary), { recursive: true });
  const result = spawnSync('go', ['build', '-o', ferretdbBinary, '.'], {
    cwd: ferretdbSourceDir,
    env: { ...process.env, CGO_ENABLED: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    throw new EmbeddedDatabaseError(`Building FerretDB failed (go build exited with ${result.status}); see the output above.`);
  }
  return ferretdbBinary;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface EmbeddedDatabase {
  uri: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

async function waitUntilReady(uri: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new EmbeddedDatabaseError(`FerretDB exited with code ${child.exitCode} before accepting connections.`);
    }
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.close().catch(() => {});
    }
  }
  throw new EmbeddedDatabaseError(`FerretDB did not answer ping within ${timeoutMs} ms: ${String(lastError)}`);
}

/** Starts FerretDB on 127.0.0.1:`port` (a free one when omitted), keeping its files in `dataDir`. */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port?: number;
  logFile?: string;
}): Promise<EmbeddedDatabase> {
  const binary = ensureFerretdbBinary((line) => process.stderr.write(`${line}\n`));
  const port = options.port ?? (await freePort());
  fs.mkdirSync(options.dataDir, { recursive: true });
  const logFile = options.logFile ?? path.join(options.dataDir, 'ferretdb.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(binary, ['-listen', `127.0.0.1:${port}`, '-data', options.dataDir], {
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const uri = `mongodb://127.0.0.1:${port}/?directConnection=true`;
  try {
    await waitUntilReady(uri, child, 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    uri,
    port,
    dataDir: options.dataDir,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
