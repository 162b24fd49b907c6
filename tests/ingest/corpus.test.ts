/**
 * The shipped sample reports read back through the extractor, and the scorer (the port of
 * score-extraction.py) on invented gold and predictions whose scores are worked out by hand.
 * Only files in the repository are read: the shared corpus is scored in CI by `npm run eval:extract -- --check`.
 */
import { formatScore, scoreArticle, scoreCorpus, toIngestInput } from '../../src/ingest';
import { runSample, sampleFiles, sampleInput } from './helpers';

const sorted = (xs: string[]) => [...xs].sort();
const IAP_LONDON = '2023-09-28-azernews-iap28-london.json';
const IAP_BAKU = '2024-10-01-azernews-az-pg-receives-georgian-pg.json';

describe('the sample reports in data/sample give back the facts shipped with them', () => {
  test('both sample files are there', () => {
    expect(sampleFiles()).toEqual([IAP_LONDON, IAP_BAKU]);
  });

  test.each([IAP_LONDON, IAP_BAKU])('%s: officials with their countries, conferences with edition, place, date and status', (file) => {
    const shipped = sampleInput(file);
    const { report, extraction } = runSample(file);
    const input = toIngestInput(report, extraction);
    expect(input.publishedAt).toBe(shipped.publishedAt);
    expect(input.body).toEqual(shipped.body);
    const people = (xs: Array<{ name: string; country?: string | null }>) => xs.map((o) => [o.name, o.country ?? null]).sort();
    expect(people(input.officials!)).toEqual(people(shipped.officials!));
    const events = (xs: Array<{ name: string; edition?: number | null; city?: string | null; startDate?: string | null; status?: string | null }>) =>
      xs.map((c) => [c.name, c.edition ?? null, c.city ?? null, c.startDate ?? null, c.status ?? null]);
    expect(events(input.conferences!)).toEqual(events(shipped.conferences!));
  });

  test('London: one meeting per named counterpart at the conference city, the six unnamed colleagues by country', () => {
    const { gold } = runSample(IAP_LONDON);
    for (const counterpart of ['Max Hill', 'Harj Dersi', 'Lucien Wong']) {
      const m = gold.meetings.find((x) => x.participants.includes(counterpart));
      expect(m).toMatchObject({ city: 'London', country: 'GB', status: 'held' });
      expect(sorted(m!.participants)).toEqual(sorted(['Kamran Aliyev', counterpart]));
    }
    expect(sorted(gold.meetings.flatMap((m) => m.countries))).toEqual(sorted(['US', 'BR', 'AT', 'AE', 'UA', 'MN']));
    expect(gold.conferences.map((c) => c.status)).toEqual(['attended', 'upcoming']);
  });

  test('Baku: "today" dates the reception; a past conference and an upcoming plenary on November 15', () => {
    const { gold } = runSample(IAP_BAKU);
    expect(gold.meetings).toHaveLength(1);
    expect(gold.meetings[0]).toMatchObject({ participants: ['Kamran Aliyev', 'Giorgi Gabitashvili'], date: '2024-10-01', dateInferred: true, country: 'AZ' });
    expect(gold.conferences.find((c) => c.edition === 27)).toMatchObject({ city: 'Tbilisi', status: 'mentioned-past' });
    expect(gold.conferences.find((c) => c.name === 'high-level plenary session')).toMatchObject({ city: 'Baku', startDate: '2024-11-15', status: 'upcoming' });
  });
});

const official = (name: string, country: string | null = null, aliases: string[] = []) => ({ name, aliases, country });
const meeting = (participants: string[], countries: string[] = [], date: string | null = null) => ({ participants, countries, date });
const conference = (name: string, edition: number | null, city: string | null, startDate: string | null = null, organizer: string | null = null) => ({
  name,
  edition,
  city,
  startDate,
  organizer,
});

