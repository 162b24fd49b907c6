/** Output shapes: the gold annotation shape and the GraphQL `IngestArticleInput`. */
import type { ConferenceFact, Extraction, MeetingFact, RuleMatch } from './extract';
import type { Report } from './report';
import { splitSentences } from './sentences';

export interface GoldOfficial {
  name: string;
  aliases: string[];
  title: string | null;
  organization: string | null;
  country: string | null;
  extraction: RuleMatch | null;
}

export interface GoldMeeting {
  participants: string[];
  countries: string[];
  date: string | null;
  dateInferred: boolean;
  city: string | null;
  country: string | null;
  topics: string[];
  status: 'held' | 'planned';
  extraction: RuleMatch | null;
}

export interface GoldConference {
  name: string;
  edition: number | null;
  organizer: string | null;
  city: string | null;
  country: string | null;
  startDate: string | null;
  endDate: string | null;
  status: 'attended' | 'mentioned-past' | 'upcoming';
  extraction: RuleMatch | null;
}

export interface GoldShape {
  file: string;
  publishedAt: string;
  officials: GoldOfficial[];
  meetings: GoldMeeting[];
  conferences: GoldConference[];
}

/** The report's facts in the shape of the corpus gold annotations. */
export function toGoldShape(report: Report, extraction: Extraction): GoldShape {
  return {
    file: report.name,
    publishedAt: report.publishedDate,
    officials: extraction.officials.map((o) => ({
      name: o.name,
      aliases: [...o.aliases],
      title: o.titles.length ? o.titles.join('; ') : null,
      organization: o.organization,
      country: o.country,
      extraction: { ...o.extraction },
    })),
    meetings: extraction.meetings.map((m) => ({ ...meetingFields(m, (n) => n), status: m.status, extraction: { ...m.extraction } })),
    conferences: extraction.conferences.map((c) => ({ ...conferenceFields(c, c.status), extraction: { ...c.extraction } })),
  };
}

// The gold shape and the mutation's input describe meetings and conferences alike but for names and statuses;
// one mapping keeps them from drifting apart. Key order shows in the `--json` output: callers spread these first.
function meetingFields(m: MeetingFact, nameOf: (name: string) => string) {
  return {
    participants: m.participants.map(nameOf),
    countries: [...m.countries],
    date: m.date?.value ?? null,
    dateInferred: m.date?.inferred ?? false,
    city: m.city,
    country: m.country,
    topics: [...m.topics],
  };
}

function conferenceFields<S extends string>(c: ConferenceFact, status: S) {
  return {
    name: c.name,
    edition: c.edition,
    organizer: c.organizer,
    city: c.city,
    country: c.country,
    startDate: c.startDate?.value ?? null,
    endDate: c.endDate?.value ?? null,
    status,
  };
}

export interface EvidenceInput {
  sentence: string;
  start?: number | null;
  end?: number | null;
}

/** Mirrors `input ExtractionInput`: the rule behind a fact and its confidence. */
export interface ExtractionInput {
  rule: string;
  confidence: number;
}

export interface OfficialInput {
  name: string;
  aliases?: string[];
  title?: string | null;
  organization?: string | null;
  country?: string | null;
  extraction?: ExtractionInput | null;
}

export interface MeetingInput {
  participants: string[];
  countries?: string[];
  date?: string | null;
  dateInferred?: boolean;
  city?: string | null;
  country?: string | null;
  topics?: string[];
  outcome?: string | null;
  status?: 'HELD' | 'PLANNED';
  conference?: string | null;
  evidence?: EvidenceInput | null;
  extraction?: ExtractionInput | null;
}

export interface ConferenceInput {
  name: string;
  edition?: number | null;
  organizer?: string | null;
  city?: string | null;
  country?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  status?: 'HELD' | 'PLANNED';
  participants?: string[];
  evidence?: EvidenceInput | null;
  extraction?: ExtractionInput | null;
}

/** Mirrors `input IngestArticleInput` of schema.graphql. */
export interface IngestArticleInput {
  url: string;
  title?: string | null;
  source?: string | null;
  publishedAt: string;
  body: string[];
  officials?: OfficialInput[];
  meetings?: MeetingInput[];
  conferences?: ConferenceInput[];
}

export interface IngestOptions {
  /** Where the report was published; defaults to the report's `url:` header, else {@link reportUrl}. */
  url?: string;
  /** Publisher; defaults to the agency the report names, if any. */
  source?: string;
  /** Canonical names across reports: maps a name of this report to the name to send (see OfficialRegistry). */
  canonicalName?: (name: string) => string;
}

/**
 * The report's address: its `url:` header, else one made from its content (`urn:newsgraph:report:<day>-<hash>`),
 * so a renamed or copied file is still the same article and re-ingesting it changes nothing.
 */
export function reportUrl(report: Report): string {
  return report.url ?? `urn:newsgraph:report:${report.contentId}`;
}

const MAX_TITLE_LENGTH = 300;

/** The `title:` header, else the first sentence after the dateline. */
export function reportTitle(report: Report): string | null {
  if (report.title) return report.title;
  const first = report.paragraphs[0] ?? '';
  const sentence = splitSentences([first])[0]?.text ?? first;
  if (sentence.length <= MAX_TITLE_LENGTH) return sentence || null;
  return `${sentence.slice(0, MAX_TITLE_LENGTH).replace(/\s+\S*$/, '')}…`;
}

/** The report and its facts as the `ingestArticle` mutation's input. */
export function toIngestInput(report: Report, extraction: Extraction, options: IngestOptions = {}): IngestArticleInput {
  const canon = options.canonicalName ?? ((n: string) => n);
  const names = new Map(extraction.officials.map((o) => [o.name, canon(o.name)]));
  const nameOf = (n: string) => names.get(n) ?? canon(n);
  const confNames = new Set(extraction.conferences.map((c) => c.name));
  return {
    url: options.url ?? reportUrl(report),
    title: reportTitle(report),
    source: options.source ?? report.source ?? null,
    publishedAt: report.publishedAt,
    body: [...report.paragraphs],
    officials: extraction.officials.map((o) => {
      const name = nameOf(o.name);
      const aliases = [...new Set([...o.aliases, ...(name !== o.name ? [o.name] : [])])].filter((a) => a !== name);
      return {
        name,
        aliases,
        title: o.titles.length ? o.titles[o.titles.length - 1] : null,
        organization: o.organization,
        country: o.country,
        extraction: { ...o.extraction },
      };
    }),
    meetings: extraction.meetings
      .filter((m) => m.participants.length > 0)
      .map((m) => ({
        ...meetingFields(m, nameOf),
        outcome: m.outcome,
        status: m.status === 'planned' ? 'PLANNED' : 'HELD',
        conference: m.conference && confNames.has(m.conference) ? m.conference : null,
        evidence: { ...m.evidence },
        extraction: { ...m.extraction },
      })),
    conferences: extraction.conferences.map((c) => ({
      ...conferenceFields(c, c.status === 'upcoming' ? 'PLANNED' : 'HELD'),
      participants: c.participants.map(nameOf),
      evidence: { ...c.evidence },
      extraction: { ...c.extraction },
    })),
  };
}
