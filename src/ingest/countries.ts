/**
 * Country gazetteer: country names (ISO short names and common variants), demonyms and cities
 * (capitals and other cities where diplomatic events are often held), each mapped to ISO 3166-1 alpha-2.
 */
import countries from 'i18n-iso-countries';
import { cityMapping } from 'city-timezones';

export type PlaceKind = 'country' | 'demonym' | 'city';

export interface PlaceMention {
  /** Text as matched (`Georgian`, `the Kyrgyz Republic`, `Bishkek`). */
  text: string;
  /** Offset in the searched text. */
  start: number;
  end: number;
  /** ISO2 code of the country named or implied. */
  code: string;
  kind: PlaceKind;
}

const EXTRA_NAMES: Record<string, string> = {
  'Great Britain': 'GB', Britain: 'GB', England: 'GB', Scotland: 'GB', Wales: 'GB', 'Northern Ireland': 'GB',
  'the UK': 'GB', 'the U.K.': 'GB', 'the USA': 'US', 'the US': 'US', 'the U.S.': 'US', America: 'US',
  'the United States': 'US', Turkiye: 'TR', Türkiye: 'TR', 'Kyrgyz Republic': 'KG', 'Kirghizia': 'KG',
  'Republic of Korea': 'KR', Korea: 'KR', 'North Korea': 'KP', DPRK: 'KP', 'Democratic People’s Republic of Korea': 'KP',
  "Democratic People's Republic of Korea": 'KP', Vietnam: 'VN', 'Viet Nam': 'VN', Laos: 'LA', Syria: 'SY',
  Moldova: 'MD', Tanzania: 'TZ', Bolivia: 'BO', Venezuela: 'VE', Brunei: 'BN', 'Czech Republic': 'CZ',
  Czechia: 'CZ', 'Ivory Coast': 'CI', "Côte d'Ivoire": 'CI', 'Cote d’Ivoire': 'CI', 'Cape Verde': 'CV',
  'Cabo Verde': 'CV', 'East Timor': 'TL', 'Timor-Leste': 'TL', Burma: 'MM', Myanmar: 'MM', Swaziland: 'SZ',
  Eswatini: 'SZ', 'North Macedonia': 'MK', Macedonia: 'MK', Palestine: 'PS', Vatican: 'VA', 'Holy See': 'VA',
  'Democratic Republic of the Congo': 'CD', 'DR Congo': 'CD', DRC: 'CD', 'Republic of the Congo': 'CG',
  'Russian Federation': 'RU', Russia: 'RU', 'UAE': 'AE', 'United Arab Emirates': 'AE', 'the Emirates': 'AE',
  'Saudi Arabia': 'SA', Iran: 'IR', 'Islamic Republic of Iran': 'IR', 'Taiwan': 'TW',
  Kosovo: 'XK', 'The Gambia': 'GM', Gambia: 'GM', 'the Netherlands': 'NL', Holland: 'NL',
  'the Philippines': 'PH', Kazakstan: 'KZ', ROK: 'KR', PRC: 'CN', 'U.S.': 'US', 'U.K.': 'GB',
};

