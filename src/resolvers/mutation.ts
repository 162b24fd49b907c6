import type { MutationResolvers } from '../generated/graphql';
import { requireRole } from '../auth';
import type { Context } from '../context';
import { parseGlobalId } from '../ids';
import { ingestArticle } from '../services/ingest';
import { upsertArticleInput, upsertConferenceInput, upsertMeetingInput, upsertOfficialInput } from '../services/writes';
import type { Complete } from './complete';

/** The database, for a caller with the ingest role; checked before any input is looked at. */
function writableDb(ctx: Context) {
  requireRole(ctx.caller, 'ingest');
  return ctx.db;
}

export const Mutation: Complete<MutationResolvers> = {
  ingestArticle: (_root, { input }, ctx) => ingestArticle(writableDb(ctx), input, ctx.now, { maxTimeMS: ctx.maxTimeMS }),
  upsertArticle: (_root, { input }, ctx) => upsertArticleInput(writableDb(ctx), input, ctx.now),
  upsertOfficial: (_root, { input }, ctx) => upsertOfficialInput(writableDb(ctx), input, ctx.now),
  upsertConference: (_root, { input }, ctx) => upsertConferenceInput(writableDb(ctx), input, ctx.now),
  upsertMeeting: (_root, { input }, ctx) =>
    upsertMeetingInput(writableDb(ctx), input, ctx.now, {
      participants: input.participants.map((id, i) => parseGlobalId(id, 'Official', `input.participants[${i}]`)),
      conference: input.conference ? parseGlobalId(input.conference, 'Conference', 'input.conference') : null,
      article: input.article ? parseGlobalId(input.article, 'Article', 'input.article') : null,
    }),
};
