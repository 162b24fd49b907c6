/**
 * Conference rules, each on an invented sentence of the genre: editions in digits, words and Roman
 * numerals, events known by an acronym and a number, bodies that are not events, places and statuses.
 */
import { findDates, ordinalValue } from '../../src/ingest';
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

describe('names', () => {
  test('an acronym in brackets belongs to the name; a date or a clause in brackets does not', () => {
    const cs = conferences('The ministers approved the Meeting of Transport Ministers (September 16) and the 12th Assembly of the Caribbean Ports Association (CPA).', '2024-07-01');
    expect(cs.map((c) => c.name)).toEqual(['Meeting of Transport Ministers', '12th Assembly of the Caribbean Ports Association (CPA)']);
    expect(cs[0]).toMatchObject({ startDate: '2024-09-16', status: 'upcoming' });
  });

  test('an anniversary conference named after a place: "Rio+30 Conference"', () => {
    expect(conferences('The minister took part in the Rio+30 Conference in Rio de Janeiro.')[0]).toMatchObject({ name: 'Rio+30 Conference' });
  });

  test('the secretariat or agenda "of the X Conference" is the standing body, not an event', () => {
    expect(conferences('Peru holds the Pro Tempore Secretariat of the Andean Conference, which backed the plan.')).toEqual([]);
  });

  test('two names of one numbered event in one city are one record; "UN" and "United Nations" are the same words', () => {
    const cs = conferences(
      'Preparations for the XII EAEU Summit, set for 3-4 July in Kazan, were discussed. The minister said the XII Summit of the Eurasian Economic Union, set for July 3-4 in Kazan, would be decisive.',
    );
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ edition: 12, city: 'Kazan', startDate: '2024-07-03' });
    const summit = conferences(
      'The ministers prepared the XV CSTO Summit, set for 3-4 July in Astana. Members expect much from the coming Astana meeting of the CSTO Heads of State.',
    );
    expect(summit).toHaveLength(1);
    expect(summit[0]).toMatchObject({ edition: 15, city: 'Astana', status: 'upcoming' });
    const un = conferences('He arrived for the 79th United Nations General Assembly. During the UN General Assembly he met several leaders.', '2024-09-20');
    expect(un).toHaveLength(1);
  });
});

describe('places', () => {
  test('"which is under way in", ", held in" after a long name, "X, Y, hosted the"', () => {
    expect(conferences('He spoke at the 67th session of the Commission on Population, which is under way in Geneva.')[0]).toMatchObject({ city: 'Geneva', country: 'CH' });
    expect(
      conferences('She attends the annual conference of the Network of Chief Prosecutors of the Nordic states, held in Oslo on 27 and 28 May 2024 at the invitation of the host.', '2024-05-27')[0],
    ).toMatchObject({ city: 'Oslo', startDate: '2024-05-27', endDate: '2024-05-28', status: 'attended' });
    expect(conferences('The ASEAN Secretariat in Jakarta, Indonesia, hosted the third standing meeting of Pacific Trade Ministers on 9 May.')[0]).toMatchObject({ city: 'Jakarta', edition: 3 });
  });

  test('"the event to be held in X next month", in a later clause or sentence, places the event named before it', () => {
    const [c] = conferences('The president will not go to the Summit of the Andes unless all are invited. Its adviser is organising the event to be held in Lima next month.', '2022-05-16');
    expect(c).toMatchObject({ name: 'Summit of the Andes', city: 'Lima', country: 'PE', status: 'upcoming' });
  });
});

describe('statuses', () => {
  test('"the last X Summit" is past; "the coming X" is upcoming; an event whose dates include the publication day is attended', () => {
    expect(conferences('Peru took over at the close of the last Lima Summit (held in April 2021).', '2023-02-15')[0]).toMatchObject({ status: 'mentioned-past', startDate: '2021-04' });
    expect(conferences('Members expect much from the coming Astana meeting of the CSTO Heads of State.')[0]).toMatchObject({ status: 'upcoming' });
    expect(
      conferences('He met the president ahead of the 79th United Nations General Assembly, which is taking place in New York from September 20 to 27.', '2024-09-20')[0],
    ).toMatchObject({ status: 'attended', city: 'New York', startDate: '2024-09-20' });
  });
});

