/**
 * A reproducible synthetic graph for the benchmarks, written through the
 * normal data layer (`ingestArticle`), so documents, keys and relations are
 * exactly what real ingestion produces.
 *
 * Everything derives from a seeded PRNG and the scale: the same seed and scale
 * give the same reports, names, countries and dates on every run (ObjectIds of
 * officials, meetings and conferences are still fresh per database, as in
 * production; article ids derive from urls).
 *
 * Shape: each report describes `meetings / articles` meetings between two or
 * three officials drawn with a skew (a few officials meet very often, most
 * rarely, as in real news), names those officials, and one report in
 * `articles / conferences` announces a conference edition whose meetings are
 * its side meetings. Conferences come in series of editions per organizer.
 */
import type { Db } from 'mongodb';
import type { ConferenceInput, IngestArticleInput, MeetingInput, OfficialInput } from '../src/generated/graphql';
import { ingestArticle } from '../src/services/ingest';
import { prng } from '../src/random';

export interface Scale {
  articles: number;
  officials: number;
  meetings: number;
  conferences: number;
}

export const scales: Record<'default' | 'quick', Scale> = {
  default: { articles: 5000, officials: 2000, meetings: 10000, conferences: 300 },
  quick: { articles: 80, officials: 40, meetings: 160, conferences: 24 },
};

/** Bump when the generated content changes, so cached datasets are rebuilt. */
export const generatorVersion = 1;


const firstNames = [
  'Kamran', 'Irakli', 'Elena', 'Mehmet', 'Aigerim', 'Tomas', 'Nadia', 'Farid', 'Olga', 'Rustam', 'Amina', 'Jonas',
  'Leila', 'Pavel', 'Sofia', 'Arman', 'Zeynep', 'Milan', 'Hana', 'Dmitri', 'Nour', 'Karim', 'Ingrid', 'Tariq',
  'Marta', 'Anwar', 'Yuki', 'Bilal', 'Clara', 'Emil', 'Fatima', 'Goran', 'Ines', 'Jamal', 'Katya', 'Lucas',
  'Maya', 'Nikola', 'Omar', 'Petra', 'Rashid', 'Selin', 'Timur', 'Vera', 'Wei', 'Xenia', 'Yusuf', 'Zara',
];
const lastNames = [
  'Aliyev', 'Shotadze', 'Petrova', 'Yilmaz', 'Nurlanova', 'Novak', 'Haddad', 'Mammadov', 'Ivanova', 'Karimov',
  'Bensaid', 'Berg', 'Rahimi', 'Horak', 'Costa', 'Sargsyan', 'Demir', 'Kovac', 'Sato', 'Volkov', 'Mansour',
  'Farouk', 'Lindqvist', 'Qureshi', 'Silva', 'Rahman', 'Tanaka', 'Chaudhry', 'Moreau', 'Hansen', 'Zahra',
  'Jovanovic', 'Ferreira', 'Saleh', 'Orlova', 'Dubois', 'Okafor', 'Popescu', 'Nasser', 'Schmidt', 'Kaya',
  'Abenov', 'Markovic', 'Li', 'Sokolova', 'Hussain', 'Nazarova', 'Weber',
];
const countries = ['AZ', 'GE', 'TR', 'KZ', 'UZ', 'CN', 'RU', 'FR', 'DE', 'GB', 'US', 'PK', 'IN', 'SG', 'AU', 'GM', 'TJ', 'KG', 'IT', 'ES'];
const offices = [
  { title: 'Prosecutor General', organization: "Prosecutor General's Office" },
  { title: 'Minister of Foreign Affairs', organization: 'Ministry of Foreign Affairs' },
  { title: 'Deputy Foreign Minister', organization: 'Ministry of Foreign Affairs' },
  { title: 'Minister of Justice', organization: 'Ministry of Justice' },
  { title: 'Ambassador', organization: 'Embassy' },
  { title: 'Minister of Economy', organization: 'Ministry of Economy' },
];
const topics = [
  'legal cooperation', 'trade', 'energy security', 'transport corridors', 'extradition', 'cybercrime', 'investment',
  'education', 'climate', 'regional security', 'tourism', 'digital economy', 'anti-corruption', 'agriculture',
];
const cities = ['Baku', 'Tbilisi', 'Ankara', 'Astana', 'Tashkent', 'Beijing', 'Moscow', 'Paris', 'Berlin', 'London', 'Washington', 'Islamabad', 'Singapore', 'Bishkek', 'Rome'];
const organizers = [
  'International Association of Prosecutors', 'Shanghai Cooperation Organisation', 'Organization of Turkic States',
  'Economic Cooperation Organization', 'Conference on Interaction and Confidence-Building Measures in Asia',
  'Black Sea Economic Cooperation', 'Council of Europe', 'Commonwealth of Independent States', 'Eurasian Economic Forum',
  'Caspian Transport Council', 'Silk Road Justice Forum', 'Central Asia Energy Council',
];

export interface SyntheticOfficial extends Required<Pick<OfficialInput, 'name' | 'title' | 'organization' | 'country'>> {}

/** Official `i`: a unique name, a country and an office that never change between reports. */
export function syntheticOfficial(i: number): SyntheticOfficial {
  const first = firstNames[i % firstNames.length]!;
  const last = lastNames[Math.floor(i / firstNames.length) % lastNames.length]!;
  const round = Math.floor(i / (firstNames.length * lastNames.length));
  const office = offices[(i * 7) % offices.length]!;
  return {
    // Past 2,304 officials, names repeat with a middle initial.
    name: round === 0 ? `${first} ${last}` : `${first} ${String.fromCharCode(65 + (round % 26))}. ${last}`,
    title: office.title,
    organization: office.organization,
    country: countries[(i * 13 + Math.floor(i / 7)) % countries.length]!,
  };
}