const DEMONYMS: Record<string, string> = {
  Afghan: 'AF', Albanian: 'AL', Algerian: 'DZ', Andorran: 'AD', Angolan: 'AO', Argentine: 'AR', Argentinian: 'AR',
  Armenian: 'AM', Australian: 'AU', Austrian: 'AT', Azerbaijani: 'AZ', Azeri: 'AZ', Bahraini: 'BH', Bangladeshi: 'BD',
  Belarusian: 'BY', Belarussian: 'BY', Byelorussian: 'BY', Belgian: 'BE', Beninese: 'BJ', Bhutanese: 'BT', Bolivian: 'BO',
  Bosnian: 'BA', Brazilian: 'BR', British: 'GB', Bruneian: 'BN', Bulgarian: 'BG', Burkinabe: 'BF', Burundian: 'BI',
  Cambodian: 'KH', Cameroonian: 'CM', Canadian: 'CA', Chadian: 'TD', Chilean: 'CL', Chinese: 'CN', Colombian: 'CO',
  Congolese: 'CD', 'Costa Rican': 'CR', Croatian: 'HR', Cuban: 'CU', Cypriot: 'CY', Czech: 'CZ', Danish: 'DK',
  Djiboutian: 'DJ', Dominican: 'DO', Dutch: 'NL', Ecuadorian: 'EC', Egyptian: 'EG', Emirati: 'AE', Eritrean: 'ER',
  Estonian: 'EE', Ethiopian: 'ET', Fijian: 'FJ', Filipino: 'PH', Philippine: 'PH', Finnish: 'FI', French: 'FR',
  Gabonese: 'GA', Gambian: 'GM', Georgian: 'GE', German: 'DE', Ghanaian: 'GH', Greek: 'GR', Guatemalan: 'GT',
  Guinean: 'GN', Haitian: 'HT', Honduran: 'HN', Hungarian: 'HU', Icelandic: 'IS', Indian: 'IN', Indonesian: 'ID',
  Iranian: 'IR', Iraqi: 'IQ', Irish: 'IE', Israeli: 'IL', Italian: 'IT', Ivorian: 'CI', Jamaican: 'JM', Japanese: 'JP',
  Jordanian: 'JO', Kazakh: 'KZ', Kazakhstani: 'KZ', Kenyan: 'KE', Korean: 'KR', 'South Korean': 'KR', 'North Korean': 'KP',
  Kuwaiti: 'KW', Kyrgyz: 'KG', Kyrgyzstani: 'KG', Kirghiz: 'KG', Lao: 'LA', Laotian: 'LA', Latvian: 'LV', Lebanese: 'LB',
  Liberian: 'LR', Libyan: 'LY', Lithuanian: 'LT', Luxembourgish: 'LU', Macedonian: 'MK', Malagasy: 'MG', Malawian: 'MW',
  Malaysian: 'MY', Maldivian: 'MV', Malian: 'ML', Maltese: 'MT', Mauritanian: 'MR', Mauritian: 'MU', Mexican: 'MX',
  Moldovan: 'MD', Monegasque: 'MC', Mongolian: 'MN', Montenegrin: 'ME', Moroccan: 'MA', Mozambican: 'MZ', Burmese: 'MM',
  Namibian: 'NA', Nepali: 'NP', Nepalese: 'NP', 'New Zealand': 'NZ', Nicaraguan: 'NI', Nigerien: 'NE', Nigerian: 'NG',
  Norwegian: 'NO', Omani: 'OM', Pakistani: 'PK', Palestinian: 'PS', Panamanian: 'PA', Paraguayan: 'PY', Peruvian: 'PE',
  Polish: 'PL', Portuguese: 'PT', Qatari: 'QA', Romanian: 'RO', Russian: 'RU', Rwandan: 'RW', Saudi: 'SA',
  Senegalese: 'SN', Serbian: 'RS', Singaporean: 'SG', Slovak: 'SK', Slovakian: 'SK', Slovenian: 'SI', Somali: 'SO',
  'South African': 'ZA', 'South Sudanese': 'SS', Spanish: 'ES', 'Sri Lankan': 'LK', Sudanese: 'SD', Swedish: 'SE',
  Swiss: 'CH', Syrian: 'SY', Taiwanese: 'TW', Tajik: 'TJ', Tajikistani: 'TJ', Tanzanian: 'TZ', Thai: 'TH', Togolese: 'TG',
  Tunisian: 'TN', Turkish: 'TR', Turkmen: 'TM', Turkmenistani: 'TM', Ugandan: 'UG', Ukrainian: 'UA', Uruguayan: 'UY',
  American: 'US', Uzbek: 'UZ', Uzbekistani: 'UZ', Venezuelan: 'VE', Vietnamese: 'VN', Yemeni: 'YE', Zambian: 'ZM',
  Zimbabwean: 'ZW', 'Sierra Leonean': 'SL', Salvadoran: 'SV', Botswanan: 'BW', Seychellois: 'SC', Comorian: 'KM',
  Equatoguinean: 'GQ', Liechtensteiner: 'LI', Sammarinese: 'SM', Kosovar: 'XK', Bahamian: 'BS', Barbadian: 'BB',
  Guyanese: 'GY', Surinamese: 'SR', Trinidadian: 'TT', Belizean: 'BZ', 'Papua New Guinean': 'PG', Samoan: 'WS',
  Tongan: 'TO', Mauritius: 'MU', Emiratis: 'AE',
};

