/** One invented sentence per extraction rule of the linguistic layer: lists, event frames and their splitting. */
import { fromText } from './helpers';

const byName = (g: ReturnType<typeof fromText>, name: string) => g.officials.find((o) => o.name === name);

describe('official.listed: people listed after a plural title', () => {
  test('country before each name ("of Peru, A; of Chad, B")', () => {
    const g = fromText(
      'President Amara Keita received the credentials of the new ambassadors of Peru, Lucia Ramos; of Chad, Idriss Mahamat; and of Norway, Kari Holm, who will reside in Dakar.',
    );
    expect(byName(g, 'Lucia Ramos')).toMatchObject({ country: 'PE', title: 'Ambassador', extraction: { rule: 'official.listed' } });
    expect(byName(g, 'Idriss Mahamat')?.country).toBe('TD');
    expect(byName(g, 'Kari Holm')?.country).toBe('NO');
  });

  test('country after each name ("A of Peru, B of Chad")', () => {
    const g = fromText('The King accepted the letters of credence of the envoys Tomas Berg of Sweden, Ana Duarte of Portugal and Kenji Mori of Japan.');
    expect(g.officials.map((o) => [o.name, o.country])).toEqual([
      ['Tomas Berg', 'SE'],
      ['Ana Duarte', 'PT'],
      ['Kenji Mori', 'JP'],
    ]);
  });

  test('a plural noun that is no title lists nobody', () => {
    const g = fromText('The students of Peru, Lucia Ramos and Idriss Mahamat, said the visit went well.');
    expect(g.officials).toEqual([]);
  });
});

describe('meeting.credentials: one meeting per ambassador who presents credentials', () => {
  test('named envoys each meet the head of state; unnamed ones count by country', () => {
    const g = fromText(
      [
        'On Tuesday, President Amara Keita received the credentials of the new ambassadors of Peru, Lucia Ramos; of Chad, Idriss Mahamat; and of Norway, Kari Holm.',
        'Credentials were also presented by the ambassadors of Chile and Japan.',
      ].join('\n\n'),
      '2024-05-08',
    );
    const meetings = g.meetings.map((m) => [...m.participants, ...m.countries]);
    expect(meetings).toEqual([
      ['Amara Keita', 'Lucia Ramos'],
      ['Amara Keita', 'Idriss Mahamat'],
      ['Amara Keita', 'Kari Holm'],
      ['Amara Keita', 'CL'],
      ['Amara Keita', 'JP'],
    ]);
    expect(g.meetings[0]).toMatchObject({ date: '2024-05-07', status: 'held', extraction: { rule: 'meeting.credentials' } });
  });

  test('a later separate meeting with one of them is one more meeting', () => {
    const g = fromText(
      [
        'President Amara Keita received the credentials of the ambassadors of Peru, Lucia Ramos, and of Chad, Idriss Mahamat.',
        'Later, Amara Keita held a separate meeting with Lucia Ramos on fisheries.',
      ].join('\n\n'),
    );
    expect(g.meetings.map((m) => m.participants)).toEqual([
      ['Amara Keita', 'Lucia Ramos'],
      ['Amara Keita', 'Idriss Mahamat'],
      ['Amara Keita', 'Lucia Ramos'],
    ]);
  });
});

describe('meeting.separate: plural meetings are one record per counterpart', () => {
  test('bilateral meetings with a list of people, separated by semicolons', () => {
    const g = fromText(
      'Secretary General Marta Linde also held bilateral meetings with Omar Haddad, Minister of Foreign Affairs of Jordan; Kari Holm, Minister for Foreign Affairs of Norway; and Paulo Reis, President of the Senate of Brazil.',
    );
    expect(g.meetings.map((m) => m.participants)).toEqual([
      ['Marta Linde', 'Omar Haddad'],
      ['Marta Linde', 'Kari Holm'],
      ['Marta Linde', 'Paulo Reis'],
    ]);
    expect(g.meetings[0].extraction?.rule).toBe('meeting.separate');
  });

  test('meetings with colleagues from several countries: one per country', () => {
    const g = fromText('In Vienna, Prosecutor General of Chad Idriss Mahamat held meetings with his colleagues from Peru, Norway and Japan.');
    expect(g.meetings.map((m) => [m.participants, m.countries])).toEqual([
      [['Idriss Mahamat'], ['PE']],
      [['Idriss Mahamat'], ['NO']],
      [['Idriss Mahamat'], ['JP']],
    ]);
  });

  test('one meeting with two people stays one record', () => {
    const g = fromText('Foreign Minister of Peru Lucia Ramos met Foreign Minister of Chad Idriss Mahamat and Foreign Minister of Norway Kari Holm in Lima.');
    expect(g.meetings.map((m) => m.participants)).toEqual([['Lucia Ramos', 'Idriss Mahamat', 'Kari Holm']]);
    expect(g.meetings[0].extraction?.rule).toBe('meeting.verb');
  });
});

describe('meeting.call: phone and video calls between named officials', () => {
  test('a call is a meeting with no place', () => {
    const g = fromText('LIMA, May 6 -- Foreign Minister of Peru Lucia Ramos spoke by phone with Foreign Minister of Chad Idriss Mahamat on Sunday.', '2024-05-06');
    expect(g.meetings).toEqual([
      expect.objectContaining({ participants: ['Lucia Ramos', 'Idriss Mahamat'], city: null, country: null, date: '2024-05-05', extraction: expect.objectContaining({ rule: 'meeting.call' }) }),
    ]);
  });

  test('"took a phone call from" and an opening adverb before the title-only subject', () => {
    const g = fromText(
      [
        'Prime Minister of Norway Kari Holm received Foreign Minister of Peru Lucia Ramos in Oslo.',
        'Separately, the Prime Minister took a phone call from President of Chad Idriss Mahamat.',
      ].join('\n\n'),
    );
    expect(g.meetings.map((m) => m.participants)).toEqual([
      ['Kari Holm', 'Lucia Ramos'],
      ['Kari Holm', 'Idriss Mahamat'],
    ]);
  });
});

describe('coordinated subjects and semicolon lists', () => {
  test('"X and his two deputies, Y and Z, are to meet A; B; and C": the deputies meet too, one meeting per counterpart', () => {
    const g = fromText(
      "Peru's Prosecutor General, Lucia Ramos, is paying a visit to Oslo. Ramos and her two deputies, Tomas Vega and Ana Duarte, are to meet Kari Holm, Minister of Justice; Ole Berg, Chairman of the Council of Judges; and Idriss Mahamat, President of the Court.",
    );
    expect(byName(g, 'Tomas Vega')?.country).toBe('PE');
    expect(g.meetings.map((m) => m.participants)).toEqual([
      ['Lucia Ramos', 'Tomas Vega', 'Ana Duarte', 'Kari Holm'],
      ['Lucia Ramos', 'Tomas Vega', 'Ana Duarte', 'Ole Berg'],
      ['Lucia Ramos', 'Tomas Vega', 'Ana Duarte', 'Idriss Mahamat'],
    ]);
    expect(g.meetings.every((m) => m.status === 'planned')).toBe(true);
  });
});

