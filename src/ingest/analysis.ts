/** Per-sentence analysis shared by the extractors: tokens, places, dates and candidate person names. */
import { findPlaces, PlaceMention } from './countries';
import { DateMention, findDates } from './dates';
import { isAcronym, NAME_PARTICLES, NOT_NAME, ORG_WORDS, PREFIXED_NAME, TITLE_HEADS, TITLE_MODIFIERS, Token, tokenize } from './lexicon';
import { PartOfSpeech, tagText } from './nlp';
import { Sentence, splitSentences } from './sentences';
import type { Report } from './report';

/** A run of capitalised words that may be a person's name. */
export interface NameRun {
  /** Token indexes [from, to). */
  from: number;
  to: number;
  /** Offsets in the body. */
  start: number;
  end: number;
  text: string;
  /** False when the words belong to an organisation name ("Xyz Committee") or follow "the". */
  person: boolean;
}

export interface SentenceInfo extends Sentence {
  tokens: Token[];
  /** Places with body offsets. */
  places: PlaceMention[];
  /** Dates with body offsets. */
  dates: DateMention[];
  runs: NameRun[];
  /** Token index → place covering it. */
  placeAt: Array<PlaceMention | undefined>;
  /** Token index → part of speech; filled on first use by `partsOfSpeech`. */
  pos?: Array<PartOfSpeech | undefined>;
}

export interface Analysis {
  report: Report;
  sentences: SentenceInfo[];
}

/** True when a capitalised word can be part of a person's name. */
export function isNameWord(t: Token, place: PlaceMention | undefined): boolean {
  if (!t.word || place) return false;
  if (!t.cap) return PREFIXED_NAME.test(t.text);
  if (t.text.length < 2 || isAcronym(t.text)) return false;
  if (/\d/.test(t.text)) return false;
  if (/\.$/.test(t.text) || /^\p{L}\.\p{L}/u.test(t.text)) return false;
  const l = t.lower;
  if (NOT_NAME.has(l) || TITLE_HEADS.has(l) || ORG_WORDS.has(l) || TITLE_MODIFIERS.has(l)) return false;
  // plural titles ("Ministers", "Ambassadors")
  if (/s$/.test(l) && (TITLE_HEADS.has(l.slice(0, -1)) || ORG_WORDS.has(l.slice(0, -1)))) return false;
  // Hyphenated compounds of title words ("Prosecutor-General", "Anti-Terrorist").
  const parts = l.split('-');
  if (parts.length > 1 && parts.some((p) => TITLE_HEADS.has(p) || ORG_WORDS.has(p) || p === 'anti' || p === 'in')) return false;
  return true;
}

/** An initial: one capital letter and its full stop, followed by a word ("S. Jaishankar"). */
function isInitial(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const dot = tokens[i + 1];
  const after = tokens[i + 2];
  return !!t && !!dot && !!after && /^\p{Lu}$/u.test(t.text) && dot.text === '.' && dot.start === t.end && after.start === dot.end + 1;
}

/** Name words that always take the next word with them. */
const NAME_LINKS = new Set(['abdul', 'abd', 'abdel', 'abdol', 'abu', 'abou']);

/** A capitalised one-word city name. */
function cityWord(t: Token, place: PlaceMention | undefined): boolean {
  return !!place && place.kind === 'city' && place.text === t.text && t.cap;
}

