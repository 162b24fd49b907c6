import { readFileSync } from 'fs';
import path from 'path';
import { execFileSync } from 'child_process';
import { writeFileSync, mkdtempSync } from 'fs';
import os from 'os';
import { formatScore, scoreCorpus } from '../../src/ingest';
import { CORPUS, corpusFiles, goldOf, run } from './helpers';

const names = (xs: Array<{ name: string }>) => xs.map((x) => x.name).sort();

describe('seed report 000 is entirely right', () => {
  const { gold: pred } = run('000_azernews-iap28-london.txt');
  const gold = goldOf('000_azernews-iap28-london.txt');

  test('officials: names and countries', () => {
    expect(names(pred.officials)).toEqual(names(gold.officials));
    for (const g of gold.officials) expect(pred.officials.find((o) => o.name === g.name)?.country).toBe(g.country);
  });

  test('meetings: participants, unnamed counterpart countries, place and date', () => {
    expect(pred.meetings).toHaveLength(gold.meetings.length);
    for (const g of gold.meetings) {
      const m = pred.meetings.find((x) => [...x.participants].sort().join() === [...g.participants].sort().join() && [...x.countries].sort().join() === [...g.countries].sort().join());
      expect(m).toBeDefined();
      expect(m!.date).toBe(g.date);
      expect(m!.city).toBe(g.city);
      expect(m!.country).toBe(g.country);
      expect(m!.status).toBe(g.status);
    }
  });

  test('conferences: names, editions, places, dates, status', () => {
    expect(pred.conferences.map((c) => [c.name, c.edition, c.city, c.country, c.startDate, c.endDate, c.status])).toEqual(
      gold.conferences.map((c) => [c.name, c.edition, c.city, c.country, c.startDate, c.endDate, c.status]),
    );
  });

  test('publication date and file', () => {
    expect(pred.file).toBe(gold.file);
    expect(pred.publishedAt).toBe('2023-09-28');
  });
});

