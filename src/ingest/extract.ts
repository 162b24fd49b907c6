/** Runs the extractors over one report and settles the officials' countries. */
import { analyse, Analysis } from './analysis';
import { findConferences, ConferenceDetails } from './conferences';
import { cityCode, countryCode, findPlaces, KINGDOMS } from './countries';
import { findMeetings, ExtractedMeeting, MeetingDetails } from './meetings';
import { MentionIndex } from './mentions';
import { Evidence, ExtractedOfficial, findOfficials, titleKey } from './officials';
import { INTERNATIONAL_MARKERS } from './lexicon';
import type { Report } from './report';

export type { Evidence } from './officials';
export type { ConferenceStatus } from './conferences';
export type { MeetingStatus } from './meetings';

/**
 * Which rule produced a fact and how sure that rule is, kept with the fact so a reader can see why
 * the graph says what it says. Rule names are dotted (`meeting.received`); confidence is in [0, 1].
 */
export interface RuleMatch {
  rule: string;
  confidence: number;
}

export interface OfficialFact {
  name: string;
  aliases: string[];
  /** Titles as written, in order of appearance. */
  titles: string[];
  organization: string | null;
  /** ISO2 code. */
  country: string | null;
  evidence: Evidence;
  extraction: RuleMatch;
}

export interface MeetingFact extends MeetingDetails {
  /** Names of officials (as in `officials`) who took part. */
  participants: string[];
  /** Name of the conference (as in `conferences`) it was held at. */
  conference: string | null;
  extraction: RuleMatch;
}

export interface ConferenceFact extends ConferenceDetails {
  /** Names of officials (as in `officials`) reported taking part. */
  participants: string[];
  extraction: RuleMatch;
}

/** What a finder reports when its records do not name their rule yet. */
const unnamedRule = (kind: string): RuleMatch => ({ rule: `${kind}.unnamed`, confidence: 0.5 });

export interface Extraction {
  officials: OfficialFact[];
  meetings: MeetingFact[];
  conferences: ConferenceFact[];
}

/** Country the report is written from: the agency's, else the country it talks about most (other people's aside). */
function homeCountry(analysis: Analysis, officials: ExtractedOfficial[]): string | null {
  if (analysis.report.sourceCountry) return analysis.report.sourceCountry;
  const others = new Set(officials.filter((o) => o.country && (o.countrySource === 'title' || o.countrySource === 'counterpart')).map((o) => o.country!));
  const counts = new Map<string, { n: number; first: number }>();
  const body = analysis.report.body;
  for (const s of analysis.sentences) {
    for (const p of s.places) {
      if (p.kind === 'city' || others.has(p.code)) continue;
      const before = analysis.report.body.slice(Math.max(0, p.start - 12), p.start);
      const after = analysis.report.body.slice(p.end, p.end + 12);
      if (/\b(?:in|to|at)\s+(?:the\s+)?$/.test(before) || /^\s+(?:city|capital|town)\b/.test(after)) continue;
      // only a country speaking for itself counts: "Pakistan's support", "Azerbaijani side", "China supports"
      const possessive = /^['’]s?\b/.test(after);
      const subject = p.kind === 'country' && /^\s+(?:is|was|will|would|has|have|had|supports|supported|attaches|considers|stands|remains|welcomes|values|hosted|hosts|appreciates|reaffirms|calls)\b/.test(body.slice(p.end, p.end + 16));
      if (!possessive && !subject && p.kind !== 'demonym') continue;
      const c = counts.get(p.code) ?? { n: 0, first: p.start };
      c.n += possessive || subject ? 2 : 1;
      counts.set(p.code, c);
    }
  }
  const best = [...counts].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)[0];
  if (best) return best[0];
  // a press release's dateline ("Jakarta - ") is where its publisher sits
  const city = analysis.report.dateline && !analysis.report.dateline.agency ? analysis.report.dateline.city : null;
  return city ? cityCode(city) ?? countryCode(city) : null;
}

/** Offices a country has several holders of at once: a second holder need not be foreign. */
const SHARED_OFFICE = /^(?:member|members|deputy|vice|assistant|adviser|advisor|senator|mp|delegate|judge|commissioner|counsellor|counselor|ambassador-at-large)\b/i;

