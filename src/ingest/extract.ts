/** Runs the extractors over one report and settles the officials' countries. */
import { analyse, Analysis } from './analysis';
import { findConferences, ConferenceDetails, ExtractedConference } from './conferences';
import { cityCode, countryCode, findPlaces, KINGDOMS } from './countries';
import { findMeetings, ExtractedMeeting, MeetingDetails } from './meetings';
import { foldedTokens } from './fold';
import { MentionIndex } from './mentions';
import { Evidence, ExtractedOfficial, findOfficials, titleKey } from './officials';
import { INTERNATIONAL_MARKERS, TITLE_HEADS } from './lexicon';
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
      // the host of a visiting delegation, and the state of the report's own institution ("the Prosecutor's Office of Serbia")
      const lead = body.slice(Math.max(0, p.start - 120), p.start);
      // … but "a delegation of the Prosecution Service of the UK" is the visitors' institution
      const ownInstitution = /\b(?:Office|Ministry|Government|Service)\s+of\s+(?:the\s+)?$/.test(lead) && !/\bdelegations?\s+(?:of|from)\s+(?:the\s+)?[^,.;]*$/.test(lead);
      if (p.kind === 'country' && (/\b(?:delegation|guests?)\b[^.;]{0,80}\bvisit\s+to\s+(?:the\s+)?$/.test(lead) || ownInstitution)) {
        const c = counts.get(p.code) ?? { n: 0, first: p.start };
        c.n += 2;
        counts.set(p.code, c);
        continue;
      }
      // a foreign envoy's receiving state ("the Chinese Ambassador to Nigeria") is where the report's people are, and
      // so is the country a foreign guest visits ("X of Cabo Verde, who is on an official visit to Portugal")
      const envoyTo = /\b(?:Ambassador|Envoy|High\s+Commissioner|Charg[eé]\s+d['’]Affaires)\s+(?:to|in)\s+(?:the\s+)?$/i.test(lead);
      const guestVisit =
        /\bvisit\s+to\s+(?:the\s+)?$/.test(lead) && ((others.size > 0 && !others.has(p.code)) || /\bwho\s+(?:is|are|was|were)\s+(?:on|paying)\b[^.;]*$/.test(lead));
      if (p.kind === 'country' && (envoyTo || guestVisit)) {
        const c = counts.get(p.code) ?? { n: 0, first: p.start };
        c.n += 2;
        counts.set(p.code, c);
        continue;
      }
      if (/\b(?:in|to|at)\s+(?:the\s+)?$/.test(before) || /^\s+(?:city|capital|town)\b/.test(after)) continue;
      // "the Organization of American States", "the African Union": a word of a body's name speaks for no state
      if (/^\s+(?:States|Nations|Union|Community|Countries)\b/.test(after) || /\b(?:Organi[sz]ation|Union|Association|Community|League|Conference|Forum)\s+of\s+(?:the\s+)?$/.test(before.length < 12 ? before : lead)) continue;
      // "the Chinese Ambassador": the envoy's state, not the publisher's
      if (/^\s+(?:Ambassador|Envoy|High\s+Commissioner|Charg[eé])\b/i.test(after)) continue;
      // only a country speaking for itself counts: "Pakistan's support", "Azerbaijani side", "China supports"
      const possessive = /^['’](?:s\b|(?=\s))/.test(after);
      // … but not the host of an event in a relative clause ("the Forum, which Solomon Islands will host")
      const subject = p.kind === 'country' && !/(?:\b(?:which|where)|,\s*that)\s+(?:the\s+)?$/.test(before) && /^\s+(?:is|was|will|would|has|have|had|supports|supported|attaches|considers|stands|remains|welcomes|values|hosted|hosts|appreciates|reaffirms|calls)\b/.test(body.slice(p.end, p.end + 16));
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
const SHARED_OFFICE = /^(?:member|members|deputy|vice|assistant|adviser|advisor|senator|mp|delegate|judge|commissioner|counsellor|counselor|ambassador-at-large|chief prosecutor|(?:principal\s+|senior\s+)?(?:staff\s+)?officer|aide|(?:defen[cs]e\s+)?attach[eé]|(?:first|second|third)\s+secretary|minister-counsellor)\b/i;

/** One country has one president, one foreign minister…: a second holder of the same title is foreign. */
function officeTaken(officials: ExtractedOfficial[], o: ExtractedOfficial, country: string): boolean {
  return officials.some((x) => x !== o && x.country === country && x.titles.some((t) => o.titles.some((u) => !SHARED_OFFICE.test(u) && titleKey(t) === titleKey(u))));
}

/** "a delegation of the Parliament of Uzbekistan led by …", "The Uzbek delegation also included …": the delegation's country. */
function delegationCountry(analysis: Analysis, o: ExtractedOfficial): string | null {
  const body = analysis.report.body;
  const prefix = body.slice(o.evidence.start, o.firstOffset);
  // "… led by its Speaker, X": the leader's title before a comma
  const of = /\bdelegation\s+of\s+(?:the\s+)?([^,.;]*?)\s+(?:led|headed)\s+by\s+(?:(?:its|their|the)\s+[^,.;]*,\s*)?[^,.;]*$/.exec(prefix);
  // the nearest delegation before the name: "The A delegation was led by X, while the B delegation was led by Y"
  const own = /^[\s\S]*\b([\p{Lu}][\p{L}-]+(?:\s[\p{Lu}][\p{L}-]+)?)(?:['’]s)?\s+delegation\s+(?:also\s+)?(?:included|comprised|consisted\s+of|(?:was\s+|is\s+)?(?:composed|made\s+up)\s+of|(?:was\s+)?(?:led|headed)\s+by)\b(?:[^.;]*;)*[^.;]*$/u.exec(prefix);
  const text = of?.[1] ?? own?.[1];
  if (!text) return sideCountry(analysis, o);
  // "a delegation of the European Parliament's Delegation … led by its Chair X": no country
  if (INTERNATIONAL_MARKERS.test(text)) return 'international';
  const places = findPlaces(text).filter((p) => p.kind !== 'city');
  return places.length ? places[places.length - 1].code : null;
}

/**
 * "On the Eswatini side the audience was attended by X and Y", "Z and officials represented the Sri Lanka side": people
 * named in a sentence that speaks of one state's side are that state's (of two sides, the one named last before them).
 */
function sideCountry(analysis: Analysis, o: ExtractedOfficial): string | null {
  const s = analysis.sentences.find((x) => x.start <= o.firstOffset && o.firstOffset < x.end);
  if (!s) return null;
  const sides = [...s.text.matchAll(/\bthe\s+((?:\p{Lu}[\p{L}-]+\s+){1,3})side\b/gu)]
    .map((m) => ({ at: s.start + m.index!, code: findPlaces(m[1]).find((p) => p.kind !== 'city' && p.start === 0)?.code ?? null }))
    .filter((x): x is { at: number; code: string } => !!x.code);
  if (new Set(sides.map((x) => x.code)).size === 1) return sides[0].code;
  return sides.filter((x) => x.at < o.firstOffset).pop()?.code ?? null;
}

/** Offsets where the report writes the official's name or one of its aliases. */
function occurrences(body: string, o: ExtractedOfficial): number[] {
  const at: number[] = [];
  for (const n of [o.name, ...o.aliases]) {
    for (let i = body.indexOf(n); i >= 0; i = body.indexOf(n, i + n.length)) at.push(i);
  }
  return at;
}

const firstCountry = (text: string): string | null => {
  const p = findPlaces(text)[0];
  return p && p.start <= 4 && p.kind !== 'city' ? p.code : null;
};

/**
 * "President Abdelmadjid Tebboune of Algeria", "Elina Valtonen, Minister for Foreign Affairs of Finland": an appositive
 * of title words after the name ("X, and with the Minister of Ghana, Y" starts another person's).
 */
function appositiveCountry(body: string, o: ExtractedOfficial): string | null {
  for (const i of occurrences(body, o)) {
    const after = body.slice(i, i + 160).slice(body.slice(i).startsWith(o.name) ? o.name.length : 0);
    const of = /^\s+of\s+/.exec(after) ?? /^,\s+(?:the\s+)?(?:(?:(?!(?:and|with|or|who|which|while|as)\s)[\p{Ll}-]+|Minister|President|Prime|Foreign|Vice|Deputy|King|Queen|Emir|Prince|Speaker|Chairman|Secretary|State|Affairs|Defen[cs]e|Interior|Justice|Finance|Economy|Trade)\s+){1,6}?of\s+/u.exec(after);
    // "Stephen Doughty, Minister of State, UK Foreign, Commonwealth and Development Office"
    const office = /^,\s+(?:[\p{L}-]+\s+){1,5}?of\s+State,\s+/u.exec(after);
    const code = (of && firstCountry(after.slice(of[0].length))) || (office && firstCountry(after.slice(office[0].length)));
    if (code) return code;
  }
  return null;
}

/** "the United States' Ambassador to Mexico, Ken Salazar", "US Ambassador to Mexico Ken Salazar": the sending state. */
function sendingState(body: string, o: ExtractedOfficial): string | null {
  if (!o.titles.some((t) => /\b(?:ambassador|envoy|high commissioner)\b/i.test(t))) return null;
  for (const i of occurrences(body, o)) {
    const before = body.slice(Math.max(0, i - 120), i);
    const m = /((?:the\s+)?[A-Z][\p{L}.]*(?:\s[A-Z][\p{L}.]*){0,2})(?:['’]s?)?\s+(?:Ambassador|Envoy|High\s+Commissioner)\s+to\s+(?:the\s+)?[A-Z][^,]*,?\s*$/u.exec(before);
    if (!m) continue;
    const places = findPlaces(m[1]);
    const last = places[places.length - 1];
    if (last && last.kind !== 'city') return last.code;
  }
  return null;
}

/** Credentials reports list envoys under a country label: "Mongolia: After the visit of president …". */
function paragraphLabelCountry(analysis: Analysis, o: ExtractedOfficial): string | null {
  const body = analysis.report.body;
  const start = body.lastIndexOf('\n\n', o.firstOffset) + 1;
  const label = /^\s*([A-Z][\p{L} '’-]{2,40}):\s/u.exec(body.slice(start, o.firstOffset));
  return label ? countryCode(label[1]) : null;
}

/**
 * "Accompanying the Ambassador were Mr X (Minister) and Mr Y (Counsellor)", "Z accompanied the Minister": people who
 * accompany an official serve that official's state, when everyone else the sentence names serves the same one.
 */
function accompanyingCountry(analysis: Analysis, officials: ExtractedOfficial[], mentions: MentionIndex, o: ExtractedOfficial): string | null {
  const s = analysis.sentences.find((x) => x.start === o.evidence.start);
  if (!s || !/\baccompan(?:ied|ies|y)\b|\baccompanying\s+(?:the|him|her|them)\b|\bwith\s+(?:the|him|her)\b[^.;]*\bwere\b/i.test(s.text)) return null;
  const codes = new Set<string>();
  for (const m of mentions.bySentence[s.index] ?? []) {
    const x = officials[m.official];
    // "He was accompanied by X": the pronoun names the one accompanied; other pronouns are too loose to count
    const accompanied = m.kind === 'pronoun' && /^\s+(?:was|were|is|are|will\s+be)\s+accompanied\b[^.;]{0,30}?\bby\b/.test(analysis.report.body.slice(m.end, m.end + 60));
    if (m.official < 0 || x === o || (m.kind === 'pronoun' && !accompanied)) continue;
    if (x.country) codes.add(x.country);
  }
  return codes.size === 1 ? [...codes][0] : null;
}

/** True when `name` is one of the first five words of what follows "at the invitation of" ("his counterpart X"). */
function invites(tail: string, name: string): boolean {
  const lower = tail.toLowerCase();
  const wanted = name.toLowerCase();
  const word = /[\p{L}-]+\s+/uy;
  for (let at = 0, k = 0; k <= 4; k++) {
    if (lower.startsWith(wanted, at) && !/[\p{L}\p{N}_]/u.test(tail[at + wanted.length] ?? '')) return true;
    word.lastIndex = at;
    if (!word.exec(tail)) break;
    at = word.lastIndex;
  }
  return false;
}

/**
 * "the Executive Secretary of the UNCCD, Amina Diallo-Sow", "the Head of the EU Delegation, Ambassador Jan Novak": an
 * office of an international body written as an appositive before the name ties the official to the body, not to a state.
 */
function appositiveInternational(body: string, o: ExtractedOfficial): boolean {
  for (const i of occurrences(body, o)) {
    const before = body.slice(Math.max(0, body.lastIndexOf('\n', i) + 1, i - 160), i);
    // the clause before the comma, then at most two honorifics or ranks ("Ambassador", "Dame", "Dr.")
    const m = /([^,;:.()]{3,160}),\s*(?:\p{Lu}[\p{L}]*\.?\s+){0,2}$/u.exec(before);
    if (!m) continue;
    // the shortest clause that holds a title: "met with | the Executive Secretary of the UNCCD"
    const starts = [0, ...[...m[1].matchAll(/\b(?:and|by|with|from)\s+/g)].map((x) => x.index! + x[0].length)].reverse();
    const office = starts.map((k) => m[1].slice(k)).find((c) => foldedTokens(c).some((w) => TITLE_HEADS.has(w)));
    if (!office) continue;
    const intl = INTERNATIONAL_MARKERS.exec(office);
    // "Minister for European Union Affairs" is a national portfolio; "Permanent Representative of Kenya to the UN"
    // serves the state named first
    if (!intl || /\b(?:for|on)\s+(?:the\s+)?$/.test(office.slice(0, intl.index))) continue;
    if (!findPlaces(office.slice(0, intl.index)).some((p) => p.kind !== 'city')) return true;
  }
  return false;
}

function settleCountries(analysis: Analysis, officials: ExtractedOfficial[], meetings: ExtractedMeeting[], conferences: ExtractedConference[], mentions: MentionIndex): void {
  const body = analysis.report.body;
  const ofBody = new Set(officials.filter((o) => !o.international && appositiveInternational(body, o)));
  for (const o of ofBody) {
    o.international = true;
    o.country = null;
    o.countrySource = null;
  }
  for (const o of officials) {
    if (ofBody.has(o)) continue;
    // an envoy serves the state that sends it, not the one named after "Ambassador to"
    const sending = sendingState(body, o);
    if (sending) {
      o.country = sending;
      o.countrySource = 'description';
      o.international = false;
      continue;
    }
    if (o.country) continue;
    const labelled = paragraphLabelCountry(analysis, o);
    const stated = labelled ?? appositiveCountry(body, o);
    if (stated) {
      o.country = stated;
      o.countrySource = 'description';
      o.international = false;
    }
  }
  // "António Guterres, Secretary-General" in a report about international bodies: a bare Secretary-General heads one
  if (INTERNATIONAL_MARKERS.test(body)) {
    for (const o of officials) {
      if (o.country || o.organization || !o.titles.length || !o.titles.every((t) => /^(?:the\s+)?secretary[- ]general$/i.test(t))) continue;
      o.international = true;
    }
  }
  for (const o of officials) {
    if (o.country || o.international) continue;
    const c = delegationCountry(analysis, o);
    if (c === 'international') o.international = true;
    else if (c) {
      o.country = c;
      o.countrySource = 'description';
    }
  }
  for (const o of officials) {
    if (o.country || o.international) continue;
    const c = accompanyingCountry(analysis, officials, mentions, o);
    if (c) {
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
    const where = m.country ?? (m.city ? cityCode(m.city) : null);
    if (m.conference !== null || !where || m.recalled) continue;
    const foreign = m.participants.some((p) => officials[p].country && officials[p].country !== where);
    if (!foreign) continue;
    for (const p of m.participants) {
      const o = officials[p];
      // the visiting foreign minister is not the host's second foreign minister
      if (!o.country && !o.international && !officeTaken(officials, o, where)) {
        o.country = where;
        o.countrySource = 'host';
      }
    }
  }
  // "X held meetings in Baku with … his counterpart Y and with Z, Speaker of the National Assembly": people met in a
  // city, beside a visitor from elsewhere, serve the city's state
  for (const o of officials) {
    if (o.country || o.international) continue;
    const s = analysis.sentences.find((x) => x.start === o.evidence.start);
    if (!s || !/\b(?:met|meets|meeting|meetings|talks|received|receives|hosted|welcomed)\b/.test(s.text)) continue;
    const cities = s.places.filter((p) => p.kind === 'city' && /\bin\s+$/.test(body.slice(Math.max(0, p.start - 4), p.start)));
    const where = cities.length === 1 ? cityCode(cities[0].text) : null;
    if (!where) continue;
    const visitor = (mentions.bySentence[s.index] ?? []).some((m) => m.official >= 0 && officials[m.official] !== o && officials[m.official].country && officials[m.official].country !== where);
    if (visitor && !officeTaken(officials, o, where)) {
      o.country = where;
      o.countrySource = 'host';
    }
  }
  // "at the invitation of his counterpart X": the one who invites is the host of the event the visitor went to
  const invitations = [...body.matchAll(/\bat\s+the\s+invitation\s+of\s+(?:(?:his|her|their|the)\s+)?/giu)].map((m) => body.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 200));
  for (const o of officials) {
    if (o.country || o.international || !invitations.length) continue;
    if (![o.name, ...o.aliases].some((n) => invitations.some((tail) => invites(tail, n)))) continue;
    const places = [...meetings.map((m) => m.country ?? (m.city ? cityCode(m.city) : null)), ...conferences.map((c) => c.country ?? (c.city ? cityCode(c.city) : null))];
    const where = places.find((c): c is string => !!c);
    if (where) {
      o.country = where;
      o.countrySource = 'host';
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
      if (!o.country && !o.international && !o.kingdomRef && !officeTaken(officials, o, home)) {
        o.country = home;
        o.countrySource = 'home';
      }
    }
  }
}

/**
 * An event attended with no place of its own is where the report's meetings are: the ones held on its margins,
 * else the one city of all the meetings the report places ("received today, in Rio, … on the margins of the G20").
 */
function placeAttendedFromMeetings(conferences: ExtractedConference[], meetings: ExtractedMeeting[]): void {
  const located = meetings.filter((m) => m.city && !m.recalled);
  const cities = new Set(located.map((m) => m.city!));
  conferences.forEach((c, i) => {
    if (c.city || c.status !== 'attended') return;
    // an event the report places in a country only ("is in Vietnam to attend") keeps its city unknown
    const at = located.find((m) => m.conference === i) ?? (cities.size === 1 && !c.country ? located[0] : undefined);
    if (!at || (c.country && at.country && c.country !== at.country)) return;
    c.city = at.city;
    c.country ??= at.country ?? cityCode(at.city!);
  });
}

/** Extracts officials, meetings and conferences, each with the sentence it came from. */
export function extractReport(report: Report): Extraction {
  const analysis = analyse(report);
  const officials = findOfficials(analysis);
  const conferences = findConferences(analysis);
  const mentions = new MentionIndex(analysis, officials);
  const meetings = findMeetings(analysis, officials, conferences, mentions);
  settleCountries(analysis, officials, meetings, conferences, mentions);
  for (const m of meetings) if (m.city && !m.country) m.country = cityCode(m.city);
  placeAttendedFromMeetings(conferences, meetings);

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
