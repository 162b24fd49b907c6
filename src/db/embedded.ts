/**
 * The embedded database: FerretDB 1.24 on SQLite, built from our small Go
 * wrapper in tools/ferretdb. Used by `npm start` when no MONGODB_URI is set and
 * by the tests, which each start their own instance on a free port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { MongoClient, ObjectId, type Db } from 'mongodb';
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

/** What the embedded database reports about its process; a pino logger fits. */
export interface EmbeddedDatabaseLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

const silentLog: EmbeddedDatabaseLog = { info() {}, warn() {}, error() {} };

export interface EmbeddedDatabase {
  uri: string;
  port: number;
  dataDir: string;
  /** The running FerretDB's process id (changes when it is restarted). */
  readonly pid: number | undefined;
  /**
   * Makes reads, updates and deletes by `_id` in every collection of `db`
   * searches instead of table scans (see tools/ferretdb: the wrapper indexes
   * tables when it starts and when asked). Call it after creating collections.
   */
  indexPointReads(db: Db): Promise<void>;
  /** Stops FerretDB (SIGTERM, then SIGKILL after a few seconds) and releases the data folder. */
  stop(): Promise<void>;
}

const indexWaitMs = 30_000;

/** Whether FerretDB's plan for a read by `_id` searches an index, in every collection of `db`. */
async function pointReadsIndexed(db: Db): Promise<boolean> {
  const probe = { _id: new ObjectId() };
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    // A statement first: SQLite reloads a connection's schema when one runs, not when one is only explained.
    await db.collection(name).findOne(probe);
    const explained = await db.command({ explain: { find: name, filter: probe } });
    const plan = (explained.queryPlanner?.Plan ?? []) as string[];
    if (!plan.some((line) => line.includes('USING INDEX'))) return false;
  }
  return true;
}

/** First wait after an unexpected exit; doubles per exit in a row, up to `restartMaxDelayMs`. */
const restartFirstDelayMs = 500;
const restartMaxDelayMs = 10_000;
/** A child that ran this long before exiting counts as healthy: the next restart waits the first delay again. */
const healthyUptimeMs = 30_000;
/** How long FerretDB gets to stop after SIGTERM before it is killed. */
const stopTimeoutMs = 3000;

export const lockFileName = 'newsgraph.lock';
/** Lock files this process holds, so a lock naming our own pid can be told from one left by an earlier life. */
const heldLocks = new Set<string>();

/** True while `pid` runs; a zombie (exited, not yet reaped) counts as gone. */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie (exited, not yet reaped) still answers signal 0 but holds nothing.
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/**
 * One service per data folder: SQLite allows one writer, and two FerretDBs on
 * one folder would each believe they own it. The lock file holds the owner's
 * pid; a lock whose owner is gone is taken over. Returns the release function.
 */
function lockDataFolder(dataDir: string, log: EmbeddedDatabaseLog): () => void {
  const lockFile = path.join(dataDir, lockFileName);
  const release = () => {
    heldLocks.delete(lockFile);
    try {
      if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.rmSync(lockFile);
    } catch {
      // Already gone.
    }
  };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      heldLocks.add(lockFile);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner: number;
    try {
      owner = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
    } catch {
      continue; // Removed meanwhile: try again.
    }
    const ownerRuns = Number.isInteger(owner) && owner > 0 && (owner === process.pid ? heldLocks.has(lockFile) : processRuns(owner));
    if (ownerRuns) {
      throw new EmbeddedDatabaseError(
        `The data folder ${dataDir} is in use by another newsgraph process (pid ${owner}; lock file ${lockFile}). ` +
          'Stop that process, or set NEWSGRAPH_DATA_DIR to another folder.',
      );
    }
    log.warn({ lockFile, previousOwner: Number.isInteger(owner) ? owner : null }, 'taking over the data folder lock of a process that is no longer running');
    fs.rmSync(lockFile, { force: true });
  }
  throw new EmbeddedDatabaseError(`Could not lock the data folder ${dataDir} (lock file ${lockFile} keeps changing).`);
}

