/**
 * Report metadata on invented report text: the optional `title:`, `url:` and `source:` header lines,
 * the address made from a report's content when it has no `url:`, and the datelines kept out of titles.
 */
import { extractReport, parseReport, ReportError, reportUrl, toIngestInput } from '../../src/ingest';

const BODY = "Azerbaijan's Foreign Minister Jeyhun Bayramov met with Kenyan Foreign Minister Musalia Mudavadi in Nairobi on Monday. They discussed trade.";

function input(text: string, file = 'reports/a.txt') {
  const report = parseReport(text, file);
  return toIngestInput(report, extractReport(report));
}

function headerError(text: string): ReportError {
  try {
    parseReport(text, 'some/file.txt');
  } catch (error) {
    expect(error).toBeInstanceOf(ReportError);
    return error as ReportError;
  }
  throw new Error('expected a ReportError');
}

describe('header lines', () => {
  test('title, url and source under the date line are the article’s, and not part of its body', () => {
    const sent = input(
      ' date 2024-05-06 06.05.2024 10:00 (UTC+03:00)\n' +
        'Title: Lima and Otieno discuss trade\n' +
        'url: https://news.example/2024/05/06/lima-otieno\n' +
        'SOURCE:   Example Agency  \n' +
        '\n' +
        `${BODY}\n`,
    );
    expect(sent.title).toBe('Lima and Otieno discuss trade');
    expect(sent.url).toBe('https://news.example/2024/05/06/lima-otieno');
    expect(sent.source).toBe('Example Agency');
    expect(sent.publishedAt).toBe('2024-05-06T10:00:00+03:00');
    expect(sent.body).toEqual([BODY]);
    expect(sent.meetings!.map((m) => m.participants)).toEqual([['Jeyhun Bayramov', 'Musalia Mudavadi']]);
  });

  test('each header is optional; without them the title is the first sentence and the source the agency named', () => {
    const sent = input(` date 2024-05-06\nurl: urn:example:lima-otieno\n\nBaku, May 6, AZERTAC\n\n${BODY}\n`);
    expect(sent.url).toBe('urn:example:lima-otieno');
    expect(sent.title).toBe("Azerbaijan's Foreign Minister Jeyhun Bayramov met with Kenyan Foreign Minister Musalia Mudavadi in Nairobi on Monday.");
    expect(sent.source).toBe('AZERTAC');
  });

  test('a paragraph that merely looks like a header, after a blank line, is text', () => {
    const sent = input(` date 2024-05-06\n\nSource: the ministry. ${BODY}\n`);
    expect(sent.body[0]).toMatch(/^Source: the ministry\./);
    expect(sent.url).toMatch(/^urn:newsgraph:report:2024-05-06-[0-9a-f]{16}$/);
  });

  test.each([
    ['a header given twice', ' date 2024-05-06\ntitle: One\ntitle: Two\n\nText.', 'title', /given twice/],
    ['an empty header', ' date 2024-05-06\ntitle:\n\nText.', 'title', /empty/],
    ['a url that is not absolute', ' date 2024-05-06\nurl: news.example/a\n\nText.', 'url', /not an absolute/],
    ['a url of another scheme', ' date 2024-05-06\nurl: javascript:alert(1)\n\nText.', 'url', /not an absolute/],
    ['another line among the headers', ' date 2024-05-06\ntitle: One\nauthor: Me\n\nText.', 'header', /end the headers with a blank line/],
  ])('%s is a BAD_HEADER error naming the field and the file', (_label, text, field, message) => {
    const error = headerError(text);
    expect(error.code).toBe('BAD_HEADER');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(error.message).toContain('some/file.txt');
  });
});

