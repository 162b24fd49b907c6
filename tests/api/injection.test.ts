/**
 * Operator and regex injection over HTTP: hostile strings sent through every
 * string argument are literal text. They match only what literally contains
 * them, are rejected as BAD_USER_INPUT where a typed value (id, country, date,
 * cursor) is expected, and never turn into a MongoDB operator or an unescaped
 * regex in the commands that reach the database.
 */
import type { CommandStartedEvent, Document } from 'mongodb';
import { ingestArticle } from '../../src/services/ingest';
import { startTestServer, type TestServer } from '../support/harness';
import { seedReports } from '../support/reports';

const payloads = ['{"$gt": ""}', '$where', '.*', '^(a+)+$', "'; return true; var x='", '$ne'];

let server: TestServer;
const commands: CommandStartedEvent[] = [];
let stopListening: () => void;

beforeAll(async () => {
  server = await startTestServer();
  await seedReports(server.db);
  // Bait: texts that literally contain some of the payloads.
  await ingestArticle(
    server.db,
    {
      url: 'https://news.example/bait?q=$where',
      title: 'Bait',
      source: '.*',
      publishedAt: '2024-08-01',
      body: ['Someone wrote $where and .* in a report.'],
      officials: [{ name: 'Bait Official', country: 'FR' }],
      meetings: [{ participants: ['Bait Official'], date: '2024-08-01', topics: ['rules (.*) and $where clauses', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab'] }],
    },
    new Date('2024-08-02T00:00:00Z'),
  );
  stopListening = server.database.onCommand((event) => commands.push(event));
});
afterAll(async () => {
  stopListening();
  await server.stop();
});

async function run(query: string, variables: Record<string, unknown>) {
  const response = await server.gql(query, variables, { key: null });
  return response;
}

describe.each(payloads)('the string %j', (payload) => {
  test('in free-text filters matches only text that literally contains it', async () => {
    const topics = await run(`query($v: String) { meetings(filter: { topic: $v }) { nodes { topics } } }`, { v: payload });
    expect(topics.body.errors).toBeUndefined();
    // Topics are stored in alphabetical order.
    const bait = ['.*', '$where'].includes(payload) ? [{ topics: ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab', 'rules (.*) and $where clauses'] }] : [];
    expect(topics.body.data.meetings.nodes).toEqual(bait);

    const byUrl = await run(`query($v: String!) { articleByUrl(url: $v) { id } }`, { v: payload });
    expect(byUrl.body).toEqual({ data: { articleByUrl: null } });

    // Source and city compare folded text (case, diacritics and punctuation dropped) for equality.
    const sources = await run(`query($v: String) { articles(filter: { source: $v }) { nodes { title } } }`, { v: payload });
    expect(sources.body.data.articles.nodes).toEqual(payload === '.*' ? [{ title: 'Bait' }] : []);
    const cities = await run(`query($v: String) { conferences(filter: { city: $v }) { totalCount } }`, { v: payload });
    expect(cities.body.data.conferences.totalCount).toBe(0);
  });

  test('in name and search queries counts only as the words it contains', async () => {
    const words = payload.replace(/[^a-z]+/gi, ' ').trim();
    const names = await run(`query($v: String) { officials(filter: { name: $v }) { nodes { name } } }`, { v: payload });
    const searched = await run(`query($v: String!) { search(query: $v) { totalCount } }`, { v: payload });
    if (words === '') {
      expect(names.body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.name' });
      expect(searched.body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'query' });
      return;
    }
    // The same request with only the words gives the same answer.
    expect(names.body).toEqual((await run(`query($v: String) { officials(filter: { name: $v }) { nodes { name } } }`, { v: words })).body);
    expect(searched.body).toEqual((await run(`query($v: String!) { search(query: $v) { totalCount } }`, { v: words })).body);
    expect(searched.body.data.search.totalCount).toBeLessThan(13);
  });

  test.each([
    ['official(id:)', `query($v: ID!) { official(id: $v) { id } }`, 'id'],
    ['node(id:)', `query($v: ID!) { node(id: $v) { id } }`, 'id'],
    ['officials(filter: {country})', `query($v: String) { officials(filter: { country: $v }) { totalCount } }`, 'filter.country'],
    ['officials(filter: {organization})', `query($v: ID) { officials(filter: { organization: $v }) { totalCount } }`, 'filter.organization'],
    ['meetings(filter: {participant})', `query($v: ID) { meetings(filter: { participant: $v }) { totalCount } }`, 'filter.participant'],
    ['meetings(filter: {from})', `query($v: String) { meetings(filter: { from: $v }) { totalCount } }`, 'filter.from'],
    ['meetings(filter: {to})', `query($v: String) { meetings(filter: { to: $v }) { totalCount } }`, 'filter.to'],
    ['meetings(filter: {country})', `query($v: String) { meetings(filter: { country: $v }) { totalCount } }`, 'filter.country'],
    ['meetings(filter: {betweenCountries})', `query($v: String!) { meetings(filter: { betweenCountries: [$v] }) { totalCount } }`, 'filter.betweenCountries[0]'],
    ['meetingStats(filter: {topic, country})', `query($v: String) { meetingStats(groupBy: TOPIC, filter: { topic: "trade", country: $v }) { total } }`, 'filter.country'],
    ['conferences(filter: {organizer})', `query($v: ID) { conferences(filter: { organizer: $v }) { totalCount } }`, 'filter.organizer'],
    ['articles(filter: {official})', `query($v: ID) { articles(filter: { official: $v }) { totalCount } }`, 'filter.official'],
    ['officials(after:)', `query($v: String) { officials(after: $v) { totalCount } }`, 'after'],
    ['search(after:)', `query($v: String) { search(query: "lima", after: $v) { totalCount } }`, 'after'],
  ])('as %s is BAD_USER_INPUT naming the argument', async (_label, query, field) => {
    const response = await run(query, { v: payload });
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  test('as a DateTime is rejected before execution', async () => {
    const response = await run(`query($v: DateTime) { articles(filter: { from: $v }) { totalCount } }`, { v: payload });
    expect(response.status).toBe(400);
    expect(response.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  test('written through a mutation is stored and found as the literal text', async () => {
    const name = `Agent ${payload}`;
    const created = await server.gql(`mutation($name: String!) { upsertOfficial(input: { name: $name }) { official { id name } } }`, { name });
    expect(created.body.data.upsertOfficial.official.name).toBe(name);
    const stored = await server.db.collection('officials').find({ name }).toArray();
    expect(stored.map((doc) => doc.name)).toEqual([name]);
  });
});

describe('operators sent as JSON values', () => {
  test.each([
    ['an object where a String is expected', `query($v: String) { officials(filter: { name: $v }) { totalCount } }`, { v: { $gt: '' } }],
    ['an object as an id', `query($v: ID!) { official(id: $v) { id } }`, { v: { $ne: null } }],
    ['an object as a url', `query($v: String!) { articleByUrl(url: $v) { id } }`, { v: { $regex: '.*' } }],
    ['an operator as a filter field', `query($f: OfficialFilter) { officials(filter: $f) { totalCount } }`, { f: { $where: 'sleep(1000)' } }],
    ['an operator inside a list', `query($f: MeetingFilter) { meetings(filter: $f) { totalCount } }`, { f: { betweenCountries: [{ $gt: '' }] } }],
  ])('%s is rejected with 400 before anything runs', async (_label, query, variables) => {
    const before = commands.length;
    const response = await server.gql(query, variables, { key: null });
    expect(response.status).toBe(400);
    expect(response.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(response.body.data).toBeUndefined();
    expect(commands.length).toBe(before);
  });
});

/** Every key and every `$regex` string of a command, at any depth. */
function walk(value: unknown, keys: string[], regexes: string[]): void {
  if (Array.isArray(value)) value.forEach((item) => walk(item, keys, regexes));
  else if (value && typeof value === 'object' && !(value as Document)._bsontype) {
    for (const [key, inner] of Object.entries(value as Document)) {
      keys.push(key);
      if (key === '$regex' && typeof inner === 'string') regexes.push(inner);
      walk(inner, keys, regexes);
    }
  }
}

test('no command sent during these tests holds a client string as an operator or an unescaped regex', () => {
  expect(commands.length).toBeGreaterThan(50);
  const keys: string[] = [];
  const regexes: string[] = [];
  for (const event of commands) walk(event.command, keys, regexes);
  const operators = new Set(keys.filter((key) => key.startsWith('$')));
  // Only operators the code itself writes (countDocuments' pipeline and the driver's `$db` included).
  const ours = ['$and', '$or', '$in', '$ne', '$gt', '$gte', '$lt', '$lte', '$regex', '$options', '$match', '$group', '$sum', '$skip', '$limit', '$db', '$addToSet', '$each', '$pullAll'];
  expect([...operators].filter((operator) => !ours.includes(operator))).toEqual([]);
  expect(regexes.length).toBeGreaterThan(0);
  // Apart from the code's own leading anchor, every special character must be escaped.
  const unescaped = regexes.filter((regex) => {
    const body = regex.replace(/^\^/, '');
    for (let i = 0; i < body.length; i += 1) {
      if (body[i] === '\\') i += 1;
      else if ('.*+?^${}()|[]'.includes(body[i]!)) return true;
    }
    return false;
  });
  expect(unescaped).toEqual([]);
  expect(regexes).toContain('\\.\\*');
  expect(regexes).toContain('\\^\\(a\\+\\)\\+\\$');
});
