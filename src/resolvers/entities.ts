/** Field resolvers of the stored entities: each routes to a loader or a relation helper. */
import type { Complete } from './complete';
import type {
  ArticleResolvers,
  ConferenceResolvers,
  MeetingResolvers,
  OfficialResolvers,
  OrganizationResolvers,
} from '../generated/graphql';
import { toGlobalId } from '../ids';
import { capList, chargeOutput } from '../limits';
import { loadExisting } from '../loaders';
import { paginateArray } from '../pagination';
import { articlesNewestFirst, counterpartsOf, neighbourEdition, newestFirst, seriesOf } from '../services/relations';
import { meetingsOfOfficial } from '../services/readLists';
import { timelineOf } from '../services/timeline';

const hex = (doc: { _id: { toHexString(): string } }) => doc._id.toHexString();

export const Article: Complete<ArticleResolvers> = {
  id: (article) => toGlobalId('Article', article._id),
  url: (article) => article.url,
  title: (article) => article.title,
  source: (article) => article.source,
  publishedAt: (article) => article.publishedAt,
  body: (article, _args, ctx) => chargeOutput(ctx.output, article.body),
  officials: (article, _args, ctx) => loadExisting(ctx.loaders.officials.byId, capList(article.officialIds, 'Article.officials')),
  meetings: (article, _args, ctx) => loadExisting(ctx.loaders.meetings.byId, capList(article.meetingIds, 'Article.meetings')),
  conferences: (article, _args, ctx) => loadExisting(ctx.loaders.conferences.byId, capList(article.conferenceIds, 'Article.conferences')),
};

export const Official: Complete<OfficialResolvers> = {
  id: (official) => toGlobalId('Official', official._id),
  name: (official) => official.name,
  aliases: (official) => capList(official.aliases, 'Official.aliases'),
  title: (official) => official.titles[official.titles.length - 1]?.title ?? null,
  titles: (official) => capList(official.titles, 'Official.titles'),
  extraction: (official) => official.extraction ?? null,
  organization: (official, _args, ctx) => (official.organizationId ? ctx.loaders.organizations.byId.load(official.organizationId) : null),
  country: (official) => official.country,
  articles: async (official, args, ctx) =>
    paginateArray(articlesNewestFirst(await ctx.loaders.articles.byOfficial.load(official._id)), hex, args),
  meetings: (official, args, ctx) => meetingsOfOfficial(ctx, official._id, args),
  conferences: async (official, args, ctx) =>
    paginateArray(newestFirst(await ctx.loaders.conferences.byParticipant.load(official._id)), hex, args),
  counterparts: async (official, args, ctx) => paginateArray(await counterpartsOf(ctx, official._id), (c) => c.officialId.toHexString(), args),
  timeline: (official, args, ctx) => timelineOf(ctx, official._id, args),
};

export const Meeting: Complete<MeetingResolvers> = {
  id: (meeting) => toGlobalId('Meeting', meeting._id),
  participants: (meeting, _args, ctx) => loadExisting(ctx.loaders.officials.byId, capList(meeting.participantIds, 'Meeting.participants')),
  counterpartCountries: (meeting) => capList(meeting.countryCodes, 'Meeting.counterpartCountries'),
  date: (meeting) => meeting.date,
  place: (meeting) => (meeting.city || meeting.country ? { city: meeting.city, country: meeting.country } : null),
  topics: (meeting) => capList(meeting.topics, 'Meeting.topics'),
  outcome: (meeting) => meeting.outcome,
  status: (meeting) => meeting.status,
  conference: (meeting, _args, ctx) => (meeting.conferenceId ? ctx.loaders.conferences.byId.load(meeting.conferenceId) : null),
  articles: (meeting, _args, ctx) => loadExisting(ctx.loaders.articles.byId, capList(meeting.articleIds, 'Meeting.articles')),
  evidence: (meeting) => capList(meeting.evidence, 'Meeting.evidence'),
  extraction: (meeting) => meeting.extraction ?? null,
};

export const Conference: Complete<ConferenceResolvers> = {
  id: (conference) => toGlobalId('Conference', conference._id),
  name: (conference) => conference.name,
  organizer: (conference, _args, ctx) => (conference.organizerId ? ctx.loaders.organizations.byId.load(conference.organizerId) : null),
  edition: (conference) => conference.edition,
  place: (conference) => (conference.city || conference.country ? { city: conference.city, country: conference.country } : null),
  startDate: (conference) => conference.startDate,
  endDate: (conference) => conference.endDate,
  status: (conference) => conference.status,
  participants: (conference, _args, ctx) => loadExisting(ctx.loaders.officials.byId, capList(conference.participantIds, 'Conference.participants')),
  meetings: async (conference, _args, ctx) => capList(newestFirst(await ctx.loaders.meetings.byConference.load(conference._id)), 'Conference.meetings'),
  previousEdition: (conference, _args, ctx) => neighbourEdition(ctx, conference, -1),
  nextEdition: (conference, _args, ctx) => neighbourEdition(ctx, conference, 1),
  editions: async (conference, _args, ctx) => capList(await seriesOf(ctx, conference), 'Conference.editions'),
  articles: (conference, _args, ctx) => loadExisting(ctx.loaders.articles.byId, capList(conference.articleIds, 'Conference.articles')),
  evidence: (conference) => capList(conference.evidence, 'Conference.evidence'),
  extraction: (conference) => conference.extraction ?? null,
};

export const Organization: Complete<OrganizationResolvers> = {
  id: (organization) => toGlobalId('Organization', organization._id),
  name: (organization) => organization.name,
  country: (organization) => organization.country,
  officials: async (organization, args, ctx) =>
    paginateArray(
      [...(await ctx.loaders.officials.byOrganization.load(organization._id))].sort((a, b) => a.sortName.localeCompare(b.sortName)),
      hex,
      args,
    ),
  conferences: async (organization, args, ctx) =>
    paginateArray(newestFirst(await ctx.loaders.conferences.byOrganizer.load(organization._id)), hex, args),
};