describe('dates of the genre', () => {
  test('"27-28. May 2024" and "next month"', () => {
    expect(findDates('held from 27-28. May 2024 in Oslo', '2024-05-29')[0]).toMatchObject({ from: { value: '2024-05-27' }, to: { value: '2024-05-28' } });
    expect(findDates('to be held next month', '2024-12-10')[0]).toMatchObject({ from: { value: '2025-01', precision: 'MONTH', inferred: true } });
    expect(fromText('The minister will attend the 5th Arctic Summit next month.', '2024-12-10').conferences[0]).toMatchObject({ startDate: '2025-01', status: 'upcoming' });
  });
});

describe('cities of the world', () => {
  test('a city outside the gazetteer is found through the world-cities package, in any place pattern', () => {
    expect(conferences('The Forum Secretariat in Cebu, Philippines, hosted the third standing meeting of Pacific Trade Ministers on 9 May.')[0]).toMatchObject({ city: 'Cebu', country: 'PH' });
    expect(conferences('She took part in the 12th Congress of Andean Mayors, held in Arequipa on Monday.')[0]).toMatchObject({ city: 'Arequipa', country: 'PE' });
  });

  test('an English word that is also a city name is no place', () => {
    expect(conferences('He attended the 3rd Summit of Coastal States in Mobile on Friday.')[0]).toMatchObject({ city: null });
  });
});

describe('places written away from the name', () => {
  test('an event named after its city is held there; a body named after a city is not', () => {
    expect(conferences('The minister met his counterparts ahead of the Doha Security Forum, which opens on Friday.')[0]).toMatchObject({ city: 'Doha' });
    const [sco] = conferences('They discussed the Shanghai Cooperation Organisation summit.');
    expect(sco?.city ?? null).toBeNull();
  });

  test('the city may stand after the edition or a qualifier in the name; a body named after a city still is not the event', () => {
    expect(conferences('The minister held talks on the margins of the VII International Lisbon Forum on Thursday.')[0]).toMatchObject({ edition: 7, city: 'Lisbon' });
    expect(conferences('Delegates will gather for the 3rd Annual Nairobi Summit on Climate next week.')[0]).toMatchObject({ edition: 3, city: 'Nairobi' });
    expect(conferences('At the tenth Global Doha Conference, which closed yesterday, the ministers spoke.')[0]).toMatchObject({ edition: 10, city: 'Doha' });
    const [group] = conferences('Envoys attended the 5th meeting of the Minsk Group.');
    expect(group?.city ?? null).toBeNull();
  });

  test('"arrived in X, Country, on a working visit to take part in" the event', () => {
    const [c] = conferences('The Prosecutor General arrived in Tashkent, Uzbekistan, on a working visit to take part in the 6th Meeting of the Prosecutors General of the CIS Member States.');
    expect(c).toMatchObject({ edition: 6, city: 'Tashkent' });
  });

  test('an attended event takes the place of "the sidelines of an event … in X" written before it', () => {
    const [c] = conferences(
      [
        'On the sidelines of an international event he was attending in Nairobi, Kenya, the minister met his counterparts from Ghana and Peru.',
        'The minister is taking part in the 12th session of the Council of Foreign Ministers of the Organization of African Unity, which opened on Tuesday.',
      ].join('\n\n'),
    );
    expect(c).toMatchObject({ edition: 12, city: 'Nairobi', status: 'attended' });
  });

  test('the dateline is the place of an attended event only when the report writes from there ("here")', () => {
    const body = (here: string) => `LIMA: On Friday, the interior minister held a meeting ${here}with the Interpol President. The minister is in Peru to attend the ministerial conference of Interpol.`;
    expect(conferences(body('here '))[0]).toMatchObject({ city: 'Lima' });
    expect(conferences(body(''))[0]?.city ?? null).toBeNull();
  });
});

describe('bodies of two states', () => {
  test('an unnumbered session of a body of two states is bilateral, no conference', () => {
    expect(conferences('The ministers agreed to convene the session of the Chilean-Peruvian Joint Commission in Lima before December.')).toEqual([]);
    expect(conferences('He brought an invitation to the next meeting of the Kenya-Tanzania Permanent Commission, planned for early next year.')).toEqual([]);
    expect(conferences('Last week the Minister co-chaired the sitting of the Polish-Lithuanian Intergovernmental Council, the session of the Polish-Lithuanian Intergovernmental Council having been delayed since 2019.')).toEqual([]);
  });

  test('a numbered meeting of such a body, and a session of a multilateral body, stay events', () => {
    expect(conferences('The 9th meeting of the Azerbaijan-Saudi Arabia Intergovernmental Commission took place in Riyadh.')[0]).toMatchObject({ edition: 9 });
    expect(conferences('He will attend the session of the Executive Council of the African Union in Accra.')[0]).toMatchObject({ city: 'Accra' });
  });
});

