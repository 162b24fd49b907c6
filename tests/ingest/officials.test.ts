/**
 * Official rules on invented sentences: courtesy forms and regnal numbers, titles in brackets and after "as",
 * counterparts named after the name, coordinated "respectively" lists, people who accompany an envoy, and
 * "the Ambassador" after several ambassadors.
 */
import { fromText } from './helpers';

const officialsOf = (body: string, date = '2024-05-06') => fromText(body, date).officials;
const find = (body: string, name: string) => officialsOf(body).find((o) => o.name === name);

describe('officials: names', () => {
  test('a regnal number stays in the name, with a patronymic after it', () => {
    const g = officialsOf('King Ludovic IV received the visiting minister. The talks were also attended by Hamad III bin Al-Rashid, Emir of Qatar.');
    expect(g.map((o) => o.name)).toEqual(expect.arrayContaining(['Ludovic IV', 'Hamad III bin Al-Rashid']));
    expect(g.find((o) => o.name === 'Ludovic IV')?.title).toBe('King');
    expect(g.some((o) => o.name === 'Al-Rashid')).toBe(false);
  });

  test('a monarch named as the head of state of some countries is listed, and takes no part in their credentials', () => {
    const g = fromText(
      [
        'HE Mr Tomas Berg, High Commissioner of Fiji, attended the ceremonies at Government House. Berg is new to the post.',
        'As is the custom for countries whose Head of State is King Harald V, HE Tomas Berg had presented his credentials earlier to the Prime Minister.',
      ].join('\n\n'),
    );
    expect(g.officials.find((o) => o.name === 'Harald V')?.title).toBe('King');
    expect(g.meetings.map((m) => m.participants)).toEqual([['Tomas Berg']]);
  });

  test('courtesy forms and post-nominals do not hide a name, nor join it', () => {
    const g = officialsOf(
      'At Government House in Wellington, the Governor-General, General the Honourable Sir Martin Crane AK MC (Retd), accepted Letters of Credence. The Governor-General and Lady Crane then hosted a lunch.',
    );
    expect(g.map((o) => o.name)).toEqual(['Martin Crane']);
    expect(g[0].title).toBe('Governor-General');
  });
});

describe('officials: names that look like titles', () => {
  test('a hyphenated surname that starts like a title ("Amir-"), and a demonym serving two titled names', () => {
    const g = officialsOf('The session opened with a tribute to Iranian President Hamid Rostami and Minister of Foreign Affairs Reza Amir-Tehrani, who died last week.');
    expect(g.map((o) => [o.name, o.country])).toEqual([
      ['Hamid Rostami', 'IR'],
      ['Reza Amir-Tehrani', 'IR'],
    ]);
    expect(find('Uzbek President Akmal Karimov and Prime Minister Ion Rusu of Moldova met in Tashkent.', 'Ion Rusu')?.country).toBe('MD');
  });

  test('a lower-case title before a comma and the name; abbreviated ranks; the Apostolic Nuncio', () => {
    expect(find("In a statement on Monday, the president's spokesperson, Tunde Bello, said the talks went well.", 'Tunde Bello')?.title).toBe('spokesperson');
    expect(find('The delegation was led by the Minister of Police Affairs, Sen. Dr. Musa Bako.', 'Musa Bako')?.title).toBe('Minister of Police Affairs');
    expect(find('Australian Foreign Minister Julie Bishop met her counterpart.', 'Julie Bishop')?.country).toBe('AU');
    // without its full stop "Sen" is a name
    expect(find('Cambodian Prime Minister Hun Sen met the visiting minister.', 'Hun Sen')?.country).toBe('KH');
    const nuncio = find('His Excellency Archbishop Paolo Bruni, Apostolic Nuncio of the Holy See, presented his credentials.', 'Paolo Bruni');
    expect(nuncio).toMatchObject({ title: 'Apostolic Nuncio', country: 'VA' });
  });
});

