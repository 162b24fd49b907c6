import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types come from the schema, with the Mongo documents as parents, so a
// missing or mistyped resolver fails the build rather than a request.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context#Context',
        useIndexSignature: false,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTime: 'string', ID: 'string' },
        mappers: {
          Article: '../models/articles#ArticleDoc',
          Official: '../models/officials#OfficialDoc',
          Organization: '../models/organizations#OrganizationDoc',
          Meeting: '../models/meetings#MeetingDoc',
          Conference: '../models/conferences#ConferenceDoc',
          Evidence: '../models/common#EvidenceDoc',
          ReportedTitle: '../models/officials#ReportedTitleDoc',
          Counterpart: '../models/counterparts#CounterpartModel',
          Country: '../models/common#CountryCode',
          Place: '../models/common#PlaceDoc',
          PartialDate: '../models/common#PartialDateDoc',
          ArticleConnection: '../pagination#Connection<ArticleDoc>',
          OfficialConnection: '../pagination#Connection<OfficialDoc>',
          MeetingConnection: '../pagination#Connection<MeetingDoc>',
          ConferenceConnection: '../pagination#Connection<ConferenceDoc>',
          CounterpartConnection: '../pagination#Connection<CounterpartModel>',
          ArticleEdge: '../pagination#Edge<ArticleDoc>',
          OfficialEdge: '../pagination#Edge<OfficialDoc>',
          MeetingEdge: '../pagination#Edge<MeetingDoc>',
          ConferenceEdge: '../pagination#Edge<ConferenceDoc>',
          CounterpartEdge: '../pagination#Edge<CounterpartModel>',
          SearchConnection: '../services/search#SearchConnectionModel',
          SearchEdge: '../services/search#SearchEdgeModel',
          TimelineConnection: '../services/timeline#TimelineConnectionModel',
          TimelineEdge: '../services/timeline#TimelineEdgeModel',
          IngestArticlePayload: '../services/ingest#IngestResult',
          EntityChange: '../services/changes#EntityChangeModel',
          ArticlePayload: '../services/changes#Upserted<ArticleDoc>',
          OfficialPayload: '../services/changes#Upserted<OfficialDoc>',
          MeetingPayload: '../services/changes#Upserted<MeetingDoc>',
          ConferencePayload: '../services/changes#Upserted<ConferenceDoc>',
        },
      },
    },
  },
};

export default config;