describe('one event told twice', () => {
  test('an event described, then named in apposition ("the next session, COP17,"), is the named one', () => {
    expect(conferences('The next session, COP30, will be held in Belem in 2025.').map((c) => c.name)).toEqual(['COP30']);
    expect(conferences('Ministers agreed that the coming summit, the 12th Arctic Summit, would open in Tromsø, Norway, in May.').map((c) => c.edition)).toEqual([12]);
    expect(conferences('They prepared the forthcoming session, UNGA 80, which opens in September.').map((c) => c.edition)).toEqual([80]);
  });

  test('editions of one numbered series share the organiser named for one of them', () => {
    const body = (later: string) =>
      `The minister spoke at the sixteenth session of the Conference of the Parties (COP16) to the United Nations Convention to Combat Desertification (UNCCD) in Riyadh. ${later}`;
    for (const later of ['COP17 will be held in Mongolia in 2026.', 'Delegates recalled that COP15 had met in Abidjan.', 'Preparations for COP 18 have begun.']) {
      const found = conferences(body(later));
      expect(found.map((c) => c.organizer)).toEqual(['United Nations Convention to Combat Desertification', 'United Nations Convention to Combat Desertification']);
    }
  });
});

describe('editions joined by "and"', () => {
  test('two editions before one plural name are two events of that name (rule conference.coordinated-events)', () => {
    const ed = (body: string) => conferences(body).map((c) => [c.edition, c.name]);
    expect(ed('Preparations for the 46th and 47th ASEAN Summits, to be held in Kuala Lumpur, were reviewed.')).toEqual([[46, '46th ASEAN Summit'], [47, '47th ASEAN Summit']]);
    expect(ed('The country hosted the XV and XVI SICA Summits in 2019 and 2021.')).toEqual([[15, 'XV SICA Summit'], [16, 'XVI SICA Summit']]);
    expect(ed('She recalled that the third and fourth Commonwealth Forums had ended without a declaration.')).toEqual([[3, 'third Commonwealth Forum'], [4, 'fourth Commonwealth Forum']]);
  });
});

describe('places in a clause after the name', () => {
  test('"scheduled to be held in", "set to take place in", "expected to open in" place the event', () => {
    expect(conferences('They looked ahead to the 9th Arctic Energy Summit, scheduled to be held in Oslo in May.')[0]).toMatchObject({ edition: 9, city: 'Oslo' });
    expect(conferences('The 4th Ocean Finance Forum, set to take place in Lisbon next spring, was also discussed.')[0]).toMatchObject({ edition: 4, city: 'Lisbon' });
    expect(conferences('Both sides welcomed the 12th Asia Water Conference, which is expected to open in Manila on 3 June.')[0]).toMatchObject({ edition: 12, city: 'Manila' });
  });

  test('a city the gazetteers lack, set off by its country ("in Encarnación, Paraguay"), places the event; a lone unknown word does not', () => {
    expect(conferences('The ministers will meet again at the 7th Regional Trade Forum, to be held in Encarnación, Paraguay, in October.')[0]).toMatchObject({ city: 'Encarnación', country: 'PY' });
    expect(conferences('The 15th Nordic Summit was held in Tromsø, Norway, last week.')[0]).toMatchObject({ city: 'Tromsø', country: 'NO' });
    expect(conferences('She recalled the 3rd Sahel Security Conference, which took place in Ouarzazate, Morocco, in 2022.')[0]).toMatchObject({ city: 'Ouarzazate', country: 'MA' });
    const [lone] = conferences('The 15th Nordic Summit was held in Tromsø last week.');
    expect(lone?.city ?? null).toBeNull();
  });
});