describe('officials: titles', () => {
  test('"X, a member of the Political Bureau of …" is a title after the name', () => {
    const o = find('HANOI, May 6 (VNA) -- Tran Van Minh, a member of the Political Bureau of the Communist Party of Vietnam, met the visiting minister.', 'Tran Van Minh');
    expect(o).toMatchObject({ title: 'member', country: 'VN' });
  });

  test('a capitalised portfolio after "for" is no name; business people are no officials', () => {
    const g = officialsOf('The minister was accompanied by Luis Prado, the State Secretary for Latinoamerica and the Caribbean. He later received Mr Ian Cole, the Chief Executive Officer of Heritage Trusts.');
    expect(g.map((o) => o.name)).toEqual(['Luis Prado']);
  });

  test('a title alone in brackets after the name', () => {
    const g = officialsOf('Accompanying the envoy were Mr Tao Lin (Minister-Counsellor) and Col Bo Zhang (Defence Attaché). Mrs Mei Zhang was also received.');
    expect(g.map((o) => [o.name, o.title])).toEqual([
      ['Tao Lin', 'Minister-Counsellor'],
      ['Bo Zhang', 'Defence Attaché'],
    ]);
  });

  test('the office after "as": "accrediting him as Ambassador of …"', () => {
    const o = find('The President accepted Letters of Credence from His Excellency Mr Arno Vells, accrediting him as Ambassador of the Republic of Estonia.', 'Arno Vells');
    expect(o?.title).toBe('Ambassador');
    expect(o?.country).toBe('EE');
  });

  test('a counterpart named before "his … counterpart", and a counterpart "in" a country', () => {
    expect(find('The French minister invited Luca Ferri, his Italian counterpart, to Paris.', 'Luca Ferri')?.country).toBe('IT');
    expect(find('Today the Attorney General met his counterpart in Peru, Rosa Quispe Mamani, in Lima.', 'Rosa Quispe Mamani')?.country).toBe('PE');
  });

  test('the foreign ministers of A and B, X and Y: countries pair up in order', () => {
    const g = officialsOf('The host also greeted the foreign ministers of Chile and Norway, Pablo Rojas and Ingrid Dahl, who attended for the first time.');
    expect(g.find((o) => o.name === 'Pablo Rojas')?.country).toBe('CL');
    expect(g.find((o) => o.name === 'Ingrid Dahl')?.country).toBe('NO');
  });

  test('a committee "on" an international organisation\'s affairs is a national post', () => {
    const o = find('The Speaker met Oleg Petrov, head of the committee on Commonwealth of Independent States Affairs of the Russian State Duma.', 'Oleg Petrov');
    expect(o?.country).toBe('RU');
  });

  test('officials of Eurojust and of the Ibero-American secretariat have no country', () => {
    expect(find('In The Hague the chief prosecutor met Anna Berg, President of Eurojust.', 'Anna Berg')?.country).toBeNull();
  });
});

describe('officials: countries from the company they keep', () => {
  test('staff accompanying an ambassador serve the ambassador\'s state; "the Ambassador" is the one named last', () => {
    const g = officialsOf(
      [
        'At Government House in Canberra, the Governor-General accepted Letters of Credence from His Excellency Mr Arno Vells, accrediting him as Ambassador of the Republic of Estonia. Accompanying the Ambassador were Mr Jaan Tamm (Counsellor) and Ms Liis Kask (Second Secretary).',
        'Next, the Governor-General accepted Letters of Credence from His Excellency Mr Omar Haddad, accrediting him as Ambassador of the Kingdom of Morocco. With the Ambassador were Mr Karim Idrissi (Minister) and Mr Youssef Alami (Counsellor).',
      ].join('\n\n'),
    );
    const country = (n: string) => g.find((o) => o.name === n)?.country;
    expect(country('Jaan Tamm')).toBe('EE');
    expect(country('Liis Kask')).toBe('EE');
    expect(country('Karim Idrissi')).toBe('MA');
    expect(country('Youssef Alami')).toBe('MA');
  });

  test('"his accompanying delegation" gives the host no foreign country', () => {
    const g = officialsOf(
      'DOHA, May 6 (QNA) -- Qatar\'s Emir Sheikh Tamim Al-Hamad received on Monday the visiting Prime Minister of Peru Luis Quispe and his accompanying delegation.',
    );
    expect(g.find((o) => o.name === 'Tamim Al-Hamad')?.country).toBe('QA');
  });

  test('people met in a city beside a visitor from elsewhere serve the city\'s state', () => {
    const g = officialsOf('Kenyan Foreign Minister Amos Wetang held meetings in Kampala on May 2 with his counterpart Ruth Nankabirwa and with Jacob Oulanyah, Speaker of the Parliament.');
    expect(g.find((o) => o.name === 'Ruth Nankabirwa')?.country).toBe('UG');
    expect(g.find((o) => o.name === 'Jacob Oulanyah')?.country).toBe('UG');
  });

  test('the one who invites is the host of the event the visitor attended', () => {
    const g = officialsOf(
      "At the invitation of his counterpart Marco Bellini, Georgia's Prosecutor General Irakli Shotadze took part in the 5th Conference of Prosecutors General of Europe, held in Naples.",
    );
    expect(g.find((o) => o.name === 'Marco Bellini')?.country).toBe('IT');
  });

  test('a bare Secretary-General in a report about international bodies has no country', () => {
    const g = officialsOf('Ana Sousa, Secretary-General\n\nThe Secretary-General met with Pedro Costa, President of the European Council, in New York. The United Nations chief thanked him.');
    expect(g.find((o) => o.name === 'Ana Sousa')?.country).toBeNull();
  });

  test('"President of Eurojust": a capitalised body after "of" belongs to the title', () => {
    expect(find('In The Hague the chief prosecutor met Anna Berg, President of Eurojust; and Jan Vos, Minister of Justice.', 'Anna Berg')?.country).toBeNull();
  });

  test('members of a delegation described after their names (rule official.delegation-member) serve its state', () => {
    const g = officialsOf(
      "On Monday, Romania's Prosecutor General Ion Popa welcomed a delegation of the Crown Prosecution Service. The British delegation included Jane Hollis, the head of the Organised Crime Division; Mark Tully, counsellor for international justice; and Ann Rees, liaison magistrate with Spain.",
    );
    expect(g.find((o) => o.name === 'Ann Rees')?.extraction?.rule).toBe('official.delegation-member');
    expect(g.map((o) => [o.name, o.country])).toEqual([
      ['Ion Popa', 'RO'],
      ['Jane Hollis', 'GB'],
      ['Mark Tully', 'GB'],
      ['Ann Rees', 'GB'],
    ]);
  });
});

