/** Word lists for the genre: titles, organisation words, words that never start or continue a person's name. */

export interface Token {
  /** Word or punctuation as written (possessive `'s` split off into its own token). */
  text: string;
  start: number;
  end: number;
  /** Word made of letters/digits (as opposed to punctuation). */
  word: boolean;
  /** First letter upper case. */
  cap: boolean;
  lower: string;
}

// dotted abbreviations keep their last full stop ("U.S.", "U.N.", "H.E.")
const TOKEN_RE = /(?:\p{Lu}\.){2,}(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*|['’]s\b|[^\s\p{L}\p{N}]/gu;

/** Words, possessive markers and punctuation with offsets. */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) {
    let t = m[0];
    let start = m.index;
    // Split a possessive off the word: "Georgia's" → "Georgia" + "'s".
    const poss = /^(.+?)(['’]s)$/u.exec(t);
    if (poss && /[\p{L}]/u.test(poss[1]) && t.length > 2) {
      out.push(mk(poss[1], start + offset));
      start += poss[1].length;
      t = poss[2];
    }
    out.push(mk(t, start + offset));
  }
  return out;
}

function mk(text: string, start: number): Token {
  const word = /[\p{L}\p{N}]/u.test(text) && !/^['’]s$/.test(text);
  return { text, start, end: start + text.length, word, cap: word && /^\p{Lu}/u.test(text), lower: text.toLowerCase() };
}

/** Head words of titles (lower case; multi-word titles are matched on their last word). */
export const TITLE_HEADS = new Set([
  'president', 'vice-president', 'premier', 'vice-premier', 'minister', 'chancellor', 'councilor', 'councillor',
  'counsellor', 'counselor', 'prosecutor', 'prosecutor-general', 'procurator-general', 'procurator', 'attorney-general',
  'solicitor-general', 'general', 'secretary', 'rapporteur', 'secretary-general', 'director', 'director-general', 'head', 'chief',
  'chairman', 'chairwoman', 'chairperson', 'chair', 'vice-chairman', 'speaker', 'ambassador', 'envoy', 'representative',
  'consul', 'consul-general', 'affaires', 'attaché', 'attache', 'king', 'queen', 'emir', 'amir', 'sultan', 'prince',
  'governor', 'mayor', 'commissioner', 'commander', 'commander-in-chief', 'judge', 'spokesperson', 'spokesman',
  'spokeswoman', 'adviser', 'advisor', 'aide', 'senator', 'mp', 'fm', 'officer', 'coordinator', 'inspector', 'auditor',
  'ombudsman', 'rector', 'solicitor', 'attorney', 'advocate', 'delegate', 'lawmaker', 'deputy', 'leader', 'justice', 'prosecutor', 'administrator',
  // diplomats and members of parliament named by their calling ("Senegalese diplomat X")
  'diplomat', 'legislator', 'parliamentarian',
]);

/** Words that may precede a title head inside the title. */
export const TITLE_MODIFIERS = new Set([
  'first', 'deputy', 'vice', 'acting', 'additional', 'assistant', 'senior', 'chief', 'executive', 'special', 'permanent',
  'principal', 'general', 'foreign', 'prime', 'state', 'public', 'security', 'interior', 'justice', 'defence', 'defense',
  'finance', 'trade', 'economy', 'economic', 'energy', 'education', 'health', 'culture', 'home', 'internal', 'national',
  'regional', 'presidential', 'supreme', 'high', 'royal', 'crown', 'grand', 'military', 'press', 'parliamentary', 'district',
  'provincial', 'city', 'municipal', 'federal', 'under', 'under-secretary', 'undersecretary', 'second', 'third',
  'victorious', 'commander-in-chief', 'chief', 'attorney', 'solicitor', 'procurator', 'prosecutor', 'consul', 'director',
  'secretary', 'inspector', 'auditor', 'governor', 'advocate', 'commissioner', 'lord', 'agriculture', 'transport', 'labour',
  'labor', 'industry', 'emergency', 'emergencies', 'digital', 'development', 'investment', 'tourism', 'youth', 'sports',
  'environment', 'ecology', 'communications', 'information', 'science', 'technology', 'chargé', 'charge', 'ad', 'interim',
  // military ranks stand between a title and a name ("Minister of Defense, Colonel General Zakir Hasanov")
  'colonel', 'lieutenant', 'major', 'brigadier', 'admiral', 'marshal', 'captain', 'rear',
  // "Ambassador Extraordinary and Plenipotentiary"
  'extraordinary', 'plenipotentiary',
]);

/** Words naming organisations and their parts. */
export const ORG_WORDS = new Set([
  'office', 'ministry', 'council', 'committee', 'commission', 'organisation', 'organization', 'association', 'structure',
  'department', 'court', 'procuratorate', 'procuracy', 'embassy', 'consulate', 'republic', 'kingdom', 'federation', 'union',
  'commonwealth', 'nations', 'party', 'service', 'services', 'agency', 'bureau', 'assembly', 'parliament', 'government',
  'cabinet', 'network', 'group', 'bank', 'fund', 'institute', 'university', 'centre', 'center', 'academy', 'authority',
  'police', 'army', 'forces', 'secretariat', 'directorate', 'administration', 'states', 'senate', 'congress', 'chamber',
  'prosecutors', 'mission', 'delegation', 'board', 'corporation', 'company', 'foundation', 'forum', 'conference', 'summit',
  'session', 'meeting', 'convention', 'initiative', 'region', 'province', 'prosecution', 'guard', 'customs', 'affairs',
  'division', 'section', 'unit', 'team', 'body', 'bodies', 'organ', 'organs', 'system', 'majlis', 'milli', 'duma', 'rada',
  'khural', 'oliy', 'sejm', 'people', "people's", 'peoples', 'members', 'member', 'interpol', 'europol', 'prosecutors-general',
  'procurators', 'cooperation', 'anti-corruption', 'anti-terrorist', 'anti-terrorism', 'counter-terrorism', 'investigation',
  'investigative', 'department', 'inspectorate', 'tribunal', 'treasury', 'palace', 'house', 'hall', 'diet', 'legislature',
  // parliaments called by their own names
  'mazhilis', 'majilis', 'mejlis', 'jogorku', 'kenesh', 'knesset', 'bundestag', 'bundesrat', 'storting', 'riksdag', 'seimas',
  'saeima', 'riigikogu', 'verkhovna', 'sabor', 'folketing', 'eduskunta', 'althing', 'cortes', 'oireachtas', 'sabha', 'shura',
  'halk', 'maslahaty', 'seanad', 'senado', 'congreso', 'assemblée', 'bundesversammlung',
]);

/** International organisations: a title tied to one of them gives the official no country. */
export const INTERNATIONAL_MARKERS = /\b(?:UN|U\.N(?=\.)|United Nations|UNODC|UNDP|UNESCO|UNICEF|UNHCR|UNFCCC|SCO|CIS|EU|European Union|European Commission|European Council|European Parliament|OSCE|NATO|IAP|ASEAN|OIC|CICA|BRICS|ECO|CSTO|EAEU|EAEC|GUAM|OTS|G20|G7|APEC|WTO|WHO|IMF|IAEA|ICC|ICJ|Interpol|INTERPOL|Europol|African Union|Arab League|League of Arab States|Council of Arab|Council of Europe|Commonwealth of Independent States|Shanghai Cooperation Organi[sz]ation|International\s+(?:Association|Organi[sz]ation|Court|Criminal|Federation|Union|Monetary|Atomic|Committee|Labour|Maritime|Telecommunication|Olympic|Anti-Corruption)|Organi[sz]ation of|Economic Cooperation Organi[sz]ation|Eurasian|Non-Aligned Movement|Regional Anti-Terrorist Structure|RATS|Secretariat|World Bank|Asian Development Bank|Coordinat\w+ Council|Eurojust|Frontex|OECD|OPEC|OAS|CARICOM|ECOWAS|SADC|Mercosur|Gulf Cooperation Council|GCC|Pacific Islands Forum|SEGIB|Ibero-American|FAO|ILO|IOM|WIPO|UNGA|UNSC|Security Council|IPU|Inter-Parliamentary Union|PACE|AIPA|PABSEC|TURKPA|CPLP|SICA|CELAC|IGAD|COMESA|SAARC|BIMSTEC|IORA|Francophonie|OIF|ITU|ICAO|IMO|UNIDO|UNCTAD|UNEP|WFP|IFAD|UNFPA|OHCHR|UNWTO|WCO|AU Commission|UNCCD|ADB|European Commissioner|Commonwealth(?!\s+of\b))\b/;

/** Capitalised words that never belong to a person's name. */
export const NOT_NAME = new Set([
  // words of ministries' portfolios ("Minister of Environment and Sustainable Development, X")
  'resources', 'development', 'integration', 'co-operation', 'planning', 'protection', 'infrastructure', 'innovation',
  'technology', 'sustainable', 'natural', 'rural', 'urban', 'digital', 'expatriates', 'diaspora', 'industry', 'commerce',
  'housing', 'fisheries', 'forestry', 'mining', 'environment', 'ecology', 'tourism', 'culture', 'sports', 'youth',
  'affairs', 'welfare', 'labour', 'labor', 'employment', 'transport', 'communications', 'agriculture', 'education', 'health',
  'the', 'a', 'an', 'at', 'in', 'on', 'during', 'after', 'before', 'according', 'also', 'both', 'speaking', 'following',
  'afterward', 'afterwards', 'however', 'meanwhile', 'additionally', 'moreover', 'furthermore', 'he', 'she', 'they', 'we',
  'it', 'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those', 'echoing', 'thanking', 'recalling', 'noting',
  'referring', 'welcoming', 'stressing', 'as', 'within', 'under', 'upon', 'from', 'to', 'for', 'with', 'by', 'of', 'and',
  'but', 'or', 'since', 'while', 'when', 'where', 'which', 'who', 'mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'sir',
  'madam', 'madame', 'excellency', 'his', 'her', 'hon', 'honourable', 'honorable', 'h.e', 'today', 'yesterday', 'tomorrow',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'award', 'merit', 'day', 'week',
  'international', 'national', 'regional', 'supreme', 'royal', 'federal', 'central', 'higher', 'public', 'islamic',
  'democratic', 'independent', 'executive', 'coordinating', 'coordination', 'economic', 'shanghai', 'world', 'united',
  'foreign', 'internal', 'legal', 'criminal', 'civil', 'judicial', 'constitutional', 'special', 'communist', 'socialist',
  'interior', 'justice', 'defence', 'defense', 'finance', 'trade', 'security', 'state', 'states', 'general', 'first',
  'deputy', 'vice', 'acting', 'additional', 'assistant', 'senior', 'chief', 'permanent', 'principal', 'prime', 'memorandum',
  'understanding', 'agreement', 'declaration', 'protocol', 'belt', 'road', 'initiative', 'framework', 'climate', 'change',
  'party', 'parties', 'anti-corruption', 'anti-terrorist', 'charge', 'chargé', "d'affaires", 'affaires', 'ad', 'interim',
  'victorious', 'commander-in-chief', 'ambassador', 'counterpart', 'counterparts', 'colleague', 'colleagues', 'delegation',
  'sides', 'side', 'both', 'all', 'some', 'other', 'another', 'each', 'every', 'one', 'two', 'three', 'no', 'not', 'there',
  'here', 'now', 'then', 'thus', 'in addition', 'besides', 'if', 'yes', 'ok', 'dialogue', 'relations', 'cooperation',
  'partnership', 'region', 'army', 'city', 'capital', 'republic', 'kingdom', 'federation', 'commonwealth', 'east', 'west',
  'north', 'south', 'middle', 'central', 'asia', 'asian', 'europe', 'european', 'africa', 'african', 'america', 'american',
  'latin', 'arab', 'gulf', 'caucasus', 'caspian', 'black', 'sea', 'pacific', 'atlantic', 'indian', 'ocean', 'garabagh',
  'karabakh', 'zangezur', 'nakhchivan', 'olympic', 'games', 'expo', 'cop', 'prosecutors', 'internet', 'covid-19',
  'coronavirus', 'pandemic', 'new', 'year', 'eve', 'holy', 'great', 'grand', 'high', 'level', 'high-level', 'plenary',
  'annual', 'regular', 'extraordinary', 'official', 'working', 'visit', 'state', 'talks', 'event', 'ceremony', 'flag',
  'lunch', 'dinner', 'reception', 'press', 'statement', 'release', 'report', 'reports', 'news', 'agency', 'ministry',
  'mfa', 'fo', 'fm', 'sco', 'cis', 'iap', 'un', 'eu', 'osce', 'nato', 'asean', 'brics', 'cica', 'oic', 'eco', 'csto',
  'recalling', 'expressing', 'emphasizing', 'emphasising', 'underlining', 'highlighting', 'pointing', 'touching', 'turning',
  'addressing', 'briefing', 'at', 'among', 'between', 'through', 'over', 'about', 'against', 'towards', 'toward', 'via',
  'per', 'without', 'until', 'till', 'because', 'although', 'though', 'whereas', 'whether', 'after', 'later', 'earlier',
  'lastly', 'finally', 'firstly', 'secondly', 'overall', 'hence', 'therefore', 'accordingly', 'likewise', 'similarly',
  'notably', 'specifically', 'particularly', 'especially', 'further', 'next', 'last', 'previous', 'current', 'present',
  'future', 'past', 'recent', 'sheikh', 'his', 'her', 'excellency', 'h.e.', 'minister', 'president', 'head',
]);

/** Lower-case particles that may sit inside a name (`Faisal bin Farhan`, `Ursula von der Leyen`). */
export const NAME_PARTICLES = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'de', 'da', 'di', 'do', 'van', 'von', 'der', 'den', 'dos', 'das', 'du', 'la', 'le', 'ul', 'ud', 'ben', 'e', 'y']);

/** Arabic article or kinship prefix joined to a capitalised name (`al-Busaidi`, `el-Sisi`, `bin-Salman`). */
export const PREFIXED_NAME = /^(?:al|el|ad|ash|as|at|az|ar|an|ul|ibn|bin|abu|abd)-\p{Lu}/u;

/** Honorifics before a name, dropped from it. */
export const HONORIFICS = new Set(['dr', 'dr.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'prof', 'prof.', 'professor', 'sir', 'madam', 'madame', 'h.e', 'h.e.', 'his', 'her', 'excellency', 'hon', 'honourable', 'honorable']);
// Courtesy forms of the Commonwealth and of churches ("Dame Cindy", "the Right Honourable", "Archbishop Ivan Jurkovič")
// and abbreviated ranks ("Col Bo Zhang", "Lt Gen …"), dropped from names like the ranks written in full
// (not "Bishop" or "Cardinal": surnames too, as in Foreign Minister Julie Bishop)
for (const h of ['dame', 'lady', 'right', 'rt', 'majesty', 'archbishop', 'monsignor']) HONORIFICS.add(h);
for (const h of ['col', 'lt', 'gen', 'maj', 'capt', 'brig', 'cdr', 'adm', 'sgt']) HONORIFICS.add(h);
/** Abbreviations that are courtesy forms only with their full stop ("Sen. Dr. X"; "Hun Sen" is a name). */
export const DOTTED_HONORIFICS = new Set(['sen', 'rep', 'gov', 'amb']);
// the Holy See's envoy ("Apostolic Nuncio")
TITLE_HEADS.add('nuncio');
TITLE_MODIFIERS.add('apostolic');

/** True for a word that is only punctuation-free upper-case letters (an acronym like `SCO`). */
export function isAcronym(word: string): boolean {
  return /^[\p{Lu}\d]{2,}$/u.test(word) || /^(?:\p{Lu}\.){2,}$/u.test(word);
}

// Recurring events known by an acronym and a number ("COP28", "UNGA 78", "78th UNGA"): the acronym alone names
// the series, so the number is the edition.
export const EVENT_ACRONYMS = new Set(['COP', 'UNGA', 'CHOGM', 'WHA', 'CSW', 'CND', 'CMP', 'CMA', 'APEC', 'MC']);
