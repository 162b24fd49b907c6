/**
 * Text folding shared by storage keys, search and entity resolution, so that
 * "Mevlüt Çavuşoğlu", "MEVLUT CAVUSOGLU" and "Mevlut  Cavusoglu" compare equal.
 */

/** Lower case, diacritics stripped, typographic apostrophes made plain, punctuation to spaces, spaces collapsed. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    // Letters that NFKD does not decompose.
    .replace(/[ıİ]/g, 'i')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The folded words of a text, apostrophes dropped ("Prosecutor's" → "prosecutors"). */
export function foldedTokens(text: string): string[] {
  return foldText(text)
    .replace(/'/g, '')
    .split(' ')
    .filter((token) => token.length > 0);
}

/** A key that ignores case, diacritics, punctuation and word order: "Aliyev, Kamran" and "kamran aliyev" agree. */
export function nameKey(name: string): string {
  return foldedTokens(name).sort().join(' ');
}

/**
 * Transliterations of one name that agencies spell differently, folded in one
 * word: Aliyev/Aliev ("iy" before a vowel), Mammadov/Mamadov (doubled
 * consonants), Mikhail/Mihail, Dzhaparov/Japarov.
 */
function foldTransliteration(token: string): string {
  return token
    .replace(/dzh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/iy(?=[aeiouy])/g, 'i')
    .replace(/yy/g, 'y')
    .replace(/([bcdfghjklmnpqrstvwxz])\1/g, '$1');
}

/** `nameKey` with transliteration variants folded: the key that resolves a person's name across reports. */
export function personKey(name: string): string {
  return foldedTokens(name).map(foldTransliteration).sort().join(' ');
}
