import { parseReport, ReportError, splitSentences } from '../../src/ingest';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ReportError);
    expect((e as ReportError).message).toContain('some/file.txt');
    return (e as ReportError).code;
  }
  return undefined;
};

describe('parseReport', () => {
  test('date line, printed UTC offset and paragraphs', () => {
    const r = parseReport(' date 2023-09-28 28 September 2023 17:49 (UTC+04:00)\n\nFirst para.\n\nSecond para.\n', 'x/000_a.txt');
    expect(r.publishedDate).toBe('2023-09-28');
    expect(r.publishedAt).toBe('2023-09-28T17:49:00+04:00');
    expect(r.paragraphs).toEqual(['First para.', 'Second para.']);
    expect(r.body).toBe('First para.\n\nSecond para.');
    expect(r.name).toBe('000_a.txt');
    expect(r.id).toBe('000_a');
  });

  test('printed time without offset keeps the plain day', () => {
    expect(parseReport(' date 2024-10-01 10/1/2024 5:12:48 AM\n\nText.', 'a.txt').publishedAt).toBe('2024-10-01');
    expect(parseReport(' date 2024-10-01\n\nText.', 'a.txt').publishedAt).toBe('2024-10-01');
  });

  test('agency datelines are stripped and remembered', () => {
    const x = parseReport(' date 2023-07-13\n\nBEIJING, July 13 (Xinhua) -- Wang Yi met X.\n', 'x.txt');
    expect(x.paragraphs[0]).toBe('Wang Yi met X.');
    expect(x.dateline).toMatchObject({ city: 'Beijing', agency: 'Xinhua' });
    expect(x.source).toBe('Xinhua');
    const a = parseReport(' date 2024-05-06\n\nBaku, May 6, AZERTAC\n\nThe minister met X.\n', 'a.txt');
    expect(a.paragraphs).toEqual(['The minister met X.']);
    expect(a.sourceCountry).toBe('AZ');
    const k = parseReport(' date 2023-09-19\n\nDUSHANBE, 19.09.2023 (NIAT Khovar) – Text here.', 'k.txt');
    expect(k.paragraphs[0]).toBe('Text here.');
    expect(k.sourceCountry).toBe('TJ');
  });

  test('truncation marker', () => {
    const r = parseReport(' date 2019-10-03\n\nSome text about drugs [...]\n', 't.txt');
    expect(r.truncated).toBe(true);
    expect(r.body).toBe('Some text about drugs');
  });

  test('accepts a Buffer and strips a BOM and CRLF', () => {
    const r = parseReport(Buffer.from('\uFEFF date 2020-01-02\r\n\r\nLine.\r\n', 'utf8'), 'b.txt');
    expect(r.paragraphs).toEqual(['Line.']);
  });

  test('error codes', () => {
    expect(codeOf(() => parseReport('', 'some/file.txt'))).toBe('EMPTY_FILE');
    expect(codeOf(() => parseReport('  \n\n ', 'some/file.txt'))).toBe('EMPTY_FILE');
    expect(codeOf(() => parseReport('Hello world\n\nText', 'some/file.txt'))).toBe('NO_DATE_LINE');
    expect(codeOf(() => parseReport(' date 2023-02-30\n\nText', 'some/file.txt'))).toBe('BAD_DATE');
    expect(codeOf(() => parseReport(' date yesterday\n\nText', 'some/file.txt'))).toBe('BAD_DATE');
    expect(codeOf(() => parseReport(' date 2023-02-03\n\n', 'some/file.txt'))).toBe('NO_BODY');
    expect(codeOf(() => parseReport(Buffer.from([0x20, 0x64, 0x00, 0x01, 0x02]), 'some/file.txt'))).toBe('NOT_TEXT');
    expect(codeOf(() => parseReport(Buffer.from([0x20, 0x64, 0x61, 0xff, 0xfe, 0x41]), 'some/file.txt'))).toBe('NOT_TEXT');
    expect(codeOf(() => parseReport(Buffer.alloc(2 * 1024 * 1024 + 1, 0x41), 'some/file.txt'))).toBe('TOO_LARGE');
  });
});

describe('splitSentences', () => {
  test('offsets into paragraphs joined by blank lines; abbreviations and initials do not split', () => {
    const paragraphs = ['Minister for Foreign Affairs Dr. Vivian Balakrishnan met Mr. J. Smith today. They talked.', 'News.Az reports it. The U.S. side agreed.'];
    const body = paragraphs.join('\n\n');
    const s = splitSentences(paragraphs);
    expect(s.map((x) => x.text)).toEqual([
      'Minister for Foreign Affairs Dr. Vivian Balakrishnan met Mr. J. Smith today.',
      'They talked.',
      'News.Az reports it.',
      'The U.S. side agreed.',
    ]);
    for (const x of s) expect(body.slice(x.start, x.end)).toBe(x.text);
    expect(s[2].paragraph).toBe(1);
  });
});
