/**
 * Coordinated lists of people after a plural title, each paired with the country the list gives them:
 *   "the ambassadors of Uruguay, Nester Navarro; of Chile, Julio Fiol; and of Australia, Tegan Brink"
 *   "the Ambassadors of the United States of America - Manuel Micaller, Turkey - Umut Acar and New Zealand - Sari Walsh"
 *   "the credentials of new ambassadors: Smita Pant of India, Won Do-young of the Republic of Korea and Toivo Klaar of …"
 */
import { NameRun, SentenceInfo } from './analysis';
import { TITLE_HEADS } from './lexicon';

export interface ListedPerson {
  run: NameRun;
  /** The title the list gives everyone, in the singular ("Ambassador"). */
  title: string;
  /** ISO2 code of the country paired with the person, if any. */
  country: string | null;
  /** "X and his two deputies, Y and Z": the person whose people they are. */
  owner: NameRun | null;
}

/** Words that may stand between the items of a list without ending it. */
const LIST_GLUE = new Set(['of', 'the', 'and', 'as', 'well', 'from', 'for', 'new', 'newly', 'appointed', 'respectively']);

/** "Ambassadors", "envoys", "High Commissioners": the plural of a title head. */
function pluralTitle(lower: string): string | null {
  if (!lower.endsWith('s')) return null;
  const singular = lower.endsWith('ies') ? `${lower.slice(0, -3)}y` : lower.slice(0, -1);
  return TITLE_HEADS.has(singular) && !['general', 'head', 'chief', 'leader', 'officer', 'member'].includes(singular) ? singular : null;
}

/** People listed after plural titles in one sentence, each with its country. */
export function listedPeople(s: SentenceInfo): ListedPerson[] {
  const out: ListedPerson[] = [];
  const tk = s.tokens;
  for (let i = 0; i < tk.length; i++) {
    const singular = pluralTitle(tk[i].lower);
    if (!singular) continue;
    // "the Council of Prosecutors": a plural inside an organisation's name heads no list
    if (tk[i - 1]?.lower === 'of' && tk[i - 2]?.cap) continue;
    const head = i;
    // the list runs over names, places, title words and glue; any other word (a verb, "who") ends it
    type Item = { kind: 'name'; run: NameRun } | { kind: 'place'; code: string; city: boolean };
    const items: Item[] = [];
    let j = i + 1;
    while (j < tk.length) {
      const t = tk[j];
      const run = s.runs.find((r) => r.from === j && r.person);
      if (run) {
        items.push({ kind: 'name', run });
        j = run.to;
        continue;
      }
      const place = s.placeAt[j];
      if (place) {
        items.push({ kind: 'place', code: place.code, city: place.kind === 'city' });
        while (j < tk.length && s.placeAt[j] === place) j++;
        continue;
      }
      if (!t.word) {
        if ((t.text === '.' && !/^(?:Dr|Mr|Mrs|Ms|Prof)$/.test(tk[j - 1]?.text ?? '')) || t.text === '(' || t.text === ')' || (t.text === ';' && !items.length)) break;
        j++;
        continue;
      }
      if (t.cap || LIST_GLUE.has(t.lower) || pluralTitle(t.lower) || TITLE_HEADS.has(t.lower)) {
        j++;
        continue;
      }
      break;
    }
    i = j - 1;
    const names = items.filter((x) => x.kind === 'name');
    if (names.length < 2) continue;
    // the list's first item says which side of a name its country stands: "of Chile, Julio Fiol" or "Smita Pant of India"
    const placeFirst = items[0].kind === 'place';
    const possessive = /^(?:his|her)$/.test(tk[head - 1]?.lower ?? '') || /^(?:his|her)$/.test(tk[head - 2]?.lower ?? '');
    const ownerRun = possessive ? s.runs.find((r) => r.person && r.to <= head - 1 && r.to >= head - 5) ?? null : null;
    items.forEach((item, k) => {
      if (item.kind !== 'name') return;
      const neighbour = placeFirst ? items[k - 1] : items[k + 1];
      const country = neighbour?.kind === 'place' && !neighbour.city ? neighbour.code : null;
      const title = singular[0].toUpperCase() + singular.slice(1);
      out.push({ run: item.run, title, country, owner: ownerRun });
    });
  }
  return out;
}