/** Capitals and other cities, with their country. */
const CITIES: Record<string, string> = {
  Kabul: 'AF', Tirana: 'AL', Algiers: 'DZ', Luanda: 'AO', 'Buenos Aires': 'AR', Yerevan: 'AM', Canberra: 'AU',
  Sydney: 'AU', Melbourne: 'AU', Vienna: 'AT', Salzburg: 'AT', Baku: 'AZ', Ganja: 'AZ', Shusha: 'AZ', Sumgait: 'AZ',
  Gabala: 'AZ', Nakhchivan: 'AZ', Lankaran: 'AZ', Manama: 'BH', Dhaka: 'BD', Minsk: 'BY', Brussels: 'BE', Thimphu: 'BT',
  Sarajevo: 'BA', Brasilia: 'BR', 'Brasília': 'BR', 'Rio de Janeiro': 'BR', 'Sao Paulo': 'BR', 'São Paulo': 'BR',
  Sofia: 'BG', 'Phnom Penh': 'KH', 'Siem Reap': 'KH', Ottawa: 'CA', Montreal: 'CA', Toronto: 'CA', Beijing: 'CN', Shanghai: 'CN', Guangzhou: 'CN', Shenzhen: 'CN', Xiamen: 'CN', Qingdao: 'CN', Hangzhou: 'CN',
  Chengdu: 'CN', "Xi'an": 'CN', Urumqi: 'CN', Tianjin: 'CN', Wuhan: 'CN', Nanning: 'CN', Kunming: 'CN', Sanya: 'CN',
  Bogota: 'CO', 'Bogotá': 'CO', Zagreb: 'HR', Havana: 'CU', Nicosia: 'CY', Prague: 'CZ', Copenhagen: 'DK', Cairo: 'EG',
  'Sharm el-Sheikh': 'EG', 'Sharm El-Sheikh': 'EG', Tallinn: 'EE', 'Addis Ababa': 'ET', Helsinki: 'FI', Paris: 'FR',
  Strasbourg: 'FR', Lyon: 'FR', Banjul: 'GM', Tbilisi: 'GE', Batumi: 'GE', Kutaisi: 'GE', Berlin: 'DE', Bonn: 'DE',
  Munich: 'DE', Frankfurt: 'DE', Accra: 'GH', Athens: 'GR', Budapest: 'HU', Reykjavik: 'IS', 'New Delhi': 'IN',
  Delhi: 'IN', Mumbai: 'IN', Goa: 'IN', Bengaluru: 'IN', Bangalore: 'IN', Kolkata: 'IN', Chennai: 'IN', Hyderabad: 'IN',
  Jakarta: 'ID', Bali: 'ID', Tehran: 'IR', Isfahan: 'IR', Mashhad: 'IR', Baghdad: 'IQ', Erbil: 'IQ', Dublin: 'IE',
  Jerusalem: 'IL', 'Tel Aviv': 'IL', Rome: 'IT', Milan: 'IT', Tokyo: 'JP', Osaka: 'JP', Hiroshima: 'JP', Amman: 'JO',
  Astana: 'KZ', 'Nur-Sultan': 'KZ', Almaty: 'KZ', Shymkent: 'KZ', Turkistan: 'KZ', Nairobi: 'KE', Seoul: 'KR',
  Busan: 'KR', Pyongyang: 'KP', 'Kuwait City': 'KW', Bishkek: 'KG', Osh: 'KG', 'Cholpon-Ata': 'KG', Vientiane: 'LA',
  Riga: 'LV', Beirut: 'LB', Tripoli: 'LY', Vilnius: 'LT', Luxembourg: 'LU', Skopje: 'MK', 'Kuala Lumpur': 'MY',
  Putrajaya: 'MY', Valletta: 'MT', 'Mexico City': 'MX', Chisinau: 'MD', 'Chișinău': 'MD', Ulaanbaatar: 'MN',
  'Ulan Bator': 'MN', Podgorica: 'ME', Rabat: 'MA', Marrakesh: 'MA', Marrakech: 'MA', Naypyidaw: 'MM', Yangon: 'MM',
  Kathmandu: 'NP', Amsterdam: 'NL', 'The Hague': 'NL', Wellington: 'NZ', Abuja: 'NG', Lagos: 'NG', Oslo: 'NO',
  Muscat: 'OM', Islamabad: 'PK', Lahore: 'PK', Karachi: 'PK', Ramallah: 'PS', Manila: 'PH', Warsaw: 'PL', Lisbon: 'PT',
  Doha: 'QA', Bucharest: 'RO', Moscow: 'RU', 'St. Petersburg': 'RU', 'Saint Petersburg': 'RU', 'St Petersburg': 'RU',
  Sochi: 'RU', Kazan: 'RU', Vladivostok: 'RU', Yekaterinburg: 'RU', Ufa: 'RU', Novosibirsk: 'RU', Kigali: 'RW',
  Riyadh: 'SA', Jeddah: 'SA', Dakar: 'SN', Belgrade: 'RS', Singapore: 'SG', Bratislava: 'SK', Ljubljana: 'SI',
  Mogadishu: 'SO', Pretoria: 'ZA', 'Cape Town': 'ZA', Johannesburg: 'ZA', Durban: 'ZA', Madrid: 'ES', Barcelona: 'ES',
  Colombo: 'LK', Khartoum: 'SD', Stockholm: 'SE', Bern: 'CH', Geneva: 'CH', Davos: 'CH', Lausanne: 'CH', Zurich: 'CH',
  Damascus: 'SY', Taipei: 'TW', Dushanbe: 'TJ', Khujand: 'TJ', Bokhtar: 'TJ', Kulob: 'TJ', Dodoma: 'TZ',
  'Dar es Salaam': 'TZ', Bangkok: 'TH', Tunis: 'TN', Ankara: 'TR', Istanbul: 'TR', Antalya: 'TR', Izmir: 'TR',
  Ashgabat: 'TM', Avaza: 'TM', Kampala: 'UG', Kyiv: 'UA', Kiev: 'UA', Odesa: 'UA', Lviv: 'UA', 'Abu Dhabi': 'AE',
  Dubai: 'AE', London: 'GB', Edinburgh: 'GB', Manchester: 'GB', Washington: 'US', 'Washington, D.C.': 'US',
  'New York': 'US', 'San Francisco': 'US', 'Los Angeles': 'US', Chicago: 'US', Tashkent: 'UZ', Samarkand: 'UZ',
  Bukhara: 'UZ', Khiva: 'UZ', Termez: 'UZ', Caracas: 'VE', Hanoi: 'VN', 'Ho Chi Minh City': 'VN', "Sana'a": 'YE',
  Sanaa: 'YE', Lusaka: 'ZM', Harare: 'ZW', Ottawa2: 'CA', Canberra2: 'AU', Macau: 'CN', Macao: 'CN', 'Hong Kong': 'CN',
  Lima: 'PE', Quito: 'EC', Montevideo: 'UY', Asuncion: 'PY', Panama: 'PA', Havana2: 'CU', Nouakchott: 'MR', Bamako: 'ML', Niamey: 'NE', Ouagadougou: 'BF', Yaounde: 'CM', 'Yaoundé': 'CM', Kinshasa: 'CD',
  Brazzaville: 'CG', Libreville: 'GA', Conakry: 'GN', Freetown: 'SL', Monrovia: 'LR', Abidjan: 'CI', Yamoussoukro: 'CI',
  Lome: 'TG', 'Lomé': 'TG', Cotonou: 'BJ', 'Porto-Novo': 'BJ', Windhoek: 'NA', Gaborone: 'BW', Maputo: 'MZ',
  Antananarivo: 'MG', Lilongwe: 'MW', Djibouti: 'DJ', Asmara: 'ER', Juba: 'SS', "N'Djamena": 'TD', Bangui: 'CF',
  Malabo: 'GQ', Bissau: 'GW', Praia: 'CV', 'Port Louis': 'MU', 'Bandar Seri Begawan': 'BN',
  Dili: 'TL', 'Port Moresby': 'PG', Suva: 'FJ', Canberra3: 'AU',
  'Nizhny Novgorod': 'RU', Kaliningrad: 'RU', Murmansk: 'RU', Krasnodar: 'RU', Samara: 'RU', 'Rostov-on-Don': 'RU',
  Irkutsk: 'RU', Khabarovsk: 'RU', Grozny: 'RU', Makhachkala: 'RU', Astrakhan: 'RU', Bursa: 'TR', Konya: 'TR',
  Trabzon: 'TR', Bodrum: 'TR', Nanjing: 'CN', Dalian: 'CN', Harbin: 'CN', Changsha: 'CN', Fuzhou: 'CN',
  Jaipur: 'IN', Agra: 'IN', Varanasi: 'IN', Gandhinagar: 'IN', Ahmedabad: 'IN', Aktau: 'KZ', Atyrau: 'KZ',
  Karaganda: 'KZ', Burabay: 'KZ', Andijan: 'UZ', Fergana: 'UZ', Namangan: 'UZ', Nukus: 'UZ', Shaki: 'AZ',
  Shamakhi: 'AZ', Khankendi: 'AZ', Karakol: 'KG', Turkmenbashi: 'TM', Herat: 'AF',
  Peshawar: 'PK', Quetta: 'PK', Rawalpindi: 'PK', Chittagong: 'BD', Kandy: 'LK', Surabaya: 'ID', Medan: 'ID',
  'Da Nang': 'VN', Incheon: 'KR', Jeju: 'KR', Kyoto: 'JP', Nagoya: 'JP', Mecca: 'SA', 'Al-Ula': 'SA',
  Alexandria: 'EG', Casablanca: 'MA', Tangier: 'MA', Hamburg: 'DE', Cologne: 'DE', Naples: 'IT',
  Venice: 'IT', Seville: 'ES', Porto: 'PT', Antwerp: 'BE', Rotterdam: 'NL',
  Gothenburg: 'SE', Krakow: 'PL', Gdansk: 'PL', Thessaloniki: 'GR', Kharkiv: 'UA', Brest: 'BY', Vitebsk: 'BY',
  Gomel: 'BY', Grodno: 'BY', Mogilev: 'BY', Gyumri: 'AM', Houston: 'US', Miami: 'US', Boston: 'US',
  Seattle: 'US', Vancouver: 'CA', Perth: 'AU', Auckland: 'NZ',
  Recife: 'BR', Cartagena: 'CO', Guadalajara: 'MX', Monterrey: 'MX', Cancun: 'MX', Cusco: 'PE',
};
for (const k of Object.keys(CITIES)) if (/\d$/.test(k)) delete CITIES[k];

