/** The GraphQL IDE in a real Chromium: served by the API, no CDN, examples preloaded, queries run. */
import { phone, screenshot, seededBrowserSuite, withPage } from '../support/browser';

const suite = seededBrowserSuite();

test('GET /graphql in a browser opens GraphiQL with the example operations, runs one and browses the schema docs', () =>
  withPage(suite.browser, suite.server.origin, 'ide', async ({ page, problems }) => {
    await page.goto(suite.server.url);
    await page.locator('.graphiql-container').waitFor();

    const tabs = await page.locator('.graphiql-tab-button').allInnerTexts();
    expect(tabs.map((tab) => tab.trim())).toEqual([
      'Search',
      'OfficialsByName',
      'OfficialCounterparts',
      'ConferenceEditions',
      'ArticleFacts',
      'MeetingsByTopic',
      'MeetingStats',
      'IngestArticle',
    ]);

    // The editor gets its text once Monaco has loaded; switching tabs before that is lost.
    const editor = page.locator('.graphiql-query-editor');
    await editor.getByText(/query\sSearch/).waitFor();
    await page.locator('.graphiql-tab-button', { hasText: 'OfficialsByName' }).click();
    await editor.getByText(/query\sOfficialsByName/).waitFor();
    const sent = page.waitForRequest((request) => request.method() === 'POST' && /OfficialsByName/.test(request.postData() ?? ''));
    await page.getByRole('button', { name: /^Execute query/ }).click();
    // Apollo's CSRF prevention lets JSON bodies through; the IDE must send one.
    expect((await sent).headers()['content-type']).toMatch(/^application\/json/);
    await page.locator('.graphiql-response').getByText(/"Kamran\sAliyev"/).waitFor();
    await screenshot(page, 'ide-query-result');

    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().click();
    await docs.getByText('articleByUrl', { exact: true }).first().waitFor();
    await docs.getByText(/An article by the address it was published at/).first().waitFor();
    await screenshot(page, 'ide-docs');

    expect(problems).toEqual([]);
  }));

test('the IDE runs the first example on a phone-sized screen', () =>
  withPage(
    suite.browser,
    suite.server.origin,
    'ide-phone',
    async ({ page, problems }) => {
      await page.goto(suite.server.url);
      await page.locator('.graphiql-query-editor').getByText(/query\sSearch/).waitFor();
      await page.getByRole('button', { name: /^Execute query/ }).click();
      await page.locator('.graphiql-response').getByText(/"Official"/).first().waitFor();
      await screenshot(page, 'ide-phone');
      // Usable means seen without scrolling: the editor, the run button and a good part of the results
      // share the 390×844 screen, and nothing is wider than it.
      const inView = async (selector: string) => {
        const box = (await page.locator(selector).first().boundingBox())!;
        return { top: Math.round(box.y), bottom: Math.round(box.y + box.height), left: Math.round(box.x), right: Math.round(box.x + box.width) };
      };
      const response = await inView('.graphiql-response');
      expect(response.top).toBeLessThan(phone.height / 2 + 100);
      expect(Math.min(response.bottom, phone.height) - response.top).toBeGreaterThanOrEqual(300);
      expect(response.right).toBeLessThanOrEqual(phone.width);
      const editor = await inView('.graphiql-query-editor');
      expect(editor.bottom - editor.top).toBeGreaterThanOrEqual(150);
      const run = await inView('.graphiql-execute-button');
      expect(run.bottom).toBeLessThanOrEqual(phone.height);
      expect(run.right).toBeLessThanOrEqual(phone.width);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(phone.width);
      expect(problems).toEqual([]);
    },
    phone,
  ));
