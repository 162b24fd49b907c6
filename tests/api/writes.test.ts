/**
 * The write path under concurrency and failure, over HTTP against a real
 * FerretDB: no lost merges, no duplicates, the same documents whatever the
 * order or number of ingesting clients, all-or-nothing ingestion.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractReport, parseReport, toIngestInput } from '../../src/ingest';
import type { IngestArticleInput } from '../../src/generated/graphql';
import { indexes } from '../../src/db/indexes';
import { ingestArticle } from '../../src/services/ingest';
import { sampleDataDir } from '../../src/services/seed';
import { startTestServer, type TestServer } from '../support/harness';
import { factCollections as collections, storedFacts } from '../support/snapshot';

const ingest = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id } changes { type key status } } }`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
beforeEach(clear);

async function clear() {
  for (const collection of collections) await server.db.collection(collection).deleteMany({});
}

async function send(input: unknown) {
  // Ingestion is idempotent: a request whose keep-alive socket the server closed meanwhile is sent again, as the ingest script does.
  const response = await server.gql(ingest, { input }).catch(() => server.gql(ingest, { input }));
  expect(response.body.errors).toBeUndefined();
  return response.body.data.ingestArticle;
}

const snapshot = () => storedFacts(server.db);

function report(i: number, official: Record<string, unknown>, extra: Partial<IngestArticleInput> = {}) {
  return {
    url: `https://news.example/w/${i}`,
    publishedAt: `2024-03-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`,
    body: [`Report ${i} about ${String(official.name)}.`],
    officials: [official],
    ...extra,
  };
}

test('16 concurrent ingestions each adding a title to one official keep all 16', async () => {
  const titles = Array.from({ length: 16 }, (_, i) => `Title number ${i}`);
  await Promise.all(titles.map((title, i) => send(report(i, { name: 'Kamran Aliyev', country: 'AZ', title }))));
  const officials = await server.db.collection('officials').find({}).toArray();
  expect(officials).toHaveLength(1);
  expect(officials[0]!.titles.map((t: { title: string }) => t.title).sort()).toEqual([...titles].sort());
  const graph = await server.gql(`{ officials { nodes { name titles { title } } } }`);
  expect(graph.body.data.officials.nodes[0].titles).toHaveLength(16);
});

test('one person named with and without a country in reports sent at once is one official and one meeting (20 rounds)', async () => {
  for (let round = 0; round < 20; round += 1) {
    await clear();
    const meeting = { participants: ['Ana Lima', 'John Otieno'], date: '2024-05-06', city: 'Nairobi' };
    const withCountry = report(1, { name: 'Ana Lima', country: 'PT' }, { officials: [{ name: 'Ana Lima', country: 'PT' }, { name: 'John Otieno' }], meetings: [meeting] });
    const without = report(2, { name: 'Ana Lima' }, { officials: [{ name: 'Ana Lima' }, { name: 'John Otieno' }], meetings: [meeting] });
    await Promise.all([send(withCountry), send(without)]);
    const officials = await server.db.collection('officials').find({}, { sort: { sortName: 1 } }).toArray();
    expect(officials.map((o) => [o.name, o.country])).toEqual([
      ['Ana Lima', 'PT'],
      ['John Otieno', null],
    ]);
    const meetings = await server.db.collection('meetings').find({}).toArray();
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.articleIds).toHaveLength(2);
  }
});

test('transliterations of one surname sent at once are one official, named by a fixed rule', async () => {
  for (let round = 0; round < 5; round += 1) {
    await clear();
    await Promise.all([
      send(report(1, { name: 'Kamran Aliyev', aliases: ['Kamran Aliev'], country: 'AZ' })),
      send(report(2, { name: 'Kamran Aliev', country: 'AZ' })),
      send(report(3, { name: 'KAMRAN ALIYEV' })),
    ]);
    const officials = await server.db.collection('officials').find({}).toArray();
    expect(officials.map((o) => ({ name: o.name, aliases: o.aliases, country: o.country }))).toEqual([
      { name: 'Kamran Aliyev', aliases: ['Kamran Aliev'], country: 'AZ' },
    ]);
  }
});

/** The reports of the genre fixture, as the extractor turns them into input (no client-side registry). */
function fixtureInputs(): IngestArticleInput[] {
  const dir = path.join(__dirname, '..', 'fixtures', 'genre');
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const parsed = parseReport(fs.readFileSync(path.join(dir, file), 'utf8'), file);
      return toIngestInput(parsed, extractReport(parsed)) as IngestArticleInput;
    });
}

