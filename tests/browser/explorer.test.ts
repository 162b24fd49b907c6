/**
 * The explorer in a real Chromium against a real server and database: what a
 * person sees and can do, with the mouse, the keyboard and on a phone.
 */
import type { Page } from 'playwright-core';
import { phone, screenshot, seededBrowserSuite, withPage } from '../support/browser';

const sampleUrl = 'urn:newsgraph:sample:azernews-2023-09-28-iap28-london';

const suite = seededBrowserSuite();

async function idOf(query: string, pick: (data: any) => string): Promise<string> {
  const response = await suite.server.gql(query);
  expect(response.body.errors).toBeUndefined();
  return pick(response.body.data);
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** The page's width in CSS pixels; wider than the screen means sideways scrolling. */
const scrollWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

test('searching "Aliyev" finds Kamran Aliyev, whose page shows Max Hill among his counterparts', () =>
  withPage(suite.browser, suite.server.origin, 'explorer-search', async ({ page, problems }) => {
    await page.goto(`${suite.server.origin}/`);
    await page.getByRole('searchbox', { name: 'Search officials, conferences and articles' }).fill('Aliyev');
    await page.getByRole('button', { name: 'Search' }).click();

    await heading(page).getByText('Results for “Aliyev”', { exact: true }).waitFor();
    expect(page.url()).toBe(`${suite.server.origin}/search?q=Aliyev`);
    const officials = page.getByRole('region', { name: /^Officials/ });
    expect(await officials.getByRole('heading').innerText()).toBe('Officials (2)');
    expect(await officials.getByRole('link').allInnerTexts()).toEqual(expect.arrayContaining(['Kamran Aliyev', 'Ilham Aliyev']));
    await page.getByRole('region', { name: /^Articles/ }).getByRole('link', { name: /Prosecutor General attends IAP/ }).waitFor();
    await screenshot(page, 'explorer-search-results');

    await officials.getByRole('link', { name: 'Kamran Aliyev' }).click();
    await heading(page).getByText('Kamran Aliyev').waitFor();
    expect(page.url()).toMatch(new RegExp(`^${suite.server.origin}/officials/[^/]+$`));
    expect(await page.title()).toBe('Kamran Aliyev · newsgraph explorer');
    await page.getByText('Prosecutor General · Prosecutor General\'s Office · Azerbaijan').waitFor();

    const counterparts = page.getByRole('region', { name: /^Counterparts/ });
    const list = counterparts.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Max Hill', exact: true }) });
    expect(await list.innerText()).toMatch(/Max Hill[\s\S]*1 meeting/);
    // The same counterpart in the drawn network, as a link of its own.
    await counterparts.getByRole('group', { name: 'Kamran Aliyev and the officials met' }).getByRole('link', { name: 'Max Hill, 1 meeting' }).waitFor();

    const timeline = page.getByRole('region', { name: 'Timeline' });
    expect(await timeline.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await timeline.innerText()).toMatch(/meeting\s+with Max Hill in London, United Kingdom/i);
    await page.getByRole('region', { name: 'Titles as reported' }).getByText('Prosecutor General', { exact: true }).first().waitFor();
    await screenshot(page, 'explorer-official', { fullPage: true });

    // Following the drawn node opens the counterpart, who has met Kamran Aliyev in turn.
    await counterparts.getByRole('link', { name: 'Max Hill, 1 meeting' }).click();
    await heading(page).getByText('Max Hill').waitFor();
    await page.getByRole('region', { name: /^Counterparts/ }).getByRole('link', { name: 'Kamran Aliyev', exact: true }).waitFor();
    await page.goBack();
    await heading(page).getByText('Kamran Aliyev').waitFor();

    expect(problems).toEqual([]);
  }));

test('an article page marks the sentences facts came from and links the officials it names', async () => {
  const articleId = await idOf(`{ articleByUrl(url: "${sampleUrl}") { id } }`, (data) => data.articleByUrl.id);
  await withPage(suite.browser, suite.server.origin, 'explorer-article', async ({ page, problems }) => {
    await page.goto(`${suite.server.origin}/articles/${encodeURIComponent(articleId)}`);
    await heading(page).getByText("Azerbaijan's Prosecutor General attends IAP annual conference in London").waitFor();

    const body = page.locator('.article-body');
    const marks = body.locator('mark.fact');
    const facts = page.getByRole('complementary', { name: /^Facts in this report/ });
    expect(await facts.getByRole('heading', { level: 2 }).first().innerText()).toBe('Facts in this report (7)');
    expect(await marks.count()).toBeGreaterThanOrEqual(5);
    const maxHillSentence = marks.filter({ hasText: 'the Prosecutor General met with Max Hill' });
    expect(await maxHillSentence.count()).toBe(1);

    // The name inside the marked sentence leads to the official.
    const name = maxHillSentence.getByRole('link', { name: 'Max Hill', exact: true });
    expect(await name.getAttribute('href')).toMatch(/^\/officials\/[^/]+$/);
    expect(await body.getByRole('link', { name: 'Kamran Aliyev', exact: true }).count()).toBeGreaterThanOrEqual(2);

    // The mark's number leads to the fact, which names the participants and the sentence's topics.
    const factLink = maxHillSentence.getByRole('link', { name: /^Fact \d+$/ });
    const number = (await factLink.innerText()).trim();
    await factLink.click();
    expect(page.url()).toBe(`${suite.server.origin}/articles/${encodeURIComponent(articleId)}#fact-${number}`);
    const card = page.locator(`#fact-${number}`);
    expect(await card.innerText()).toMatch(/Meeting[\s\S]*Max Hill[\s\S]*Topics:/);
    await screenshot(page, 'explorer-article');

    await name.click();
    await heading(page).getByText('Max Hill').waitFor();
    expect(problems).toEqual([]);
  });
});

test('a conference page lists its editions, participants and side meetings', async () => {
  const conferenceId = await idOf(`{ conferences(filter: { city: "London" }) { nodes { id } } }`, (data) => data.conferences.nodes[0].id);
  await withPage(suite.browser, suite.server.origin, 'explorer-conference', async ({ page, problems }) => {
    await page.goto(`${suite.server.origin}/conferences/${encodeURIComponent(conferenceId)}`);
    await heading(page).getByText(/28th annual conference and general meeting of the International Association of Prosecutors/).waitFor();

    const editions = page.getByRole('region', { name: /^Editions/ });
    expect(await editions.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^27th edition\s+Tbilisi, Georgia$/),
      expect.stringMatching(/^28th edition \(this page\)/),
      expect.stringMatching(/^29th edition\s+Sept? 2024 · Baku, Azerbaijan · planned$/),
    ]);
    const participants = page.getByRole('region', { name: /^Participants/ });
    await participants.getByRole('link', { name: 'Kamran Aliyev', exact: true }).waitFor();
    const side = page.getByRole('region', { name: /^Meetings on the sidelines/ });
    expect(await side.getByRole('heading').innerText()).toMatch(/^Meetings on the sidelines \([1-9]\d*\)$/);
    await side.getByRole('link', { name: 'Max Hill', exact: true }).waitFor();
    await screenshot(page, 'explorer-conference', { fullPage: true });

    await page.getByRole('navigation', { name: 'Editions' }).getByRole('link', { name: /29th edition/ }).click();
    await heading(page).getByText('29th Conference of World Prosecutors').waitFor();
    expect(problems).toEqual([]);
  });
});

