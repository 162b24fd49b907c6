/**
 * Where an article's extracted facts and named officials sit in its text.
 * Offsets count in the body with paragraphs joined by "\n\n", the convention
 * of `Evidence.start`/`end`. Pure functions, no DOM: the article page renders
 * the segments they return.
 */

export interface Range {
  start: number;
  end: number;
}

/** A fact (meeting or conference) whose evidence sentence was found in the text. */
export interface FactSpan extends Range {
  /** 1-based number shown in the text and in the list of facts. */
  number: number;
}

export interface NameSpan extends Range {
  officialId: string;
}

export interface Segment {
  text: string;
  /** Numbers of the facts whose sentence covers this text, ascending. */
  facts: number[];
  /** The official this text names, if it is a name. */
  officialId: string | null;
}

export const paragraphSeparator = '\n\n';

/**
 * The evidence's range in `text`. Offsets are trusted when they cut out the
 * sentence; otherwise (missing or stale offsets) the sentence is searched for.
 */
export function locateSentence(text: string, evidence: { sentence: string; start?: number | null; end?: number | null }): Range | null {
  const { sentence, start, end } = evidence;
  if (start != null && end != null && start >= 0 && end <= text.length && start < end && text.slice(start, end) === sentence) {
    return { start, end };
  }
  if (!sentence) return null;
  const found = text.indexOf(sentence);
  return found < 0 ? null : { start: found, end: found + sentence.length };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every whole-word, same-case occurrence of each official's names; where two
 * overlap (`Aliyev` inside `Kamran Aliyev`) the longer wins.
 */
export function findNames(text: string, officials: Array<{ id: string; names: string[] }>): NameSpan[] {
  const candidates: NameSpan[] = [];
  for (const official of officials) {
    for (const name of new Set(official.names.map((n) => n.trim()).filter((n) => n.length > 1))) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'gu');
      for (const match of text.matchAll(pattern)) {
        candidates.push({ start: match.index, end: match.index + name.length, officialId: official.id });
      }
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: NameSpan[] = [];
  for (const candidate of candidates) {
    const last = chosen[chosen.length - 1];
    if (last && candidate.start < last.end) continue;
    chosen.push(candidate);
  }
  return chosen;
}

/** Cuts each paragraph at every fact and name boundary; joined, a paragraph's segments give it back unchanged. */
export function segmentBody(body: string[], facts: FactSpan[], names: NameSpan[]): Segment[][] {
  let offset = 0;
  return body.map((paragraph) => {
    const from = offset;
    const to = offset + paragraph.length;
    offset = to + paragraphSeparator.length;

    const cuts = new Set<number>([from, to]);
    for (const span of [...facts, ...names]) {
      if (span.start > from && span.start < to) cuts.add(span.start);
      if (span.end > from && span.end < to) cuts.add(span.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let i = 0; i + 1 < points.length; i += 1) {
      const start = points[i]!;
      const end = points[i + 1]!;
      segments.push({
        text: paragraph.slice(start - from, end - from),
        facts: facts.filter((f) => f.start <= start && f.end >= end).map((f) => f.number).sort((a, b) => a - b),
        officialId: names.find((n) => n.start <= start && n.end >= end)?.officialId ?? null,
      });
    }
    return segments;
  });
}