describe('events named in pieces', () => {
  test('two events under one plural head (rule conference.coordinated-events)', () => {
    const found = conferences('The sides discussed the agenda of the upcoming May 14-15 OSCE PA Standing Committee and OSCE PA 31st Annual sessions in Vienna.');
    expect(found.map((c) => [c.name, c.edition, c.city])).toEqual([
      ['OSCE PA Standing Committee session', null, 'Vienna'],
      ['OSCE PA 31st Annual session', 31, 'Vienna'],
    ]);
    expect(found[0].extraction).toMatchObject({ rule: 'conference.coordinated-events' });
  });

  test('a body holding its own session (rule conference.body-session); a body of two states does not count', () => {
    const [c] = conferences('The Council of Defence Ministers of the African Union is holding its regular meeting in Kigali today.');
    expect(c).toMatchObject({ name: 'regular meeting of the Council of Defence Ministers of the African Union', city: 'Kigali', status: 'attended' });
    expect(c.extraction).toMatchObject({ rule: 'conference.body-session' });
    expect(conferences('The Uzbek-Tajik Intergovernmental Commission held its 5th meeting in Dushanbe.')).toEqual([]);
  });

  test('a summit of two states, a joint meeting of two organisations (rule conference.joint-event); two states\' meeting is bilateral', () => {
    expect(conferences('Following the Chilean-Peruvian security summit held in Lima in March, the ministers met again.')[0]).toMatchObject({ name: 'Chilean-Peruvian security summit', city: 'Lima' });
    expect(conferences('They agreed to hold the next high-level joint ASEAN-EU meeting in Jakarta.')[0]).toMatchObject({ name: 'high-level joint ASEAN-EU meeting', city: 'Jakarta' });
    expect(conferences('The Chilean-Peruvian meeting in Lima covered trade.')).toEqual([]);
  });
});

describe('more events and places', () => {
  test('a day written with an ordinal full stop ("27-28. May 2024") keeps the sentence and the dates whole', () => {
    const [c] = conferences('The Prosecutor General is taking part in the annual conference of the Network of Prosecutors of Europe, held in Luxembourg from 27-28. May 2024 at the invitation of her counterpart.', '2024-05-27');
    expect(c).toMatchObject({ city: 'Luxembourg', startDate: '2024-05-27', endDate: '2024-05-28' });
  });

  test('two announced events of one organisation in different countries stay two', () => {
    const found = conferences(
      'He invited his colleague to the meeting of the Executive Committee of the International Association of Prosecutors to be held in Macau next April, and was in turn invited to the Annual Conference of the International Association of Prosecutors (IAP) to be held in Azerbaijan in September 2024.',
      '2023-10-19',
    );
    expect(found).toHaveLength(2);
  });

  test('an unnamed event announced with its place is named by its description (rule conference.announced-event)', () => {
    const [c] = conferences('The ministers discussed the timing of a security summit expected to be held in Baghdad soon.');
    expect(c).toMatchObject({ name: 'security summit expected to be held in Baghdad', city: 'Baghdad', status: 'upcoming' });
    expect(c.extraction).toMatchObject({ rule: 'conference.announced-event' });
  });
});