test('the explorer works from the keyboard alone', () =>
  withPage(suite.browser, suite.server.origin, 'explorer-keyboard', async ({ page, problems }) => {
    await page.goto(`${suite.server.origin}/`);
    await page.getByRole('link', { name: /Prosecutor General attends IAP/ }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to content');

    await page.keyboard.press('Tab'); // the brand link
    await page.keyboard.press('Tab'); // the search box
    expect(await page.evaluate('document.activeElement.id')).toBe('search-input');
    await page.keyboard.type('kamran aliyev');
    await page.keyboard.press('Enter');
    await heading(page).getByText('Results for “kamran aliyev”').waitFor();

    // Focus moves to the new page, so the next Tab reaches its first link.
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
    await page.getByRole('region', { name: /^Officials/ }).getByRole('link').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Kamran Aliyev');
    await page.keyboard.press('Enter');
    await heading(page).getByText('Kamran Aliyev').waitFor();
    await screenshot(page, 'explorer-keyboard');
    expect(problems).toEqual([]);
  }));

test('on a phone-sized screen the pages fit the width and stay readable', async () => {
  const officialId = await idOf(`{ officials(filter: { name: "Kamran Aliyev" }) { nodes { id } } }`, (data) => data.officials.nodes[0].id);
  const articleId = await idOf(`{ articleByUrl(url: "${sampleUrl}") { id } }`, (data) => data.articleByUrl.id);
  await withPage(
    suite.browser,
    suite.server.origin,
    'explorer-phone',
    async ({ page, problems }) => {
      await page.goto(`${suite.server.origin}/`);
      await heading(page).waitFor();
      await page.getByRole('link', { name: /Prosecutor General attends IAP/ }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(phone.width);
      await screenshot(page, 'phone-home', { fullPage: true });

      await page.goto(`${suite.server.origin}/officials/${encodeURIComponent(officialId)}`);
      await heading(page).getByText('Kamran Aliyev').waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(phone.width);
      await screenshot(page, 'phone-official');
      await screenshot(page, 'phone-official-full', { fullPage: true });

      await page.goto(`${suite.server.origin}/articles/${encodeURIComponent(articleId)}`);
      await page.locator('mark.fact').first().waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(phone.width);
      await screenshot(page, 'phone-article');
      expect(problems).toEqual([]);
    },
    phone,
  );
});

test('loading, failure, retry and not-found states are shown', async () => {
  const officialId = await idOf(`{ officials(filter: { name: "Kamran Aliyev" }) { nodes { id } } }`, (data) => data.officials.nodes[0].id);
  await withPage(suite.browser, suite.server.origin, 'explorer-states', async ({ page }) => {
    // Hold the API's answer to see the loading state, then let it fail.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      await held;
      await route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' });
    });
    await page.goto(`${suite.server.origin}/officials/${encodeURIComponent(officialId)}`);
    await page.getByRole('status').getByText('Loading the official…').waitFor();
    release();
    const alert = page.getByRole('alert');
    expect(await alert.innerText()).toMatch(/Something went wrong\. The API answered 503 Service Unavailable without a GraphQL response\./);
    await screenshot(page, 'explorer-error');

    await page.unroute('**/graphql');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await heading(page).getByText('Kamran Aliyev').waitFor();

    const missing = Buffer.from('Official:000000000000000000000000').toString('base64');
    await page.goto(`${suite.server.origin}/officials/${missing}`);
    await heading(page).getByText('Official not found').waitFor();
    expect(await page.locator('main').innerText()).toMatch(/No official has the id “T2ZmaWNpYWw6MDAw/);

    // A malformed id will not get better by asking again: no retry button, a way back instead.
    await page.goto(`${suite.server.origin}/officials/not-an-id`);
    expect(await page.getByRole('alert').innerText()).toMatch(/^Something went wrong\. Expected an Official id for "id", but got "not-an-id"\./);
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await page.getByRole('alert').getByRole('link', { name: 'Start again from the search' }).waitFor();

    await page.goto(`${suite.server.origin}/search?q=`);
    await heading(page).getByText('Search').waitFor();
  });
});

