/**
 * The browser side of the API: the explorer web app on `/` and its
 * client-side routes, and, when `config.ideEnabled`, the GraphQL IDE on
 * `GET /graphql` for clients that prefer HTML. Both are static files that
 * `npm run build:web` writes to web/dist; no page loads anything from another
 * origin, which the Content-Security-Policy below enforces.
 *
 * Public: `mountWeb` (mount it before the GraphQL middleware), `mountWebNotFound` (after every route),
 * `explorerRoutes`, `webDistDir`.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import { repoRoot, type Config } from './config';

export const webDistDir = path.join(repoRoot, 'web', 'dist');

/** Paths the explorer routes in the browser; each answers with the explorer page so links can be shared and reloaded. */
export const explorerRoutes = ['/', '/search', '/officials/:id', '/conferences/:id', '/articles/:id'];

/**
 * Same origin only. Styles allow inline attributes because the IDE's editor
 * positions its lines with them; workers come from our own hashed files.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Reads a built page once it exists. Until `npm run build:web` has run it
 * answers null on every call, so building while the server runs is enough.
 */
function builtPage(file: string, transform: (html: string) => string = (html) => html): () => string | null {
  let cached: string | null = null;
  return () => {
    if (cached === null) {
      try {
        cached = transform(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return cached;
  };
}

function sendPage(res: Response, html: string | null, name: string, status = 200): void {
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (html === null) {
    res
      .status(503)
      .type('text/plain')
      .send(`The ${name} has not been built on this server: run \`npm run build:web\` (or \`npm run build\`), then reload.\n`);
    return;
  }
  res.setHeader('Content-Security-Policy', contentSecurityPolicy);
  res.setHeader('Referrer-Policy', 'same-origin');
  res.status(status).type('html').send(html);
}

/**
 * Whether a GET on /graphql comes from a browser tab rather than a GraphQL
 * client. JSON types come first so a client accepting anything (`*\/*`) still
 * gets GraphQL, the same rule Apollo Server's own landing pages use.
 */
function prefersHtml(req: Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html']) === 'text/html';
}

function explorerPageOf(config: Pick<Config, 'ideEnabled'>, distDir: string): () => string | null {
  // The explorer hides its link to the IDE when the IDE is switched off.
  return builtPage(path.join(distDir, 'index.html'), (html) =>
    config.ideEnabled ? html : html.replace('<html lang="en">', '<html lang="en" data-ide="off">'),
  );
}

export function mountWeb(app: Express, config: Pick<Config, 'ideEnabled'>, distDir: string = webDistDir): void {
  const explorerPage = explorerPageOf(config, distDir);
  const idePage = builtPage(path.join(distDir, 'ide', 'index.html'));

  const assetsDir = path.join(distDir, 'assets');
  // Every file under assets/ has a content hash in its name, so it never changes.
  const assetOptions = { immutable: true, maxAge: '1y', index: false, redirect: false } as const;
  app.use('/assets', (req, res, next) => {
    res.vary('Accept-Encoding');
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.acceptsEncodings('gzip')) return next();
    let file: string;
    try {
      file = path.resolve(assetsDir, `.${decodeURIComponent(req.path)}`);
    } catch {
      return next();
    }
    if (!file.startsWith(assetsDir + path.sep) || !fs.existsSync(`${file}.gz`)) return next();
    // The build's gzip twin (web/vite.config.mts), sent with the original's type.
    res.type(path.extname(file));
    res.setHeader('Content-Encoding', 'gzip');
    res.sendFile(`${file}.gz`, assetOptions, (error) => error && next(error));
  });
  app.use('/assets', express.static(assetsDir, assetOptions));
  app.use('/assets', (req, res) => {
    res.status(404).type('text/plain').send(`No web asset is named "${req.path.replace(/^\//, '')}"; it may belong to an older build: reload the page.\n`);
  });

  app.get(explorerRoutes, (_req, res) => sendPage(res, explorerPage(), 'explorer'));

  if (config.ideEnabled) {
    app.get('/graphql', (req, res, next) => {
      if (!prefersHtml(req)) return next();
      // One URL, two representations: caches must key on Accept.
      res.vary('Accept');
      sendPage(res, idePage(), 'GraphQL IDE');
    });
  }
}

/**
 * Unknown paths: a browser gets the explorer's "Page not found" page with status 404 (the explorer
 * routes the path to it); API clients and non-GET requests fall through to the plain 404.
 */
export function mountWebNotFound(app: Express, config: Pick<Config, 'ideEnabled'>, distDir: string = webDistDir): void {
  const explorerPage = explorerPageOf(config, distDir);
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !prefersHtml(req)) return next();
    sendPage(res, explorerPage(), 'explorer', 404);
  });
}