describe('key facts per corpus report', () => {
  test('001: IAP 22nd conference in Beijing with its date range, Shotadze meets Cao Jianming', () => {
    const { gold } = run('001_georgia-pg-iap22-beijing.txt');
    expect(gold.conferences[0]).toMatchObject({ edition: 22, city: 'Beijing', country: 'CN', startDate: '2017-09-10', endDate: '2017-09-15', status: 'attended' });
    expect(gold.meetings.map((m) => m.participants)).toEqual([['Irakli Shotadze', 'Cao Jianming']]);
    expect(gold.officials.find((o) => o.name === 'Gerhard Jarosch')?.country).toBeNull();
  });

  test('002: "today" dates the reception; November 15 takes the publication year', () => {
    const { gold } = run('002_az-pg-receives-georgian-pg.txt');
    expect(gold.meetings[0]).toMatchObject({ participants: ['Kamran Aliyev', 'Giorgi Gabitashvili'], date: '2024-10-01', dateInferred: true, country: 'AZ' });
    const plenary = gold.conferences.find((c) => c.name === 'high-level plenary session');
    expect(plenary).toMatchObject({ city: 'Baku', startDate: '2024-11-15', status: 'upcoming' });
    expect(gold.conferences.find((c) => c.edition === 27)).toMatchObject({ city: 'Tbilisi', status: 'mentioned-past' });
  });

  test('003: counterpart gets title and country; heads-of-state meeting last year; attendee added', () => {
    const { gold } = run('003_az-pg-meets-chinese-pg-beijing.txt');
    expect(gold.officials.find((o) => o.name === 'Ying Yong')).toMatchObject({ country: 'CN', title: 'Prosecutor General' });
    expect(gold.meetings[0].participants.sort()).toEqual(['Bunyad Huseynov', 'Kamran Aliyev', 'Ying Yong']);
    expect(gold.meetings[1]).toMatchObject({ participants: [], countries: ['AZ', 'CN'], date: '2022-09', city: 'Samarkand', country: 'UZ' });
    expect(gold.conferences.find((c) => /Executive Committee/.test(c.name))).toMatchObject({ city: 'Macau', startDate: '2024-04' });
  });

  test('006: dateline stripped, grouped bilateral meetings with unnamed prosecutors general', () => {
    const { report, gold } = run('006_tajik-pg-baku-cis-eco-meetings.txt');
    expect(report.dateline?.agency).toBe('NIAT Khovar');
    expect(report.body.startsWith("Tajikistan's Prosecutor General")).toBe(true);
    expect(gold.meetings.map((m) => m.countries)).toEqual([['RU', 'AZ'], ['TR', 'IR']]);
    expect(gold.conferences.map((c) => c.edition)).toEqual([33, 4]);
  });

  test('009: all seventeen participants of the SCO meeting, no bilateral meetings', () => {
    const { gold } = run('009_sco-17th-pg-meeting-bishkek.txt');
    expect(gold.officials).toHaveLength(17);
    expect(gold.meetings).toHaveLength(0);
    expect(gold.officials.find((o) => o.name === 'Tariq Ali')?.country).toBe('PK');
    expect(gold.officials.find((o) => o.name === 'Leonid Yermolayev')?.country).toBeNull();
    expect(gold.conferences[0]).toMatchObject({ edition: 17, city: 'Bishkek', country: 'KG', startDate: '2019-10-01' });
  });

  test('011, 013, 016, 019: bilateral meetings with resolved dates', () => {
    expect(run('011_sg-fm-hosts-cpc-song-tao.txt').gold.meetings[0]).toMatchObject({ date: '2019-03-23', country: 'SG' });
    expect(run('013_xinhua-china-australia-guo-keenan.txt').gold.meetings[0]).toMatchObject({ date: '2016-11-01', city: 'Beijing' });
    const m016 = run('016_pak-fm-meets-lavrov-sco-cfm-goa.txt').gold;
    expect(m016.meetings[0]).toMatchObject({ participants: ['Bilawal Bhutto-Zardari', 'Sergey Lavrov'], date: '2023-05-04', city: 'Goa', country: 'IN' });
    expect(m016.meetings[1].participants).toEqual(['Bilawal Bhutto-Zardari', 'Zhang Ming']);
    expect(m016.officials.find((o) => o.name === 'Bilawal Bhutto-Zardari')?.country).toBe('PK');
    expect(run('019_tr-fm-meets-gambian-fm-mou-ankara.txt').gold.meetings[0]).toMatchObject({ date: '2022-12-20', dateInferred: false, city: 'Ankara' });
  });
});

describe('corpus score', () => {
  const preds = corpusFiles().map((n) => run(n).gold as unknown as Record<string, unknown>);
  const golds = corpusFiles().map((n) => ({ fileName: n.replace(/\.txt$/, '.json'), gold: goldOf(n) as unknown as Record<string, unknown> }));
  const score = scoreCorpus(golds, preds);

  test('meets the quality bar', () => {
    expect(score.officials.f1).toBeGreaterThanOrEqual(0.9);
    expect(score.conferences.f1).toBeGreaterThanOrEqual(0.85);
    expect(score.meetings.f1).toBeGreaterThanOrEqual(0.75);
  });

  test('the TypeScript scorer prints what score-extraction.py prints', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-score-'));
    const file = path.join(dir, 'preds.jsonl');
    // a deliberately imperfect prediction set exercises the matching rules
    const damaged = preds.map((p, i) => {
      const q = JSON.parse(JSON.stringify(p)) as Record<string, any>;
      if (i % 2 === 0) q.officials = q.officials.slice(1);
      if (i % 3 === 0) q.meetings = q.meetings.map((m: any) => ({ ...m, participants: m.participants.slice(0, 1) }));
      if (i % 4 === 0) q.conferences = q.conferences.map((c: any) => ({ ...c, edition: null, city: null }));
      return q;
    });
    for (const set of [preds, damaged]) {
      writeFileSync(file, set.map((p) => JSON.stringify(p)).join('\n') + '\n');
      const script = path.resolve(CORPUS, '..', 'tools', 'score-extraction.py');
      const py = execFileSync('python3', [script, path.join(CORPUS, 'gold'), file], { encoding: 'utf8' }).trimEnd();
      expect(formatScore(scoreCorpus(golds, set))).toBe(py);
    }
    expect(readFileSync(file, 'utf8').length).toBeGreaterThan(0);
  });
});