describe('passive receptions and planned courtesy calls', () => {
  test('"were welcomed by X and Y" is a meeting of the subject with both', () => {
    const g = fromText(
      'Speaker of the Senate of Peru Lucia Ramos arrived in Oslo today. She and her delegation were welcomed by Deputy Speaker Ole Berg and Secretary General of the Storting Kari Holm.',
    );
    expect(g.meetings.map((m) => m.participants)).toEqual([['Lucia Ramos', 'Ole Berg', 'Kari Holm']]);
  });

  test('"is due to pay courtesy calls tomorrow on A and on B": two planned meetings', () => {
    const g = fromText('Speaker of the Senate of Peru Lucia Ramos is due to pay courtesy calls tomorrow on Prime Minister Ole Berg and on Home Minister Kari Holm.');
    expect(g.meetings.map((m) => [m.participants, m.status, m.date])).toEqual([
      [['Lucia Ramos', 'Ole Berg'], 'planned', '2024-05-07'],
      [['Lucia Ramos', 'Kari Holm'], 'planned', '2024-05-07'],
    ]);
  });
});

describe('meeting.roster: a roster of counterparts due to meet one official', () => {
  test('"the leaders due to engage with X include A; B and C": one planned meeting each', () => {
    const g = fromText(
      'President of Peru Lucia Ramos arrived in New York. The other leaders due to engage with Ramos include Ole Berg, prime minister of Norway; President Idriss Mahamat of Chad; and Kari Holm, King of Norway.',
    );
    expect(g.meetings.map((m) => [m.participants, m.status, m.extraction?.rule])).toEqual([
      [['Lucia Ramos', 'Ole Berg'], 'planned', 'meeting.roster'],
      [['Lucia Ramos', 'Idriss Mahamat'], 'planned', 'meeting.roster'],
      [['Lucia Ramos', 'Kari Holm'], 'planned', 'meeting.roster'],
    ]);
  });
});

describe('meeting.credentials without a named receiver', () => {
  test('an envoy is never taken for the head of state who receives the others', () => {
    const g = fromText(
      [
        'Letters of credence were presented today by HE Tomas Berg, Ambassador of Sweden, and HE Ana Duarte, Ambassador of Portugal.',
        'HE Kenji Mori, Ambassador of Japan, was also present. Mori had presented his credentials earlier. Mori thanked the hosts.',
      ].join('\n\n'),
    );
    expect(g.meetings.slice(0, 2).map((m) => [m.participants, m.extraction?.confidence])).toEqual([
      [['Tomas Berg'], 0.73],
      [['Ana Duarte'], 0.73],
    ]);
  });
});

describe('a welcomed delegation', () => {
  test('"welcomed a delegation of <country>", then the people who took part in the discussions', () => {
    const g = fromText(
      [
        'On Thursday, Prosecutor General of Peru Lucia Ramos welcomed a delegation of the Prosecution Service of Norway, which is on a working visit.',
        'Taking part in the discussions were Tomas Vega, Deputy Prosecutor General of Peru, and Ana Duarte, Chief Prosecutor of Peru.',
      ].join('\n\n'),
    );
    expect(g.meetings.map((m) => [m.participants, m.countries])).toEqual([[['Lucia Ramos', 'Tomas Vega', 'Ana Duarte'], ['NO']]]);
  });
});

describe('more meeting verbs', () => {
  test('"held a meeting on June 8 with": a date between the meeting and its counterpart', () => {
    const g = fromText('Prosecutor General of Peru Lucia Ramos held a meeting on June 8 with the Deputy Prosecutor General of Chad, Idriss Mahamat.', '2024-06-09');
    expect(g.meetings.map((m) => [m.participants, m.date])).toEqual([[['Lucia Ramos', 'Idriss Mahamat'], '2024-06-08']]);
  });

  test('"X and his counterpart Y chaired the meeting": a joint meeting', () => {
    const g = fromText('The council held its meeting in Lima. Peruvian Prime Minister Lucia Ramos and his Chilean counterpart Idriss Mahamat chaired the meeting.');
    expect(g.meetings.map((m) => m.participants)).toEqual([['Lucia Ramos', 'Idriss Mahamat']]);
  });
});

describe('meetings without a meeting verb, and one encounter told twice', () => {
  test('"held meetings in <city> on <day> with A, with B and with C": place and day between the verb and "with"', () => {
    const g = fromText(
      'Foreign Minister of Peru Lucia Ramos held meetings in Oslo on Monday with Prime Minister of Norway Kari Holm, with Speaker Ole Berg and with Justice Minister Tomas Vega.',
      '2024-05-08',
    );
    expect(g.meetings.map((m) => m.participants)).toEqual([
      ['Lucia Ramos', 'Kari Holm'],
      ['Lucia Ramos', 'Ole Berg'],
      ['Lucia Ramos', 'Tomas Vega'],
    ]);
    expect(g.meetings[0]).toMatchObject({ city: 'Oslo', date: '2024-05-06' });
  });

  test('"discussed … with X" is a meeting with X; "discussed cooperation with Peru" is none', () => {
    const g = fromText('Prime Minister of Norway Kari Holm discussed fisheries, trade and energy with Foreign Minister of Peru Lucia Ramos on Tuesday.', '2024-05-08');
    expect(g.meetings).toEqual([expect.objectContaining({ participants: ['Kari Holm', 'Lucia Ramos'], date: '2024-05-07' })]);
    expect(fromText('Prime Minister of Norway Kari Holm discussed cooperation with Peru and Chad.').meetings).toEqual([]);
  });

  test('"X and Y discussed …" told after "X held talks with Y" stays one meeting and gives it its day', () => {
    const g = fromText(
      [
        'Foreign Minister of Peru Lucia Ramos held talks with Prime Minister of Norway Kari Holm in Oslo.',
        'Ramos and Holm discussed fisheries yesterday.',
      ].join('\n\n'),
      '2024-05-08',
    );
    expect(g.meetings).toEqual([expect.objectContaining({ participants: ['Lucia Ramos', 'Kari Holm'], date: '2024-05-07' })]);
  });

  test('"X and Y discussed …" alone is a meeting (meeting.joint-talk); two of one government are not', () => {
    const g = fromText('Foreign Minister of Peru Lucia Ramos and Prime Minister of Norway Kari Holm discussed fisheries in Oslo.');
    expect(g.meetings).toEqual([expect.objectContaining({ participants: ['Lucia Ramos', 'Kari Holm'], extraction: expect.objectContaining({ rule: 'meeting.joint-talk' }) })]);
    expect(fromText('Foreign Minister of Peru Lucia Ramos and Prime Minister of Peru Tomas Vega discussed the budget.').meetings).toEqual([]);
  });

  test('"met his counterparts from A, B and C": one meeting per country, later filled by the counterpart named', () => {
    const g = fromText(
      [
        'Foreign Minister of Peru Lucia Ramos met on Monday with his counterparts from Norway, Chad and Japan.',
        'Ramos also held talks with Norwegian Foreign Minister Kari Holm.',
      ].join('\n\n'),
      '2024-05-08',
    );
    expect(g.meetings.map((m) => [m.participants, m.countries, m.date])).toEqual([
      [['Lucia Ramos', 'Kari Holm'], [], '2024-05-06'],
      [['Lucia Ramos'], ['TD'], '2024-05-06'],
      [['Lucia Ramos'], ['JP'], '2024-05-06'],
    ]);
  });
});

