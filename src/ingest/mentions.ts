/**
 * Later mentions of officials: full names, single name words ("Aliyev", "Minister Song", "FM Bilawal"),
 * title descriptions ("the Prosecutor General", "Azerbaijan's Prosecutor General", "the secretary general")
 * and pronouns ("he", "his").
 */
import { foldText, foldedTokens } from './fold';
import { Analysis, SentenceInfo } from './analysis';
import { NAME_PARTICLES, ORG_WORDS, TITLE_HEADS, TITLE_MODIFIERS, Token } from './lexicon';
import { ExtractedOfficial, sameName, titleFits } from './officials';

export type MentionKind = 'name' | 'partial' | 'description' | 'pronoun' | 'counterpart';

export interface Mention {
  /** Index into the officials list; -1 while unresolved (pronouns, counterparts). */
  official: number;
  kind: MentionKind;
  /** Offsets in the body. */
  start: number;
  end: number;
  sentence: number;
  /** Country named in a description ("Azerbaijan's Prosecutor General"). */
  country?: string | null;
}

function isTitleTok(t: Token): boolean {
  const l = t.lower;
  if (TITLE_HEADS.has(l) || TITLE_MODIFIERS.has(l)) return true;
  return l.includes('-') && l.split('-').some((p) => TITLE_HEADS.has(p));
}

function headTok(t: Token): boolean {
  const l = t.lower;
  if (['general', 'deputy', 'justice', 'state', 'foreign', 'first', 'chief'].includes(l)) return false;
  if (TITLE_HEADS.has(l)) return true;
  return l.includes('-') && l.split('-').some((p) => TITLE_HEADS.has(p) && p !== 'general');
}

export class MentionIndex {
  readonly bySentence: Mention[][];
  readonly salience: number[];

  constructor(
    analysis: Analysis,
    private readonly officials: ExtractedOfficial[],
  ) {
    this.salience = officials.map(() => 0);
    const raw = analysis.sentences.map((s) => this.scanNames(s));
    for (const list of raw) for (const m of list) if (m.official >= 0) this.salience[m.official]++;
    this.bySentence = analysis.sentences.map((s, i) => {
      const recent = this.recency(raw, i);
      const list = [...raw[i], ...this.scanDescriptions(s, raw[i], recent), ...this.scanPronouns(s)];
      return list.sort((a, b) => a.start - b.start);
    });
    this.resolvePronouns();
  }

  /** Official preferred among several: most mentioned, then first introduced. */
  private pick(candidates: number[]): number {
    return [...candidates].sort((a, b) => this.salience[b] - this.salience[a] || this.officials[a].firstOffset - this.officials[b].firstOffset)[0];
  }

  /** Where each official was last named, for "the Ambassador" after several ambassadors: the latest one. */
  private recency(raw: Mention[][], upTo: number): (official: number, before: number) => number {
    return (official, before) => {
      for (let i = upTo; i >= 0; i--) {
        let last = -1;
        for (const m of raw[i]) if (m.official === official && m.start < before && m.start > last) last = m.start;
        if (last >= 0) return last;
      }
      return -1;
    };
  }