describe('officials: countries from the way the report is written', () => {
  test('an international body\'s acronym before the title, even after "a courtesy call on": no country', () => {
    const o = find('Foreign Minister Daniel Okafor today paid a courtesy call on ASEAN Secretary-General Dr Tran Van Minh at the secretariat. Okafor said Nigeria\'s chairmanship would focus on trade.', 'Tran Van Minh');
    expect(o).toMatchObject({ country: null });
    expect(find('The Speaker also received IPU President Maria Lindholm in Geneva.', 'Maria Lindholm')).toMatchObject({ country: null });
  });

  test('a visiting minister is not the host\'s second holder of the same office', () => {
    const g = officialsOf('Foreign Minister Daniel Okafor, accompanied by Nigerian Ambassador Ada Eze, held talks in Lima with Peruvian Foreign Minister Rosa Quispe on Tuesday.');
    expect(g.find((o) => o.name === 'Rosa Quispe')).toMatchObject({ country: 'PE' });
    expect(g.find((o) => o.name === 'Daniel Okafor')?.country).not.toBe('PE');
  });

  test('a delegation "led by its Speaker, X" and one "composed of" its members serve the delegation\'s state', () => {
    expect(find('The Speaker received a delegation of the Parliament of Samoa led by its Speaker, Tui Leota, on Monday.', 'Tui Leota')).toMatchObject({ country: 'WS' });
    expect(find('The Chilean delegation was composed of the Director General for Asian Affairs, Pablo Rojas, among other officials.', 'Pablo Rojas')).toMatchObject({ country: 'CL' });
  });

  test('the publisher\'s country: a foreign envoy\'s receiving state, the country a foreign guest is visiting, "the Philippines\' call"', () => {
    const envoy = officialsOf('The Speaker of the House, Musa Danjuma, on Monday hosted the Turkish Ambassador to Nigeria, Emre Aydin, in his office. Danjuma urged Ankara to speed up funding.');
    expect(envoy.find((o) => o.name === 'Musa Danjuma')).toMatchObject({ country: 'NG' });
    const guest = officialsOf(
      'The Minister of State, Rui Matos, received today the Minister of Foreign Affairs of Angola, Joana Neto, who is on an official visit to Portugal. "Angola is a partner of first importance," said Matos.',
    );
    expect(guest.find((o) => o.name === 'Rui Matos')).toMatchObject({ country: 'PT' });
    const possessive = officialsOf('Secretary Ramon Cruz spoke at the forum held in Vientiane, Lao PDR. Secretary Cruz reiterated the Philippines\' call for a code of conduct.');
    expect(possessive.find((o) => o.name === 'Ramon Cruz')).toMatchObject({ country: 'PH' });
  });

  test('a country hosting an event in a relative clause does not speak for the report', () => {
    const g = officialsOf('Prime Minister Sitiveni Rabuka received the Secretary General of the Pacific Islands Forum. They discussed the Leaders Meeting, which Tonga will host in September. PM Rabuka reaffirmed Fiji\'s commitment to the region.');
    expect(g.find((o) => o.name === 'Sitiveni Rabuka')).toMatchObject({ country: 'FJ' });
  });
});