const NAME_TO_CODE = new Map<string, string>();
const DEMONYM_TO_CODE = new Map<string, string>(Object.entries(DEMONYMS));
const CITY_TO_CODE = new Map<string, string>(Object.entries(CITIES));

(function buildNames() {
  const all = countries.getNames('en', { select: 'all' }) as Record<string, string[] | string>;
  for (const [code, value] of Object.entries(all)) {
    const names = Array.isArray(value) ? value : [value];
    for (const n of names) {
      if (/[,()]/.test(n)) continue;
      if (n.length < 4 && !/^(?:UK|US|USA|UAE)$/.test(n)) continue;
      NAME_TO_CODE.set(n, code);
    }
  }
  for (const [n, code] of Object.entries(EXTRA_NAMES)) NAME_TO_CODE.set(n.replace(/^the /, ''), code);
  // A few short official names that read as ordinary words are dropped.
  for (const n of ['Chad', 'Jordan', 'Niger', 'Guinea', 'Turkey']) if (n !== 'Turkey') NAME_TO_CODE.delete(n);
  NAME_TO_CODE.set('Chad', 'TD');
  NAME_TO_CODE.set('Jordan', 'JO');
  NAME_TO_CODE.set('Niger', 'NE');
  NAME_TO_CODE.set('Guinea', 'GN');
})();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ENTRIES: Array<[string, string, PlaceKind]> = [
  ...[...NAME_TO_CODE].map(([n, c]) => [n, c, 'country'] as [string, string, PlaceKind]),
  ...[...DEMONYM_TO_CODE].map(([n, c]) => [n, c, 'demonym'] as [string, string, PlaceKind]),
  ...[...CITY_TO_CODE].map(([n, c]) => [n, c, 'city'] as [string, string, PlaceKind]),
].sort((a, b) => b[0].length - a[0].length);

