import { OfficialRegistry, sameOfficial } from '../../src/ingest';
import { runSample, sampleFiles } from './helpers';

describe('name resolution across reports', () => {
  test('diacritics, case, order and transliteration do not matter', () => {
    expect(sameOfficial({ name: 'Mevlüt Çavuşoğlu' }, { name: 'MEVLUT CAVUSOGLU' })).toBe(true);
    expect(sameOfficial({ name: 'Sergey Lavrov', country: 'RU' }, { name: 'Sergei Lavrov', country: 'RU' })).toBe(true);
    expect(sameOfficial({ name: 'Kamran Aliyev' }, { name: 'Kamran Aliev' })).toBe(true);
    expect(sameOfficial({ name: 'Aliyev, Kamran' }, { name: 'Kamran Aliyev' })).toBe(true);
    expect(sameOfficial({ name: 'Mohammed Jafar Montazeri' }, { name: 'Mohammad Jafar Montazeri' })).toBe(true);
    expect(sameOfficial({ name: 'Bilawal Bhutto Zardari' }, { name: 'Bilawal Bhutto-Zardari' })).toBe(true);
  });

  test('different people stay apart; country breaks ties', () => {
    expect(sameOfficial({ name: 'Kamran Aliyev' }, { name: 'Ilham Aliyev' })).toBe(false);
    expect(sameOfficial({ name: 'Wang Yi', country: 'CN' }, { name: 'Wang Yi', country: 'SG' })).toBe(false);
    expect(sameOfficial({ name: 'Aliyev', country: 'AZ', titles: ['Prosecutor General'] }, { name: 'Kamran Aliyev', country: 'AZ', titles: ['Prosecutor General'] })).toBe(true);
    expect(sameOfficial({ name: 'Aliyev', country: 'AZ', titles: ['President'] }, { name: 'Kamran Aliyev', country: 'AZ', titles: ['Prosecutor General'] })).toBe(false);
  });

  test('a run over the sample reports names Kamran Aliyev and Ilham Aliyev once each', () => {
    const registry = new OfficialRegistry();
    for (const f of sampleFiles()) {
      for (const o of runSample(f).extraction.officials) registry.add(o);
    }
    const aliyevs = registry.entries.filter((e) => /Aliyev/.test(e.name));
    expect(aliyevs.map((e) => e.name).sort()).toEqual(['Ilham Aliyev', 'Kamran Aliyev']);
    expect(registry.canonicalName({ name: 'Kamran Aliev', country: 'AZ' })).toBe('Kamran Aliyev');
    expect(registry.find({ name: 'Kamran Aliyev' })?.titles).toContain('Prosecutor General');
  });
});
