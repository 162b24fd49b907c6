import { fromText } from './helpers';

const official = (g: ReturnType<typeof fromText>, name: string) => g.officials.find((o) => o.name === name);

describe('officials in invented sentences', () => {
  test('title, country of and name; honorifics and ranks dropped', () => {
    const g = fromText(
      'Minister of Foreign Affairs of the Republic of Azerbaijan Jeyhun Bayramov has today met with Foreign Minister of the Kingdom of Saudi Arabia Prince Faisal bin Farhan Al Saud.',
    );
    expect(official(g, 'Jeyhun Bayramov')).toMatchObject({ country: 'AZ', title: 'Minister of Foreign Affairs' });
    expect(official(g, 'Faisal bin Farhan Al Saud')?.country).toBe('SA');
    expect(g.meetings[0]).toMatchObject({ participants: ['Jeyhun Bayramov', 'Faisal bin Farhan Al Saud'], date: '2024-05-06', dateInferred: true });
  });

  test('demonym + title before the name, appositive title after it', () => {
    const g = fromText(
      'Uzbek Foreign Minister Bakhtiyor Saidov held talks with Olzhas Bektenov, the Kazakh Prime Minister, and with Ruslan Kazakbaev, Foreign Minister of the Kyrgyz Republic, in Tashkent on Friday.',
      '2024-06-10',
    );
    expect(official(g, 'Bakhtiyor Saidov')?.country).toBe('UZ');
    expect(official(g, 'Olzhas Bektenov')).toMatchObject({ country: 'KZ', title: 'Prime Minister' });
    expect(official(g, 'Ruslan Kazakbaev')?.country).toBe('KG');
    expect(g.meetings).toHaveLength(1);
    expect(g.meetings[0]).toMatchObject({ city: 'Tashkent', country: 'UZ', date: '2024-06-07' });
    expect(g.meetings[0].participants.sort()).toEqual(['Bakhtiyor Saidov', 'Olzhas Bektenov', 'Ruslan Kazakbaev']);
  });

  test('people without an office are not officials', () => {
    const g = fromText('John Carter, a political analyst, said the talks in Vienna were useful. Maria Lopez wrote about it.');
    expect(g.officials).toEqual([]);
    expect(g.meetings).toEqual([]);
  });

  test('international organisations give no country', () => {
    const g = fromText('OSCE Secretary General Helga Schmid met Armenian Foreign Minister Ararat Mirzoyan in Yerevan.');
    expect(official(g, 'Helga Schmid')?.country).toBeNull();
    expect(official(g, 'Ararat Mirzoyan')?.country).toBe('AM');
    expect(g.meetings[0]).toMatchObject({ city: 'Yerevan', country: 'AM' });
  });

  test('counterpart, title description and surname coreference', () => {
    const g = fromText(
      [
        'Prosecutor General of Kazakhstan Berik Asylov took part in the 35th meeting of the Coordination Council of Prosecutors General of the CIS member states, held in Minsk on 23 May.',
        'On the sidelines of the meeting, he held talks with his Belarusian counterpart Andrei Shved.',
        'Later the Prosecutor General also met the Executive Secretary of the Coordination Council, Nikolai Vinnichenko.',
      ].join('\n\n'),
      '2024-05-24',
    );
    expect(official(g, 'Andrei Shved')).toMatchObject({ country: 'BY', title: 'Prosecutor General' });
    expect(official(g, 'Nikolai Vinnichenko')?.country).toBeNull();
    expect(g.meetings.map((m) => m.participants)).toEqual([
      ['Berik Asylov', 'Andrei Shved'],
      ['Berik Asylov', 'Nikolai Vinnichenko'],
    ]);
    expect(g.meetings[0]).toMatchObject({ city: 'Minsk', country: 'BY' });
    expect(g.conferences[0]).toMatchObject({ edition: 35, city: 'Minsk', startDate: '2024-05-23', status: 'attended' });
  });
});

