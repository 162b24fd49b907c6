/**
 * kill -9 of the embedded FerretDB under load: the service logs it and
 * restarts it with backoff; meanwhile requests fail fast with
 * DATABASE_UNAVAILABLE and /readyz is 503 (each answered within 1 s); then
 * everything recovers without restarting the service.
 */
import fs from 'node:fs';
import { ferretdbPid, gql, processRuns, sleep, spawnService, temporaryDataDir, waitReady, waitUntil, type ServiceProcess } from '../support/service-process';

let dataDir: string;
let service: ServiceProcess | undefined;

beforeAll(() => {
  dataDir = temporaryDataDir('supervised');
});
afterAll(async () => {
  await service?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Sample {
  startedAt: number;
  ms: number;
  status: number;
  code: string | null;
  officials: number | null;
}

const query = '{ officials { totalCount } }';

test('kill -9 of FerretDB under load: fail fast, /readyz 503 within 1 s, restarted and serving again without a service restart', async () => {
  service = await spawnService({ dataDir });
  await waitReady(service);
  const firstDbPid = ferretdbPid(service);
  const origin = service.origin;

  // Four clients in a loop until told to stop (or until the test fails).
  const samples: Sample[] = [];
  let running = true;
  const client = async () => {
    while (running) {
      const startedAt = Date.now();
      const result = await gql(origin, query).catch(() => null);
      if (!result) {
        await sleep(50);
        continue;
      }
      samples.push({
        startedAt,
        ms: result.ms,
        status: result.status,
        code: result.body.errors?.[0]?.extensions?.code ?? null,
        officials: result.body.data?.officials?.totalCount ?? null,
      });
    }
  };
  /** Kills FerretDB, then waits for /readyz to go 503 and back to 200; returns when each happened. */
  const outage = async () => {
    await sleep(1000);

    const killedAt = Date.now();
    process.kill(firstDbPid, 'SIGKILL');

    // /readyz goes 503 within 1 s, and each probe answers within 1 s.
    let readyz = { status: 200, ms: 0 };
    while (readyz.status === 200 && Date.now() - killedAt < 3000) {
      const started = Date.now();
      readyz = { status: (await fetch(`${origin}/readyz`)).status, ms: Date.now() - started };
    }
    const unreadyAt = Date.now();
    expect(readyz.status).toBe(503);
    expect(unreadyAt - killedAt).toBeLessThan(1000);
    expect(readyz.ms).toBeLessThan(1000);
    // New requests while it is known to be down: answered at once.
    for (let n = 0; n < 3; n += 1) probes.push(await gql(origin, query));

    // Back without a service restart: the supervisor restarted FerretDB.
    let backAt = 0;
    const recovered = await waitUntil(async () => {
      const started = Date.now();
      const status = (await fetch(`${origin}/readyz`)).status;
      expect(Date.now() - started).toBeLessThan(1000);
      if (status === 200) backAt = Date.now();
      return status === 200;
    }, 20_000, 100);
    expect(recovered).toBe(true);
    await sleep(500);
    return { killedAt, unreadyAt, backAt };
  };
  const probes: Array<{ status: number; body: any; ms: number }> = [];
  const clients = Promise.all([client(), client(), client(), client()]);
  let timeline: { killedAt: number; unreadyAt: number; backAt: number };
  try {
    timeline = await outage();
  } finally {
    running = false;
    await clients;
  }
  const { unreadyAt, backAt } = timeline;

  expect(service.child.exitCode).toBeNull();
  const exitLine = service.logs().find((line) => line.msg === 'embedded FerretDB exited unexpectedly; restarting it');
  expect(exitLine).toMatchObject({ pid: firstDbPid, signal: 'SIGKILL', restartInMs: 500 });
  await waitUntil(() => service!.logs().some((line) => line.msg === 'embedded FerretDB restarted'), 5000);
  const restartLine = service.logs().find((line) => line.msg === 'embedded FerretDB restarted');
  expect(restartLine).toBeDefined();
  expect(restartLine!.pid).not.toBe(firstDbPid);
  expect(processRuns(restartLine!.pid)).toBe(true);
  expect(service.logs()).toContainEqual(expect.objectContaining({ msg: 'database unavailable' }));
  expect(service.logs()).toContainEqual(expect.objectContaining({ msg: 'database available again' }));

  // Every answer was the data or DATABASE_UNAVAILABLE, nothing else.
  expect(service.logs().filter((line) => line.msg === 'unexpected error')).toEqual([]);
  for (const sample of samples) {
    if (sample.code === null) expect(sample.officials).toBe(7);
    else expect(sample.code).toBe('DATABASE_UNAVAILABLE');
  }
  // Once the outage was known, requests failed fast (no 5 s server-selection wait). Reads already in flight at
  // the kill may instead wait for the restarted database: the driver retries them once.
  const duringOutage = samples.filter((sample) => sample.startedAt >= unreadyAt && sample.startedAt + sample.ms < backAt);
  const failedFast = duringOutage.filter((sample) => sample.code === 'DATABASE_UNAVAILABLE');
  for (const sample of failedFast) {
    expect(sample.status).toBe(503);
    expect(sample.ms).toBeLessThan(1000);
  }
  // The probes sent just after /readyz went 503 (the restart may already have begun to answer the last ones).
  const probeCodes = probes.map((probe) => probe.body.errors?.[0]?.extensions?.code ?? null);
  expect(probeCodes[0]).toBe('DATABASE_UNAVAILABLE');
  probes.forEach((probe, n) => {
    expect(probe.ms).toBeLessThan(1000);
    if (probeCodes[n] === null) expect(probe.body).toEqual({ data: { officials: { totalCount: 7 } } });
    else expect([probe.status, probeCodes[n]]).toEqual([503, 'DATABASE_UNAVAILABLE']);
  });
  // And served again after it.
  const after = samples.filter((sample) => sample.startedAt > backAt + 200);
  expect(after.length).toBeGreaterThan(0);
  expect(after.every((sample) => sample.officials === 7)).toBe(true);
  // The service kept its pid and answers as before.
  expect((await gql(origin, query)).body).toEqual({ data: { officials: { totalCount: 7 } } });

  // It still stops cleanly, the restarted FerretDB with it.
  service.child.kill('SIGTERM');
  expect((await service.exited).code).toBe(0);
  expect(await waitUntil(() => !processRuns(restartLine!.pid), 2000)).toBe(true);
});
