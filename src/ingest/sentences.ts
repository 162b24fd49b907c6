/** Sentence splitting with character offsets into the report body. */

export interface Sentence {
  /** Position among the body's sentences, from 0. */
  index: number;
  /** Paragraph the sentence belongs to, from 0. */
  paragraph: number;
  /** The sentence, verbatim. */
  text: string;
  /** Offset of its first character in the body. */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

/** Words after which a period does not end a sentence. */
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'no', 'nos', 'vs', 'etc', 'e.g', 'i.e', 'approx', 'gen', 'lt', 'col',
    'maj', 'capt', 'cmdr', 'adm', 'sgt', 'gov', 'sen', 'rep', 'amb', 'hon', 'rev', 'h.e', 'jan', 'feb', 'mar', 'apr', 'jun',
    'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.u', 'inc', 'ltd', 'co', 'corp', 'dept', 'art',
    'para', 'fig', 'vol', 'op', 'cit', 'ibid', 'al',
  ],
);

/** Splits one paragraph (already positioned at `offset` in the body) into sentences. */
function splitParagraph(text: string, offset: number): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  let start = 0;
  const re = /[.!?]+["'”’)\]]*(?=\s+|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const stop = m.index + m[0].length;
    const after = text.slice(stop).replace(/^\s+/, '');
    if (after.length > 0) {
      // The next sentence must start like one.
      if (!/^["'“‘(\[]?[\p{Lu}\p{N}]/u.test(after)) continue;
      if (m[0].startsWith('.') && m[0].length === 1) {
        const before = text.slice(start, m.index);
        // a day's ordinal full stop ("from 27-28. May 2024", European style) ends no sentence
        if (/(?:^|[^\d.])\d{1,2}$/.test(before) && /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(after)) continue;
        const word = /([\p{L}.]+)$/u.exec(before);
        if (word) {
          const w = word[1].toLowerCase();
          if (ABBREVIATIONS.has(w)) continue;
          // An initial ("J. Smith") or a dotted abbreviation ("U.S.").
          if (/^\p{Lu}$/u.test(word[1]) || /^(\p{L}\.)+\p{L}$/u.test(word[1])) continue;
        }
      }
    }
    pushTrimmed(out, text, start, stop, offset);
    start = stop;
  }
  if (start < text.length) pushTrimmed(out, text, start, text.length, offset);
  return out;
}

function pushTrimmed(
  out: Array<{ text: string; start: number; end: number }>,
  text: string,
  from: number,
  to: number,
  offset: number,
): void {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  if (b > a) out.push({ text: text.slice(a, b), start: offset + a, end: offset + b });
}

/** Splits paragraphs into sentences; offsets refer to the paragraphs joined by "\n\n". */
export function splitSentences(paragraphs: string[]): Sentence[] {
  const sentences: Sentence[] = [];
  let offset = 0;
  paragraphs.forEach((paragraph, p) => {
    for (const s of splitParagraph(paragraph, offset)) {
      sentences.push({ index: sentences.length, paragraph: p, ...s });
    }
    offset += paragraph.length + 2;
  });
  return sentences;
}
