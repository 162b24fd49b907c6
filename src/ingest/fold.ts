/**
 * Text folding for extraction, memoised: matching mentions against officials folds the same few names
 * thousands of times per report, and folding was the largest single cost of extraction.
 */
import { foldText as fold, foldedTokens as foldWords } from '../text/normalize';

const LIMIT = 50_000;
const texts = new Map<string, string>();
const words = new Map<string, readonly string[]>();

export function foldText(text: string): string {
  let v = texts.get(text);
  if (v === undefined) {
    if (texts.size > LIMIT) texts.clear();
    v = fold(text);
    texts.set(text, v);
  }
  return v;
}

/** The folded words of a text; the array is shared, so callers must not change it. */
export function foldedTokens(text: string): readonly string[] {
  let v = words.get(text);
  if (v === undefined) {
    if (words.size > LIMIT) words.clear();
    v = foldWords(text);
    words.set(text, v);
  }
  return v;
}
