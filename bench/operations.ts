/**
 * The benchmark's workload: five representative read operations, each a
 * GraphQL document plus the variables it runs with on a given dataset. The
 * floor (bench/floor.ts) answers the same operation names with the same data.
 */
import type { Db } from 'mongodb';
import { toGlobalId } from '../src/ids';
import { conferencesCollection } from '../src/models/conferences';
import { officialsCollection } from '../src/models/officials';

export type OperationName = 'feed' | 'officialMeetings' | 'conferenceEditions' | 'search' | 'searchOfficials' | 'nested';

export interface Operation {
  name: OperationName;
  /** What a reader of the results table needs to know. */
  label: string;
  /** True for operations whose cost is dominated by nested relations (the `vsNaive` target applies). */
  nested: boolean;
  query: string;
  /** Values of `$first` tried to show that commands per operation do not grow with list sizes; empty when it has none. */
  sizes: number[];
}

export const operations: Operation[] = [
  {
    name: 'feed',
    label: 'article feed with officials (20 articles)',
    nested: true,
    sizes: [5, 20, 50],
    query: `query feed($first: Int!) {
  articles(first: $first) {
    nodes { id title publishedAt source officials { id name title country { code name } } }
  }
}`,
  },
  {
    name: 'officialMeetings',
    label: 'an official with meetings and their participants',
    nested: true,
    sizes: [5, 20, 50],
    query: `query officialMeetings($id: ID!, $first: Int!) {
  official(id: $id) {
    id name title
    meetings(first: $first) {
      totalCount
      nodes { id date { value precision } topics participants { id name country { code } } }
    }
  }
}`,
  },
  {
    name: 'conferenceEditions',
    label: 'a conference with its editions and side meetings',
    nested: true,
    sizes: [],
    query: `query conferenceEditions($id: ID!) {
  conference(id: $id) {
    id name edition place { city country { code } }
    editions { id name edition startDate { value } }
    meetings { id date { value } topics participants { id name } }
  }
}`,
  },
  {
    name: 'search',
    label: 'ranked search across officials, conferences and articles',
    nested: false,
    sizes: [5, 20, 50],
    query: `query search($query: String!, $first: Int!) {
  search(query: $query, first: $first) {
    totalCount
    edges {
      score
      node {
        __typename
        ... on Official { id name country { code } }
        ... on Conference { id name edition }
        ... on Article { id title publishedAt }
      }
    }
  }
}`,
  },
  {
    name: 'searchOfficials',
    label: 'search officials by name words, with organization',
    nested: false,
    sizes: [5, 20, 50],
    query: `query searchOfficials($name: String!, $first: Int!) {
  officials(filter: { name: $name }, first: $first) {
    totalCount
    nodes { id name aliases title country { code name } organization { id name } }
  }
}`,
  },
  {
    name: 'nested',
    label: '3 levels: officials → meetings → participants → organization',
    nested: true,
    sizes: [5, 10, 20],
    query: `query nested($first: Int!) {
  officials(first: $first) {
    nodes {
      id name
      meetings(first: 5) { nodes { id date { value } participants { id name organization { name } } } }
    }
  }
}`,
  },
];

/** Default list size of each operation in the measured runs. */
export const measuredSize: Record<OperationName, number> = {
  feed: 20,
  officialMeetings: 20,
  conferenceEditions: 20,
  search: 20,
  searchOfficials: 20,
  nested: 10,
};

/**
 * Variables that make each operation meaningful on this dataset: the official
 * with the most meetings (the skewed generator's official 0), the latest
 * edition of the longest conference series, a two-word name search.
 */
export async function pickVariables(db: Db): Promise<Record<OperationName, Record<string, unknown>>> {
  const official = await officialsCollection(db).findOne({ sortName: 'kamran aliyev' });
  if (!official) throw new Error('Expected the benchmark dataset to hold "Kamran Aliyev"; regenerate it.');
  const conferences = await conferencesCollection(db).find({ edition: { $ne: null } }).toArray();
  const bySeries = new Map<string, typeof conferences>();
  for (const c of conferences) {
    const key = String(c.organizerId ?? '');
    bySeries.set(key, [...(bySeries.get(key) ?? []), c]);
  }
  const longest = [...bySeries.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const conference = longest.sort((a, b) => b.edition! - a.edition!)[0];
  if (!conference) throw new Error('Expected the benchmark dataset to hold conference editions; regenerate it.');
  return {
    feed: {},
    officialMeetings: { id: toGlobalId('Official', official._id) },
    conferenceEditions: { id: toGlobalId('Conference', conference._id) },
    search: { query: 'aliyev ka' },
    searchOfficials: { name: 'ka al' },
    nested: {},
  };
}

export function variablesFor(
  operation: Operation,
  picked: Record<OperationName, Record<string, unknown>>,
  size = measuredSize[operation.name],
): Record<string, unknown> {
  return operation.sizes.length === 0 ? picked[operation.name] : { ...picked[operation.name], first: size };
}