describe('meetings in invented sentences', () => {
  test('a reception with a delegation, a visit giving the place', () => {
    const g = fromText(
      'Prosecutor General of Uzbekistan Nigmatilla Yuldashev received a delegation led by the Prosecutor General of Kyrgyzstan, Kurbanbek Jumagulov.\n\nThe delegation of Kyrgyzstan is on a visit to Tashkent.',
      '2024-02-15',
    );
    expect(g.meetings).toEqual([
      expect.objectContaining({ participants: ['Nigmatilla Yuldashev', 'Kurbanbek Jumagulov'], city: 'Tashkent', country: 'UZ', status: 'held' }),
    ]);
  });

  test('unnamed colleagues from several countries', () => {
    const g = fromText('Interior Minister of Georgia Vakhtang Gomelauri also held meetings with his colleagues from Poland, Lithuania and Estonia.');
    // plural meetings with colleagues from several countries: one record per country (CONVENTIONS)
    expect(g.meetings.map((m) => [m.participants, m.countries])).toEqual([
      [['Vakhtang Gomelauri'], ['PL']],
      [['Vakhtang Gomelauri'], ['LT']],
      [['Vakhtang Gomelauri'], ['EE']],
    ]);
  });

  test('a planned meeting', () => {
    const g = fromText('Turkish Foreign Minister Hakan Fidan will meet Egyptian Foreign Minister Sameh Shoukry in Cairo next week.');
    expect(g.meetings[0]).toMatchObject({ status: 'planned', city: 'Cairo', country: 'EG' });
  });

  test('agency "here" is the dateline city, weekday resolved', () => {
    const g = fromText('BEIJING, July 13 (Xinhua) -- Chinese State Councilor and Foreign Minister Wang Yi held talks with Kazakh Foreign Minister Murat Nurtleu here on Wednesday.', '2023-07-13');
    expect(g.meetings[0]).toMatchObject({ participants: ['Wang Yi', 'Murat Nurtleu'], city: 'Beijing', country: 'CN', date: '2023-07-12', dateInferred: true });
  });

  test('mentions of an event are not meetings', () => {
    const g = fromText('The foreign minister gave a press conference. A joint press conference followed. The meeting was constructive.');
    expect(g.meetings).toEqual([]);
    expect(g.conferences).toEqual([]);
  });
});

describe('conferences in invented sentences', () => {
  test('word ordinals, upcoming status, dates and organizer', () => {
    const g = fromText(
      'The twenty-ninth Annual Conference of the International Association of Prosecutors will be held in Baku from 15 to 19 September.',
      '2024-03-01',
    );
    expect(g.conferences[0]).toMatchObject({
      edition: 29,
      organizer: 'International Association of Prosecutors',
      city: 'Baku',
      country: 'AZ',
      startDate: '2024-09-15',
      endDate: '2024-09-19',
      status: 'upcoming',
    });
  });

  test('a ministerial meeting named after its organisation, on whose sidelines people meet', () => {
    const g = fromText(
      'Minister for Foreign Affairs Penny Wong met her Indonesian counterpart, Retno Marsudi, on the sidelines of the 56th ASEAN Foreign Ministers\' Meeting in Jakarta on Thursday.',
      '2023-07-14',
    );
    expect(g.conferences[0]).toMatchObject({ edition: 56, city: 'Jakarta', country: 'ID', status: 'attended' });
    expect(g.meetings[0]).toMatchObject({ participants: ['Penny Wong', 'Retno Marsudi'], city: 'Jakarta', date: '2023-07-13' });
    expect(official(g, 'Retno Marsudi')).toMatchObject({ country: 'ID', title: 'Minister for Foreign Affairs' });
  });

  test('one event named twice is listed once', () => {
    const g = fromText(
      'He invited the participants to the 12th Forum of Security Councils to be held in Astana in June 2025. Preparations for the Forum of Security Councils in Kazakhstan were discussed.',
      '2024-11-01',
    );
    expect(g.conferences).toHaveLength(1);
    expect(g.conferences[0]).toMatchObject({ edition: 12, city: 'Astana', startDate: '2025-06', status: 'upcoming' });
  });
});
