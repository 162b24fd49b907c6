/** Resolvers of value types that are not stored on their own. */
import type { Complete } from './complete';
import type {
  ArticleConnectionResolvers,
  ArticlePayloadResolvers,
  ConferencePayloadResolvers,
  MeetingPayloadResolvers,
  OfficialPayloadResolvers,
  ConferenceConnectionResolvers,
  CountryResolvers,
  CounterpartConnectionResolvers,
  CounterpartResolvers,
  EntityChangeResolvers,
  EvidenceResolvers,
  MeetingConnectionResolvers,
  OfficialConnectionResolvers,
  PlaceResolvers,
  ReportedTitleResolvers,
  SearchConnectionResolvers,
  SearchResultResolvers,
  TimelineConnectionResolvers,
  TimelineEventResolvers,
} from '../generated/graphql';
import { toGlobalId } from '../ids';
import { capList } from '../limits';
import { countryName } from '../services/countries';
import { isMeeting } from '../services/timeline';

export const Country: Complete<CountryResolvers> = {
  code: (code) => code,
  name: (code) => countryName(code),
};

export const Place: PlaceResolvers = {};

export const Evidence: EvidenceResolvers = {
  article: (evidence, _args, ctx) => ctx.loaders.articles.byId.load(evidence.articleId),
};

export const ReportedTitle: ReportedTitleResolvers = {
  article: (reported, _args, ctx) => (reported.articleId ? ctx.loaders.articles.byId.load(reported.articleId) : null),
};

export const Counterpart: CounterpartResolvers = {
  official: async (counterpart, _args, ctx) => (await ctx.loaders.officials.byId.load(counterpart.officialId))!,
  topics: (counterpart) => capList(counterpart.topics, 'Counterpart.topics'),
};

export const EntityChange: EntityChangeResolvers = {
  id: (change) => toGlobalId(change.nodeType, change.id),
};

// Counting is a separate database command, so it runs only when a client asks for totalCount.
const totalCount = (connection: { totalCount: () => Promise<number> | number }) => connection.totalCount();
export const ArticleConnection: ArticleConnectionResolvers = { totalCount };
export const OfficialConnection: OfficialConnectionResolvers = { totalCount };
export const MeetingConnection: MeetingConnectionResolvers = { totalCount };
export const ConferenceConnection: ConferenceConnectionResolvers = { totalCount };
export const CounterpartConnection: CounterpartConnectionResolvers = { totalCount };
export const SearchConnection: SearchConnectionResolvers = { totalCount };
export const TimelineConnection: TimelineConnectionResolvers = { totalCount };

// Told apart by fields only one of the stored types has, as Node does.
export const SearchResult: SearchResultResolvers = {
  __resolveType: (hit) => ('url' in hit ? 'Article' : 'titles' in hit ? 'Official' : 'Conference'),
};
export const TimelineEvent: TimelineEventResolvers = {
  __resolveType: (event) => (isMeeting(event) ? 'Meeting' : 'Conference'),
};

export const ArticlePayload: Complete<ArticlePayloadResolvers> = { article: (p) => p.doc, status: (p) => p.status };
export const OfficialPayload: Complete<OfficialPayloadResolvers> = { official: (p) => p.doc, status: (p) => p.status };
export const MeetingPayload: Complete<MeetingPayloadResolvers> = { meeting: (p) => p.doc, status: (p) => p.status };
export const ConferencePayload: Complete<ConferencePayloadResolvers> = { conference: (p) => p.doc, status: (p) => p.status };
