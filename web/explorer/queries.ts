/**
 * The operations the explorer sends, with the shapes of their answers.
 * Written against schema.graphql; the browser tests run each of them against
 * the real server, so a drift in the schema fails there.
 */

export interface Ref {
  id: string;
  name: string;
}
export interface CountryRef {
  code: string;
  name: string;
}
export interface PlaceFields {
  city: string | null;
  country: CountryRef | null;
}
export interface DateFields {
  value: string;
  precision: 'DAY' | 'MONTH' | 'YEAR';
  inferred: boolean;
}
export interface ArticleRef {
  id: string;
  title: string;
  source: string | null;
  publishedAt: string;
}
export interface EvidenceFields {
  sentence: string;
  start: number | null;
  end: number | null;
  article: { id: string; title: string } | null;
}

const meetingFields = /* GraphQL */ `
  fragment MeetingFields on Meeting {
    id
    date { value precision inferred }
    place { city country { code name } }
    topics
    outcome
    status
    participants { id name }
    counterpartCountries { code name }
    conference { id name }
    evidence { sentence start end article { id title } }
  }
`;

export interface MeetingFields {
  id: string;
  date: DateFields | null;
  place: PlaceFields | null;
  topics: string[];
  outcome: string | null;
  status: 'HELD' | 'PLANNED';
  participants: Ref[];
  counterpartCountries: CountryRef[];
  conference: Ref | null;
  evidence: EvidenceFields[];
}

export const searchQuery = /* GraphQL */ `
  query ExplorerSearch($query: String!) {
    officials: search(query: $query, types: [OFFICIAL], first: 20) {
      totalCount
      nodes { ... on Official { id name title country { code name } organization { id name } } }
    }
    conferences: search(query: $query, types: [CONFERENCE], first: 20) {
      totalCount
      nodes { ... on Conference { id name edition status startDate { value precision inferred } place { city country { code name } } } }
    }
    articles: search(query: $query, types: [ARTICLE], first: 20) {
      totalCount
      nodes { ... on Article { id title source publishedAt } }
    }
  }
`;

export interface SearchData {
  officials: { totalCount: number; nodes: Array<Ref & { title: string | null; country: CountryRef | null; organization: Ref | null }> };
  conferences: { totalCount: number; nodes: ConferenceSummary[] };
  articles: { totalCount: number; nodes: ArticleRef[] };
}

export interface ConferenceSummary extends Ref {
  edition: number | null;
  status: 'HELD' | 'PLANNED';
  startDate: DateFields | null;
  place: PlaceFields | null;
}

export const homeQuery = /* GraphQL */ `
  query ExplorerHome {
    officials(first: 1) { totalCount }
    meetings(first: 1) { totalCount }
    articles(first: 5) { totalCount nodes { id title source publishedAt } }
    conferences(first: 5) {
      totalCount
      nodes { id name edition status startDate { value precision inferred } place { city country { code name } } }
    }
  }
`;

export interface HomeData {
  officials: { totalCount: number };
  meetings: { totalCount: number };
  articles: { totalCount: number; nodes: ArticleRef[] };
  conferences: { totalCount: number; nodes: ConferenceSummary[] };
}

export const officialQuery = /* GraphQL */ `
  query ExplorerOfficial($id: ID!) {
    official(id: $id) {
      id
      name
      aliases
      title
      titles { title article { id title source publishedAt } }
      organization { id name }
      country { code name }
      counterparts(first: 50) {
        totalCount
        nodes {
          official { id name title country { code name } }
          meetingCount
          firstMet { value precision inferred }
          lastMet { value precision inferred }
          topics
        }
      }
      meetings(first: 100) { totalCount nodes { ...MeetingFields } }
      timeline(first: 100) {
        totalCount
        edges {
          date { value precision inferred }
          node {
            __typename
            ... on Meeting { id meetingStatus: status place { city country { code name } } participants { id name } counterpartCountries { code name } }
            ... on Conference { id name edition conferenceStatus: status place { city country { code name } } }
          }
        }
      }
    }
  }
  ${meetingFields}
`;

export type TimelineEvent =
  | {
      __typename: 'Meeting';
      id: string;
      meetingStatus: 'HELD' | 'PLANNED';
      place: PlaceFields | null;
      participants: Ref[];
      counterpartCountries: CountryRef[];
    }
  | { __typename: 'Conference'; id: string; name: string; edition: number | null; conferenceStatus: 'HELD' | 'PLANNED'; place: PlaceFields | null };

export interface CounterpartFields {
  official: Ref & { title: string | null; country: CountryRef | null };
  meetingCount: number;
  firstMet: DateFields | null;
  lastMet: DateFields | null;
  topics: string[];
}

export interface OfficialData {
  official:
    | (Ref & {
        aliases: string[];
        title: string | null;
        titles: Array<{ title: string; article: ArticleRef | null }>;
        organization: Ref | null;
        country: CountryRef | null;
        counterparts: { totalCount: number; nodes: CounterpartFields[] };
        meetings: { totalCount: number; nodes: MeetingFields[] };
        timeline: { totalCount: number; edges: Array<{ date: DateFields | null; node: TimelineEvent }> };
      })
    | null;
}

export const conferenceQuery = /* GraphQL */ `
  query ExplorerConference($id: ID!) {
    conference(id: $id) {
      id
      name
      edition
      status
      startDate { value precision inferred }
      endDate { value precision inferred }
      place { city country { code name } }
      organizer { id name }
      previousEdition { id name edition }
      nextEdition { id name edition }
      editions { id name edition status startDate { value precision inferred } place { city country { code name } } }
      participants { id name title country { code name } }
      meetings { ...MeetingFields }
      articles { id title source publishedAt }
      evidence { sentence start end article { id title } }
    }
  }
  ${meetingFields}
`;

export interface ConferenceData {
  conference:
    | (ConferenceSummary & {
        endDate: DateFields | null;
        organizer: Ref | null;
        previousEdition: (Ref & { edition: number | null }) | null;
        nextEdition: (Ref & { edition: number | null }) | null;
        editions: ConferenceSummary[];
        participants: Array<Ref & { title: string | null; country: CountryRef | null }>;
        meetings: MeetingFields[];
        articles: ArticleRef[];
        evidence: EvidenceFields[];
      })
    | null;
}

export const articleQuery = /* GraphQL */ `
  query ExplorerArticle($id: ID!) {
    article(id: $id) {
      id
      url
      title
      source
      publishedAt
      body
      officials { id name aliases title country { code name } }
      meetings { ...MeetingFields }
      conferences {
        id
        name
        edition
        status
        startDate { value precision inferred }
        place { city country { code name } }
        evidence { sentence start end article { id title } }
      }
    }
  }
  ${meetingFields}
`;

export interface ArticleData {
  article:
    | (ArticleRef & {
        url: string;
        body: string[];
        officials: Array<Ref & { aliases: string[]; title: string | null; country: CountryRef | null }>;
        meetings: MeetingFields[];
        conferences: Array<ConferenceSummary & { evidence: EvidenceFields[] }>;
      })
    | null;
}
