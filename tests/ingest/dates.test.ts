import { findDates, resolveDate } from '../../src/ingest';

const one = (text: string, pub: string) => {
  const d = resolveDate(text, pub);
  if (!d) throw new Error(`no date in "${text}"`);
  return [d.from.value, d.to.value, d.from.precision, d.from.inferred];
};

describe('date resolution against the publication date', () => {
  test('today, yesterday, tomorrow', () => {
    expect(one('received the delegation today', '2024-10-01')).toEqual(['2024-10-01', '2024-10-01', 'DAY', true]);
    expect(one('met yesterday', '2024-03-01')).toEqual(['2024-02-29', '2024-02-29', 'DAY', true]);
    expect(one('will meet tomorrow', '2023-12-31')).toEqual(['2024-01-01', '2024-01-01', 'DAY', true]);
  });

  test('weekdays: past by default, the same day counts, future after "will" or "next"', () => {
    expect(one('met in Goa on Thursday', '2023-05-05')).toEqual(['2023-05-04', '2023-05-04', 'DAY', true]);
    expect(one('said on Tuesday', '2016-11-01')).toEqual(['2016-11-01', '2016-11-01', 'DAY', true]);
    expect(one('the ministers will meet on Monday', '2024-10-01')).toEqual(['2024-10-07', '2024-10-07', 'DAY', true]);
    expect(one('talks next Friday', '2024-10-04')).toEqual(['2024-10-11', '2024-10-11', 'DAY', true]);
    expect(one('talks last Friday', '2024-10-04')).toEqual(['2024-09-27', '2024-09-27', 'DAY', true]);
  });

  test('"last year", "next April", months without a year', () => {
    expect(one('attacked the embassy on 4 August last year', '2023-09-28')).toEqual(['2022-08-04', '2022-08-04', 'DAY', true]);
    expect(one('the meeting in Samarkand in September last year', '2023-10-19')).toEqual(['2022-09', '2022-09', 'MONTH', true]);
    expect(one('to be held in Macau next April', '2023-10-19')).toEqual(['2024-04', '2024-04', 'MONTH', true]);
    expect(one('a session to be held in Baku on November 15', '2024-10-01')).toEqual(['2024-11-15', '2024-11-15', 'DAY', true]);
    expect(one('the talks held on December 28', '2024-01-03')).toEqual(['2023-12-28', '2023-12-28', 'DAY', true]);
    expect(one('last year', '2024-01-03')).toEqual(['2023', '2023', 'YEAR', true]);
  });

  test('explicit dates and ranges', () => {
    expect(one('held in Beijing, China, on September 10-15, 2017.', '2017-09-21')).toEqual(['2017-09-10', '2017-09-15', 'DAY', false]);
    expect(one('from 28 September to 2 October 2023', '2023-09-01')).toEqual(['2023-09-28', '2023-10-02', 'DAY', false]);
    expect(one('on 12-14 June 2024', '2024-01-01')).toEqual(['2024-06-12', '2024-06-14', 'DAY', false]);
    expect(one('On 1 October 2019, the 17th Meeting', '2019-10-03')).toEqual(['2019-10-01', '2019-10-01', 'DAY', false]);
    expect(one('DUSHANBE, 19.09.2023', '2023-09-19')).toEqual(['2023-09-19', '2023-09-19', 'DAY', false]);
    expect(one('on 2022-12-20', '2023-01-01')).toEqual(['2022-12-20', '2022-12-20', 'DAY', false]);
  });

  test('months and years', () => {
    expect(one('to be held in Baku in September 2024', '2023-09-28')).toEqual(['2024-09', '2024-09', 'MONTH', false]);
    expect(one('the summit planned in 2025', '2024-01-01')).toEqual(['2025', '2025', 'YEAR', false]);
  });

  test('offsets point at the expression', () => {
    const text = 'Foreign Minister X met Y in Ankara on 20 December 2022.';
    const [d] = findDates(text, '2022-12-20');
    expect(text.slice(d.start, d.end)).toBe('20 December 2022');
  });

  test('no false dates in plain text', () => {
    expect(findDates('The Prosecutor General met his counterpart in Baku.', '2024-01-01')).toEqual([]);
    expect(findDates('They may discuss it.', '2024-01-01')).toEqual([]);
  });
});
