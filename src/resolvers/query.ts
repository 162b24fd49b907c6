import type { NodeResolvers, QueryResolvers } from '../generated/graphql';
import type { Context } from '../context';
import { decodeGlobalId, parseGlobalId, type NodeType } from '../ids';
import { findArticleByUrl } from '../models/articles';
import { listArticles, listConferences, listMeetings, listOfficials } from '../services/lists';
import { search } from '../services/search';
import { meetingStats } from '../services/stats';
import type { Complete } from './complete';

function loaderFor(ctx: Context, type: NodeType) {
  switch (type) {
    case 'Article':
      return ctx.loaders.articles.byId;
    case 'Official':
      return ctx.loaders.officials.byId;
    case 'Meeting':
      return ctx.loaders.meetings.byId;
    case 'Conference':
      return ctx.loaders.conferences.byId;
    case 'Organization':
      return ctx.loaders.organizations.byId;
  }
}

export const Query: Complete<QueryResolvers> = {
  node: async (_root, { id }, ctx) => {
    const decoded = decodeGlobalId(id);
    if (!decoded) parseGlobalId(id, 'Article', 'id'); // throws BAD_USER_INPUT naming "id"
    const doc = await loaderFor(ctx, decoded!.type).load(decoded!.id);
    return doc ? { ...doc, __typename: decoded!.type } : null;
  },
  article: (_root, { id }, ctx) => ctx.loaders.articles.byId.load(parseGlobalId(id, 'Article', 'id')),
  articleByUrl: async (_root, { url }, ctx) => {
    const article = await findArticleByUrl(ctx.db, url, { maxTimeMS: ctx.maxTimeMS });
    if (article) ctx.loaders.articles.byId.prime(article._id, article);
    return article;
  },
  official: (_root, { id }, ctx) => ctx.loaders.officials.byId.load(parseGlobalId(id, 'Official', 'id')),
  meeting: (_root, { id }, ctx) => ctx.loaders.meetings.byId.load(parseGlobalId(id, 'Meeting', 'id')),
  conference: (_root, { id }, ctx) => ctx.loaders.conferences.byId.load(parseGlobalId(id, 'Conference', 'id')),
  organization: (_root, { id }, ctx) => ctx.loaders.organizations.byId.load(parseGlobalId(id, 'Organization', 'id')),
  articles: (_root, { filter, ...page }, ctx) => listArticles(ctx, filter, page),
  officials: (_root, { filter, ...page }, ctx) => listOfficials(ctx, filter, page),
  meetings: (_root, { filter, ...page }, ctx) => listMeetings(ctx, filter, page),
  conferences: (_root, { filter, ...page }, ctx) => listConferences(ctx, filter, page),
  search: (_root, args, ctx) => search(ctx, args),
  meetingStats: (_root, { groupBy, filter }, ctx) => meetingStats(ctx, groupBy, filter),
};

/** `node(id:)` tags what it loads; other parents are told apart by fields only their type has. */
export const Node: NodeResolvers = {
  __resolveType: (parent) => {
    const tagged = (parent as { __typename?: NodeType }).__typename;
    if (tagged) return tagged;
    if ('url' in parent) return 'Article';
    if ('titles' in parent) return 'Official';
    if ('participantIds' in parent && 'countryCodes' in parent) return 'Meeting';
    if ('edition' in parent) return 'Conference';
    return 'Organization';
  },
};
