/**
 * SIGTERM/SIGINT stop the service cleanly: requests in flight finish (up to
 * NEWSGRAPH_SHUTDOWN_GRACE_MS), then it exits 0 with its FerretDB stopped.
 */
import fs from 'node:fs';
import net from 'node:net';
import { portAnswers } from '../../src/db/embedded';
import { ferretdbPid, processRuns, sleep, spawnService, temporaryDataDir, waitReady, type ServiceProcess } from '../support/service-process';

let dataDir: string;
let service: ServiceProcess | undefined;

beforeEach(() => {
  dataDir = temporaryDataDir('shutdown');
});
afterEach(async () => {
  await service?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const query = JSON.stringify({ query: '{ officials(first: 100) { totalCount nodes { name } } }' });

/** Opens a request whose body arrives in two parts; the request is in flight until `finish` sends the rest. */
async function requestInFlight(origin: string) {
  const { hostname, port } = new URL(origin);
  const socket = net.connect({ host: hostname, port: Number(port) });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  socket.on('data', (chunk) => (received += chunk));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const half = Math.floor(query.length / 2);
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(query)}\r\n\r\n` +
      query.slice(0, half),
  );
  return {
    finish: () => socket.write(query.slice(half)),
    /** The raw HTTP response once the server closed the connection. */
    response: async () => {
      await closed;
      return received;
    },
  };
}

async function expectDatabaseStopped(pid: number, dbPort: number): Promise<void> {
  expect(processRuns(pid)).toBe(false);
  expect(await portAnswers(dbPort)).toBe(false);
}

test('SIGTERM with a slow request in flight: the request completes, then exit 0 within the grace period and FerretDB is gone', async () => {
  service = await spawnService({ dataDir, env: { NEWSGRAPH_SHUTDOWN_GRACE_MS: '6000' } });
  await waitReady(service);
  const dbPid = ferretdbPid(service);
  const slow = await requestInFlight(service.origin);
  await sleep(500); // until the server has read the request's headers: from then on it is in flight, not idle

  const signalled = Date.now();
  service.child.kill('SIGTERM');
  await sleep(1500); // the client is still sending: the service must wait for it
  expect(service.child.exitCode).toBeNull();
  // No new connections while draining.
  await expect(fetch(`${service.origin}/healthz`)).rejects.toThrow();
  slow.finish();

  const response = await slow.response();
  expect(response).toMatch(/^HTTP\/1\.1 200 /);
  expect(JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4).replace(/^[0-9a-f]+\r\n|\r\n0\r\n\r\n$/g, ''))).toEqual({
    data: { officials: { totalCount: 7, nodes: expect.arrayContaining([{ name: 'Kamran Aliyev' }]) } },
  });
  const exit = await service.exited;
  expect(exit.code).toBe(0);
  expect(exit.at - signalled).toBeLessThan(6000);
  await expectDatabaseStopped(dbPid, service.dbPort);
  expect(service.output()).toContain('"msg":"stopped"');
  expect(fs.existsSync(`${dataDir}/db/newsgraph.lock`)).toBe(false);
});

test('a request that outlives the grace period is cut off; the service still exits 0 soon after the grace period', async () => {
  service = await spawnService({ dataDir, env: { NEWSGRAPH_SHUTDOWN_GRACE_MS: '1500', NEWSGRAPH_SEED: 'false' } });
  await waitReady(service);
  const dbPid = ferretdbPid(service);
  const stuck = await requestInFlight(service.origin); // never finished
  await sleep(500); // until the server has read the request's headers: from then on it is in flight, not idle

  const signalled = Date.now();
  service.child.kill('SIGTERM');
  const exit = await service.exited;
  expect(exit.code).toBe(0);
  expect(exit.at - signalled).toBeGreaterThanOrEqual(1400);
  expect(exit.at - signalled).toBeLessThan(1500 + 4000);
  expect(await stuck.response()).toBe(''); // the connection was closed, no half answer
  await expectDatabaseStopped(dbPid, service.dbPort);
});

test('SIGINT (Ctrl-C) on an idle service with the default grace period exits 0 at once', async () => {
  service = await spawnService({ dataDir, env: { NEWSGRAPH_SEED: 'false' } });
  await waitReady(service);
  const dbPid = ferretdbPid(service);
  // An idle keep-alive connection must not hold the shutdown up.
  const { hostname, port } = new URL(service.origin);
  const idle = net.connect({ host: hostname, port: Number(port) });
  idle.on('error', () => {});
  await new Promise((resolve) => idle.once('connect', resolve));

  const signalled = Date.now();
  service.child.kill('SIGINT');
  const exit = await service.exited;
  expect(exit.code).toBe(0);
  expect(exit.at - signalled).toBeLessThan(3000);
  await expectDatabaseStopped(dbPid, service.dbPort);
  idle.destroy();
});
