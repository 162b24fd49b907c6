import type { MutationResolvers } from '../generated/graphql';
import { requireRole } from '../auth';
import { parseGlobalId } from '../ids';
import { ingestArticle } from '../services/ingest';
import { upsertArticleInput, upsertConferenceInput, upsertMeetingInput, upsertOfficialInput } from '../services/writes';
import type { Complete } from './complete';

export const Mutation: Complete<MutationResolvers> = {
  ingestArticle: (_root, { input }, ctx) => {
    requireRole(ctx.caller, 'ingest');
    return ingestArticle(ctx.db, input, ctx.now);
  },
  upsertArticle: (_root, { input }, ctx) => {
    requireRole(ctx.caller, 'ingest');
    return upsertArticleInput(ctx.db, input, ctx.now);
  },
  upsertOfficial: (_root, { input }, ctx) => {
    requireRole(ctx.caller, 'ingest');
    return upsertOfficialInput(ctx.db, input, ctx.now);
  },
  upsertConference: (_root, { input }, ctx) => {
    requireRole(ctx.caller, 'ingest');
    return upsertConferenceInput(ctx.db, input, ctx.now);
  },
  upsertMeeting: (_root, { input }, ctx) => {
    requireRole(ctx.caller, 'ingest');
    return upsertMeetingInput(ctx.db, input, ctx.now, {
      participants: input.participants.map((id, i) => parseGlobalId(id, 'Official', `input.participants[${i}]`)),
      conference: input.conference ? parseGlobalId(input.conference, 'Conference', 'input.conference') : null,
      article: input.article ? parseGlobalId(input.article, 'Article', 'input.article') : null,
    });
  },
};
