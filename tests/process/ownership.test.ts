/**
 * One service, one database: a service refuses a database port that already
 * answers and a data folder another running service holds; its FerretDB dies
 * with it, even on kill -9, and the stale lock left behind is taken over.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort, lockFileName, portAnswers } from '../../src/db/embedded';
import { ferretdbPid, gql, processRuns, spawnService, temporaryDataDir, waitReady, waitUntil, type ServiceProcess } from '../support/service-process';
import { ingestKey } from '../support/harness';

let dataDir: string;
const services: ServiceProcess[] = [];

beforeEach(() => {
  dataDir = temporaryDataDir('ownership');
});
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.kill()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof spawnService>[0]): Promise<ServiceProcess> {
  const service = await spawnService(options);
  services.push(service);
  return service;
}

/** The output must be one clear line, not a stack trace. */
function expectOneLineRefusal(output: string, message: RegExp): void {
  expect(output).toMatch(message);
  expect(output).not.toMatch(/\n\s+at /);
  expect(output).not.toContain('embedded FerretDB started');
}

test('a database port that already answers is refused: exit 1, one clear line, nothing started', async () => {
  const dbPort = await freePort();
  const squatter = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => squatter.listen(dbPort, '127.0.0.1', resolve));
  try {
    const service = await start({ dataDir, dbPort, env: { NEWSGRAPH_SEED: 'false' } });
    const exit = await service.exited;
    expect(exit.code).toBe(1);
    expectOneLineRefusal(
      service.output(),
      new RegExp(`newsgraph: Port ${dbPort} \\(NEWSGRAPH_DB_PORT\\) already answers: another database is running there\\.`),
    );
    // It did not keep the data folder either.
    expect(fs.existsSync(path.join(dataDir, 'db', lockFileName))).toBe(false);
  } finally {
    squatter.close();
  }
});

test('a data folder held by a running service is refused; the first one keeps serving', async () => {
  const first = await start({ dataDir });
  await waitReady(first);
  const lockFile = path.join(dataDir, 'db', lockFileName);
  expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(first.pid));

  const second = await start({ dataDir });
  const exit = await second.exited;
  expect(exit.code).toBe(1);
  expectOneLineRefusal(
    second.output(),
    new RegExp(`newsgraph: The data folder .* is in use by another newsgraph process \\(pid ${first.pid}; lock file .*${lockFileName}\\)`),
  );
  expect(await portAnswers(second.dbPort)).toBe(false);

  expect((await fetch(`${first.origin}/readyz`)).status).toBe(200);
  expect((await gql(first.origin, '{ officials { totalCount } }')).body).toEqual({ data: { officials: { totalCount: 7 } } });
  expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(first.pid));
});

test('kill -9 of the service leaves no FerretDB behind; the next start takes over the stale lock and finds the data', async () => {
  const first = await start({ dataDir });
  await waitReady(first);
  const dbPid = ferretdbPid(first);
  const written = await gql(first.origin, 'mutation { upsertOfficial(input: { name: "Ana Lima", country: "PT" }) { status } }', { key: ingestKey });
  expect(written.body.data.upsertOfficial.status).toBe('CREATED');

  first.child.kill('SIGKILL');
  await first.exited;
  // Its stdin pipe closed with the service: FerretDB stops by itself.
  expect(await waitUntil(() => !processRuns(dbPid), 5000)).toBe(true);
  expect(await portAnswers(first.dbPort)).toBe(false);
  const lockFile = path.join(dataDir, 'db', lockFileName);
  expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(first.pid)); // stale, its owner is dead

  const second = await start({ dataDir, dbPort: first.dbPort });
  await waitReady(second);
  expect(second.logs()).toContainEqual(
    expect.objectContaining({ msg: 'taking over the data folder lock of a process that is no longer running', previousOwner: first.pid }),
  );
  expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(second.pid));
  expect((await gql(second.origin, '{ officials { totalCount } }')).body).toEqual({ data: { officials: { totalCount: 8 } } });
});
