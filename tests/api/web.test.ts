/**
 * How the API serves its web pages over HTTP: content negotiation on
 * GET /graphql, the IDE switch, caching, CSRF prevention left intact, and
 * clear answers when the pages were not built. Also checks that every
 * operation the IDE preloads and the explorer sends is valid and answers
 * without errors on the sample data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import express from 'express';
import { buildSchema, parse, validate } from 'graphql';
import { repoRoot } from '../../src/config';
import { seedSampleData } from '../../src/services/seed';
import { typeDefs } from '../../src/server';
import { mountWeb, webDistDir } from '../../src/web';
import * as explorerQueries from '../../web/explorer/queries';
import { startTestServer, type TestServer } from '../support/harness';

const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const examplesDir = path.join(repoRoot, 'docs', 'examples');
const examples = fs
  .readdirSync(examplesDir)
  .filter((file) => file.endsWith('.graphql'))
  .sort();

let server: TestServer;

beforeAll(async () => {
  if (!fs.existsSync(path.join(webDistDir, 'index.html'))) {
    throw new Error('The web pages are not built: run `npm run build:web` first (`npm test` does).');
  }
  server = await startTestServer();
  await seedSampleData(server.db, new Date('2024-01-01T00:00:00Z'));
});
afterAll(() => server.stop());

describe('GET /graphql', () => {
  test('a browser gets the IDE page, same-origin only, never cached stale', async () => {
    const response = await fetch(server.url, { headers: { accept: browserAccept } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('vary')).toMatch(/Accept/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await response.text();
    expect(html).toMatch(/<title>newsgraph · GraphQL IDE<\/title>/);
    // Every script and stylesheet comes from this server.
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((source) => !source!.startsWith('/assets/'))).toEqual([]);
  });

  test('a GraphQL client that accepts anything still gets GraphQL, and CSRF prevention still applies', async () => {
    const query = encodeURIComponent('{ __typename }');
    const allowed = await fetch(`${server.url}?query=${query}`, { headers: { accept: '*/*', 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { __typename: 'Query' } });

    const simple = await fetch(`${server.url}?query=${query}`, { headers: { accept: '*/*' } });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/This operation has been blocked as a potential Cross-Site Request Forgery/);
  });

  test('with NEWSGRAPH_IDE=false a browser gets no IDE, and the explorer hides its link', async () => {
    const production = await startTestServer({ env: { NEWSGRAPH_IDE: 'false' } });
    try {
      const ide = await fetch(production.url, { headers: { accept: browserAccept } });
      expect(ide.status).toBe(400);
      expect(await ide.text()).not.toMatch(/GraphQL IDE/);
      const explorer = await fetch(`${production.origin}/`, { headers: { accept: browserAccept } });
      expect(explorer.status).toBe(200);
      expect(await explorer.text()).toMatch(/<html lang="en" data-ide="off">/);
    } finally {
      await production.stop();
    }
  });
});

describe('the explorer and its assets', () => {
  test.each(['/', '/search?q=aliyev', '/officials/T2ZmaWNpYWw6MDA', '/conferences/x', '/articles/x'])('%s answers with the explorer page', async (route) => {
    const response = await fetch(`${server.origin}${route}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<title>newsgraph explorer<\/title>/);
  });

  test('hashed assets are cached for a year and sent gzipped; a missing one is a plain 404', async () => {
    const html = await (await fetch(`${server.origin}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const asset = await fetch(`${server.origin}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    // Sent gzipped where accepted (fetch undoes it), as is otherwise.
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('vary')).toMatch(/Accept-Encoding/);
    const gzipped = await asset.text();
    const plain = await fetch(`${server.origin}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await plain.text()).toBe(gzipped);

    const missing = await fetch(`${server.origin}/assets/gone-1234.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('No web asset is named "gone-1234.js"; it may belong to an older build: reload the page.\n');
  });

  test('pages that were not built answer 503 with what to run', async () => {
    const app = express();
    mountWeb(app, { ideEnabled: true }, fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-web-')));
    const bare = http.createServer(app);
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const { port } = bare.address() as { port: number };
    try {
      const explorer = await fetch(`http://127.0.0.1:${port}/`);
      expect(explorer.status).toBe(503);
      expect(await explorer.text()).toBe('The explorer has not been built on this server: run `npm run build:web` (or `npm run build`), then reload.\n');
      const ide = await fetch(`http://127.0.0.1:${port}/graphql`, { headers: { accept: browserAccept } });
      expect(ide.status).toBe(503);
      expect(await ide.text()).toMatch(/^The GraphQL IDE has not been built on this server/);
    } finally {
      await new Promise<void>((resolve) => bare.close(() => resolve()));
    }
  });
});

describe('the operations the pages send', () => {
  const schema = buildSchema(typeDefs);

  test.each(examples)('docs/examples/%s is valid and answers without errors', async (file) => {
    const text = fs.readFileSync(path.join(examplesDir, file), 'utf8');
    expect(validate(schema, parse(text))).toEqual([]);
    const response = await server.gql(text);
    expect(response.body.errors).toBeUndefined();
    expect(Object.values(response.body.data ?? {}).some((value) => value !== null)).toBe(true);
  });

  const queries = Object.entries(explorerQueries as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string');

  test('the explorer has its page queries', () => {
    expect(queries.map(([name]) => name).sort()).toEqual(['articleQuery', 'conferenceQuery', 'homeQuery', 'officialQuery', 'searchQuery']);
  });

  test.each(queries)('the explorer\'s %s is valid against schema.graphql', (_name, text) => {
    expect(validate(schema, parse(text))).toEqual([]);
  });
});

describe('unknown paths', () => {
  test('a browser gets the explorer page with status 404 (it shows "Page not found"), not Express\'s "Cannot GET"', async () => {
    const response = await fetch(`${server.origin}/nope`, { headers: { accept: browserAccept } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await response.text();
    expect(html).toBe(fs.readFileSync(path.join(webDistDir, 'index.html'), 'utf8'));
    expect(html).not.toContain('Cannot GET');
  });

  test('API clients and other methods still get a plain 404; the service paths are untouched', async () => {
    const json = await fetch(`${server.origin}/nope`, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
    const explorer = fs.readFileSync(path.join(webDistDir, 'index.html'), 'utf8');
    expect(await json.text()).not.toBe(explorer);
    const post = await fetch(`${server.origin}/nope`, { method: 'POST', headers: { accept: browserAccept } });
    expect(post.status).toBe(404);
    expect(await post.text()).not.toBe(explorer);
    expect((await fetch(`${server.origin}/healthz`, { headers: { accept: browserAccept } })).status).toBe(200);
    const graphql = await fetch(`${server.origin}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