  private scanNames(s: SentenceInfo): Mention[] {
    const out: Mention[] = [];
    const covered: Array<[number, number]> = [];
    for (const run of s.runs) {
      const words = s.tokens.slice(run.from, run.to);
      const text = run.text;
      const match = foldedTokens(text).length >= 2 ? this.officials.findIndex((o) => sameName(o.name, text) || o.aliases.some((a) => sameName(a, text))) : -1;
      if (match >= 0) {
        out.push({ official: match, kind: 'name', start: run.start, end: run.end, sentence: s.index });
        covered.push([run.start, run.end]);
        continue;
      }
      // single name words: "Aliyev", "Minister Song", "FM Bilawal"; not inside a longer unknown name
      if (words.length !== 1) continue;
      const key = foldText(words[0].text);
      if (key.length < 3 || NAME_PARTICLES.has(key)) continue;
      const word = key.replace(/'/g, '');
      const cands: number[] = [];
      this.officials.forEach((o, i) => {
        const name = foldedTokens(o.name);
        if (name.length >= 2 && name.includes(word)) cands.push(i);
      });
      if (!cands.length) continue;
      out.push({ official: cands.length === 1 ? cands[0] : this.pick(cands), kind: 'partial', start: run.start, end: run.end, sentence: s.index });
    }
    // full names that the run finder split (e.g. "Bhutto-Zardari" forms)
    for (const [i, o] of this.officials.entries()) {
      const idx = s.text.indexOf(o.name);
      if (idx < 0) continue;
      const start = s.start + idx;
      if (out.some((m) => m.start <= start && m.end > start)) continue;
      out.push({ official: i, kind: 'name', start, end: start + o.name.length, sentence: s.index });
    }
    return out;
  }

  /** Title phrases that point back to an official instead of introducing one. */
  private scanDescriptions(s: SentenceInfo, names: Mention[], lastNamed: (official: number, before: number) => number): Mention[] {
    const tk = s.tokens;
    const out: Mention[] = [];
    const persons = s.runs.filter((r) => r.person);
    for (let i = 0; i < tk.length; i++) {
      if (!isTitleTok(tk[i])) continue;
      let j = i;
      while (j < tk.length && isTitleTok(tk[j])) j++;
      const spanToks = tk.slice(i, j);
      if (!spanToks.some(headTok)) {
        i = j - 1;
        continue;
      }
      // plural or possessive uses are no descriptions
      const last = tk[j - 1];
      if (/s$/.test(last.lower) && !/(?:ss|us)$/.test(last.lower) && !TITLE_HEADS.has(last.lower)) {
        i = j - 1;
        continue;
      }
      if (tk[j] && /^['’]s$/.test(tk[j].text)) {
        i = j - 1;
        continue;
      }
      // determiner / country before
      let k = i - 1;
      let country: string | null = null;
      if (k >= 0 && /^['’]s$/.test(tk[k].text) && s.placeAt[k - 1]) {
        country = s.placeAt[k - 1]!.code;
        k = tk.findIndex((t) => t === tk[k - 1]);
        while (k > 0 && s.placeAt[k - 1] === s.placeAt[k]) k--;
        k--;
      } else if (k >= 0 && s.placeAt[k] && s.placeAt[k]!.kind !== 'city') {
        country = s.placeAt[k]!.code;
        while (k > 0 && s.placeAt[k - 1] === s.placeAt[k]) k--;
        k--;
      }
      const det = k >= 0 ? tk[k].lower : '';
      if (!country && !['the', 'his', 'her', 'its', 'their'].includes(det)) {
        i = j - 1;
        continue;
      }
      // "… of Tajikistan" after
      let m = j;
      if (tk[m]?.lower === 'of' && (s.placeAt[m + 1] || (tk[m + 1]?.lower === 'the' && s.placeAt[m + 2]))) {
        const p = s.placeAt[m + 1] ?? s.placeAt[m + 2]!;
        if (p.kind !== 'city') {
          country = country ?? p.code;
          m = tk.findIndex((t) => t.start >= p.end);
          if (m < 0) m = tk.length;
        }
      }
      // introduces a name right after? ("the Prosecutor General of Georgia, Giorgi Gabitashvili", "the head of … Harj Dersi")
      let n = m;
      let depth = 0;
      while (n < tk.length) {
        const t = tk[n];
        if (t.text === '(') depth++;
        else if (t.text === ')') depth--;
        else if (depth === 0) {
          if (persons.some((r) => r.from === n)) break;
          if (t.text === ',' && persons.some((r) => r.from === n + 1)) {
            n++;
            break;
          }
          if (!t.word && !/^['’]s$/.test(t.text)) break;
          if (t.word && !t.cap && !['of', 'the', 'at', 'in', 'for', 'and', 'to'].includes(t.lower) && !ORG_WORDS.has(t.lower)) {
            const nx = tk[n + 1];
            if (!(nx && !nx.cap && ORG_WORDS.has(nx.lower))) break;
          }
        }
        n++;
      }
      if (persons.some((r) => r.from === n) || names.some((x) => x.start === tk[n]?.start)) {
        i = j - 1;
        continue;
      }
      // appositive after a name: "Max Hill, Head of …"
      const before = k >= 0 ? tk[k] : undefined;
      const beforeBefore = k >= 1 ? tk[k - 1] : undefined;
      const afterName = (t: Token | undefined) => !!t && (persons.some((r) => r.to > 0 && tk[r.to - 1] === t) || names.some((x) => x.end === t.end));
      if ((before?.text === ',' && afterName(beforeBefore)) || (['the', 'a'].includes(det) && tk[k - 1]?.text === ',' && afterName(tk[k - 2]))) {
        i = j - 1;
        continue;
      }
      const description = spanToks.map((t) => t.text).join(' ');
      let cands = this.officials.map((o, idx) => ({ o, idx })).filter(({ o }) => titleFits(description, o.titles));
      if (country) {
        // "the Cambodian Prime Minister": the one known to be Cambodian before one whose country is still open
        const same = cands.filter(({ o }) => o.country === country);
        cands = same.length ? same : cands.filter(({ o }) => !o.country);
      }
      if (cands.length) {
        // several holders of the title: the most talked about; among equally talked-about ones ("the Ambassador" after
        // three ambassadors each named once), the one named last before the description
        const top = Math.max(...cands.map((c) => this.salience[c.idx]));
        const tied = cands.filter((c) => this.salience[c.idx] === top).map((c) => ({ idx: c.idx, at: lastNamed(c.idx, tk[i].start) }));
        const latest = Math.max(...tied.map((x) => x.at));
        const recent = tied.length > 1 && latest >= 0 ? tied.filter((x) => x.at === latest).map((x) => x.idx) : [];
        const chosen = cands.length === 1 ? cands[0].idx : recent.length === 1 ? recent[0] : this.pick(cands.map((c) => c.idx));
        out.push({ official: chosen, kind: 'description', start: tk[Math.max(k, 0)].start, end: tk[j - 1].end, sentence: s.index, country });
        if (country && !this.officials[chosen].country && !this.officials[chosen].international) {
          this.officials[chosen].country = country;
          this.officials[chosen].countrySource = 'description';
        }
      } else if (/\bcounterpart\b/.test(description)) {
        out.push({ official: -1, kind: 'counterpart', start: tk[i].start, end: tk[j - 1].end, sentence: s.index, country });
      }
      i = j - 1;
    }
    // "his counterpart", "his colleague" without a name
    const re = /\b(?:his|her)\s+(?:([A-Z][\p{L}.-]+)\s+)?(?:counterpart|colleague)\b(?!s)/gu;
    let mm: RegExpExecArray | null;
    while ((mm = re.exec(s.text))) {
      const start = s.start + mm.index;
      const end = start + mm[0].length;
      if (names.some((x) => x.start >= end && x.start <= end + 2)) continue;
      const p = s.places.find((pl) => pl.start >= start && pl.end <= end);
      out.push({ official: -1, kind: 'counterpart', start, end, sentence: s.index, country: p?.code ?? null });
    }
    return out;
  }

  private scanPronouns(s: SentenceInfo): Mention[] {
    const out: Mention[] = [];
    const re = /\b(he|him|his|she|her)\b/gi;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s.text))) {
      // "his counterpart" is handled as a counterpart mention
      const after = s.text.slice(m.index + m[0].length);
      if (/^\s+(?:[A-Z][\p{L}.-]+\s+)?(?:counterpart|colleague)\b/u.test(after)) continue;
      out.push({ official: -1, kind: 'pronoun', start: s.start + m.index, end: s.start + m.index + m[0].length, sentence: s.index });
    }
    return out;
  }

  private resolvePronouns(): void {
    let lastSubject = -1;
    for (const list of this.bySentence) {
      let firstInSentence = -1;
      for (const m of list) {
        if (m.kind === 'pronoun') {
          const prior = list.filter((x) => x.end <= m.start && x.official >= 0 && x.kind !== 'pronoun');
          m.official = prior.length ? prior[prior.length - 1].official : lastSubject;
        }
        if (m.official >= 0 && firstInSentence < 0 && m.kind !== 'counterpart') firstInSentence = m.official;
      }
      if (firstInSentence >= 0) lastSubject = firstInSentence;
    }
  }

  /** Resolved mentions of a sentence between two body offsets. */
  between(sentence: number, start: number, end: number): Mention[] {
    return this.bySentence[sentence].filter((m) => m.start >= start && m.end <= end);
  }

  /** The official most talked about, if any. */
  mainActor(): number {
    if (!this.officials.length) return -1;
    return this.pick(this.officials.map((_, i) => i));
  }
}