describe('more ways the genre reports a meeting', () => {
  test('"welcomed her counterpart X" is a meeting; "welcomed the decision of X" is none', () => {
    const g = fromText('Foreign Minister of Peru Lucia Ramos welcomed her Japanese counterpart Kenji Mori to Lima on Monday.', '2024-05-08');
    expect(g.meetings).toEqual([expect.objectContaining({ participants: ['Lucia Ramos', 'Kenji Mori'], date: '2024-05-06' })]);
    expect(fromText("Foreign Minister of Peru Lucia Ramos welcomed the decision of Japan's Prime Minister Kenji Mori.").meetings).toEqual([]);
  });

  test('"X phoned Y" is a call', () => {
    const g = fromText('Japanese Foreign Minister Kenji Mori phoned Peruvian Foreign Minister Lucia Ramos on Monday.', '2024-05-08');
    expect(g.meetings).toEqual([expect.objectContaining({ participants: ['Kenji Mori', 'Lucia Ramos'], extraction: expect.objectContaining({ rule: 'meeting.call' }) })]);
  });

  test('"In a meeting with X, <title>, Y said …": the subject follows the counterpart\'s title', () => {
    const g = fromText('In a meeting with Ole Berg, Secretary General of NATO, on Monday, Prime Minister Kari Holm of Norway said the alliance must grow.');
    expect(g.meetings.map((m) => m.participants)).toEqual([['Kari Holm', 'Ole Berg']]);
  });

  test('"X, accompanied by Y, met Z" and "X was accompanied by Y and W": the escorts take part', () => {
    const a = fromText('Foreign Minister of Peru Lucia Ramos, accompanied by Deputy Foreign Minister Tomas Vega, met President of Chad Idriss Mahamat on Monday.');
    expect(a.meetings.map((m) => m.participants)).toEqual([['Lucia Ramos', 'Tomas Vega', 'Idriss Mahamat']]);
    const b = fromText(
      'President of Chad Idriss Mahamat received Foreign Minister of Peru Lucia Ramos on Monday. Ramos was accompanied by Deputy Foreign Minister Tomas Vega and Ambassador Ana Duarte.',
    );
    expect(b.meetings.map((m) => m.participants)).toEqual([['Idriss Mahamat', 'Lucia Ramos', 'Tomas Vega', 'Ana Duarte']]);
  });

  test('"Talks between X and Y were held in <city>" (meeting.between)', () => {
    const g = fromText('Talks between Japanese Prime Minister Kenji Mori and Peruvian President Lucia Ramos were held in Tokyo on Monday.', '2024-05-08');
    expect(g.meetings).toEqual([
      expect.objectContaining({ participants: ['Kenji Mori', 'Lucia Ramos'], city: 'Tokyo', date: '2024-05-06', status: 'held', extraction: expect.objectContaining({ rule: 'meeting.between' }) }),
    ]);
  });

  test('"The talks took place in <city> on <day>": place and day of the meeting just told', () => {
    const g = fromText('Peruvian Foreign Minister Lucia Ramos held talks with Japanese Foreign Minister Kenji Mori. The talks took place in Tokyo on 6 May.', '2024-05-08');
    expect(g.meetings).toEqual([expect.objectContaining({ participants: ['Lucia Ramos', 'Kenji Mori'], city: 'Tokyo', date: '2024-05-06' })]);
  });

  test('"said on Monday that on Wednesday he will receive X": the later day, and a weekday to come lies ahead', () => {
    const g = fromText('President of Chad Idriss Mahamat said on Monday that on Wednesday he will receive Foreign Minister of Peru Lucia Ramos.', '2024-05-07');
    expect(g.meetings).toEqual([expect.objectContaining({ participants: ['Idriss Mahamat', 'Lucia Ramos'], status: 'planned', date: '2024-05-08' })]);
  });

  test('a meeting dated only by a span of days in one month gets the month', () => {
    const g = fromText('During her visit to Tokyo on 27-28 May, Foreign Minister of Peru Lucia Ramos met Japanese Foreign Minister Kenji Mori.', '2024-06-08');
    expect(g.meetings).toEqual([expect.objectContaining({ participants: ['Lucia Ramos', 'Kenji Mori'], date: '2024-05' })]);
  });

  test('"27-28. May" (European date punctuation) ends no sentence', () => {
    const g = fromText('Peruvian Foreign Minister Lucia Ramos visited Tokyo on 27-28. May, where she met Japanese Foreign Minister Kenji Mori.', '2024-06-08');
    expect(g.meetings).toEqual([expect.objectContaining({ participants: ['Lucia Ramos', 'Kenji Mori'], date: '2024-05', city: 'Tokyo' })]);
  });

  test('a subject named right before the verb but unknown as an official is not replaced by the main actor', () => {
    const g = fromText(
      [
        'Prime Minister of Norway Kari Holm opened the forum in Oslo.',
        'At the ceremony, Dame Ingrid welcomed Ambassador of Peru Lucia Ramos; Ambassador of Chad Idriss Mahamat; and Ambassador of Japan Kenji Mori.',
      ].join('\n\n'),
    );
    expect(g.meetings.filter((m) => m.participants.includes('Kari Holm'))).toEqual([]);
  });
});

describe('credentials announced with a colon, one envoy per paragraph', () => {
  test('"The envoys who presented their credentials were:" then a paragraph each, dated by the lead', () => {
    const g = fromText(
      [
        'Governor General Ana Duarte today welcomed three new heads of mission at Government House.',
        'The new heads of mission who presented their credentials were:',
        'His Excellency Lucia Ramos, Ambassador of the Republic of Peru',
        'His Excellency Archbishop Paolo Verdi, Apostolic Nuncio of the Holy See',
        'His Excellency Kenji Mori, Ambassador of Japan',
        'Quick facts:',
        'Heads of mission present their credentials to the governor general.',
      ].join('\n\n'),
      '2024-05-08',
    );
    expect(g.meetings.map((m) => [m.participants, m.date])).toEqual([
      [['Ana Duarte', 'Lucia Ramos'], '2024-05-08'],
      [['Ana Duarte', 'Paolo Verdi'], '2024-05-08'],
      [['Ana Duarte', 'Kenji Mori'], '2024-05-08'],
    ]);
    expect(g.meetings[0].extraction?.rule).toBe('meeting.credentials');
  });
});

describe('courtesy and farewell calls and visits', () => {
  test('"paid a farewell call on X", "paid a courtesy visit to X" are meetings; "paid a visit to Japan" is none', () => {
    expect(fromText('Ambassador Kenji Mori of Japan paid a farewell call on President Lucia Ramos of Peru on Monday.').meetings.map((m) => m.participants)).toEqual([['Kenji Mori', 'Lucia Ramos']]);
    expect(fromText('Ambassador Kenji Mori of Japan paid a courtesy visit to President Lucia Ramos of Peru.').meetings.map((m) => m.participants)).toEqual([['Kenji Mori', 'Lucia Ramos']]);
    expect(fromText('President Lucia Ramos of Peru paid an official visit to Japan on Monday.').meetings).toEqual([]);
  });
});

describe('meeting.at-the-meeting: "At the meeting, X said" after a visit is told', () => {
  test('X met the leader of the visiting delegation', () => {
    const g = fromText(
      [
        "At the invitation of Norway's Prosecutor General Kari Holm, a delegation led by Deputy Prosecutor General of Peru Lucia Ramos has arrived in Oslo.",
        'At the bilateral meeting, Kari Holm stressed the value of legal assistance.',
      ].join('\n\n'),
    );
    expect(g.meetings).toEqual([expect.objectContaining({ participants: ['Kari Holm', 'Lucia Ramos'], extraction: expect.objectContaining({ rule: 'meeting.at-the-meeting' }) })]);
  });

  test('nobody of another country named before: no meeting', () => {
    const g = fromText(['Prosecutor General of Norway Kari Holm opened a new office in Oslo.', 'At the meeting, Kari Holm stressed the value of legal assistance.'].join('\n\n'));
    expect(g.meetings).toEqual([]);
  });
});