function findRuns(tokens: Token[], placeAt: Array<PlaceMention | undefined>, text: string, offset: number): NameRun[] {
  const runs: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    const initialStart = isInitial(tokens, i) && isNameWord(tokens[i + 2], placeAt[i + 2]);
    if (!isNameWord(tokens[i], placeAt[i]) && !initialStart) {
      i++;
      continue;
    }
    let j = i + 1;
    let particle = false;
    while (j < tokens.length && j - i < 7) {
      if (j === i + 1 && initialStart) {
        j = i + 3;
      } else if (isInitial(tokens, j) && isNameWord(tokens[j + 2], placeAt[j + 2]) && tokens[j].start === tokens[j - 1].end + 1) {
        j += 3;
      } else if (isNameWord(tokens[j], placeAt[j]) && tokens[j].start === tokens[j - 1].end + 1) {
        j++;
      } else if (NAME_LINKS.has(tokens[j - 1].lower) && tokens[j].cap && tokens[j].word && tokens[j].start === tokens[j - 1].end + 1) {
        // "Abdul Amir", "Abu Bakr": the word after these is a name even when it reads as a title
        j++;
      } else if (NAME_PARTICLES.has(tokens[j].lower) && !tokens[j].cap) {
        // one or more particles inside the name: "van der Berg", "dos Santos", "Correia e Silva"
        let k = j;
        while (k < tokens.length && NAME_PARTICLES.has(tokens[k].lower) && !tokens[k].cap && k - j < 2) k++;
        if (k < tokens.length && isNameWord(tokens[k], placeAt[k])) {
          j = k + 1;
          particle = true;
        } else break;
      } else if (particle && cityWord(tokens[j], placeAt[j]) && tokens[j].start === tokens[j - 1].end + 1) {
        // a surname spelt like a city after a particle ("Carlos de Souza Lima")
        j++;
      } else break;
    }
    const start = tokens[i].start;
    const end = tokens[j - 1].end;
    let person = true;
    const prev = tokens[i - 1];
    if (prev && (prev.lower === 'the' || prev.lower === 'a' || prev.lower === 'an')) person = false;
    let k = j;
    if (tokens[k] && /^['’]s$/.test(tokens[k].text)) k++;
    const next = tokens[k];
    if (next && next.cap && (ORG_WORDS.has(next.lower) || placeAt[k]?.kind === 'country')) person = false;
    if (next && next.cap && k === j && isAcronym(next.text)) person = false;
    // one word wedged between capitalised words is part of an organisation's name ("International Atomic Energy")
    if (j - i === 1 && prev?.cap && prev.word && next?.cap && next.word && k === j) person = false;
    runs.push({ from: i, to: j, start, end, text: text.slice(start - offset, end - offset), person });
    i = j;
  }
  return runs;
}

/** "Separately, the Secretary-General …": a capitalised opening word before a comma is a name only if it is no adverb. */
function dropOpeningAdverb(s: SentenceInfo): SentenceInfo {
  const first = s.runs[0];
  if (first && first.from === 0 && first.to === 1 && s.tokens[1]?.text === ',' && partsOfSpeech(s)[0] === 'ADV') s.runs = s.runs.slice(1);
  return s;
}

/** Splits the report into sentences and annotates each one. */
export function analyse(report: Report): Analysis {
  const sentences = splitSentences(report.paragraphs).map((s): SentenceInfo => {
    const tokens = tokenize(s.text, s.start);
    const places = findPlaces(s.text).map((p) => ({ ...p, start: p.start + s.start, end: p.end + s.start }));
    const dates = findDates(s.text, report.publishedDate).map((d) => ({ ...d, start: d.start + s.start, end: d.end + s.start }));
    const placeAt: Array<PlaceMention | undefined> = tokens.map((t) => places.find((p) => t.start >= p.start && t.end <= p.end));
    const runs = findRuns(tokens, placeAt, s.text, s.start);
    return dropOpeningAdverb({ ...s, tokens, places, dates, runs, placeAt });
  });
  splitKnownBodies(sentences);
  return { report, sentences };
}

/**
 * "Deputy Speaker of the Jogorku Kenesh Jamilya Isaeva": a run after "the" that starts with the name of a body
 * the report uses elsewhere on its own ("the Jogorku Kenesh of the Kyrgyz Republic") is that body, then a person.
 */
function splitKnownBodies(sentences: SentenceInfo[]): void {
  const bodies = new Set<string>();
  for (const s of sentences) {
    for (const r of s.runs) if (!r.person && s.tokens[r.from - 1]?.lower === 'the') bodies.add(r.text);
  }
  for (const s of sentences) {
    const out: NameRun[] = [];
    for (const r of s.runs) {
      const body = !r.person && s.tokens[r.from - 1]?.lower === 'the' ? [...bodies].find((b) => b !== r.text && r.text.startsWith(`${b} `)) : undefined;
      const cut = body ? r.from + body.split(' ').length : -1;
      if (!body || r.to - cut < 2) {
        out.push(r);
        continue;
      }
      const at = s.tokens[cut].start;
      out.push({ ...r, to: cut, end: s.tokens[cut - 1].end, text: body });
      out.push({ from: cut, to: r.to, start: at, end: r.end, text: s.text.slice(at - s.start, r.end - s.start), person: true });
    }
    s.runs = out;
  }
}

/** The run that starts at token `i`, if any. */
export function runAt(s: SentenceInfo, i: number): NameRun | undefined {
  return s.runs.find((r) => r.from === i);
}

/** The run that ends just before token `i`, if any. */
export function runEndingAt(s: SentenceInfo, i: number): NameRun | undefined {
  return s.runs.find((r) => r.to === i);
}

/** Part of speech of each token of the sentence, tagged on first use. */
export function partsOfSpeech(s: SentenceInfo): Array<PartOfSpeech | undefined> {
  if (!s.pos) {
    const tags = tagText(s.text, s.start);
    let k = 0;
    s.pos = s.tokens.map((t) => {
      while (k < tags.length && tags[k].end <= t.start) k++;
      return tags[k] && tags[k].start <= t.start ? tags[k].pos : undefined;
    });
  }
  return s.pos;
}

/**
 * True when a lower-case verb stands between two body offsets: the words between two listed people then form a
 * clause of their own ("X, who met Y"), not a title ("X, Minister of Foreign Affairs of Ukraine; Y").
 */
export function verbBetween(s: SentenceInfo, start: number, end: number): boolean {
  const pos = partsOfSpeech(s);
  return s.tokens.some((t, i) => t.start >= start && t.end <= end && !t.cap && (pos[i] === 'VERB' || pos[i] === 'AUX'));
}