test('an unknown path gets the explorer’s own 404 page, with status 404, and a way back', () =>
  withPage(suite.browser, suite.server.origin, 'explorer-404', async ({ page, problems }) => {
    const response = await page.goto(`${suite.server.origin}/nope/deeper?x=1`);
    expect(response?.status()).toBe(404);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    await heading(page).getByText('Page not found').waitFor();
    expect(await page.locator('main').innerText()).toContain('Nothing lives at “/nope/deeper”.');
    expect(await page.innerText('body')).not.toContain('Cannot GET');
    expect(await page.title()).toMatch(/^Page not found/);
    await screenshot(page, 'explorer-404');
    await page.getByRole('link', { name: 'Back to the search' }).click();
    await page.getByRole('searchbox', { name: 'Search officials, conferences and articles' }).waitFor();
    expect(page.url()).toBe(`${suite.server.origin}/`);
    expect(problems.filter((p) => !/404/.test(p))).toEqual([]);
  }));

test('an official’s timeline: periods where they begin, undated events last by the day they were reported', async () => {
  // Invented reports, sent as a client would; the newer report comes first so ids do not give the order away.
  const officials = [
    { name: 'Ana Lima', title: 'Foreign Minister', country: 'PT' },
    { name: 'John Otieno', title: 'Foreign Minister', country: 'KE' },
    { name: 'Mei Chen', title: 'Trade Minister', country: 'SG' },
  ];
  const reports = [
    { n: 1, publishedAt: '2024-02-01', meetings: [{ participants: ['Ana Lima', 'John Otieno'], date: '2024-01-02', city: 'Nairobi' }] },
    { n: 2, publishedAt: '2023-12-20', meetings: [{ participants: ['Ana Lima', 'Mei Chen'], date: null, city: 'Singapore' }] },
    { n: 3, publishedAt: '2022-11-30', meetings: [{ participants: ['Ana Lima', 'John Otieno'], date: null, city: 'London' }] },
    {
      n: 4,
      publishedAt: '2023-06-01',
      meetings: [
        { participants: ['Ana Lima', 'John Otieno'], date: '2023-03-05', city: 'Lisbon' },
        { participants: ['Ana Lima', 'Mei Chen'], date: '2023-03', city: 'Porto' },
      ],
      conferences: [{ name: 'Lisbon Trade Forum', startDate: '2023', city: 'Lisbon', participants: ['Ana Lima'] }],
    },
  ];
  for (const { n, ...report } of reports) {
    const result = await suite.server.gql(`mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id } } }`, {
      input: { url: `https://news.example/timeline/${n}`, body: [`Report ${n} about Foreign Minister Ana Lima.`], officials, ...report },
    });
    expect(result.body.errors).toBeUndefined();
  }
  const id = await idOf(`{ officials(filter: { name: "Ana Lima" }) { nodes { id } } }`, (data) => data.officials.nodes[0].id);

  await withPage(suite.browser, suite.server.origin, 'explorer-timeline', async ({ page, problems }) => {
    await page.goto(`${suite.server.origin}/officials/${encodeURIComponent(id)}`);
    await heading(page).getByText('Ana Lima').waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('listitem').first().waitFor();
    const items = (await timeline.getByRole('listitem').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(items).toHaveLength(6);
    // (the kind is shown in capitals by the style sheet)
    const expected = [
      /^2023 Conference Lisbon Trade Forum/i,
      /^Mar 2023 Meeting with Mei Chen in Porto/i,
      /^5 Mar 2023 Meeting with John Otieno in Lisbon/i,
      /^2 Jan 2024 Meeting with John Otieno in Nairobi/i,
      /^Undated Meeting with John Otieno in London/i,
      /^Undated Meeting with Mei Chen in Singapore/i,
    ];
    items.forEach((item, i) => expect(item).toMatch(expected[i]!));
    await timeline.scrollIntoViewIfNeeded();
    await screenshot(page, 'explorer-timeline');
    expect(problems).toEqual([]);
  });
});