describe('places written away from the name', () => {
  test('words the name finder left out before the place: an acronym in brackets, the rest of the name, the kind of event', () => {
    expect(conferences('She hoped to see him at the Ninth Andean Conference on Water Security (ACWS 9) in Cusco from 3 to 5 June.')[0]).toMatchObject({ edition: 9, city: 'Cusco' });
    expect(conferences('The minister attended the 12th Nordic Trade Ministers\' Meeting (NTMM) and Related Meetings in Oslo, Norway.')[0]).toMatchObject({ edition: 12, city: 'Oslo' });
    expect(conferences('They will carry the message to the COP31 climate conference in Ankara in November.', '2026-05-02')[0]).toMatchObject({ edition: 31, city: 'Ankara', status: 'upcoming' });
  });

  test('"due in", "set to be held in" place an announced event', () => {
    expect(conferences('Delegates hoped the Third Conference on Mountain Economies, due in Lima, Peru, from June 30 to July 3, would help.', '2026-02-01')[0]).toMatchObject({ edition: 3, city: 'Lima', status: 'upcoming' });
  });

  test('the host named after the event: "which Oslo will host", "which Norway will host in Bergen", "which Germany will host at Messe Berlin", "hosted by Quito"', () => {
    expect(conferences('He briefed her on the 40th Baltic Sea Forum, which Riga will host on 5 and 6 December.')[0]).toMatchObject({ edition: 40, city: 'Riga' });
    expect(conferences('They discussed the 21st Arctic Council Ministerial Meeting, which Norway will host in Tromsø in May.')[0]).toMatchObject({ edition: 21, city: 'Tromsø', country: 'NO' });
    expect(conferences('They discussed the Tenth European Energy Summit, which Germany will host at Messe Berlin next year.')[0]).toMatchObject({ edition: 10, city: 'Berlin', country: 'DE' });
    expect(conferences('She spoke about the outcomes of the 5th Amazon Summit hosted by Quito last month.')[0]).toMatchObject({ edition: 5, city: 'Quito' });
  });

  test('the place of the people who attend: "are in Lima to attend", "meetings in Vienna, where he is attending"; a country alone gives no city', () => {
    expect(conferences('The Fijian lawmakers are in Lima to attend the third Pacific Alliance Parliamentary Forum.')[0]).toMatchObject({ edition: 3, city: 'Lima' });
    expect(conferences('The Speaker held a round of bilateral meetings in Vienna, where he is attending the 51st Assembly of the Alpine Parliaments.')[0]).toMatchObject({ edition: 51, city: 'Vienna' });
    expect(conferences('The President hosted in Hanoi the visiting minister, who is in Vietnam to attend the 3rd Mekong Border Conference.')[0]).toMatchObject({ city: null, country: 'VN' });
  });

  test('an attended event with no place of its own: the dateline of an agency filing from abroad, the one city of the other events', () => {
    const [abroad] = fromTextWithDateline('Nairobi (AFP) - Leaders attending the 12th ordinary session of the Assembly of the East African Community elected a new chairperson on Saturday.');
    expect(abroad).toMatchObject({ edition: 12, city: 'Nairobi' });
    const found = conferences('The Secretary attended the 40th Gulf Ministers\' Meeting in Doha, Qatar. He also spoke at the 9th Gulf Security Forum.');
    expect(found.map((c) => c.city)).toEqual(['Doha', 'Doha']);
  });

  test('an attended event takes the city of the meetings the report places', () => {
    const [c] = conferences('The Minister of Foreign Affairs, Paulo Lemos, received today, in Porto, the Minister of Foreign Affairs of Chile, Ana Rojas, on the margins of the Atlantic Ministers\' Forum, held on 6 and 7 March.',
      '2026-03-07',
    );
    expect(c).toMatchObject({ city: 'Porto' });
  });
});

function fromTextWithDateline(body: string) {
  return fromText(body, '2026-03-07').conferences;
}

describe('events named in other shapes', () => {
  test('a numbered event of a body named by a possessive (rule conference.possessive-numbered)', () => {
    const [c] = conferences('They discussed Kenya\'s interest in IGAD ahead of the bloc\'s 15th summit, which Kampala will host on October 22-24.', '2026-07-25');
    expect(c).toMatchObject({ name: '15th summit of IGAD', edition: 15, city: 'Kampala', status: 'upcoming' });
    expect(c.extraction).toMatchObject({ rule: 'conference.possessive-numbered' });
    expect(conferences('The US said the group\'s 3rd meeting was useful.')).toEqual([]);
  });

  test('a city before the edition belongs to the name and places the event: "the Brussels VII Conference"', () => {
    const [c] = conferences('He stressed the need to keep commitments, including at the Brussels VII Conference on "Supporting the future of the region", set for June 14-15.');
    expect(c).toMatchObject({ edition: 7, city: 'Brussels' });
    expect(c.name.startsWith('Brussels VII Conference')).toBe(true);
  });

  test('an acronym spelt by every word and each part of a compound names the organiser: "Forum on China-Africa Cooperation (FOCAC)"', () => {
    const found = conferences('They prepared the Summit of the Forum on Korea-Africa Cooperation (FOKAC) in Seoul. They recalled the last FOKAC ministerial conference held in Dakar.');
    expect(found.find((c) => c.city === 'Dakar')).toMatchObject({ organizer: 'Forum on Korea-Africa Cooperation' });
  });

  test('a meeting of one kind of officials of an international body (rule conference.ministers-of-body); of states it is none', () => {
    const [c] = conferences('The minister is set to travel on Thursday to Podgorica, where he will attend the informal meeting of foreign ministers of the Central European Initiative (CEI).', '2026-10-04');
    expect(c).toMatchObject({ name: 'informal meeting of foreign ministers of the Central European Initiative (CEI)', city: 'Podgorica', status: 'upcoming' });
    expect(c.extraction).toMatchObject({ rule: 'conference.ministers-of-body' });
    expect(conferences('He later joined a meeting of the foreign ministers of Chile and Peru.')).toEqual([]);
  });
});
