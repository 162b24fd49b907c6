/**
 * Cross-report resolution of officials: the same person seen in several reports gets one name.
 * Names compare case-, diacritic-, punctuation- and word-order-insensitively, with common transliteration
 * variants folded together (Sergey/Sergei, Aliyev/Aliev, Mohammed/Muhammad); country and title break ties.
 */
import { foldedTokens, nameKey } from '../text/normalize';
import { NAME_PARTICLES } from './lexicon';
import { titleKey } from './officials';

export interface OfficialLike {
  name: string;
  aliases?: string[];
  titles?: string[];
  title?: string | null;
  country?: string | null;
}

/** One spelling-insensitive key per name word: "Sergei" and "Sergey" agree, so do "Aliyev" and "Aliev". */
export function translitKey(word: string): string {
  let w = foldedTokens(word).join('');
  w = w
    .replace(/dzh/g, 'j')
    .replace(/zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/q/g, 'k')
    .replace(/ck/g, 'k')
    .replace(/c(?=[^h])/g, 'k')
    .replace(/y/g, 'i')
    .replace(/j/g, 'i')
    .replace(/([a-z])\1+/g, '$1');
  // vowels carry most transliteration noise: keep the first letter, drop the other vowels
  return w[0] + w.slice(1).replace(/[aeiou]/g, '');
}

function words(name: string): string[] {
  return foldedTokens(name).filter((t) => !NAME_PARTICLES.has(t));
}

function namesMatch(a: string, b: string): boolean {
  if (nameKey(a) === nameKey(b)) return true;
  const wa = words(a);
  const wb = words(b);
  if (wa.length >= 2 && wb.length >= 2) {
    const [small, big] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
    if (small.every((t) => big.includes(t))) return true;
    const ks = small.map(translitKey);
    const kb = big.map(translitKey);
    if (ks.every((k) => kb.includes(k))) return true;
  }
  return false;
}

function allNames(o: OfficialLike): string[] {
  return [o.name, ...(o.aliases ?? [])];
}

function titlesOf(o: OfficialLike): string[] {
  return [...(o.titles ?? []), ...(o.title ? o.title.split(/;\s*/) : [])];
}

/**
 * True when two reported officials are the same person: names agree (see {@link translitKey}) and their
 * countries do not differ. A bare surname matches a full name only with the same country and a shared title word.
 */
export function sameOfficial(a: OfficialLike, b: OfficialLike): boolean {
  if (a.country && b.country && a.country.toUpperCase() !== b.country.toUpperCase()) return false;
  for (const x of allNames(a)) for (const y of allNames(b)) if (namesMatch(x, y)) return true;
  // "Aliyev" (surname only) vs "Kamran Aliyev": only with the same country and a common title
  const wa = words(a.name);
  const wb = words(b.name);
  if ((wa.length === 1) !== (wb.length === 1) && a.country && b.country) {
    const single = wa.length === 1 ? wa[0] : wb[0];
    const full = wa.length === 1 ? wb : wa;
    if (full.map(translitKey).includes(translitKey(single))) {
      const ta = new Set(titlesOf(a).flatMap((t) => titleKey(t).split(' ')));
      return titlesOf(b).some((t) => titleKey(t).split(' ').some((w) => w.length > 3 && ta.has(w)));
    }
  }
  return false;
}

export interface RegistryEntry {
  /** The name first seen. */
  name: string;
  /** Every other spelling seen. */
  aliases: string[];
  country: string | null;
  titles: string[];
}

/** Merges officials across reports; `add` returns the canonical entry. */
export class OfficialRegistry {
  readonly entries: RegistryEntry[] = [];

  add(official: OfficialLike): RegistryEntry {
    const found = this.find(official);
    const names = allNames(official);
    if (found) {
      for (const n of names) if (n !== found.name && !found.aliases.includes(n)) found.aliases.push(n);
      if (!found.country && official.country) found.country = official.country;
      for (const t of titlesOf(official)) if (!found.titles.includes(t)) found.titles.push(t);
      return found;
    }
    const entry: RegistryEntry = {
      name: official.name,
      aliases: names.slice(1).filter((n) => n !== official.name),
      country: official.country ?? null,
      titles: titlesOf(official),
    };
    this.entries.push(entry);
    return entry;
  }

  find(official: OfficialLike): RegistryEntry | undefined {
    return this.entries.find((e) => sameOfficial(e, official));
  }

  /** Canonical name for an official, registering it if new. */
  canonicalName(official: OfficialLike): string {
    return this.add(official).name;
  }
}
