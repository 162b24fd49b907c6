/**
 * Conference rules, each on an invented sentence of the genre: editions in digits, words and Roman
 * numerals, events known by an acronym and a number, bodies that are not events, places and statuses.
 */
import { ordinalValue } from '../../src/ingest';
import { romanValue } from '../../src/ingest/conferences';
import { fromText } from './helpers';

const conferences = (body: string, date = '2024-05-21') => fromText(body, date).conferences;

describe('editions', () => {
  test('ordinals in digits and words, Roman numerals of two letters or more', () => {
    expect(['28th', 'first', 'Sixty-first', 'twenty-third'].map(ordinalValue)).toEqual([28, 1, 61, 23]);
    expect(['XXIV', 'IV', 'XXVIII', 'III', 'XLII', 'I', 'V', 'CIVIL', 'IIII'].map(romanValue)).toEqual([24, 4, 28, 3, 42, null, null, null, null]);
  });

  test('a Roman numeral before the name is the edition (rule conference.numbered-name)', () => {
    const [c] = conferences('The ministers discussed preparations for the XXII Summit of the Andean Union of Nations, set for 3-4 July in Quito.');
    expect(c).toMatchObject({ name: 'XXII Summit of the Andean Union of Nations', edition: 22, city: 'Quito', startDate: '2024-07-03', endDate: '2024-07-04', status: 'upcoming' });
    expect(c.extraction).toMatchObject({ rule: 'conference.numbered-name' });
  });

  test('an ordinal in words before a session', () => {
    const [c] = conferences('The minister met the Executive Director on the sidelines of the Sixty-third session of the Commission on Population, which is under way in Geneva.');
    expect(c).toMatchObject({ edition: 63, status: 'attended' });
  });

  test('events known by acronym and number: "COP27", "UNGA 77", "the 77th UNGA" (rule conference.numbered-acronym)', () => {
    const [cop] = conferences('They also spoke about the preparations for COP27.', '2022-09-01');
    expect(cop).toMatchObject({ name: 'COP27', edition: 27, status: 'upcoming' });
    expect(cop.extraction).toMatchObject({ rule: 'conference.numbered-acronym' });
    expect(conferences('The president addressed the 77th UNGA in New York on Tuesday.', '2022-09-21')[0]).toMatchObject({ edition: 77, city: 'New York', status: 'attended' });
    expect(conferences('The minister will lead the delegation to UNGA 79 next week.', '2024-09-16')[0]).toMatchObject({ edition: 79, status: 'upcoming' });
  });

  test('an acronym that names no recurring event is no conference, nor is a number after it that is a year', () => {
    expect(conferences('The ABC 12 group met. The COP 2023 report was published.')).toEqual([]);
  });
});

describe('not events', () => {
  test('an assembly is a body unless numbered or the UN General Assembly', () => {
    expect(conferences('The National Assembly of Ruritania adopted the budget.')).toEqual([]);
    expect(conferences('He attended the 40th General Assembly of the Inter-Parliamentary Forum of Asia in Manila.')[0]).toMatchObject({ edition: 40, city: 'Manila' });
    expect(conferences('She will speak at the UN General Assembly in New York.')[0]).toMatchObject({ name: 'UN General Assembly', status: 'upcoming' });
  });

  test('a bare numbered meeting names no event', () => {
    expect(conferences('The 7th meeting was held in Astana on Friday.')).toEqual([]);
  });
});
