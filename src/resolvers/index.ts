/** The resolver map, checked against schema.graphql by the generated types. */
import type { Resolvers } from '../generated/graphql';
import { DateTime } from './scalars';
import { Article, Conference, Meeting, Official, Organization } from './entities';
import { Mutation } from './mutation';
import { Node, Query } from './query';
import * as values from './values';

export const resolvers: Resolvers = {
  DateTime,
  Query,
  Mutation,
  Node,
  Article,
  Official,
  Meeting,
  Conference,
  Organization,
  ...values,
};