const LOOKUP = new Map<string, [string, PlaceKind]>();
for (const [n, c, k] of ENTRIES) {
  // Country names win over cities of the same spelling (Singapore, Luxembourg, Djibouti, Kuwait).
  if (!LOOKUP.has(n)) LOOKUP.set(n, [c, k]);
}

const PLACE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}.])(?:(?:the\\s+)?(?:(?:Islamic|Socialist|Federal|Democratic|People's|People’s|Arab|United|Kyrgyz|Hashemite|Sultanate of|Kingdom of|State of|Commonwealth of)\\s+)*(?:Republic|Kingdom|Federation|State|Sultanate|Emirate)\\s+of\\s+(?:the\\s+)?)?(${[
    ...LOOKUP.keys(),
  ]
    .map(escape)
    .join('|')})(?![\\p{L}\\p{N}]|\\.[\\p{L}])`,
  'gu',
);

/** Every country, demonym and city mention in `text`, left to right. */
export function findPlaces(text: string): PlaceMention[] {
  const out: PlaceMention[] = [];
  PLACE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PLACE_RE.exec(text))) {
    const hit = LOOKUP.get(m[1]);
    if (!hit) continue;
    // "Ibero-American", "Latin American", "Inter-American": a region, not the United States
    if (m[1] === 'American' && /(?:Ibero|Latin|Pan|Inter|Afro|Anglo|South|North|Central|Meso)[-\s]$/.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    const kind: PlaceKind = m[0] !== m[1] ? 'country' : hit[1];
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, code: hit[0], kind });
  }
  return out;
}

/** ISO2 of a country name or variant (`Türkiye`, `the Kyrgyz Republic`, `Great Britain`). */
export function countryCode(name: string): string | null {
  const trimmed = name.trim().replace(/^the\s+/i, '');
  const direct = NAME_TO_CODE.get(trimmed);
  if (direct) return direct;
  const viaLib = countries.getAlpha2Code(trimmed, 'en');
  if (viaLib) return viaLib;
  const places = findPlaces(trimmed);
  if (places.length === 1 && places[0].kind === 'country' && places[0].text.length >= trimmed.length - 4) return places[0].code;
  return null;
}

/** ISO2 of a demonym (`Georgian` → `GE`). */
export function demonymCode(word: string): string | null {
  return DEMONYM_TO_CODE.get(word.trim()) ?? null;
}

/** ISO2 of a known city (`Bishkek` → `KG`). */
export function cityCode(city: string): string | null {
  return CITY_TO_CODE.get(city.trim()) ?? null;
}

/** True when `word` is a known city. */
export function isKnownCity(word: string): boolean {
  return CITY_TO_CODE.has(word.trim());
}

/** English short name of an ISO2 code. */
export function countryName(code: string): string | null {
  return countries.getName(code, 'en', { select: 'official' }) ?? null;
}

/** Countries that are kingdoms, for "the Kingdom" referring back to one. */
export const KINGDOMS = new Set(['GB', 'SA', 'JO', 'MA', 'BH', 'TH', 'ES', 'NL', 'BE', 'SE', 'NO', 'DK', 'KH', 'BT', 'LS', 'SZ', 'TO']);

// Cities of the world (the city-timezones package: about 7,300 cities with their country and population) for
// places outside the gazetteer. Only cities of 100,000 people or more, and none spelt like an English word or a
// month, so that "in X" after an event name is a city when the package says so.
const NOT_CITY_WORDS = new Set([
  'Of', 'Male', 'Nice', 'Mobile', 'Split', 'Reading', 'Bath', 'Union', 'Independence', 'Liberty', 'Progress', 'Concord',
  'Federal', 'Central', 'General', 'Mission', 'Victoria', 'Orange', 'Bristol', 'Florida', 'Georgia', 'Lincoln', 'Columbia',
  'Regina', 'Sale', 'March', 'May', 'August', 'Asia', 'Europe', 'Africa', 'America', 'Pacific', 'Atlantic', 'Parliament',
]);
let worldCities: Map<string, string> | null = null;

/** ISO2 of a city of the world with 100,000 people or more (the most populous of that name), else null. */
export function worldCityCode(name: string): string | null {
  if (!worldCities) {
    const best = new Map<string, { code: string; pop: number }>();
    for (const c of cityMapping) {
      if (c.pop < 100000 || NOT_CITY_WORDS.has(c.city) || countries.isValid(c.iso2) === false) continue;
      const seen = best.get(c.city);
      if (!seen || seen.pop < c.pop) best.set(c.city, { code: c.iso2, pop: c.pop });
    }
    worldCities = new Map([...best].map(([city, { code }]) => [city, code]));
  }
  return cityCode(name) ?? worldCities.get(name.trim()) ?? null;
}