describe('officials: portfolios and callings', () => {
  test('a portfolio of two parts before a comma and the name; its words are no person ("Natural Resources")', () => {
    expect(find('The Minister of Environment and Sustainable Development, Ama Owusu, received the ambassador of Peru, Juan Soto.', 'Ama Owusu')).toMatchObject({
      title: 'Minister of Environment and Sustainable Development',
    });
    const g = officialsOf('The meeting was attended by Rashad Ali, Minister of Ecology and Natural Resources of Azerbaijan.');
    expect(g.map((o) => o.name)).toEqual(['Rashad Ali']);
    expect(officialsOf('The chairman of the Organization for Security and Co-operation in Europe ended a tour.')).toEqual([]);
  });

  test('a plural title over names, one of them with "Dr." before it', () => {
    const g = officialsOf('The delegation included Senators Farah Qureshi and Dr. Asad Mengal, and the ambassador.');
    expect(g.map((o) => [o.name, o.title])).toEqual([
      ['Farah Qureshi', 'Senator'],
      ['Asad Mengal', 'Senator'],
    ]);
  });

  test('a diplomat named by his calling is an official', () => {
    expect(find('Leaders elected Senegalese diplomat Moussa Diop to head the commission.', 'Moussa Diop')).toMatchObject({ title: 'diplomat', country: 'SN' });
  });
});

describe('officials: offices of international bodies', () => {
  test('an office of an international body written before the comma of the name ties the official to the body, not to the host', () => {
    expect(find('In Hanoi the Prime Minister of Vietnam, Tran Van Minh, received the Head of the European Union Delegation, Ambassador Jonas Berg.', 'Jonas Berg')).toMatchObject({ country: null });
    expect(find('Speaking in Nairobi on Monday, the Deputy Director-General of the FAO, Ines Moreau, praised the Kenyan Minister of Agriculture, Peter Otieno.', 'Ines Moreau')).toMatchObject({ country: null });
    expect(find('Kenya\'s President Ruto met with the Executive Secretary of the UNCCD, Lars Holm, and with the Foreign Minister of Ghana, Ama Mensah, in Nairobi.', 'Lars Holm')).toMatchObject({ country: null });
  });

  test('a body before the title: "Commonwealth Secretary-General", "ADB Country Director for Laos", "European Commissioner for Trade"', () => {
    expect(find('In Apia, Prime Minister Fiame Naomi of Samoa welcomed Commonwealth Secretary-General Dame Olivia Grant.', 'Olivia Grant')).toMatchObject({ country: null });
    expect(find('The Lao Minister of Finance, Somchai Vong, met ADB Country Director for Laos Karin Ek in Vientiane.', 'Karin Ek')).toMatchObject({ country: null });
    expect(find('In Lima the Peruvian Foreign Minister, Elena Castro, held talks with the European Commissioner for Trade, Paul Weber.', 'Paul Weber')).toMatchObject({ country: null });
  });

  test('a national portfolio about a body, or a state called a commonwealth, keeps its country', () => {
    expect(find('The Minister for European Union Affairs of Portugal, Rui Costa, met the Polish foreign minister in Warsaw.', 'Rui Costa')).toMatchObject({ country: 'PT' });
    expect(find('The Prime Minister of the Commonwealth of Dominica, Roosevelt Charles, met the Minister of Foreign Affairs of Jamaica, Kamina Smith.', 'Roosevelt Charles')).toMatchObject({ country: 'DM' });
  });
});

test('a state named before the body in the appositive office keeps the state: "the Permanent Representative of Kenya to the UN, X"', () => {
  expect(find('In Geneva, the Permanent Representative of Kenya to the UN, Grace Wanjiru, met the Swiss State Secretary, Lukas Meier.', 'Grace Wanjiru')).toMatchObject({ country: 'KE' });
});