describe('an address from the content', () => {
  const text = ` date 2024-05-06\n\n${BODY}\n`;

  test('renaming or copying a file keeps the address; a different text or day changes it', () => {
    const url = input(text, 'a/first-name.txt').url;
    expect(url).toMatch(/^urn:newsgraph:report:2024-05-06-[0-9a-f]{16}$/);
    expect(input(text, 'elsewhere/copy of it.txt').url).toBe(url);
    // line breaks and spacing inside a paragraph are layout, not content
    expect(input(` date 2024-05-06\n\n${BODY.replace('. ', '.\n   ')}\n\n\n`, 'b.txt').url).toBe(url);
    expect(input(` date 2024-05-07\n\n${BODY}\n`).url).not.toBe(url);
    expect(input(` date 2024-05-06\n\n${BODY} They also discussed energy.\n`).url).not.toBe(url);
  });

  test('adding a title or source header keeps the address, so re-ingesting updates the same article', () => {
    const url = reportUrl(parseReport(text, 'a.txt'));
    expect(reportUrl(parseReport(` date 2024-05-06\ntitle: A headline\nsource: Example Agency\n\n${BODY}\n`, 'a.txt'))).toBe(url);
  });
});

describe('datelines', () => {
  test.each([
    ['ASTANA. Foreign Minister Ana Lima met X in Astana.', 'ASTANA.', 'Astana', null],
    ['ASTANA – Foreign Minister Ana Lima met X.', 'ASTANA –', 'Astana', null],
    ['KUWAIT: Foreign Minister Ana Lima met X.', 'KUWAIT:', 'Kuwait', null],
    ['Doha: Foreign Minister Ana Lima met X.', 'Doha:', 'Doha', null],
    ['Baku, June 20, Trend. Foreign Minister Ana Lima met X.', 'Baku, June 20, Trend.', 'Baku', 'Trend'],
    ['BEIJING, July 13 (Xinhua) -- Foreign Minister Ana Lima met X.', 'BEIJING, July 13 (Xinhua) --', 'Beijing', 'Xinhua'],
    ['Baku, May 6, AZERTAC\n\nForeign Minister Ana Lima met X.', 'Baku, May 6, AZERTAC', 'Baku', 'AZERTAC'],
    ['MOSCOW, November 16. /TASS/. Foreign Minister Ana Lima met X.', 'MOSCOW, November 16. /TASS/.', 'Moscow', 'TASS'],
    ['OTTAWA, ON, Dec. 2, 2021 /CNW/ - Foreign Minister Ana Lima met X.', 'OTTAWA, ON, Dec. 2, 2021 /CNW/ -', 'Ottawa', 'CNW'],
    ['Baku, Azerbaijan, Aug. 18\n\nTrend:\n\nForeign Minister Ana Lima met X.', 'Baku, Azerbaijan, Aug. 18 Trend:', 'Baku', 'Trend'],
    ['New York\n\nForeign Minister Ana Lima met X.', 'New York', 'New York', null],
    ['Luanda — Foreign Minister Ana Lima met X.', 'Luanda —', 'Luanda', null],
  ])('%j is a dateline, kept out of the title', (text, dateline, city, agency) => {
    const report = parseReport(` date 2024-06-20\n\n${text}\n\nThey discussed trade.\n`, 'd.txt');
    expect(report.dateline).toEqual({ text: dateline, city, agency });
    expect(report.paragraphs[0]).toMatch(/^Foreign Minister Ana Lima met X/);
    expect(toIngestInput(report, extractReport(report)).title).toMatch(/^Foreign Minister Ana Lima met X( in Astana)?\.$/);
  });

  test.each([
    'Baku-Tbilisi railway talks opened today.',
    'NATO: allies met in Brussels today.',
    'Kenya and Turkey signed an agreement today.',
    'The minister met X. Baku, June 20.',
    'U.S. Secretary of State met X in Washington.',
    'St. Petersburg hosted the forum today.',
  ])('%j is text, not a dateline', (text) => {
    const report = parseReport(` date 2024-06-20\n\n${text}\n`, 'd.txt');
    expect(report.dateline).toBeNull();
    expect(report.paragraphs[0]).toBe(text);
  });

  test('the title is the first whole sentence after the dateline, abbreviations and initials included', () => {
    const sent = input(' date 2024-05-10\n\nNew Delhi, 10 May 2024 - External Affairs Minister Dr. S. Jaishankar met X today. Then more.\n');
    expect(sent.title).toBe('External Affairs Minister Dr. S. Jaishankar met X today.');
  });
});
