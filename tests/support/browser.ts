/**
 * A real headless Chromium for the browser suites: Debian's `chromium`
 * (installed by .ci/chromium.sh) driven by playwright-core, whose own browser
 * download cannot reach its servers from here. Screenshots land in
 * test-artifacts/browser/ for people to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from '../../src/config';
import { seedSampleData } from '../../src/services/seed';
import { startTestServer, type TestServer } from './harness';

export const chromiumPath = process.env.NEWSGRAPH_CHROMIUM ?? '/usr/bin/chromium';
export const artifactsDir = path.join(repoRoot, 'test-artifacts', 'browser');

/** An iPhone 12–15 sized screen. */
export const phone = { width: 390, height: 844 };
export const desktop = { width: 1280, height: 900 };

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Expected Chromium at "${chromiumPath}", but there is none: run \`bash .ci/chromium.sh\` (or set NEWSGRAPH_CHROMIUM).`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    chromiumSandbox: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Visit {
  context: BrowserContext;
  page: Page;
  /** Problems the page met: console errors, uncaught exceptions, failed requests, requests that left the origin. */
  problems: string[];
}

/**
 * A fresh browser context (no storage shared between tests) whose page may
 * only talk to `origin`: any other request is aborted and reported, which is
 * how the suites prove that nothing is fetched from a CDN.
 */
export async function openPage(browser: Browser, origin: string, viewport = desktop): Promise<Visit> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const problems: string[] = [];
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (route) => {
      problems.push(`request to another origin: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    // A navigation away cancels requests still in flight; that is not a fault of the page.
    if (failure !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${failure})`);
  });
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return file;
}

/**
 * Runs `steps` on a fresh page, saves `<name>-failed.png` when they throw so
 * the failure can be seen, and closes the context either way.
 */
export async function withPage(
  browser: Browser,
  origin: string,
  name: string,
  steps: (visit: Visit) => Promise<void>,
  viewport = desktop,
): Promise<void> {
  const visit = await openPage(browser, origin, viewport);
  try {
    await steps(visit);
  } catch (error) {
    await screenshot(visit.page, `${name}-failed`, { fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await visit.context.close();
  }
}

export interface BrowserSuite {
  server: TestServer;
  browser: Browser;
}

/**
 * Registers the suite's beforeAll/afterAll: a test server over the sample
 * data and one Chromium for all its tests. The fields are set in beforeAll,
 * so read them inside tests, not at the top level.
 */
export function seededBrowserSuite(): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.server = await startTestServer();
    await seedSampleData(suite.server.db, new Date('2024-01-01T00:00:00Z'));
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