describe('things received are no meetings', () => {
  test('"received a letter from X", "received an invitation from X"', () => {
    expect(fromText('President of Peru Lucia Ramos received a letter from Japanese Prime Minister Kenji Mori on Monday.').meetings).toEqual([]);
    expect(fromText('President of Peru Lucia Ramos received an invitation from Japanese Prime Minister Kenji Mori to visit Tokyo.').meetings).toEqual([]);
    expect(fromText('President of Peru Lucia Ramos received Japanese Prime Minister Kenji Mori on Monday.').meetings.map((m) => m.participants)).toEqual([['Lucia Ramos', 'Kenji Mori']]);
  });
});

describe('audiences, working meals, exchanges of views and joint calls', () => {
  const pairOf = (text: string) => fromText(text, '2024-05-08').meetings.map((m) => [m.participants, m.date, m.extraction?.rule]);

  test('"granted an audience to", "was received in audience by", "had an audience with"', () => {
    expect(pairOf('King Olav of Norway granted an audience to Foreign Minister of Peru Lucia Ramos on Monday.')).toEqual([[['Olav', 'Lucia Ramos'], '2024-05-06', 'meeting.verb']]);
    expect(pairOf('Foreign Minister of Peru Lucia Ramos was received in audience by King Olav of Norway on Monday.')).toEqual([[['Lucia Ramos', 'Olav'], '2024-05-06', 'meeting.verb']]);
    expect(pairOf('Foreign Minister of Peru Lucia Ramos had an audience with King Olav of Norway on Monday.')).toEqual([[['Lucia Ramos', 'Olav'], '2024-05-06', 'meeting.verb']]);
  });

  test('"held a working lunch with", "exchanged views on … with"', () => {
    expect(pairOf('Foreign Minister of Peru Lucia Ramos held a working lunch with Japanese Foreign Minister Kenji Mori on Monday.')).toEqual([[['Lucia Ramos', 'Kenji Mori'], '2024-05-06', 'meeting.verb']]);
    expect(pairOf('Foreign Minister of Peru Lucia Ramos exchanged views on regional issues with Japanese Foreign Minister Kenji Mori on Monday.')).toEqual([
      [['Lucia Ramos', 'Kenji Mori'], '2024-05-06', 'meeting.verb'],
    ]);
  });

  test('"Talks were held on Monday between X and Y"; "X and Y spoke by phone"', () => {
    expect(pairOf('Talks were held on Monday between Foreign Minister of Peru Lucia Ramos and Japanese Foreign Minister Kenji Mori.')).toEqual([
      [['Lucia Ramos', 'Kenji Mori'], '2024-05-06', 'meeting.between'],
    ]);
    expect(pairOf('Foreign Minister of Peru Lucia Ramos and Japanese Foreign Minister Kenji Mori spoke by phone on Monday.')).toEqual([[['Lucia Ramos', 'Kenji Mori'], '2024-05-06', 'meeting.call']]);
  });
});

describe('meeting.again: "the two leaders met again"', () => {
  test('a second meeting of the same people on another day', () => {
    const g = fromText('Peruvian President Lucia Ramos met Japanese Prime Minister Kenji Mori on Monday. The two leaders met again on Tuesday at a working dinner.', '2024-05-08');
    expect(g.meetings.map((m) => [m.participants, m.date, m.extraction?.rule])).toEqual([
      [['Lucia Ramos', 'Kenji Mori'], '2024-05-06', 'meeting.verb'],
      [['Lucia Ramos', 'Kenji Mori'], '2024-05-07', 'meeting.again'],
    ]);
  });
});

describe('who attended, and talks told after what they produced', () => {
  test('"The reception was attended by A and B": both take part in the reception', () => {
    const g = fromText(
      [
        'Crown Prince Faisal bin Omar received President of Chad Idriss Mahamat at the palace today.',
        'The reception was attended by Minister of Foreign Affairs Khalid Nasser and Minister of State Omar Saleh.',
      ].join('\n\n'),
    );
    expect(g.meetings.map((m) => m.participants)).toEqual([['Faisal bin Omar', 'Idriss Mahamat', 'Khalid Nasser', 'Omar Saleh']]);
  });

  test('"X and his counterpart Y have agreed …, following talks in <city> on Monday"', () => {
    const g = fromText('Chadian President Idriss Mahamat and his Nigerien counterpart Ali Moussa have agreed to reopen the border, following talks in Niamey on Monday.', '2024-05-08');
    expect(g.meetings).toEqual([expect.objectContaining({ participants: ['Idriss Mahamat', 'Ali Moussa'], date: '2024-05-06', city: 'Niamey' })]);
  });

  test('"After meeting the press, X said" is no meeting', () => {
    expect(fromText('After meeting the press, Chadian President Idriss Mahamat said the border would reopen.').meetings).toEqual([]);
  });
});

describe('a subject that is also the counterpart', () => {
  test('"the Foreign Minister met with the Vice-Minister of Japan, X" read as X meeting X gives no meeting with Japan', () => {
    const g = fromText(
      [
        'The Minister of Foreign Affairs, Ambassador Carlos Ruiz, received the Ambassador of Chad, Idriss Mahamat.',
        'Later, the Foreign Minister met with the Vice-Minister for Foreign Trade of Japan, Kenji Mori.',
      ].join('\n\n'),
    );
    expect(g.meetings.filter((m) => m.countries.length > 0 || m.participants.length < 2)).toEqual([]);
  });
});

describe('the place of a meeting held in a named building', () => {
  test('"at State House, Nairobi": the city after the building', () => {
    const g = fromText('President of Kenya Daniel Otieno received President of Chad Idriss Mahamat at State House, Nairobi, on Monday.');
    expect(g.meetings).toEqual([expect.objectContaining({ participants: ['Daniel Otieno', 'Idriss Mahamat'], city: 'Nairobi', country: 'KE' })]);
  });
});

describe('meeting.joint-talk needs two sides', () => {
  test('a minister and a deputy of no stated country discussing the budget, or two leaders reviewing troops, met nobody', () => {
    expect(fromText('Minister Lucia Ramos and Deputy Minister Tomas Vega discussed the budget at a cabinet session.').meetings).toEqual([]);
    expect(fromText('Japanese Prime Minister Kenji Mori and Chinese Premier Li Wei reviewed the troops at the parade.').meetings).toEqual([]);
  });

  test('"said the issue would be discussed with X next week" is planned', () => {
    const g = fromText('Foreign Minister of Peru Lucia Ramos said the issue would be discussed with Japanese Prime Minister Kenji Mori next week.');
    expect(g.meetings).toEqual([expect.objectContaining({ participants: ['Lucia Ramos', 'Kenji Mori'], status: 'planned' })]);
  });
});