describe('officials: a counterpart who also has a title', () => {
  test('the demonym before "counterpart" gives the country of the person named with a title of their own', () => {
    expect(find('The Minister of Foreign Affairs, Ana Lima, welcomed in Lisbon her Moroccan counterpart, Karim Benali, Minister of Foreign Affairs and Cooperation.', 'Karim Benali')).toMatchObject({ country: 'MA' });
    expect(find('Yesterday he held talks with his Peruvian counterpart, Deputy Prime Minister and Foreign Minister Rosa Quispe, in Quito.', 'Rosa Quispe')).toMatchObject({ country: 'PE' });
    expect(find('Minister Jan Kowalski will receive his Latvian counterpart, the Minister for Defence Andris Ozols, on Friday.', 'Andris Ozols')).toMatchObject({ country: 'LV' });
  });

  test('a title that names its own country keeps it', () => {
    expect(find('He met his counterpart, the Minister of Foreign Affairs of Chile, Ana Rojas, in Lima.', 'Ana Rojas')).toMatchObject({ country: 'CL' });
  });
});

describe('officials: sides and delegations', () => {
  test('people named in a sentence about one state\'s side are that state\'s', () => {
    expect(find('On the Lesotho side, the talks were attended by Prime Minister Thabo Mokoena and Foreign Minister Lerato Molapo.', 'Lerato Molapo')).toMatchObject({ country: 'LS' });
    expect(find('Deputy Director Anil Perera and two advisers represented the Sri Lanka side at the talks.', 'Anil Perera')).toMatchObject({ country: 'LK' });
    expect(find('The Ghanaian side, headed by Finance Minister Kofi Owusu, presented the proposal.', 'Kofi Owusu')).toMatchObject({ country: 'GH' });
  });

  test('of two delegations, a person belongs to the one named last before them', () => {
    const body = 'The Nepal delegation was led by Foreign Secretary Ram Thapa, while the Bhutan delegation was led by Foreign Secretary Karma Wangdi.';
    expect(find(body, 'Ram Thapa')).toMatchObject({ country: 'NP' });
    expect(find(body, 'Karma Wangdi')).toMatchObject({ country: 'BT' });
  });
});

test('a demonym inside the name of a body ("the Organization of American States") does not make the report that state\'s', () => {
  expect(find('The Minister of Foreign Affairs, Ana Soto, addressed the Organization of American States on Monday.', 'Ana Soto')?.country ?? null).toBeNull();
  expect(find('Vice Minister Luis Prado said the Union of South American Nations would meet again in May.', 'Luis Prado')?.country ?? null).toBeNull();
  expect(find('Secretary of State Rui Mota will represent the country at the summit of the Community of Portuguese Language Countries.', 'Rui Mota')?.country ?? null).toBeNull();
});

test('"He was accompanied by X": the one a pronoun names gives the companion\'s country', () => {
  const cases: [string, string, string][] = [
    ['In Oslo the visitor held talks with Jonas Dahl, Norway\'s Minister of Trade. He was accompanied by the Minister of State for Energy Affairs, Lars Bakken.', 'Lars Bakken', 'NO'],
    ['She later met Yuki Tanaka, Japan\'s Minister of Finance, in Tokyo. She was accompanied at the talks by Deputy Minister Kenji Mori.', 'Kenji Mori', 'JP'],
    ['The guest then called on Ahmed Karim, Egypt\'s Minister of Energy. He will be accompanied on the tour by the Minister of State for Petroleum Affairs, Omar Saleh.', 'Omar Saleh', 'EG'],
  ];
  for (const [body, name, country] of cases) expect(find(body, name)).toMatchObject({ country });
});

test('a run of acronyms before the name ("the Executive Secretary of ALBA-TCP, X") is a body, never the person', () => {
  const names = (body: string) => officialsOf(body).map((o) => o.name);
  expect(names('The minister met the Executive Secretary of ALBA-TCP, Mauricio Ledesma, in Caracas.')).toEqual(['Mauricio Ledesma']);
  expect(names('On Monday she received the Secretary-General of CARICOM-CSME, Dr. Ruth Baptiste, at the ministry.')).toContain('Ruth Baptiste');
  expect(names('Talks were later held with the President of the ECOWAS Commission, Omar Touray, and with the head of SADC PF, Boemo Sekgoma.')).not.toContain('SADC PF');
});
