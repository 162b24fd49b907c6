/**
 * Official-country rules on invented sentences: the sending state of an envoy, a country stated after the
 * name, a country label heading a paragraph, the report's own country, and regions that are no country.
 */
import { findPlaces } from '../../src/ingest';
import { fromText } from './helpers';

const countryOf = (body: string, name: string, date = '2024-05-06') => fromText(body, date).officials.find((o) => o.name === name)?.country;

describe('official countries', () => {
  test('an ambassador serves the sending state, however the receiving one is written', () => {
    expect(countryOf("At a briefing, the minister said the United States' Ambassador to Peru, Carl Benson, would join the talks.", 'Carl Benson')).toBe('US');
    expect(countryOf('The president received French Ambassador to Kenya Marie Dubois in Nairobi.', 'Marie Dubois')).toBe('FR');
  });

  test('a country stated after the name: "President X of Y", "X, Minister for Foreign Affairs of Y"', () => {
    const g = fromText(
      'The leaders due to meet the president include President Amara Diallo of Guinea; Lars Holm, prime minister of Denmark; and, together with OSCE Chairperson-in-Office Anna Virtanen, Minister for Foreign Affairs of Finland, the envoys.',
    );
    const country = (n: string) => g.officials.find((o) => o.name === n)?.country;
    expect(country('Amara Diallo')).toBe('GN');
    expect(country('Lars Holm')).toBe('DK');
    expect(country('Anna Virtanen')).toBe('FI');
  });

  test('a credentials report lists envoys under a country label', () => {
    const g = fromText(
      [
        'President Shavkat Mirziyoyev received the credentials of new ambassadors.',
        'Mongolia: After the recent visit of president Batbold Tseren to Tashkent, the sides agreed to deepen trade.',
      ].join('\n\n'),
    );
    expect(g.officials.find((o) => o.name === 'Batbold Tseren')?.country).toBe('MN');
  });

  test("the report's own country: the host of a visiting delegation, the state of the report's own institution", () => {
    const g = fromText(
      [
        'On Thursday, Prosecutor General Ion Marin welcomed a delegation of the Prosecution Service of the UK, which is on a working visit to Moldova.',
        'The guests also toured the museum of the Prosecutor\'s Office of Moldova.',
      ].join('\n\n'),
    );
    expect(g.officials.find((o) => o.name === 'Ion Marin')?.country).toBe('MD');
  });

  test('"Ibero-American" and "Latin American" name regions, not the United States', () => {
    expect(findPlaces('the Ibero-American Secretary General and Latin American leaders').map((p) => p.code)).toEqual([]);
    expect(findPlaces('the American ambassador').map((p) => p.code)).toEqual(['US']);
  });
});

describe('more stated countries', () => {
  test('"X, Minister of State, UK Foreign … Office" serves the UK; a council of Arab ministers is international', () => {
    const g = fromText(
      'In Helsinki, the Secretary General also met Tom Baker, Minister of State, UK Foreign, Commonwealth and Development Office. The Secretary General of the Council of Arab Justice Ministers, Omar Haddad, attended.',
      '2025-08-02',
    );
    expect(g.officials.find((o) => o.name === 'Tom Baker')?.country).toBe('GB');
    expect(g.officials.find((o) => o.name === 'Omar Haddad')?.country).toBeNull();
  });
});