describe('semicolon lists with bracketed acronyms', () => {
  test('"…, President of the International Court (ICC); and X, …": the list goes on past the brackets', () => {
    const g = fromText(
      'Secretary General Marta Linde held bilateral meetings with Omar Haddad, Minister of Justice of Jordan; Kari Holm, President of the International Court (ICC); and Paulo Reis, Prosecutor of the ICC.',
    );
    expect(g.meetings.map((m) => m.participants)).toEqual([
      ['Marta Linde', 'Omar Haddad'],
      ['Marta Linde', 'Kari Holm'],
      ['Marta Linde', 'Paulo Reis'],
    ]);
  });
});

describe('a dateline left in the text', () => {
  test('"CITY (Agency - 10th December, 2021) X discussed … with Y": the dateline dates the report, not the meeting', () => {
    const g = fromText(
      'OSLO (Nordic News / Agency - 10th December, 2021) Prime Minister of Norway Kari Holm discussed fisheries with Foreign Minister of Peru Lucia Ramos, the government said.',
      '2021-12-10',
    );
    expect(g.meetings).toEqual([expect.objectContaining({ participants: ['Kari Holm', 'Lucia Ramos'], date: null })]);
  });
});

describe('meeting dates the narrative carries', () => {
  test('"the following day", "the day before" and "in the afternoon" count from the day told before', () => {
    const g = fromText(
      [
        'Foreign Minister Tomas Berg began his tour on 3 June in Lima, where he met President Lucia Ramos.',
        'In the afternoon Tomas Berg held talks with Foreign Minister Idriss Mahamat.',
        'The following day Tomas Berg met Speaker Kari Holm in Santiago.',
        'The day before, Tomas Berg had held a meeting with Ambassador Ana Duarte.',
      ].join('\n\n'),
      '2024-06-06',
    );
    expect(g.meetings.map((m) => [m.participants[1], m.date])).toEqual([
      ['Lucia Ramos', '2024-06-03'],
      ['Idriss Mahamat', '2024-06-03'],
      ['Kari Holm', '2024-06-04'],
      ['Ana Duarte', '2024-06-03'],
    ]);
  });

  test('a sentence without a date takes the day of the sentence before it in the same paragraph', () => {
    const g = fromText('Foreign Minister Tomas Berg arrived in Lima on 3 June. There he was received by President Lucia Ramos.', '2024-06-06');
    expect(g.meetings[0]).toMatchObject({ participants: ['Tomas Berg', 'Lucia Ramos'], date: '2024-06-03' });
  });

  test('"also met" after a dated meeting in the same paragraph is that day\'s; what happened "earlier" is not', () => {
    const g = fromText(
      'President Lucia Ramos received Foreign Minister Tomas Berg on 4 June. The two discussed fisheries. Tomas Berg also met Speaker Kari Holm. Ambassador Ana Duarte had earlier met Tomas Berg in Oslo.',
      '2024-06-06',
    );
    expect(g.meetings.map((m) => [m.participants[1], m.date])).toEqual([
      ['Tomas Berg', '2024-06-04'],
      ['Kari Holm', '2024-06-04'],
      ['Tomas Berg', null],
    ]);
  });

  test('"X, who arrived on Sunday, met Y on Monday": the main clause\'s day', () => {
    const g = fromText('Foreign Minister Tomas Berg, who arrived in Lima on Sunday, met President Lucia Ramos on Monday.', '2024-05-08');
    expect(g.meetings[0]).toMatchObject({ participants: ['Tomas Berg', 'Lucia Ramos'], date: '2024-05-06' });
  });

  test('a meeting held "on Monday" near future words is still the Monday before publication', () => {
    const g = fromText('Peru is among eight countries invited to the summit, along with Chile, whose president, Lucia Ramos, spoke with President Tomas Berg by phone on Monday.', '2023-05-16');
    expect(g.meetings[0]).toMatchObject({ status: 'held', date: '2023-05-15' });
  });

  test('a lead about meetings on a conference\'s margins dates them; the date of an event "held in December" does not', () => {
    const g = fromText(
      [
        'Foreign Minister Tomas Berg held a series of bilateral meetings on 12 May on the margins of the 9th Lima Forum.',
        'Tomas Berg received Foreign Minister Idriss Mahamat of Chad.',
        'Later, Tomas Berg met Ambassador Ana Duarte, who briefed him on the 40th Andes Summit, held in Quito in December.',
      ].join('\n\n'),
      '2024-05-13',
    );
    expect(g.meetings.map((m) => [m.participants[1], m.date])).toEqual([
      ['Idriss Mahamat', '2024-05-12'],
      // the series' day: a "later" meeting of the series is still one of that day (not December's)
      ['Ana Duarte', '2024-05-12'],
    ]);
  });
});

describe('meeting verbs coordinated after a relative clause share their subject', () => {
  test('"X received A, whom he thanked …, and later met separately with the speakers of B and C"', () => {
    const g = fromText(
      'Speaker Tomas Berg also received Ambassador Ana Duarte, whom he thanked for her support, and later met separately with the speakers of the parliaments of Chile and Peru.',
    );
    expect(g.meetings.map((m) => [...m.participants, ...m.countries])).toEqual([
      ['Tomas Berg', 'Ana Duarte'],
      ['Tomas Berg', 'CL'],
      ['Tomas Berg', 'PE'],
    ]);
  });

  test('"X met A, with whom he discussed …, and with his counterparts from B and C, in separate meetings"', () => {
    const g = fromText(
      'Foreign Minister Tomas Berg met with Foreign Minister Ana Duarte of Portugal, with whom he discussed fisheries, and with his counterparts from Chile and Peru, in separate meetings, to exchange views on Norway\'s candidacy.',
    );
    expect(g.meetings.map((m) => [...m.participants, ...m.countries])).toEqual([
      ['Tomas Berg', 'Ana Duarte'],
      ['Tomas Berg', 'CL'],
      ['Tomas Berg', 'PE'],
    ]);
  });
});

describe('credentials whose envoys the next sentence names, and who attended which meetings', () => {
  test('"… the credentials of three ambassadors. They were A, B and C. The ceremony was attended by D": D takes part in each', () => {
    const g = fromText(
      [
        'President Amara Keita received on Tuesday the credentials of three newly appointed ambassadors.',
        "They were Chile's Ambassador Lucia Ramos, Chad's Ambassador Idriss Mahamat and Norway's Ambassador Kari Holm.",
        'The ceremony was attended by Foreign Minister Tomas Berg.',
      ].join('\n\n'),
      '2024-05-08',
    );
    expect(g.meetings.map((m) => m.participants)).toEqual([
      ['Amara Keita', 'Lucia Ramos', 'Tomas Berg'],
      ['Amara Keita', 'Idriss Mahamat', 'Tomas Berg'],
      ['Amara Keita', 'Kari Holm', 'Tomas Berg'],
    ]);
    expect(g.meetings[2]).toMatchObject({ date: '2024-05-07', extraction: { rule: 'meeting.credentials' } });
  });

  test('"took part in both meetings" joins the last two; a lone "attended the meeting" only the last', () => {
    const g = fromText(
      [
        'Foreign Minister Tomas Berg held separate talks with President Lucia Ramos and with Speaker Idriss Mahamat.',
        'Ambassador Ana Duarte took part in both meetings.',
      ].join('\n\n'),
    );
    expect(g.meetings.map((m) => m.participants)).toEqual([
      ['Tomas Berg', 'Lucia Ramos', 'Ana Duarte'],
      ['Tomas Berg', 'Idriss Mahamat', 'Ana Duarte'],
    ]);
  });
});

