/**
 * newsgraph extraction library: reads news reports about officials' diplomatic work and extracts
 * officials, meetings and conferences, each with the sentence it came from. Usable without a server.
 */
export { parseReport, decodeReport, isValidIsoDay, MAX_REPORT_BYTES } from './report';
export type { Report, Dateline } from './report';
export { ReportError, isReportError } from './errors';
export type { ReportErrorCode } from './errors';
export type { ReportHeaders } from './report';
export { extractReport } from './extract';
export { dropBelowConfidence, parseConfidence } from './confidence';
export type { Extraction, OfficialFact, MeetingFact, ConferenceFact, Evidence, MeetingStatus, ConferenceStatus } from './extract';
export { toGoldShape, toIngestInput, reportUrl, reportTitle } from './shape';
export type {
  GoldShape,
  GoldOfficial,
  GoldMeeting,
  GoldConference,
  IngestArticleInput,
  OfficialInput,
  MeetingInput,
  ConferenceInput,
  EvidenceInput,
  IngestOptions,
} from './shape';
export { OfficialRegistry, sameOfficial, translitKey } from './registry';
export type { OfficialLike, RegistryEntry } from './registry';
export { splitSentences } from './sentences';
export type { Sentence } from './sentences';
export { findDates, resolveDate } from './dates';
export type { DateMention, PartialDate, DatePrecision, Direction } from './dates';
export { findPlaces, countryCode, demonymCode, cityCode, countryName } from './countries';
export type { PlaceMention } from './countries';
export { titleKey } from './officials';
export { ordinalValue } from './conferences';
export { scoreArticle, diffArticle, scoreCorpus, formatScore, readQualityFloor, belowFloor } from './score';
export type { ArticleScore, CorpusScore, QualityFloor } from './score';
export { ingestArticle, INGEST_MUTATION, ServerUnavailableError, AuthError, IngestRequestError } from './client';
export type { IngestResult, EntityChange, ClientOptions } from './client';
