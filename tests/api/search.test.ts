/** `search` over HTTP: officials, conferences and articles, ranked and paginated, on a real database. */
import { startTestServer, type TestServer } from '../support/harness';
import { seedReports } from '../support/reports';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedReports(server.db);
});
afterAll(() => server.stop());

const searchQuery = `query($q: String!, $types: [SearchType!], $first: Int, $after: String) {
  search(query: $q, types: $types, first: $first, after: $after) {
    totalCount
    edges { score node { __typename ... on Official { name } ... on Conference { name } ... on Article { title } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

async function hits(q: string, types?: string[], first?: number) {
  const response = await server.gql(searchQuery, { q, types, first }, { key: null });
  expect(response.body.errors).toBeUndefined();
  return response.body.data.search.edges.map((edge: any) => {
    const { __typename, ...fields } = edge.node;
    return `${__typename}: ${Object.values(fields)[0]} (${edge.score})`;
  });
}

describe('search finds officials', () => {
  test('by name in any case, word order and with or without diacritics', async () => {
    const expected = ['Official: Mevlüt Çavuşoğlu (6)'];
    expect(await hits('Mevlüt Çavuşoğlu', ['OFFICIAL'])).toEqual(expected);
    expect(await hits('CAVUSOGLU mevlut', ['OFFICIAL'])).toEqual(expected);
    expect(await hits('çavuşoğlu', ['OFFICIAL'])).toEqual(['Official: Mevlüt Çavuşoğlu (3)']);
  });

  test('by the beginnings of words (partial names)', async () => {
    expect(await hits('mev cav', ['OFFICIAL'])).toEqual(['Official: Mevlüt Çavuşoğlu (3)']);
    expect(await hits('o', ['OFFICIAL'])).toEqual(['Official: John Otieno (1.5)']);
  });

  test('by an alias, ranked below a match of the name itself', async () => {
    // The displayed name is the fullest form reported, "Ana Maria Lima"; "Ana Lima" is its alias.
    expect(await hits('maria', ['OFFICIAL'])).toEqual(['Official: Ana Maria Lima (3)']);
    // "nana" only occurs in the alias "Nana Mensah".
    const written = await server.gql(`mutation { upsertOfficial(input: { name: "Kofi Mensah", aliases: ["Nana Mensah"], country: "GH" }) { status } }`);
    expect(written.body.data.upsertOfficial.status).toBe('CREATED');
    expect(await hits('nana', ['OFFICIAL'])).toEqual(['Official: Kofi Mensah (2)']);
    expect(await hits('mensah', ['OFFICIAL'])).toEqual(['Official: Kofi Mensah (3)']);
  });

  test('every word must match: an extra unknown word finds nothing', async () => {
    expect(await hits('ana otieno', ['OFFICIAL'])).toEqual([]);
    expect(await hits('nobody')).toEqual([]);
  });
});

describe('search finds conferences', () => {
  test('by name, organizer and city', async () => {
    expect(await hits('lusophone forum', ['CONFERENCE'])).toEqual([
      'Conference: 3rd Lusophone Trade Forum (6)',
      'Conference: 4th Lusophone Trade Forum (6)',
    ]);
    expect(await hits('secretariat', ['CONFERENCE'])).toEqual([
      'Conference: 3rd Lusophone Trade Forum (2)',
      'Conference: 4th Lusophone Trade Forum (2)',
    ]);
    expect(await hits('LISBON', ['CONFERENCE'])).toEqual(['Conference: 4th Lusophone Trade Forum (2)']);
  });
});

describe('search finds articles', () => {
  test('by title and body words, a title match ranking first', async () => {
    expect(await hits('ankara', ['ARTICLE'])).toEqual(['Article: Otieno in Ankara (2)']);
    expect(await hits('coffee', ['ARTICLE'])).toEqual(['Article: Lima and Otieno open the Lusophone Trade Forum in Nairobi (1)']);
    expect(await hits('otieno', ['ARTICLE'])).toEqual([
      'Article: Lima and Otieno open the Lusophone Trade Forum in Nairobi (2)',
      'Article: Otieno in Ankara (2)',
    ]);
    expect(await hits('tourism kenyan', ['ARTICLE'])).toEqual(['Article: Energy talks in Lisbon (2)']);
  });
});

describe('search across types', () => {
  test('ranks all kinds together, best first, and reports the total', async () => {
    const response = await server.gql(searchQuery, { q: 'otieno' });
    expect(response.body.data.search.totalCount).toBe(3);
    expect(await hits('otieno')).toEqual([
      'Official: John Otieno (3)',
      'Article: Lima and Otieno open the Lusophone Trade Forum in Nairobi (2)',
      'Article: Otieno in Ankara (2)',
    ]);
  });

  test('pages through hits with cursors, without repeats or gaps', async () => {
    const all = await hits('lima');
    expect(all).toEqual([
      'Official: Ana Maria Lima (3)',
      'Article: Lima and Otieno open the Lusophone Trade Forum in Nairobi (2)',
      // "Ana Maria Lima" and "Ms Lima" in the body only.
      'Article: Energy talks in Lisbon (1)',
    ]);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const response: any = await server.gql(searchQuery, { q: 'lima', first: 1, after });
      const connection = response.body.data.search;
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(
        ...connection.edges.map((edge: any) => {
          const { __typename, ...fields } = edge.node;
          return `${__typename}: ${Object.values(fields)[0]} (${edge.score})`;
        }),
      );
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  test('a hit can be followed into the graph like any other object', async () => {
    const response = await server.gql(`{ search(query: "cavusoglu", types: [OFFICIAL]) { nodes {
      ... on Official { country { code } counterparts { nodes { official { name } meetingCount } } } } } }`);
    expect(response.body).toEqual({
      data: {
        search: {
          nodes: [
            {
              country: { code: 'TR' },
              counterparts: { nodes: [{ official: { name: 'John Otieno' }, meetingCount: 2 }, { official: { name: 'Ana Maria Lima' }, meetingCount: 1 }] },
            },
          ],
        },
      },
    });
  });
});

describe('search input', () => {
  test.each([
    ['no words', '  ***  ', 'Expected at least one word (letters or digits) in "query", but got "  ***  ".'],
    ['too many words', 'a b c d e f g h i j k', 'Expected at most 10 words in "query", but got 11.'],
    ['too many characters', 'x'.repeat(201), 'Expected at most 200 characters in "query", but got 201.'],
  ])('a query with %s is BAD_USER_INPUT naming "query"', async (_label, q, message) => {
    const response = await server.gql(searchQuery, { q });
    expect(response.body).toEqual({
      data: null,
      errors: [{ message, path: ['search'], locations: [{ line: 2, column: 3 }], extensions: { code: 'BAD_USER_INPUT', field: 'query' } }],
    });
  });

  test('an empty list of types is BAD_USER_INPUT naming "types"', async () => {
    const response = await server.gql(searchQuery, { q: 'lima', types: [] });
    expect(response.body.errors![0]).toMatchObject({
      message: 'Expected at least one type in "types", or none to search them all.',
      extensions: { code: 'BAD_USER_INPUT', field: 'types' },
    });
  });

  test('a cursor from another list is BAD_USER_INPUT naming "after"', async () => {
    const officials = await server.gql(`{ officials(first: 1) { pageInfo { endCursor } } }`);
    const response = await server.gql(searchQuery, { q: 'lima', after: officials.body.data.officials.pageInfo.endCursor });
    expect(response.body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