describe('meeting verbs with time words, pronoun guests and subjects known by their country', () => {
  test('"will be received tomorrow by X", "had held talks that day with X", "went … for a conversation with X"', () => {
    const g = fromText(
      [
        'Minister Ana Duarte will be received tomorrow by President Lucia Ramos.',
        'Foreign Minister Tomas Berg, who arrived on Monday, had held talks that day with Prime Minister Idriss Mahamat.',
        'Tomas Berg later went to the parliament for a conversation with Speaker Kari Holm.',
      ].join('\n\n'),
      '2024-05-08',
    );
    expect(g.meetings.map((m) => [m.participants, m.status])).toEqual([
      [['Ana Duarte', 'Lucia Ramos'], 'planned'],
      [['Tomas Berg', 'Idriss Mahamat'], 'held'],
      [['Tomas Berg', 'Kari Holm'], 'held'],
    ]);
    expect(g.meetings[0].date).toBe('2024-05-09');
  });

  test('"President X hosted him": the guest named before, not the host', () => {
    const g = fromText(
      ['Foreign Minister Tomas Berg of Norway arrived in Lima on Monday.', 'President Lucia Ramos of Peru hosted him for a working lunch.'].join('\n\n'),
    );
    expect(g.meetings.map((m) => m.participants)).toEqual([['Lucia Ramos', 'Tomas Berg']]);
  });

  test('"the Norwegian guest had held a meeting with X": the Norwegian official named before', () => {
    const g = fromText(
      [
        'President Lucia Ramos of Peru received Foreign Minister Tomas Berg of Norway on Tuesday.',
        'The day before, the Norwegian guest had held a meeting with Speaker Kari Holm of Peru.',
      ].join('\n\n'),
      '2024-05-08',
    );
    expect(g.meetings.map((m) => [m.participants, m.date])).toEqual([
      [['Lucia Ramos', 'Tomas Berg'], '2024-05-07'],
      [['Tomas Berg', 'Kari Holm'], '2024-05-06'],
    ]);
  });

  test('"a summit hosted by Japan" meets nobody', () => {
    const g = fromText('President Lucia Ramos will attend the first trilateral summit among the three countries hosted by Japan.');
    expect(g.meetings).toEqual([]);
  });
});

describe('a companion named in a relative clause', () => {
  test('"The minister, who was accompanied by Y, is scheduled to meet Z tomorrow": Y joins the meeting before, Z meets the minister', () => {
    const g = fromText(
      [
        'Foreign Minister Tomas Berg today paid a courtesy call on Secretary-General Lucia Ramos.',
        'The minister, who was accompanied by Ambassador Ana Duarte, is scheduled to hold a bilateral meeting with Foreign Minister Kari Holm tomorrow.',
      ].join('\n\n'),
      '2024-05-08',
    );
    expect(g.meetings.map((m) => [m.participants, m.status, m.date])).toEqual([
      [['Tomas Berg', 'Lucia Ramos', 'Ana Duarte'], 'held', '2024-05-08'],
      [['Tomas Berg', 'Kari Holm'], 'planned', '2024-05-09'],
    ]);
  });
});

describe('meetings whose people follow "brought together" or "co-chaired by"', () => {
  test('"a trilateral meeting brought together A, B and C" is one meeting', () => {
    const g = fromText(
      [
        'Speaker Tomas Berg of Peru is attending the assembly with Speaker Kari Holm of Chile.',
        "On Monday, a trilateral meeting brought together Tomas Berg, Kari Holm and Norway's deputy speaker Ana Duarte.",
      ].join('\n\n'),
      '2024-10-14',
    );
    expect(g.meetings.map((m) => [m.participants, m.date])).toEqual([[['Tomas Berg', 'Kari Holm', 'Ana Duarte'], '2024-10-14']]);
  });

  test('a bilateral mechanism "co-chaired by" officials of two states, with the delegations\' members', () => {
    const g = fromText(
      [
        'Peru and Chile held the Fourth Meeting of the Political Consultation Mechanism in Lima, co-chaired by the Vice Minister of Foreign Affairs of Peru, Lucia Ramos, and the Vice Minister of Foreign Affairs of Chile, Tomas Berg.',
        'The Chilean delegation was composed of the Director General for Asia, Kari Holm, among other officials.',
      ].join('\n\n'),
    );
    expect(g.meetings.map((m) => m.participants)).toEqual([['Lucia Ramos', 'Tomas Berg', 'Kari Holm']]);
  });

  test('two co-chairs of one state chair no meeting of theirs', () => {
    const g = fromText('The Lima Forum on water, co-chaired by Peruvian Minister Lucia Ramos and Peruvian Minister Idriss Mahamat, closed on Friday.');
    expect(g.meetings).toEqual([]);
  });
});

describe('planned bilaterals listed after "including with", and "the two leaders agreed to meet"', () => {
  test('"will hold a series of bilateral talks …, including with A and B": one planned meeting each', () => {
    const g = fromText(
      'Prime Minister Tomas Berg will hold a series of bilateral talks on the fringes of the Lima summit this week, including with Peruvian President Lucia Ramos and Chilean President Kari Holm, his spokesman said.',
    );
    expect(g.meetings.map((m) => [m.participants, m.status, m.date])).toEqual([
      [['Tomas Berg', 'Lucia Ramos'], 'planned', null],
      [['Tomas Berg', 'Kari Holm'], 'planned', null],
    ]);
  });

  test('a phone call, then "The two leaders agreed to meet in person": a held call and a planned meeting', () => {
    const g = fromText('Prime Minister Tomas Berg spoke with President Lucia Ramos by phone on Monday. The two leaders agreed to meet in person in Lima.', '2024-05-08');
    expect(g.meetings.map((m) => [m.participants, m.status, m.date])).toEqual([
      [['Tomas Berg', 'Lucia Ramos'], 'held', '2024-05-06'],
      [['Tomas Berg', 'Lucia Ramos'], 'planned', null],
    ]);
    expect(g.meetings[1]).toMatchObject({ extraction: { rule: 'meeting.agreed-to-meet' } });
  });
});

describe('joint commissions, visits to a person and calls between two named people', () => {
  const intro = 'Foreign Minister Tomas Berg, President Lucia Ramos and Ambassador Kari Holm were in Lima.';
  const meetingsOf = (text: string) => fromText(`${intro}\n\n${text}`, '2024-05-08').meetings.map((m) => [m.participants, m.extraction?.rule]);

  test('"X and Y co-chaired the session of the Joint Commission" is their meeting; chairing a forum\'s session is not', () => {
    expect(meetingsOf('Tomas Berg and Lucia Ramos co-chaired the fifth session of the Joint Commission.')).toEqual([[['Tomas Berg', 'Lucia Ramos'], 'meeting.joint']]);
    expect(meetingsOf('Tomas Berg and Lucia Ramos chaired the opening session of the Lima Forum.')).toEqual([]);
  });

  test('"visited President X at her residence" met X; "visited the museum" met nobody', () => {
    expect(meetingsOf('Tomas Berg visited President Lucia Ramos at her residence.')).toEqual([[['Tomas Berg', 'Lucia Ramos'], 'meeting.verb']]);
    expect(meetingsOf('Tomas Berg visited the Peace Memorial Museum.')).toEqual([]);
  });

  test('"X and Y spoke on the phone" is a call, whatever their countries', () => {
    expect(meetingsOf('Lucia Ramos and Tomas Berg spoke on the phone on Monday.')).toEqual([[['Lucia Ramos', 'Tomas Berg'], 'meeting.call']]);
  });
});