interface SyntheticConference {
  name: string;
  organizer: string;
  edition: number;
  city: string;
  country: string;
  startDate: string;
  endDate: string;
}

/** Conference `j`: edition `n` of its organizer's series, one edition a year from 2010. */
export function syntheticConference(j: number): SyntheticConference {
  const series = j % organizers.length;
  const edition = Math.floor(j / organizers.length) + 1;
  const cityIndex = (series * 5 + edition * 3) % cities.length;
  const year = 2009 + edition;
  const month = String((series % 12) + 1).padStart(2, '0');
  return {
    name: `${ordinal(edition)} annual meeting of the ${organizers[series]}`,
    organizer: organizers[series]!,
    edition,
    city: cities[cityIndex]!,
    country: countries[cityIndex]!,
    startDate: `${year}-${month}-10`,
    endDate: `${year}-${month}-12`,
  };
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix ?? 'th'}`;
}

function isoDay(dayNumber: number): string {
  return new Date(Date.UTC(2014, 0, 1) + dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The reports of a scale, in publication order. A skewed draw (the square of
 * a uniform number) makes low-numbered officials frequent: official 0 meets in
 * a few percent of all meetings, the tail in one or two.
 */
export function* syntheticReports(scale: Scale, seed = 42): Generator<IngestArticleInput> {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const skewedOfficial = () => Math.floor(random() * random() * scale.officials);
  const meetingsPerArticle = scale.meetings / scale.articles;
  const conferenceEvery = Math.max(1, Math.floor(scale.articles / scale.conferences));
  let meetingsSoFar = 0;

  for (let a = 0; a < scale.articles; a += 1) {
    const day = Math.floor((a / scale.articles) * 3650);
    const publishedAt = `${isoDay(day)}T${String(8 + (a % 10)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}:00+04:00`;
    const conferenceIndex = a % conferenceEvery === 0 ? a / conferenceEvery : -1;
    const conference = conferenceIndex >= 0 && conferenceIndex < scale.conferences ? syntheticConference(conferenceIndex) : null;

    // Spread the meeting total evenly over the reports, whatever the ratio.
    const meetingCount = Math.round((a + 1) * meetingsPerArticle) - meetingsSoFar;
    meetingsSoFar += meetingCount;

    const named = new Map<number, SyntheticOfficial>();
    const meetings: MeetingInput[] = [];
    for (let m = 0; m < meetingCount; m += 1) {
      const size = random() < 0.7 ? 2 : 3;
      const people = new Set<number>();
      // Every official appears somewhere: the report's first meeting names official a mod n.
      if (m === 0) people.add(a % scale.officials);
      while (people.size < size) people.add(skewedOfficial());
      for (const i of people) named.set(i, syntheticOfficial(i));
      const city = conference ? conference.city : pick(cities);
      meetings.push({
        participants: [...people].map((i) => named.get(i)!.name),
        // A per-report day keeps meetings distinct: participants, date and city are a meeting's key.
        date: conference ? conference.startDate : isoDay(day - m),
        city,
        country: countries[cities.indexOf(city)]!,
        topics: [pick(topics), pick(topics)].filter((t, k, all) => all.indexOf(t) === k),
        status: 'HELD',
        conference: conference?.name ?? null,
      });
    }
    const officials = [...named.values()];
    const conferences: ConferenceInput[] = conference
      ? [{ ...conference, status: 'HELD', participants: officials.map((o) => o.name) }]
      : [];
    const lead = officials[0]!;
    const body = [
      `${lead.title} ${lead.name} held talks with ${officials
        .slice(1)
        .map((o) => `${o.title} ${o.name}`)
        .join(' and ')} in ${meetings[0]?.city ?? 'the capital'}.`,
      `The sides discussed ${meetings.flatMap((m) => m.topics ?? []).join(', ')}, and agreed to continue the dialogue.`,
      ...(conference ? [`The meetings were held on the sidelines of the ${conference.name} in ${conference.city}.`] : []),
    ];
    yield {
      url: `https://bench.example/reports/${a}`,
      title: `${lead.name} meets ${officials.length - 1} counterparts in ${meetings[0]?.city ?? 'the capital'}`,
      source: pick(['Azernews', 'Trend', 'Xinhua', 'AKIpress', 'Daily Sabah']),
      publishedAt,
      body,
      officials,
      meetings,
      conferences,
    };
  }
}

export interface GenerationStats {
  reports: number;
  milliseconds: number;
  method: 'ingestArticle';
  concurrency: number;
}

/**
 * Ingests the reports of `scale` into `db`, `concurrency` at a time (the
 * upserts tolerate concurrent writers: unique keys plus retries).
 */
export async function generateDataset(
  db: Db,
  scale: Scale,
  options: { seed?: number; concurrency?: number; now?: Date; progress?: (done: number, total: number) => void } = {},
): Promise<GenerationStats> {
  const started = Date.now();
  const concurrency = options.concurrency ?? 4;
  const now = options.now ?? new Date('2025-01-01T00:00:00Z');
  const reports = syntheticReports(scale, options.seed);
  let done = 0;
  const worker = async () => {
    for (let next = reports.next(); !next.done; next = reports.next()) {
      await ingestArticle(db, next.value, now);
      done += 1;
      if (done % 250 === 0) options.progress?.(done, scale.articles);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { reports: done, milliseconds: Date.now() - started, method: 'ingestArticle', concurrency };
}