/** "a delegation of the Parliament of Uzbekistan led by …", "The Uzbek delegation also included …": the delegation's country. */
function delegationCountry(analysis: Analysis, o: ExtractedOfficial): string | null {
  const body = analysis.report.body;
  const prefix = body.slice(o.evidence.start, o.firstOffset);
  const of = /\bdelegation\s+of\s+(?:the\s+)?([^,.;]*?)\s+(?:led|headed)\s+by\s+[^,.;]*$/.exec(prefix);
  const own = /\b([\p{Lu}][\p{L}-]+(?:\s[\p{Lu}][\p{L}-]+)?)(?:['’]s)?\s+delegation\s+(?:also\s+)?(?:included|comprised|consisted\s+of|(?:was\s+)?(?:led|headed)\s+by)\b[^.;]*$/u.exec(prefix);
  const text = of?.[1] ?? own?.[1];
  if (!text) return null;
  // "a delegation of the European Parliament's Delegation … led by its Chair X": no country
  if (INTERNATIONAL_MARKERS.test(text)) return 'international';
  const places = findPlaces(text).filter((p) => p.kind !== 'city');
  return places.length ? places[places.length - 1].code : null;
}

function settleCountries(analysis: Analysis, officials: ExtractedOfficial[], meetings: ExtractedMeeting[]): void {
  for (const o of officials) {
    if (o.country || o.international) continue;
    const c = delegationCountry(analysis, o);
    if (c === 'international') o.international = true;
    else if (c) {
      o.country = c;
      o.countrySource = 'description';
    }
  }
  // "the Ministry of Interior of the Kingdom": the kingdom where the meeting took place
  officials.forEach((o, i) => {
    if (o.country || !o.kingdomRef) return;
    const m = meetings.find((x) => x.participants.includes(i) && x.country && KINGDOMS.has(x.country));
    if (m) {
      o.country = m.country;
      o.countrySource = 'kingdom';
    }
  });
  // host: a foreign visitor met someone without a stated country in the visitor's host country
  for (const m of meetings) {
    if (m.conference !== null || !m.country || m.recalled) continue;
    const foreign = m.participants.some((p) => officials[p].country && officials[p].country !== m.country);
    if (!foreign) continue;
    for (const p of m.participants) {
      const o = officials[p];
      if (!o.country && !o.international) {
        o.country = m.country;
        o.countrySource = 'host';
      }
    }
  }
  // "Narbayeva conveyed the greetings of President Shavkat Mirziyoyev": the greeting comes from the bearer's country
  for (const o of officials) {
    if (o.country || o.international) continue;
    const prefix = analysis.report.body.slice(o.evidence.start, o.firstOffset);
    if (!/\bconvey\w*\s+(?:the\s+)?(?:warm(?:est)?\s+|sincere\s+|best\s+)?(?:greetings|regards|wishes)\s+(?:of|from)\s+(?:[\p{Lu}][\p{L}-]*\s+){0,3}$/u.test(prefix)) continue;
    const bearer = officials.find((x) => x !== o && x.country && prefix.includes(x.name.split(' ').pop()!));
    if (bearer) {
      o.country = bearer.country;
      o.countrySource = 'description';
    }
  }
  const home = homeCountry(analysis, officials);
  if (home) {
    for (const o of officials) {
      // one country has one president, one foreign minister…: a second holder of the same title is foreign
      const taken = officials.some(
        (x) => x !== o && x.country === home && x.titles.some((t) => o.titles.some((u) => !SHARED_OFFICE.test(u) && titleKey(t) === titleKey(u))),
      );
      if (!o.country && !o.international && !o.kingdomRef && !taken) {
        o.country = home;
        o.countrySource = 'home';
      }
    }
  }
}

/** Extracts officials, meetings and conferences, each with the sentence it came from. */
export function extractReport(report: Report): Extraction {
  const analysis = analyse(report);
  const officials = findOfficials(analysis);
  const conferences = findConferences(analysis);
  const mentions = new MentionIndex(analysis, officials);
  const meetings = findMeetings(analysis, officials, conferences, mentions);
  settleCountries(analysis, officials, meetings);
  for (const m of meetings) if (m.city && !m.country) m.country = cityCode(m.city);

  // conference participants: officials mentioned in the sentence that names an attended conference
  const confParticipants = conferences.map((c) => {
    if (c.status !== 'attended') return [] as string[];
    const s = mentions.bySentence[c.sentenceIndex] ?? [];
    const ids = [...new Set(s.filter((x) => x.official >= 0).map((x) => x.official))];
    return ids.map((i) => officials[i].name);
  });

  return {
    officials: officials.map((o) => ({
      name: o.name,
      aliases: o.aliases,
      titles: o.titles,
      organization: o.organization,
      country: o.country,
      evidence: o.evidence,
      extraction: o.extraction ?? unnamedRule('official'),
    })),
    meetings: meetings.map((m) => ({
      participants: m.participants.map((p) => officials[p].name),
      countries: m.countries,
      date: m.date,
      city: m.city,
      country: m.country,
      topics: m.topics,
      outcome: m.outcome,
      status: m.status,
      conference: m.conference !== null ? conferences[m.conference]?.name ?? null : null,
      evidence: m.evidence,
      extraction: m.extraction ?? unnamedRule('meeting'),
    })),
    conferences: conferences.map((c, i) => ({
      name: c.name,
      edition: c.edition,
      organizer: c.organizer,
      city: c.city,
      country: c.country,
      startDate: c.startDate,
      endDate: c.endDate,
      status: c.status,
      participants: confParticipants[i],
      evidence: c.evidence,
      extraction: c.extraction ?? unnamedRule('conference'),
    })),
  };
}
