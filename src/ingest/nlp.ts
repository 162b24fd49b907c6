/**
 * The linguistic layer: parts of speech from wink-nlp's English model, aligned to body offsets.
 * Tagging is lazy (only sentences a rule asks about are tagged) so extraction keeps its speed.
 */
import winkNLP, { PartOfSpeech } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type { PartOfSpeech } from 'wink-nlp';

export interface TaggedWord {
  start: number;
  end: number;
  pos: PartOfSpeech;
}

let engine: ReturnType<typeof winkNLP> | null = null;

/** The model takes about half a second to load: load it on first use, once. */
function nlp(): ReturnType<typeof winkNLP> {
  engine ??= winkNLP(model, ['pos']);
  return engine;
}

/** Words of `text` with their part of speech; offsets are shifted by `offset`. */
export function tagText(text: string, offset = 0): TaggedWord[] {
  const doc = nlp().readDoc(text);
  const its = nlp().its;
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as PartOfSpeech[];
  const out: TaggedWord[] = [];
  let at = 0;
  values.forEach((value, i) => {
    // the tokenizer keeps each token's characters as written, so a forward search realigns it with the text
    const k = text.indexOf(value, at);
    if (k < 0) return;
    out.push({ start: offset + k, end: offset + k + value.length, pos: tags[i] });
    at = k + value.length;
  });
  return out;
}