/** True when something accepts TCP connections on 127.0.0.1:`port`. */
export function portAnswers(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (answers: boolean) => {
      socket.destroy();
      resolve(answers);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitUntilReady(uri: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new EmbeddedDatabaseError(`FerretDB exited with ${child.signalCode ?? `code ${child.exitCode}`} before accepting connections.`);
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

/**
 * Starts FerretDB on 127.0.0.1:`port` (a free one when omitted), keeping its
 * files in `dataDir`, and supervises it: the data folder is locked for this
 * process, FerretDB stops when this process dies (its stdin pipe closes), and
 * an unexpected exit is logged and followed by a restart with backoff.
 * Refuses to start when the port already answers: that database is not ours.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port?: number;
  logFile?: string;
  log?: EmbeddedDatabaseLog;
}): Promise<EmbeddedDatabase> {
  const log = options.log ?? silentLog;
  const binary = ensureFerretdbBinary((line) => process.stderr.write(`${line}\n`));
  const port = options.port ?? (await freePort());
  fs.mkdirSync(options.dataDir, { recursive: true });
  const dataDir = options.dataDir;
  const releaseLock = lockDataFolder(dataDir, log);
  if (await portAnswers(port)) {
    releaseLock();
    throw new EmbeddedDatabaseError(
      `Port ${port} (NEWSGRAPH_DB_PORT) already answers: another database is running there. ` +
        'Stop it, or set NEWSGRAPH_DB_PORT to a free port; newsgraph only uses a database it started itself.',
    );
  }
  const logFile = options.logFile ?? path.join(dataDir, 'ferretdb.log');
  const uri = `mongodb://127.0.0.1:${port}/?directConnection=true`;

  const spawnFerretdb = (): ChildProcess => {
    const output = fs.openSync(logFile, 'a');
    const spawned = spawn(binary, ['-listen', `127.0.0.1:${port}`, '-data', dataDir, '-exit-on-stdin-close'], {
      stdio: ['pipe', output, output],
    });
    fs.closeSync(output);
    spawned.stdin!.on('error', () => {}); // EPIPE when it has already gone
    return spawned;
  };

  let stopping = false;
  /** Until the first start succeeded, an exit is a start-up failure, reported to the caller instead. */
  let started = false;
  let restartDelayMs = restartFirstDelayMs;
  let restartTimer: NodeJS.Timeout | undefined;
  let child = spawnFerretdb();

  const supervise = (watched: ChildProcess) => {
    const startedAt = Date.now();
    watched.once('exit', (code, signal) => {
      if (stopping || !started) return;
      if (Date.now() - startedAt >= healthyUptimeMs) restartDelayMs = restartFirstDelayMs;
      log.error({ pid: watched.pid, code, signal, restartInMs: restartDelayMs, logFile }, 'embedded FerretDB exited unexpectedly; restarting it');
      restartTimer = setTimeout(() => void restart(), restartDelayMs);
      restartDelayMs = Math.min(restartDelayMs * 2, restartMaxDelayMs);
    });
  };

  const restart = async () => {
    if (stopping) return;
    child = spawnFerretdb();
    supervise(child);
    try {
      await waitUntilReady(uri, child, 30_000);
      log.info({ pid: child.pid, port }, 'embedded FerretDB restarted');
    } catch {
      // It exited again: its exit handler has scheduled the next attempt.
    }
  };

  supervise(child);
  try {
    await waitUntilReady(uri, child, 30_000);
    if (child.exitCode !== null || child.signalCode !== null) throw new EmbeddedDatabaseError('FerretDB exited right after it started.');
    started = true;
  } catch (error) {
    stopping = true;
    child.kill('SIGKILL');
    releaseLock();
    throw new EmbeddedDatabaseError(`${(error as Error).message} See ${logFile}.`);
  }

  return {
    uri,
    port,
    dataDir,
    get pid() {
      return child.pid;
    },
    async indexPointReads(db: Db) {
      child.kill('SIGUSR1');
      const deadline = Date.now() + indexWaitMs;
      while (!(await pointReadsIndexed(db))) {
        if (Date.now() > deadline) {
          log.warn({ waitedMs: indexWaitMs, logFile }, 'embedded FerretDB did not index reads by _id in time; they scan until its next start');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.stdin?.end();
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
        await exited;
        clearTimeout(timer);
      }
      releaseLock();
    },
  };
}