describe('meetings on other days, and days counted in days or weeks', () => {
  const intro = 'Foreign Minister Tomas Berg, President Lucia Ramos and Ambassador Kari Holm were in Lima.';
  const told = (text: string) =>
    fromText(`${intro}\n\n${text}`, '2024-05-08').meetings.map((m) => [m.participants.join('+'), m.status, m.date]);

  test('the same people on two days are two meetings', () => {
    expect(told('On Tuesday, Tomas Berg held talks with Lucia Ramos. On Wednesday, Tomas Berg met Lucia Ramos again.')).toEqual([
      ['Tomas Berg+Lucia Ramos', 'held', '2024-05-07'],
      ['Tomas Berg+Lucia Ramos', 'held', '2024-05-08'],
    ]);
  });

  test('"is due in Lima on Friday for talks with X" is planned for the coming Friday', () => {
    expect(told('Tomas Berg is due in Lima on Friday for talks with Lucia Ramos.')).toEqual([['Tomas Berg+Lucia Ramos', 'planned', '2024-05-10']]);
  });

  test('"two days later" counts days from the last day told; "a week ago" gives only the month', () => {
    expect(told('On 2 May Tomas Berg met Lucia Ramos.\n\nTwo days later, Tomas Berg met Kari Holm.')).toEqual([
      ['Tomas Berg+Lucia Ramos', 'held', '2024-05-02'],
      ['Tomas Berg+Kari Holm', 'held', '2024-05-04'],
    ]);
    expect(told('Tomas Berg and Lucia Ramos met a week ago.')).toEqual([['Tomas Berg+Lucia Ramos', 'held', '2024-05']]);
  });
});

describe('a sentence opening on the meeting of two people, and joint calls', () => {
  const intro = 'Foreign Minister Tomas Berg of Norway and President Lucia Ramos of Peru were in Lima.';
  const meetingsOf = (text: string) => fromText(`${intro}\n\n${text}`).meetings.map((m) => [m.participants, m.extraction?.rule, m.city]);

  test('"The meeting of X and Y focused on …" is their meeting', () => {
    expect(meetingsOf('The meeting of Tomas Berg and Lucia Ramos in Lima focused on fisheries.')).toEqual([[['Tomas Berg', 'Lucia Ramos'], 'meeting.between', 'Lima']]);
  });

  test('"X and Y held a video call" is a call, held nowhere', () => {
    expect(meetingsOf('Tomas Berg and Lucia Ramos held a video call.')).toEqual([[['Tomas Berg', 'Lucia Ramos'], 'meeting.call', null]]);
  });

  test('"X and Y held a joint press conference" is no meeting', () => {
    expect(meetingsOf('Tomas Berg and Lucia Ramos held a joint press conference.')).toEqual([]);
  });
});

describe('a participle clause shares the subject of the meeting verb before it', () => {
  const intro = 'Foreign Minister Tomas Berg of Norway, President Lucia Ramos of Peru and Prime Minister Kari Holm of Peru were in Lima.';
  const meetingsOf = (text: string) => fromText(`${intro}\n\n${text}`).meetings.map((m) => m.participants.join('+'));

  test('"X held talks with Y before paying a call on Z": X met Z, not Y', () => {
    expect(meetingsOf('Tomas Berg held long talks with Lucia Ramos before paying a courtesy call on Kari Holm.')).toEqual(['Tomas Berg+Lucia Ramos', 'Tomas Berg+Kari Holm']);
  });

  test('other tenses and orders: "after meeting …", "prior to …", "while …"', () => {
    expect(meetingsOf('Tomas Berg will meet Kari Holm on Friday after holding talks with Lucia Ramos.')).toEqual(['Tomas Berg+Kari Holm', 'Tomas Berg+Lucia Ramos']);
    expect(meetingsOf('Tomas Berg received Lucia Ramos at the palace prior to receiving Kari Holm.')).toEqual(['Tomas Berg+Lucia Ramos', 'Tomas Berg+Kari Holm']);
  });

  test('a relative clause in between has a subject of its own', () => {
    expect(meetingsOf('Tomas Berg met Lucia Ramos, who had arrived after holding talks with Kari Holm.')).not.toContain('Tomas Berg+Kari Holm');
  });
});

describe('two coordinated people who co-chair a consultation hold a meeting (singular or plural noun)', () => {
  const intro = 'Deputy Foreign Minister Tomas Berg of Norway and Deputy Foreign Minister Lucia Ramos of Peru were in Lima.';
  const meetingsOf = (text: string) => fromText(`${intro}\n\n${text}`).meetings.map((m) => [m.participants.join('+'), m.extraction?.rule]);

  test('"co-chaired the third political consultation", "held the annual consultation", "chaired the consultations"', () => {
    expect(meetingsOf('Tomas Berg and Peruvian Deputy Foreign Minister Lucia Ramos co-chaired the third political consultation between the two ministries.')).toEqual([['Tomas Berg+Lucia Ramos', 'meeting.joint']]);
    expect(meetingsOf('On Monday Lucia Ramos and Tomas Berg held the annual consultation of their foreign ministries.')).toEqual([['Lucia Ramos+Tomas Berg', 'meeting.joint']]);
    expect(meetingsOf('Tomas Berg and Lucia Ramos will chair the consultations in Oslo next year.')).toEqual([['Tomas Berg+Lucia Ramos', 'meeting.joint']]);
  });
});

describe('a time adverbial between the meeting noun and "with"', () => {
  const intro = 'Norwegian Foreign Minister Tomas Berg arrived in Lima, where Peruvian President Lucia Ramos waited.';
  const told = (text: string) => fromText(`${intro}\n\n${text}`, '2024-05-08').meetings.map((m) => [m.participants.join('+'), m.date, m.extraction?.rule]);

  test('"held a video call this Tuesday with", "had a phone conversation last Friday evening with", "held talks on 3 May with"', () => {
    expect(told('Tomas Berg held a video call this Tuesday with Lucia Ramos.')).toEqual([['Tomas Berg+Lucia Ramos', '2024-05-07', 'meeting.call']]);
    expect(told('Tomas Berg had a phone conversation last Friday evening with Lucia Ramos.')).toEqual([['Tomas Berg+Lucia Ramos', '2024-05-03', 'meeting.call']]);
    expect(told('Tomas Berg held talks on 3 May with Lucia Ramos.')).toEqual([['Tomas Berg+Lucia Ramos', '2024-05-03', 'meeting.verb']]);
  });
});

describe('two people of different countries who review, examine or explore something together met', () => {
  const intro = 'Norwegian Foreign Minister Tomas Berg arrived in Lima, where Peruvian President Lucia Ramos and Norwegian Ambassador Kari Holm waited.';
  const told = (text: string) => fromText(`${intro}\n\n${text}`, '2024-05-08').meetings.map((m) => [m.participants.join('+'), m.date, m.extraction?.rule]);

  test('the verb may follow an apposition\'s closing comma, and the day may stand before the object', () => {
    expect(told('Tomas Berg and his Peruvian counterpart, Lucia Ramos, reviewed on Monday the state of bilateral ties.')).toEqual([['Tomas Berg+Lucia Ramos', '2024-05-06', 'meeting.joint-talk']]);
    expect(told('Lucia Ramos and Tomas Berg explored ways to expand trade.')).toEqual([['Lucia Ramos+Tomas Berg', null, 'meeting.joint-talk']]);
    expect(told('Yesterday Tomas Berg and Lucia Ramos examined the draft fisheries treaty.')).toEqual([['Tomas Berg+Lucia Ramos', '2024-05-07', 'meeting.joint-talk']]);
  });

  test('two people of one country reviewing something is no meeting', () => {
    expect(told('Tomas Berg and Kari Holm reviewed the budget of the embassy.')).toEqual([]);
  });
});