describe('scorer: the matching rules of score-extraction.py', () => {
  test('officials match by folded name, by alias or by a subset of at least two words; never by a surname alone', () => {
    const gold = { officials: [official('José Manuel Albares Bueno', 'ES'), official('Bola Ahmed Tinubu', 'NG', ['Tinubu']), official('Kim Jin-woo', 'KR')] };
    const pred = { officials: [official('Jose Manuel Albares', 'ES'), official('Tinubu', 'ZA'), official('Kim', 'KR')] };
    const s = scoreArticle(gold, pred);
    expect(s.officials).toEqual([2, 3, 3]);
    // Albares right, Tinubu (matched through its alias) wrong
    expect(s.official_country_acc).toEqual([1, 2]);
  });

  test('meetings match on a Jaccard of at least 0.5 that shares a named participant; unnamed countries count as members', () => {
    const officials = [official('Ana Lima'), official('John Otieno'), official('Li Wei'), official('Maria Rossi')];
    const gold = {
      officials,
      meetings: [meeting(['Ana Lima', 'John Otieno'], [], '2024-05-06'), meeting(['Ana Lima'], ['RU', 'AZ'], '2024-05'), meeting([], ['TR', 'IR'])],
    };
    const pred = {
      meetings: [
        meeting(['Ana Lima', 'John Otieno', 'Li Wei'], [], '2024-05'), // 2/3 of the members: a match, the month prefixes the day
        meeting(['Ana Lima'], ['RU'], null), // 2/3 again, but no date against a gold date
        meeting(['Maria Rossi', 'Li Wei']), // no overlap
        meeting([], ['TR', 'IR'], null), // unnamed only: matches a gold record with no named members
      ],
    };
    const s = scoreArticle(gold, pred);
    expect(s.meetings).toEqual([3, 4, 3]);
    expect(s.meeting_date_acc).toEqual([2, 3]);
  });

  test('conferences with an edition need the same edition and the same city or a fifth of the name words', () => {
    const gold = {
      conferences: [
        conference('28th Annual Conference of the International Association of Prosecutors', 28, 'London'),
        conference('Sixty-first session of the Commission on Narcotic Drugs', 61, 'Vienna'),
        conference('Summit of the Americas', null, 'Los Angeles', '2022-06-06'),
        conference('Forum of Foreign Ministers', null, null),
      ],
    };
    const pred = {
      conferences: [
        conference('IAP conference', 28, 'London'), // same edition and city
        conference('Commission on Narcotic Drugs', 60, 'Vienna'), // wrong edition: no match
        conference('IX Summit', null, 'Los Angeles', '2022-06-08'), // no edition: same city and year
        conference('Forum of Foreign Ministers', null, 'Suva'), // no edition: same name words; city wrong
      ],
    };
    const s = scoreArticle(gold, pred);
    expect(s.conferences).toEqual([3, 4, 4]);
    expect(s.conference_city_acc).toEqual([2, 3]);
  });

  test('micro-averaged precision, recall and F1 over reports, printed in the layout of score-extraction.py', () => {
    const golds = [
      { fileName: 'a.json', gold: { file: 'a.txt', officials: [official('Ana Lima', 'PT'), official('John Otieno', 'KE')], meetings: [], conferences: [] } },
      { fileName: 'b.json', gold: { file: 'b.txt', officials: [official('Li Wei', 'CN')], meetings: [], conferences: [] } },
    ];
    const preds = [{ file: 'a.txt', officials: [official('Ana Lima', 'PT'), official('Peter Pan', null)], meetings: [], conferences: [] }];
    const score = scoreCorpus(golds, preds);
    expect(score.officials).toEqual({ tp: 1, predicted: 2, gold: 3, precision: 0.5, recall: 0.333, f1: 0.4 });
    // nothing predicted and nothing to find is perfect
    expect(score.meetings).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(score.articles_predicted).toBe(1);
    const lines = formatScore(score).split('\n');
    expect(lines[0]).toBe('article                                          officials meetings  confs    ');
    expect(lines[1]).toBe('a.txt                                            1/2/2     0/0/0     0/0/0    ');
    expect(lines[2]).toBe('b.txt                                            0/0/1     0/0/0     0/0/0      (no prediction)');
    expect(lines).toContain('officials    P=0.500 R=0.333 F1=0.400');
    expect(lines).toContain('attribute accuracy on matches: country=1.0 meeting-date=None conference-city=None');
    expect(lines[lines.length - 1]).toBe('summary: officials F1=0.400 meetings F1=1.000 conferences F1=1.000 over 2 articles (1 predicted)');
  });
});
