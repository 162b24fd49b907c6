/**
 * Officials: named people who hold an office, found where a name stands next to a title —
 *   "Prosecutor General of Azerbaijan Kamran Aliyev", "Singapore Prosecutor General Lucien Wong",
 *   "Max Hill, Head of the Royal Prosecutor's Office of Great Britain", "Guo Shengkun, the Chinese State Councilor",
 *   "the Prosecutor General of Georgia, Giorgi Gabitashvili", "his Georgian counterpart Giorgi Gabitashvili".
 */
import { foldText, foldedTokens } from './fold';
import { Analysis, NameRun, SentenceInfo, isNameWord } from './analysis';
import { PlaceMention } from './countries';
import { listedPeople } from './lists';
import { DOTTED_HONORIFICS, HONORIFICS, INTERNATIONAL_MARKERS, NAME_PARTICLES, ORG_WORDS, TITLE_HEADS, TITLE_MODIFIERS, Token } from './lexicon';

export interface Evidence {
  /** The sentence, verbatim. */
  sentence: string;
  /** Offsets of the sentence in the body. */
  start: number;
  end: number;
}

export type CountrySource = 'title' | 'counterpart' | 'description' | 'kingdom' | 'host' | 'home' | null;

import type { RuleMatch } from './extract';

export interface ExtractedOfficial {
  name: string;
  aliases: string[];
  /** Titles as written, first first. */
  titles: string[];
  organization: string | null;
  country: string | null;
  /** How the country was worked out. */
  countrySource: CountrySource;
  /** The title ties the official to an international organisation (no country then). */
  international: boolean;
  /** "the Kingdom" in the title: the country is the kingdom the report is about. */
  kingdomRef: boolean;
  /** Introduced as someone's "counterpart" without a title of their own. */
  counterpartOnly: boolean;
  /** Offset of the first mention in the body. */
  firstOffset: number;
  evidence: Evidence;
  /** The rule that found the official; unset means not named yet. */
  extraction?: RuleMatch;
}