describe('meeting days carried through the narrative', () => {
  const told = (text: string) => fromText(text, '2024-05-08').meetings.map((m) => [m.participants.join('+'), m.status, m.date]);

  test('"then", "afterwards", "subsequently": the next encounter of the day the narrative stands at, across paragraphs', () => {
    expect(told('Norwegian Foreign Minister Tomas Berg arrived in Lima.\n\nOn Monday he received Peruvian Foreign Minister Lucia Ramos.\n\nTomas Berg then met with Chilean Foreign Minister Pablo Soto.')).toEqual([
      ['Tomas Berg+Lucia Ramos', 'held', '2024-05-06'],
      ['Tomas Berg+Pablo Soto', 'held', '2024-05-06'],
    ]);
    expect(told('Norwegian Foreign Minister Tomas Berg is touring South America.\n\nTomas Berg held talks with Peruvian Foreign Minister Lucia Ramos on 3 May in Lima.\n\nThe visit focused on fisheries.\n\nAfterwards, Tomas Berg was received by Chilean President Pablo Soto.')[1]).toEqual(['Tomas Berg+Pablo Soto', 'held', '2024-05-03']);
    expect(told('Norwegian Foreign Minister Tomas Berg is in Lima.\n\nYesterday Tomas Berg sat down with Peruvian Foreign Minister Lucia Ramos.\n\nSubsequently the Norwegian minister held talks with Chilean Foreign Minister Pablo Soto.')[1]).toEqual(['Tomas Berg+Pablo Soto', 'held', '2024-05-07']);
  });

  test('a meeting still to come takes no day from the narrative', () => {
    expect(told('Norwegian Foreign Minister Tomas Berg is in Lima.\n\nYesterday Tomas Berg sat down with Peruvian Foreign Minister Lucia Ramos.\n\nSubsequently the Norwegian minister will meet Chilean Foreign Minister Pablo Soto.')[1]).toEqual(['Tomas Berg+Pablo Soto', 'planned', null]);
  });

  test('a lead announcing a series of meetings dates each one told after it, "later" and "also" ones included', () => {
    // a headline paragraph before the lead, and "Lima, 6 May 2024." opening the lead as a dateline
    expect(told('Berg holds talks in Lima\n\nLima, 6 May 2024. Norwegian Foreign Minister Tomas Berg held a series of bilateral meetings yesterday with his peers.\n\nTomas Berg first met Peruvian Foreign Minister Lucia Ramos.\n\nLater, Tomas Berg met Chilean Foreign Minister Pablo Soto.')).toEqual([
      ['Tomas Berg+Lucia Ramos', 'held', '2024-05-07'],
      ['Tomas Berg+Pablo Soto', 'held', '2024-05-07'],
    ]);
    expect(told('Oslo, 7 May. Norwegian Foreign Minister Tomas Berg had several meetings on Monday in Lima.\n\nTomas Berg met Peruvian Foreign Minister Lucia Ramos.\n\nHe also received Chilean Foreign Minister Pablo Soto.')[1]).toEqual(['Tomas Berg+Pablo Soto', 'held', '2024-05-06']);
    expect(told('Norwegian Foreign Minister Tomas Berg held a number of talks on Tuesday on the margins of the forum.\n\nHe met Peruvian Foreign Minister Lucia Ramos.\n\nTomas Berg later sat down with Chilean Foreign Minister Pablo Soto.')[1]).toEqual(['Tomas Berg+Pablo Soto', 'held', '2024-05-07']);
  });
});

describe('a meeting noun, a clause naming its host, then "brought together"', () => {
  const intro = 'Norwegian Foreign Minister Tomas Berg arrived in Lima.';
  const told = (text: string) => fromText(`${intro}\n\n${text}`, '2024-05-08').meetings.map((m) => [m.participants.join('+'), m.status]);

  test('the host in ", hosted by X," / ", which was chaired by X," takes part with the people brought together', () => {
    expect(told('The closed-door talks, hosted by Peruvian Foreign Minister Lucia Ramos, brought together Chilean Foreign Minister Pablo Soto and Bolivian Foreign Minister Ana Duarte for six hours.')).toEqual([['Lucia Ramos+Pablo Soto+Ana Duarte', 'held']]);
    expect(told('The dialogue, which was chaired by President Lucia Ramos of Peru, will bring together Tomas Berg and Chilean Foreign Minister Pablo Soto on Friday.')).toEqual([['Lucia Ramos+Tomas Berg+Pablo Soto', 'planned']]);
    expect(told('Last week the negotiations, mediated by Peruvian Foreign Minister Lucia Ramos, brought together Tomas Berg and Bolivian Foreign Minister Ana Duarte.')).toEqual([['Lucia Ramos+Tomas Berg+Ana Duarte', 'held']]);
  });
});

describe('co-chairing something with a named person is meeting that person', () => {
  const intro = 'Norwegian Foreign Minister Tomas Berg arrived in Lima.';
  const told = (text: string) => fromText(`${intro}\n\n${text}`, '2024-05-08').meetings.map((m) => [m.participants.join('+'), m.status]);

  test('"to co-chair … together with X", "co-chaired … with X", "is co-chairing … with X"', () => {
    expect(told('Tomas Berg said he will visit Lima next Tuesday to co-chair the session of the joint council together with Peruvian Foreign Minister Lucia Ramos.')).toEqual([['Tomas Berg+Lucia Ramos', 'planned']]);
    expect(told('On Monday Tomas Berg co-chaired the business council with Chilean Economy Minister Pablo Soto.')).toEqual([['Tomas Berg+Pablo Soto', 'held']]);
    expect(told('Tomas Berg is co-chairing the ministerial working group in Lima this week with Bolivian Foreign Minister Ana Duarte.')).toEqual([['Tomas Berg+Ana Duarte', 'held']]);
  });
});

describe('"the two ministers are expected to meet again": the last meeting\'s people, planned', () => {
  const intro = 'Norwegian Foreign Minister Tomas Berg arrived in Lima.';
  const told = (text: string) => fromText(`${intro}\n\n${text}`, '2024-05-08').meetings.map((m) => [m.participants.join('+'), m.status, m.extraction?.rule]);

  test('"are expected to meet again", "will meet again", "are due to hold talks"', () => {
    const planned = ['Tomas Berg+Lucia Ramos', 'planned', 'meeting.agreed-to-meet'];
    expect(told('Tomas Berg held talks with Peruvian Foreign Minister Lucia Ramos on Monday. The two ministers are expected to meet again on the sidelines of the Andean summit.')[1]).toEqual(planned);
    expect(told('Tomas Berg received Peruvian President Lucia Ramos. Both leaders will meet again in Oslo in June.')[1]).toEqual(planned);
    expect(told('Tomas Berg spoke by phone with Peruvian Foreign Minister Lucia Ramos. The two sides are due to hold talks in Lima.')[1]).toEqual(planned);
  });
});