/** A fixed shuffle (seeded), so a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

test('the same reports give identical documents sequentially, shuffled, and from 4 concurrent clients in different orders', async () => {
  const inputs = fixtureInputs();
  expect(inputs.length).toBeGreaterThan(30);

  for (const input of inputs) await send(input);
  const sequential = await snapshot();
  expect(sequential.officials!.length).toBeGreaterThan(50);
  expect(sequential.meetings!.length).toBeGreaterThan(20);

  await clear();
  for (const input of shuffled(inputs, 7)) await send(input);
  expect(await snapshot()).toEqual(sequential);

  await clear();
  const orders = [inputs, [...inputs].reverse(), shuffled(inputs, 11), shuffled(inputs, 23)];
  await Promise.all(orders.map(async (order) => {
    for (const input of order) await send(input);
  }));
  expect(await snapshot()).toEqual(sequential);
}, 240_000);

test('the 29th conference named two ways in the two sample reports is stored once', async () => {
  for (const file of fs.readdirSync(sampleDataDir).filter((f) => f.endsWith('.json')).sort()) {
    const input = JSON.parse(fs.readFileSync(path.join(sampleDataDir, file), 'utf8'));
    if (file.includes('iap28')) {
      // As the extractor sends it: no organizer for this mention.
      input.conferences = input.conferences.map((c: { edition: number }) => (c.edition === 29 ? { ...c, organizer: null } : c));
    }
    await send(input);
  }
  const editions = await server.gql(`{ conferences(first: 50) { nodes { name edition place { city } organizer { name } articles { url } } } }`);
  const baku29 = editions.body.data.conferences.nodes.filter((c: any) => c.edition === 29 && c.place?.city === 'Baku');
  expect(baku29).toHaveLength(1);
  expect(baku29[0].organizer).toEqual({ name: 'International Association of Prosecutors' });
  expect(baku29[0].articles).toHaveLength(2);
});

describe('all or nothing', () => {
  const base = report(1, { name: 'Ana Lima', country: 'PT', title: 'Foreign Minister' }, {
    officials: [
      { name: 'Ana Lima', country: 'PT', title: 'Foreign Minister', organization: 'Ministry of Foreign Affairs' },
      { name: 'John Otieno', country: 'KE' },
    ],
    meetings: [{ participants: ['Ana Lima', 'John Otieno'], date: '2024-05-06', topics: ['trade'] }],
    conferences: [{ name: '3rd Lusophone Trade Forum', edition: 3, organizer: 'Forum Secretariat', city: 'Nairobi', participants: ['Ana Lima'] }],
  });
  const later = {
    ...base,
    url: 'https://news.example/w/later',
    publishedAt: '2024-06-01T10:00:00Z',
    officials: [
      { name: 'Ana Maria Lima', aliases: ['Ana Lima'], country: 'PT', title: 'Minister of Foreign Affairs' },
      { name: 'John Otieno', country: 'KE', title: 'Cabinet Secretary' },
      { name: 'Mevlüt Çavuşoğlu', country: 'TR' },
    ],
    meetings: [
      { participants: ['Ana Lima', 'John Otieno'], date: '2024-05-06', topics: ['energy'], outcome: 'an agreement' },
      { participants: ['Mevlüt Çavuşoğlu', 'Ana Lima'], date: '2024-06-01' },
    ],
  };

  // Write 1 is the first official; the article is written last.
  test.each([1, 3, 6, 9, 'articles'])('an ingestion that fails at its write %s leaves the database as it was', async (failAt) => {
    await send(base);
    const before = await snapshot();
    let writes = 0;
    await expect(
      ingestArticle(server.db, later, new Date(), {
        beforeWrite: (collection) => {
          writes += 1;
          if (writes === failAt || collection === failAt) throw new Error('forced failure');
        },
      }),
    ).rejects.toThrow('forced failure');
    expect(await snapshot()).toEqual(before);
    // The same report then goes through whole.
    await send(later);
    expect((await snapshot()).articles).toHaveLength(2);
  });

  test('a failure while another ingestion merges into the same official loses neither that merge nor anything else', async () => {
    await send(base);
    const failing = ingestArticle(server.db, later, new Date(), {
      beforeWrite: (collection) => {
        if (collection === 'meetings') throw new Error('forced failure');
      },
    });
    const concurrent = send(report(5, { name: 'Ana Lima', country: 'PT', title: 'Acting President' }));
    await expect(failing).rejects.toThrow('forced failure');
    await concurrent;
    const lima = await server.db.collection('officials').findOne({ sortName: 'ana lima' });
    expect(lima!.titles.map((t: { title: string }) => t.title).sort()).toEqual(['Acting President', 'Foreign Minister']);
    expect(await server.db.collection('articles').countDocuments()).toBe(2);
  });
});

describe('limits and provenance', () => {
  test('more officials than one ingestion may write is BAD_USER_INPUT naming the list, and nothing is written', async () => {
    const officials = Array.from({ length: 201 }, (_, i) => ({ name: `Official Number${i}` }));
    const response = await server.gql(ingest, { input: report(1, officials[0]!, { officials }) });
    expect(response.body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.officials' });
    expect(await server.db.collection('officials').countDocuments()).toBe(0);
  });

  test.each([
    [{ rule: 'meeting.received', confidence: 1.5 }, 'input.meetings[0].extraction.confidence'],
    [{ rule: '  ', confidence: 0.5 }, 'input.meetings[0].extraction.rule'],
  ])('extraction %j is BAD_USER_INPUT naming %s', async (extraction, field) => {
    const input = report(1, { name: 'Ana Lima' }, { meetings: [{ participants: ['Ana Lima'], extraction }] });
    const response = await server.gql(ingest, { input });
    expect(response.body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await server.db.collection('articles').countDocuments()).toBe(0);
  });

  test('extractions are stored with the facts and readable on meetings, conferences and officials', async () => {
    await send(
      report(1, { name: 'Ana Lima' }, {
        officials: [
          { name: 'Ana Lima', title: 'Foreign Minister', extraction: { rule: 'official.titled', confidence: 0.9 } },
          { name: 'John Otieno' },
        ],
        meetings: [{ participants: ['Ana Lima', 'John Otieno'], extraction: { rule: 'meeting.met', confidence: 0.8 } }],
        conferences: [{ name: 'Trade Forum', extraction: { rule: 'conference.named', confidence: 0.6 } }],
      }),
    );
    await send(report(2, { name: 'Ana Lima' }, { meetings: [{ participants: ['Ana Lima'], date: '2024' }] }));
    const response = await server.gql(`{
      officials(first: 5) { nodes { name extraction { rule confidence } titles { title extraction { rule confidence } } } }
      meetings(first: 5) { nodes { participants { name } extraction { rule confidence } } }
      conferences(first: 5) { nodes { name extraction { rule confidence } } }
    }`);
    expect(response.body.data).toEqual({
      officials: {
        nodes: [
          { name: 'Ana Lima', extraction: { rule: 'official.titled', confidence: 0.9 }, titles: [{ title: 'Foreign Minister', extraction: { rule: 'official.titled', confidence: 0.9 } }] },
          { name: 'John Otieno', extraction: null, titles: [] },
        ],
      },
      meetings: {
        nodes: [
          { participants: [{ name: 'Ana Lima' }], extraction: null },
          { participants: [{ name: 'Ana Lima' }, { name: 'John Otieno' }], extraction: { rule: 'meeting.met', confidence: 0.8 } },
        ],
      },
      conferences: { nodes: [{ name: 'Trade Forum', extraction: { rule: 'conference.named', confidence: 0.6 } }] },
    });
  });
});

test('no index but _id is unique, so every collection can be sharded by hashed _id', async () => {
  for (const specs of Object.values(indexes)) for (const spec of specs) expect(spec.unique).toBeFalsy();
  for (const collection of collections) {
    const found = await server.db.collection(collection).indexes().catch(() => []);
    for (const index of found) if (index.name !== '_id_') expect(index.unique).toBeFalsy();
  }
});

test('a write that waits too long for another one on the same entity answers CONFLICT, retryable, and leaves nothing behind', async () => {
  // Hold the second official's lock, as a stuck concurrent write would, after the first official is written.
  const { entityLocks } = await import('../../src/models/locks');
  const { idFromKey } = await import('../../src/ids');
  const release = await entityLocks.acquire(`officials:${idFromKey('officials', 'john otieno').toHexString()}`);
  try {
    const started = Date.now();
    const response = await server.gql(ingest, {
      input: report(1, { name: 'Ana Lima' }, { officials: [{ name: 'Ana Lima', country: 'PT' }, { name: 'John Otieno', country: 'KE' }] }),
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(response.body.errors![0]!.extensions).toEqual({ code: 'CONFLICT', retryable: true });
  } finally {
    release();
  }
  for (const collection of collections) expect(await server.db.collection(collection).countDocuments()).toBe(0);
}, 30_000);

describe('round trips', () => {
  /** Every command one ingestion sends: `find <collection>` with its filter's shape, or `<write> <collection> ×<documents>`. */
  async function commandsOf(input: unknown) {
    const seen: Array<{ name: string; collection: string; filter?: Record<string, unknown>; documents: number; ids: string[] }> = [];
    const stop = server.database.onCommand((event) => {
      const command = event.command as Record<string, any>;
      const collection = String(command[event.commandName]);
      if (event.commandName === 'find') seen.push({ name: 'find', collection, filter: command.filter, documents: 1, ids: [String(command.filter?._id)] });
      if (event.commandName === 'insert') seen.push({ name: 'insert', collection, documents: command.documents.length, ids: command.documents.map((d: any) => String(d._id)) });
      if (event.commandName === 'update') seen.push({ name: 'update', collection, documents: command.updates.length, ids: command.updates.map((u: any) => String(u.q._id)) });
      if (event.commandName === 'delete') seen.push({ name: 'delete', collection, documents: command.deletes.length, ids: [] });
    });
    try {
      await send(input);
    } finally {
      stop();
    }
    return seen;
  }

  // Two officials met twice at a conference; the second report names both again, with new titles, and a third person.
  const first = report(1, { name: 'Ana Lima' }, {
    officials: [
      { name: 'Ana Lima', country: 'PT', title: 'Foreign Minister', organization: 'Ministry of Foreign Affairs' },
      { name: 'John Otieno', country: 'KE', organization: 'Ministry of Foreign Affairs' },
    ],
    meetings: [{ participants: ['Ana Lima', 'John Otieno'], date: '2024-05-06', conference: '3rd Lusophone Trade Forum' }],
    conferences: [{ name: '3rd Lusophone Trade Forum', edition: 3, organizer: 'Forum Secretariat', city: 'Nairobi', participants: ['Ana Lima', 'John Otieno'] }],
  });
  const second = {
    ...first,
    url: 'https://news.example/w/second',
    officials: [
      { name: 'Ana Lima', country: 'PT', title: 'Minister of Foreign Affairs', organization: 'Ministry of Foreign Affairs' },
      { name: 'John Otieno', country: 'KE', title: 'Cabinet Secretary' },
      { name: 'Mevlüt Çavuşoğlu', country: 'TR' },
    ],
    meetings: [
      { participants: ['Ana Lima', 'John Otieno'], date: '2024-05-07', conference: '3rd Lusophone Trade Forum' },
      { participants: ['Mevlüt Çavuşoğlu', 'Ana Lima'], date: '2024-05-08' },
    ],
  };

  test('an ingestion reads each document once, only by _id, and writes each changed document once, one command per collection', async () => {
    await send(first);
    const commands = await commandsOf(second);
    const finds = commands.filter((c) => c.name === 'find');
    for (const find of finds) expect(Object.keys(find.filter!)).toEqual(['_id']);
    const read = finds.map((f) => `${f.collection}:${f.ids[0]}`);
    expect(new Set(read).size).toBe(read.length);

    const writes = commands.filter((c) => c.name !== 'find');
    const written = writes.flatMap((w) => w.ids.map((id) => `${w.collection}:${id}`));
    expect(new Set(written).size).toBe(written.length);
    // Ana Lima: a new title, an article and two meetings, in one write.
    const lima = await server.db.collection('officials').findOne({ sortName: 'ana lima' });
    expect(written.filter((w) => w === `officials:${String(lima!._id)}`)).toHaveLength(1);
    expect(lima!.meetingIds).toHaveLength(3);
    // At most one insert and one update command per collection; of the facts, the article last; the read models after it.
    for (const name of ['insert', 'update']) {
      const collections = writes.filter((w) => w.name === name).map((w) => w.collection);
      expect(new Set(collections).size).toBe(collections.length);
    }
    const facts = writes.filter((w) => w.collection !== 'readModels' && w.collection !== 'searchWords');
    expect(facts.at(-1)!.collection).toBe('articles');
    expect(writes.findIndex((w) => w.collection === 'readModels')).toBeGreaterThan(writes.indexOf(facts.at(-1)!));
    expect(writes.findIndex((w) => w.collection === 'searchWords')).toBeGreaterThan(writes.indexOf(facts.at(-1)!));
    expect(writes.some((w) => w.name === 'delete')).toBe(false);
  });

  test('sent again, an ingestion only reads', async () => {
    await send(first);
    await send(second);
    const commands = await commandsOf(second);
    expect(commands.filter((c) => c.name !== 'find')).toEqual([]);
  });
});