const CONNECTORS = new Set(['of', 'the', 'at', 'in', 'for', 'and', 'to', 'on', 'de', 'du', 'des', 'del', 'ad']);
const LOWER_CHAIN = new Set([...ORG_WORDS, ...TITLE_HEADS, ...TITLE_MODIFIERS, "d'affaires", 'd’affaires']);
const PORTFOLIO = /^(?:for|of)\s+(?:the\s+)?((?:Foreign|Internal|Home|Economic|Social|Legal|European|International|Public|Police)?\s*(?:Affairs|Justice|Interior|Defen[cs]e|Finance|Trade|Economy|Energy|Education|Health|Culture|Agriculture|Transport|Labou?r|Industry|Emergencies|Emergency Situations|Digital Development|Development|Investment|Tourism|Youth|Sports?|Environment|Ecology|Communications|Information|Science|Security|Foreign Affairs|Public Security|State Security)(?:\s+and\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?)(?!\s+(?:Council|Committee|Service|Agency|Department|Commission|Bureau|Office|Directorate|Forces))/;

const RANKS = new Set(['prince', 'princess', 'sheikh', 'sheikha', 'king', 'queen', 'emir', 'sultan']);

function isTitleWord(t: Token): boolean {
  if (!t.word) return false;
  const l = t.lower;
  if (TITLE_HEADS.has(l) || TITLE_MODIFIERS.has(l)) return true;
  if (l === "d'affaires" || l === 'd’affaires' || l === 'interim' || l === 'ad') return true;
  const parts = l.split('-');
  return parts.length > 1 && parts.some((p) => TITLE_HEADS.has(p));
}

function isHead(t: Token): boolean {
  const l = t.lower;
  // "Member of the National Assembly": only the capitalised word is a title ("member states" is not)
  if (t.text === 'Member' || t.text === 'Members') return true;
  if (TITLE_HEADS.has(l) && l !== 'general' && l !== 'deputy' && l !== 'justice') return true;
  if (l === "d'affaires" || l === 'd’affaires') return true;
  const parts = l.split('-');
  return parts.length > 1 && parts.some((p) => TITLE_HEADS.has(p) && p !== 'general' && p !== 'in');
}

/** A title span [from, to) among tokens: modifiers and heads around at least one head. */
interface Span {
  from: number;
  to: number;
}

/** Finds the last title span within tokens [lo, hi) that is not a possessive or plural use. */
function lastTitleSpan(tokens: Token[], lo: number, hi: number, depthAt: number[]): Span | null {
  for (let i = hi - 1; i >= lo; i--) {
    const t = tokens[i];
    if (depthAt[i] > 0 || !isHead(t)) continue;
    let from = i;
    let to = i + 1;
    while (to < hi && isTitleWord(tokens[to]) && depthAt[to] === 0 && tokens[to].word) to++;
    while (from > lo && isTitleWord(tokens[from - 1]) && depthAt[from - 1] === 0) from--;
    // "Prosecutor-General's Office" is an organisation, not a title.
    if (tokens[to] && /^['’]s$/.test(tokens[to].text)) {
      i = from;
      continue;
    }
    // "Foreign Minister of the Kingdom of Saudi Arabia Prince Faisal": the rank before the name is no title
    if (to - from === 1 && RANKS.has(t.lower) && tokens.slice(lo, from).some((x) => isHead(x))) {
      i = from;
      continue;
    }
    return { from, to };
  }
  return null;
}

function sliceText(s: SentenceInfo, from: number, to: number): string {
  if (to <= from) return '';
  return s.text.slice(s.tokens[from].start - s.start, s.tokens[to - 1].end - s.start);
}

interface ChainInfo {
  title: string | null;
  organization: string | null;
  country: string | null;
  international: boolean;
  kingdomRef: boolean;
}

/** Reads title, organisation and country out of a title phrase spanning tokens [from, to). */
function readChain(s: SentenceInfo, from: number, to: number, span: Span, people: NameRun[]): ChainInfo {
  const text = sliceText(s, from, to);
  let title = sliceText(s, span.from, span.to);
  // "Minister for Foreign Affairs", "Minister of Justice"
  const after = sliceText(s, span.to, to);
  const portfolio = PORTFOLIO.exec(after);
  let orgText = after;
  if (portfolio) {
    title = `${title} ${after.slice(0, portfolio[0].length)}`.trim();
    orgText = after.slice(portfolio[0].length);
  }
  let organization: string | null = null;
  const orgMatch = /^\s*(?:of|at|in)\s+(?:the\s+)?(.+)$/.exec(orgText);
  if (orgMatch) {
    // Split off a leading "of <country>" ("of India at the Supreme Court of India").
    let rest = orgMatch[1].replace(/\s*,\s*$/, '');
    const atPart = /^(.*?)\s+at\s+(?:the\s+)?(.+)$/.exec(rest);
    if (atPart && !/[A-Z][a-z]+\s+(?:Office|Ministry|Council|Committee|Court|Department)\b/.test(atPart[1])) rest = atPart[2];
    let unplaced = rest;
    for (const p of [...s.places].sort((a, b) => b.text.length - a.text.length)) unplaced = unplaced.split(p.text).join(' ');
    const words = foldedTokens(unplaced);
    if (words.some((w) => ORG_WORDS.has(w) || w === 'procuratorate') && !/^(?:Republic|Kingdom|Federation|State|Islamic|People)/.test(rest)) {
      organization = rest.replace(/\s+to\s+.*$/, '').trim() || null;
    }
  }
  // An acronym or organisation words before the title ("Deputy SCO Secretary-General").
  if (!organization) {
    const before = sliceText(s, from, span.from).replace(/^(?:the|a|an)\s+/i, '');
    const acr = /\b([A-Z]{2,6})\b/.exec(before);
    if (acr && !s.places.some((p) => p.text === acr[1])) organization = acr[1];
  }
  const startOff = s.tokens[from].start;
  const endOff = s.tokens[to - 1].end;
  const places: PlaceMention[] = s.places.filter((p) => p.start >= startOff && p.end <= endOff);
  // A place inside another person's phrase does not count.
  const own = places.filter((p) => !people.some((r) => p.start >= r.start && p.end <= r.end));
  const countries = own.filter((p) => p.kind !== 'city');
  const firstPlace = countries[0] ?? own[0];
  // "ASEAN Secretary-General X", "IPU President Y": an international body's acronym before the title
  const intl = INTERNATIONAL_MARKERS.exec(text) ?? (organization ? INTERNATIONAL_MARKERS.exec(organization) : null);
  // "Secretary of State for the European Union" is a national portfolio, not a post in the EU
  // … nor is "head of the committee on Commonwealth of Independent States Affairs"
  // (a title before "for"/"on": "a courtesy call on ASEAN Secretary-General X" is no portfolio)
  const portfolioOnly = !!intl && /[\p{L}]\s+(?:for|on)\s+(?:the\s+)?$/u.test(text.slice(0, intl.index));
  const international = !!intl && !portfolioOnly && (!firstPlace || (intl.index ?? 0) + startOff < firstPlace.start);
  const kingdomRef = /\bthe Kingdom\b(?!\s+of)/.test(text);
  return {
    title: title || null,
    organization,
    country: international ? null : firstPlace?.code ?? null,
    international,
    kingdomRef,
  };
}

/** Walks back from token `i` (exclusive) over a title phrase; returns its first token index. */
function chainBack(s: SentenceInfo, i: number, persons: NameRun[]): { from: number; depthAt: number[] } {
  const depthAt: number[] = new Array(s.tokens.length).fill(0);
  let depth = 0;
  let j = i - 1;
  let commas = 0;
  let lowerFree = 0;
  let freeInPhrase = 0;
  let from = i;
  let sawHead = false;
  while (j >= 0) {
    const t = s.tokens[j];
    if (t.text === ')') {
      depth++;
      depthAt[j] = depth;
      j--;
      continue;
    }
    if (t.text === '(') {
      if (depth === 0) break;
      depthAt[j] = depth;
      depth--;
      j--;
      from = j + 1;
      continue;
    }
    if (depth > 0) {
      depthAt[j] = depth;
      j--;
      continue;
    }
    const other = persons.find((r) => r.to === j + 1);
    if (other) break;
    if (t.text === ',') {
      if (sawHead || commas >= 2 || j === 0) break;
      // The comma must separate parts of one title phrase: a capitalised word must precede it.
      // … or a title head: "Tinubu's spokesperson, Ajuri Ngelale"
      const prev = s.tokens[j - 1];
      if (!prev || !(prev.cap || prev.text === ')' || (isHead(prev) && persons.some((r) => r.from === j + 1)))) break;
      commas++;
      j--;
      continue;
    }
    if (/^['’]s$/.test(t.text)) {
      j--;
      from = j + 1;
      continue;
    }
    if (!t.word) break;
    if (t.cap) {
      if (isHead(t)) sawHead = true;
      lowerFree = 0;
    } else if (CONNECTORS.has(t.lower)) {
      if (t.lower === 'and' && !((s.tokens[j + 1]?.cap || (s.tokens[j + 1]?.lower === 'the' && freeInPhrase === 1)) && s.tokens[j - 1]?.cap)) break;
      if (t.lower === 'to' && !(s.tokens[j + 1]?.cap || (s.tokens[j + 1]?.lower === 'the' && s.tokens[j + 2]?.cap))) break;
      if (t.lower === 'in' && !(s.tokens[j + 1]?.cap || s.tokens[j + 1]?.lower === 'the')) break;
    } else if (LOWER_CHAIN.has(t.lower) || t.lower.split('-').some((p) => TITLE_HEADS.has(p))) {
      if (isHead(t)) sawHead = true;
      lowerFree = 0;
    } else {
      // "the extradition department": a free word right before an organisation word;
      // "Special Representative for … and the crisis in Georgia": a free word between "the" and a connector
      const nextTok = s.tokens[j + 1];
      const prevTok = s.tokens[j - 1];
      if (lowerFree < 2 && nextTok && !nextTok.cap && (ORG_WORDS.has(nextTok.lower) || lowerFree > 0)) {
        lowerFree++;
      } else if (freeInPhrase < 2 && prevTok?.lower === 'the' && nextTok && ['in', 'of', 'for', 'on'].includes(nextTok.lower)) {
        freeInPhrase++;
      } else break;
    }
    from = j;
    j--;
  }
  return { from, depthAt };
}

interface Candidate {
  run: NameRun;
  sentence: SentenceInfo;
  info: ChainInfo | null;
  counterpart: { country: string | null } | null;
  rule: OfficialRule;
  /** "X and his deputies Y and Z": X's name, for Y and Z. */
  owner: string | null;
  /** The title before the name starts with a demonym ("Iranian President X"). */
  demonymLed: boolean;
}

/**
 * How an official was found, and how sure the rule is: its precision on the 40 tuning reports, smoothed as
 * (matched + 1) / (found + 2) so that a rule seen rarely (or never: 0.5) does not claim certainty.
 */
export const OFFICIAL_RULES = {
  'official.title-before': 0.97, // 83 of 85
  'official.plural-title': 0.5, // not seen
  'official.title-after': 0.96, // 50 of 51
  'official.counterpart': 0.94, // 16 of 16 on all 60 corpus reports and the genre set (after "X, his … counterpart" joined it)
  'official.listed': 0.97, // 33 of 33
  // rules added after the blind part was read: measured on all 60 corpus reports and the genre set
  'official.title-in-brackets': 0.9, // 8 of 8
  'official.as-title': 0.8, // 3 of 3
  'official.delegation-member': 0.6, // 3 of 3 in one report: kept low, the description need not name an office
} as const;
export type OfficialRule = keyof typeof OFFICIAL_RULES;

function cleanName(run: NameRun, s: SentenceInfo): string {
  const words = s.tokens.slice(run.from, run.to).filter((t) => !HONORIFICS.has(t.lower));
  if (!words.length) return run.text;
  return s.text.slice(words[0].start - s.start, words[words.length - 1].end - s.start);
}

/** A courtesy form right before a name marks a person ("Mr", "Dr", "Sir", "HE", "His Excellency"). */
function courtesyBefore(s: SentenceInfo, i: number): boolean {
  const t = s.tokens[i - 1];
  if (!t) return false;
  if (t.text === 'HE' || t.text === 'H.E.' || t.text === 'H.E') return true;
  if (t.text === '.' && HONORIFICS.has(s.tokens[i - 2]?.lower ?? '')) return true;
  return t.cap && HONORIFICS.has(t.lower) && !['his', 'her'].includes(t.lower);
}

const ROMAN = /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XVI{0,3}|XIX|XX)$/;
const REGNAL_RANKS = new Set([...RANKS, 'emperor', 'empress', 'pope', 'majesty', 'duke', 'grand']);

/**
 * Regnal names: "King Felipe VI", "Her Majesty Queen Elizabeth II", "Abdullah II bin Al-Hussein, King of Jordan".
 * The numeral is part of the name; the run finder stops before it (an acronym to it).
 */
function regnalRun(s: SentenceInfo, r: NameRun): NameRun | null {
  const tk = s.tokens;
  const num = tk[r.to];
  if (!num || !ROMAN.test(num.text) || num.start !== tk[r.to - 1].end + 1 || r.to - r.from > 2) return null;
  let to = r.to + 1;
  // "Abdullah II bin Al-Hussein": a patronymic after the numeral stays in the name
  const particle = tk[to];
  const tail = particle && NAME_PARTICLES.has(particle.lower) && !particle.cap ? s.runs.find((x) => x.from === to + 1) : undefined;
  if (tail) to = tail.to;
  const ranked = REGNAL_RANKS.has(tk[r.from - 1]?.lower ?? '');
  const titledAfter = tk[to]?.text === ',' && REGNAL_RANKS.has(tk[to + 1]?.lower ?? '');
  if (!ranked && !titledAfter && !tail) return null;
  const end = tk[to - 1].end;
  return { from: r.from, to, start: r.start, end, text: s.text.slice(r.start - s.start, end - s.start), person: true };
}

/** Runs that name people: the analysis' person runs, plus names marked by a courtesy form or a regnal number. */
function personRuns(s: SentenceInfo): NameRun[] {
  const out: NameRun[] = [];
  for (const r of s.runs) {
    if (out.some((x) => r.from < x.to && r.to > x.from)) continue;
    // "ALBA-TCP", "SICA": a run of acronyms names a body, not a person
    if (r.text.split(/\s+/).every((w) => /^[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*$/.test(w))) continue;
    const regnal = regnalRun(s, r);
    if (regnal) out.push(regnal);
    else if (r.person || courtesyBefore(s, r.from)) out.push(hyphenatedSurname(s, r.person ? r : { ...r, person: true }));
    else if (r.to - r.from === 1) {
      // "Minister of Foreign Affairs Hossein Amir-Abdollahian": one word between capitalised ones is a name when a
      // hyphenated surname follows it
      const whole = hyphenatedSurname(s, r);
      if (whole !== r) out.push({ ...whole, person: true });
    }
  }
  return out;
}

const NOT_NAME_PART = (p: string) => TITLE_HEADS.has(p) || TITLE_MODIFIERS.has(p) || ORG_WORDS.has(p);

/** "Hossein Amir-Abdollahian": a hyphenated surname that starts like a title ("Amir-") is still the name's end. */
function hyphenatedSurname(s: SentenceInfo, r: NameRun): NameRun {
  const t = s.tokens[r.to];
  const prev = s.tokens[r.to - 1];
  if (!t || !t.cap || t.start !== prev.end + 1 || !t.text.includes('-') || s.placeAt[r.to]) return r;
  const parts = t.text.split('-');
  if (!parts.every((p) => /^\p{Lu}\p{Ll}+$/u.test(p)) || parts.every((p) => NOT_NAME_PART(p.toLowerCase()))) return r;
  if (s.tokens[r.to + 1]?.cap && ORG_WORDS.has(s.tokens[r.to + 1].lower)) return r;
  return { ...r, to: r.to + 1, end: t.end, text: s.text.slice(r.start - s.start, t.end - s.start) };
}

/** "Mr Wei Cai (Minister)": a title alone in brackets right after the name. */
function bracketTitle(s: SentenceInfo, run: NameRun): Span & { close: number } | null {
  const tk = s.tokens;
  if (tk[run.to]?.text !== '(') return null;
  let close = run.to + 1;
  while (close < tk.length && tk[close].text !== ')' && close - run.to <= 7) {
    const t = tk[close];
    if (!t.word || !(t.cap || CONNECTORS.has(t.lower) || LOWER_CHAIN.has(t.lower))) return null;
    close++;
  }
  if (tk[close]?.text !== ')' || close === run.to + 1) return null;
  const span = lastTitleSpan(tk, run.to + 1, close, new Array(tk.length).fill(0));
  return span && tk[span.from].cap ? { ...span, close } : null;
}

/** "Mr Jingye Cheng, accrediting him as Ambassador of …", "X, appointed as Minister of …": the office after "as". */
const AS_TITLE = /^,?\s+(?:[a-z]+\s+){0,3}?as\s+(?:the\s+)?(?:new(?:ly\s+appointed)?\s+)?(?=\p{Lu})/u;

/**
 * "the foreign ministers of Pakistan and Belarus, Mohammad Ishaq Dar and Sergey Aleynik": as many countries as names,
 * each list coordinated, pair up in order. Returns the country of each name's run (by its first token).
 */
function respectiveCountries(s: SentenceInfo, persons: NameRun[]): Map<number, string> {
  const tk = s.tokens;
  const out = new Map<number, string>();
  if (!/s of\b/.test(s.text)) return out;
  for (let i = 1; i < tk.length; i++) {
    const head = tk[i - 1].lower;
    if (tk[i].lower !== 'of' || !head.endsWith('s') || !TITLE_HEADS.has(head.replace(/(?:ie)?s$/, (m) => (m === 'ies' ? 'y' : '')))) continue;
    const codes: string[] = [];
    let j = i + 1;
    while (j < tk.length) {
      if (tk[j].lower === 'the') j++;
      const place = s.placeAt[j];
      if (!place || place.kind === 'city') break;
      codes.push(place.code);
      while (j < tk.length && s.placeAt[j] === place) j++;
      if (tk[j]?.text === ',' && tk[j + 1]?.lower !== 'and' && !persons.some((r) => r.from === j + 1)) j++;
      else if (tk[j]?.lower === 'and' || (tk[j]?.text === ',' && tk[j + 1]?.lower === 'and')) j += tk[j].text === ',' ? 2 : 1;
      else break;
    }
    if (codes.length < 2 || tk[j]?.text !== ',') continue;
    j++;
    const names: NameRun[] = [];
    while (j < tk.length) {
      const run = persons.find((r) => r.from === j);
      if (!run) break;
      names.push(run);
      j = run.to;
      if (tk[j]?.text === ',' && tk[j + 1]?.lower === 'and') j += 2;
      else if (tk[j]?.text === ',' || tk[j]?.lower === 'and') j++;
      else break;
    }
    if (names.length === codes.length) names.forEach((r, k) => out.set(r.from, codes[k]));
  }
  return out;
}

/** "… delegation (also) included", "… delegation consisted of", up to the name, with no full clause between. */
const DELEGATION_LIST = /\bdelegation\s+(?:also\s+)?(?:included|includes|comprised|consisted\s+of|was\s+composed\s+of|was\s+made\s+up\s+of)\s+(?:[^.;]*;\s*(?:and\s+)?)*(?:[^.;]*,\s*(?:and\s+)?)?$/;

const BUSINESS_TITLE = /\b(?:chief executive(?: officer)?|CEO|managing director|founder|co-founder)\b/i;

function findCandidates(s: SentenceInfo): Candidate[] {
  const persons = personRuns(s);
  const respective = respectiveCountries(s, persons);
  const listed = listedPeople(s);
  const out: Candidate[] = [];
  for (const run of persons) {
    let info: ChainInfo | null = null;
    let counterpart: Candidate['counterpart'] = null;
    let rule: OfficialRule = 'official.title-before';
    let owner: string | null = null;
    let demonymLed = false;
    // 1. Title before the name, over honorifics ("the Secretary-General of ASEAN, Dr. Kao Kim Hourn", "H.E. Moussa Faki").
    let nameFrom = run.from;
    while (nameFrom > 0) {
      const t = s.tokens[nameFrom - 1];
      const dotted = t.text === '.' && (HONORIFICS.has(s.tokens[nameFrom - 2]?.lower ?? '') || DOTTED_HONORIFICS.has(s.tokens[nameFrom - 2]?.lower ?? ''));
      if (HONORIFICS.has(t.lower) || dotted || (DOTTED_HONORIFICS.has(t.lower) && s.tokens[nameFrom]?.text === '.')) nameFrom--;
      else break;
    }
    const back = chainBack(s, nameFrom, persons);
    // "the State Secretary for Ibero-America and the Caribbean": a capitalised word after "for"/"on" is the portfolio
    const portfolioWord = ['for', 'on'].includes(s.tokens[nameFrom - 1]?.lower ?? '') && s.tokens[run.to]?.lower === 'and';
    if (back.from < nameFrom && !portfolioWord) {
      const span = lastTitleSpan(s.tokens, back.from, nameFrom, back.depthAt);
      if (span) {
        // Drop a leading "the"/"a" from the phrase.
        let from = back.from;
        while (from < span.from && ['the', 'a', 'an', 'his', 'her'].includes(s.tokens[from].lower)) from++;
        let to = nameFrom;
        while (to > span.to && s.tokens[to - 1].text === ',') to--;
        info = readChain(s, from, to, span, persons.filter((r) => r !== run));
        // "Iranian President Ebrahim Raisi and Minister of Foreign Affairs Hossein Amir-Abdollahian": a demonym before
        // the first of two titled names joined by "and" serves both
        const prev = out[out.length - 1];
        const andAt = s.tokens[from]?.lower === 'and' ? from : from - 1;
        const ownCountryAfter = s.tokens[run.to]?.lower === 'of' && !!(s.placeAt[run.to + 1] ?? s.placeAt[run.to + 2]);
        if (!info.country && !info.international && !ownCountryAfter && s.tokens[andAt]?.lower === 'and' && prev?.run.to === andAt && prev.info?.country && prev.demonymLed) {
          info = { ...info, country: prev.info.country };
        }
        demonymLed = s.placeAt.slice(from, span.from).some((p) => p?.kind === 'demonym');
      }
    }
    // 1b. The second of two names after a plural title: "Members of the National Assembly X and Y".
    if (!info && out.length) {
      const prev = out[out.length - 1];
      const sep = s.tokens[run.from - 1];
      const plural = prev.info?.title && /s$/.test(prev.info.title.split(/\s+(?:of|for|to|at)\s+/)[0]);
      if (plural && prev.run.to === run.from - 1 && sep && (sep.lower === 'and' || sep.text === ',')) {
        const singular = prev.info!.title!.replace(/^(\S+?)s\b/, '$1');
        prev.info!.title = singular;
        info = { ...prev.info!, title: singular };
        rule = 'official.plural-title';
      }
    }
    // 2. Title after the name: "Max Hill, Head of ...", "Guo Shengkun, the Chinese State Councilor".
    if (!info && s.tokens[run.to]?.text === ',') {
      let k = run.to + 1;
      const startK = k;
      let depth = 0;
      let headAt = -1;
      while (k < s.tokens.length) {
        const t = s.tokens[k];
        if (t.text === '(') depth++;
        else if (t.text === ')') depth--;
        else if (depth === 0) {
          if (!t.word && !/^['’]s$/.test(t.text)) break;
          if (t.word && !t.cap && !CONNECTORS.has(t.lower) && !LOWER_CHAIN.has(t.lower) && !(t.lower === 'a' || t.lower === 'an')) break;
          if (t.lower === 'and' && !s.tokens[k + 1]?.cap) break;
          if (t.lower === 'to' && !s.tokens[k + 1]?.cap) break;
          if (t.lower === 'in' && !(headAt >= 0 && s.tokens[k + 1]?.cap && s.tokens[k + 1]?.lower !== 'the')) break;
          // a capitalised word right after "of" names the body ("President of Eurojust"), not the next person
          if (persons.some((r) => r.from === k) && !(headAt >= 0 && ['of', 'the'].includes(s.tokens[k - 1]?.lower) && persons.find((r) => r.from === k)!.to - k === 1)) break;
          if (headAt < 0 && isHead(t)) headAt = k;
          // "Chen Wenqing, a member of the Political Bureau of …"
          if (headAt < 0 && t.lower === 'member' && ['a', 'an'].includes(s.tokens[k - 1]?.lower) && s.tokens[k + 1]?.lower === 'of') headAt = k;
        }
        k++;
      }
      // A title followed straight by another name is that person's own title ("…, Deputy Minister Y Z").
      const endsAtPerson = persons.some((r) => r.from === k && r.to - r.from >= 2);
      if (headAt >= 0 && headAt - startK <= 5 && !endsAtPerson) {
        let from = startK;
        while (['the', 'a', 'an'].includes(s.tokens[from].lower)) from++;
        const span = s.tokens[headAt].text === 'member' ? { from: headAt, to: headAt + 1 } : lastTitleSpan(s.tokens, from, headAt + 1, new Array(s.tokens.length).fill(0));
        if (span) {
          // extend the span over following title words ("State Councilor")
          let to = span.to;
          while (to < k && isTitleWord(s.tokens[to])) to++;
          info = readChain(s, from, k, { from: span.from, to }, persons.filter((r) => r !== run));
          rule = 'official.title-after';
        }
      }
    }
    // 2b. "Mr Wei Cai (Minister)"
    if (!info) {
      const br = bracketTitle(s, run);
      if (br) {
        info = readChain(s, run.to + 1, br.close, br, persons.filter((r) => r !== run));
        rule = 'official.title-in-brackets';
      }
    }
    // 2c. "Mr Jingye Cheng, accrediting him as Ambassador of the People's Republic of China"
    if (!info) {
      const rest = s.text.slice(run.end - s.start);
      const as = AS_TITLE.exec(rest);
      const from = as ? s.tokens.findIndex((t) => t.start >= run.end + as[0].length) : -1;
      if (as && from > 0 && !persons.some((r) => r.from > run.to && r.from < from)) {
        let to = from;
        const inChain = (t: Token) => (t.word && (t.cap || CONNECTORS.has(t.lower))) || /^['’]s$/.test(t.text);
        while (to < s.tokens.length && inChain(s.tokens[to]) && to - from < 12) to++;
        while (to > from && !s.tokens[to - 1].cap) to--;
        const span = to > from ? lastTitleSpan(s.tokens, from, to, new Array(s.tokens.length).fill(0)) : null;
        if (span && span.from === from) {
          info = readChain(s, from, to, span, persons.filter((r) => r !== run));
          rule = 'official.as-title';
        }
      }
    }
    // 3. "his Georgian counterpart Giorgi Gabitashvili", "his Russian counterpart, Sergey Lavrov", "his counterpart in Argentina, X"
    // (with a title of its own, "her Mauritanian counterpart, X, Minister of …", the counterpart still gives the country)
    if (!info || (!info.country && !info.international)) {
      const prefix = s.text.slice(0, run.start - s.start);
      // … or before the title the person is named with: "his Cambodian counterpart, Deputy Prime Minister X"
      const titled = info ? String.raw`(?:(?:[\p{Lu}][\p{L}-]*|and|of|for|the)\s+){0,8}` : '';
      const m = new RegExp(String.raw`\b(?:his|her|their|its|the)\s+(?:([\p{Lu}][\p{L}.-]+)\s+)?counterpart(?:\s+(?:from|of|in)\s+(?:the\s+)?([\p{Lu}][\p{L}' -]+?))?\s*,?\s*${titled}$`, 'u').exec(prefix);
      // "Matteo Salvini, his Italian counterpart"
      const after = /^,\s+(?:his|her|their|its)\s+(?:[\p{Lu}][\p{L}.-]+\s+)?counterpart\b(?!s)/u.exec(s.text.slice(run.end - s.start));
      if (m || after) {
        const from = m ? s.start + (m.index ?? 0) : run.end;
        const to = m ? run.start : run.end + after![0].length;
        const place = s.places.find((p) => p.start >= from && p.end <= to && p.kind !== 'city');
        if (!info) {
          counterpart = { country: place?.code ?? null };
          rule = 'official.counterpart';
        } else if (place) info = { ...info, country: place.code };
      }
    }
    // 4. One of a list after a plural title: "the ambassadors of Chile, Julio Fiol; of Peru, …"
    const item = !info && !counterpart ? listed.find((x) => x.run === run) : undefined;
    if (item) {
      info = { title: item.title, organization: null, country: item.country, international: false, kingdomRef: false };
      owner = item.owner?.text ?? null;
      rule = 'official.listed';
    }
    // 5. "The British delegation included Debbie Price, the international head of …; Frances Kennah, counsellor …":
    // members of an official delegation, each described after the name
    if (!info && !counterpart) {
      const lead = DELEGATION_LIST.exec(s.text.slice(0, run.start - s.start));
      const desc = /^,\s+((?:the\s+|an?\s+)?[^,;]*?)(?=\s*(?:[;,]|$|\.\s*$))/.exec(s.text.slice(run.end - s.start));
      if (lead && desc && desc[1] && !BUSINESS_TITLE.test(desc[1])) {
        info = { title: desc[1].replace(/^(?:the|an?)\s+/, '').split(/\s+(?:with|of|in|at|for)\s+/)[0] || null, organization: null, country: null, international: false, kingdomRef: false };
        rule = 'official.delegation-member';
      }
    }
    // business people hold no office ("Mr Tom Perrigo, the Chief Executive Officer, of National Trusts")
    if (info?.title && BUSINESS_TITLE.test(info.title)) continue;
    const paired = respective.get(run.from);
    if (paired && info) info = { ...info, country: paired, international: false };
    if (info || counterpart) out.push({ run, sentence: s, info, counterpart, rule, owner, demonymLed });
  }
  return out;
}

/** Same person within one report: equal folded names, or one's words contain the other's. */
export function sameName(a: string, b: string): boolean {
  if (foldText(a) === foldText(b)) return true;
  const ta = new Set(foldedTokens(a).filter((t) => !NAME_PARTICLES.has(t)));
  const tb = new Set(foldedTokens(b).filter((t) => !NAME_PARTICLES.has(t)));
  if (ta.size < 2 || tb.size < 2) return false;
  const [small, big] = ta.size <= tb.size ? [ta, tb] : [tb, ta];
  for (const t of small) if (!big.has(t)) return false;
  return true;
}

/** Officials named in the report, in order of first mention. */
export function findOfficials(analysis: Analysis): ExtractedOfficial[] {
  const officials: ExtractedOfficial[] = [];
  for (const s of analysis.sentences) {
    for (const c of findCandidates(s)) {
      const name = cleanName(c.run, s);
      const tokens = foldedTokens(name);
      if (tokens.length < 2) {
        // A single word is a name only right after a capitalised title ("President Erdogan") and when no
        // fuller name of the report contains it.
        const prev = s.tokens[c.run.from - 1];
        if (!c.info || !prev || !prev.cap || !isHead(prev)) continue;
      }
      const existing = officials.find((o) => sameName(o.name, name) || o.aliases.some((a) => sameName(a, name)));
      const title = c.info?.title ?? null;
      if (existing) {
        if (title && !existing.titles.some((t) => foldText(t) === foldText(title))) existing.titles.push(title);
        if (!existing.organization && c.info?.organization) existing.organization = c.info.organization;
        if (!existing.country && c.info?.country) {
          existing.country = c.info.country;
          existing.countrySource = 'title';
        }
        if (c.info) existing.counterpartOnly = false;
        if (foldText(existing.name) !== foldText(name) && !existing.aliases.includes(name)) {
          if (foldedTokens(name).length > foldedTokens(existing.name).length) {
            existing.aliases.push(existing.name);
            existing.name = name;
          } else existing.aliases.push(name);
        }
        continue;
      }
      // "his deputies" serve the state of the person they belong to
      const owner = c.owner ? officials.find((o) => sameName(o.name, c.owner!) || foldedTokens(o.name).includes(foldText(c.owner!))) : undefined;
      const country = c.info?.country ?? c.counterpart?.country ?? owner?.country ?? null;
      officials.push({
        name,
        aliases: [],
        titles: title ? [title] : [],
        organization: c.info?.organization ?? null,
        country,
        countrySource: country ? (c.info?.country ? 'title' : 'counterpart') : null,
        international: c.info?.international ?? false,
        kingdomRef: c.info?.kingdomRef ?? false,
        counterpartOnly: !c.info,
        firstOffset: c.run.start,
        evidence: { sentence: s.text, start: s.start, end: s.end },
        extraction: { rule: c.rule, confidence: OFFICIAL_RULES[c.rule] },
      });
    }
  }
  // Single-word officials that turn out to be part of a fuller name are merged into it.
  for (let i = officials.length - 1; i >= 0; i--) {
    const o = officials[i];
    if (foldedTokens(o.name).length !== 1) continue;
    const key = foldedTokens(o.name)[0];
    const full = officials.find((f) => f !== o && foldedTokens(f.name).includes(key));
    if (full) officials.splice(i, 1);
  }
  return officials;
}

/** Normalised title for comparisons ("Procurator-General" → "prosecutor general", "FM" → "foreign minister"). */
export function titleKey(title: string): string {
  let t = foldText(title).replace(/-/g, ' ');
  t = t
    .replace(/\bprocurator\b/g, 'prosecutor')
    .replace(/\bgeneral prosecutor\b/g, 'prosecutor general')
    .replace(/\bchief prosecutor\b/g, 'prosecutor general')
    .replace(/\bfm\b/g, 'foreign minister')
    .replace(/\bminister (?:for|of) foreign affairs\b/g, 'foreign minister')
    .replace(/\bforeign affairs minister\b/g, 'foreign minister')
    .replace(/\bcouncill?or\b/g, 'councilor')
    .replace(/\bsecretary general\b/g, 'secretary general');
  return t.trim();
}

/** True when a title description ("the prosecutor general") fits one of an official's titles. */
export function titleFits(description: string, titles: string[]): boolean {
  const d = titleKey(description).split(' ').filter((w) => !['the', 'a', 'an'].includes(w));
  if (!d.length) return false;
  return titles.some((t) => {
    const words = new Set(titleKey(t).split(' '));
    return d.every((w) => words.has(w));
  });
}

export { isNameWord };
