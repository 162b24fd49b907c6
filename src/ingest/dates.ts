/**
 * Date expressions in report sentences, resolved against the publication day:
 * "today", "on Thursday", "4 August last year", "September 10-15, 2017", "in September 2024", "next April".
 */

export type DatePrecision = 'DAY' | 'MONTH' | 'YEAR';

export interface PartialDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  value: string;
  precision: DatePrecision;
  /** Worked out from relative words against the publication date. */
  inferred: boolean;
}

export interface DateMention {
  /** The expression as written. */
  text: string;
  /** Offsets in the searched text. */
  start: number;
  end: number;
  /** First (or only) day. */
  from: PartialDate;
  /** Last day of a range; equal to `from` for a single date. */
  to: PartialDate;
}

export type Direction = 'past' | 'future' | 'nearest';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
// "27-28. May": some agencies put a full stop after the day
const DAY = '(\\d{1,2})(?:st|nd|rd|th|\\.(?=\\s))?';
const YEAR = '((?:19|20)\\d{2})';
const DASH = '\\s*(?:-|–|—|to|through|till|until|and)\\s*';
const REL_YEAR = '(?:\\s+(last|next|this|previous|past|coming)\\s+year)?';

const pad = (n: number) => String(n).padStart(2, '0');

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseIso(day: string): Ymd {
  const [y, m, d] = day.split('-').map(Number);
  return { y, m, d };
}

function addDays(day: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function dayValue(d: Ymd): string {
  return `${d.y}-${pad(d.m)}-${pad(d.d)}`;
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function monthNumber(word: string): number {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? 0;
}

function cmp(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Year for a month/day without one, given the publication day and a direction. */
function yearFor(m: number, d: number, pub: Ymd, dir: Direction, rel: string | undefined): number {
  if (rel === 'last' || rel === 'previous' || rel === 'past') return pub.y - 1;
  if (rel === 'next' || rel === 'coming') return pub.y + 1;
  if (rel === 'this') return pub.y;
  const candidates = [pub.y - 1, pub.y, pub.y + 1];
  const target = { y: 0, m, d: d || 1 };
  if (dir === 'future') {
    for (const y of candidates) if (cmp({ ...target, y }, { ...pub, d: d ? pub.d : 1 }) >= 0) return y;
    return pub.y + 1;
  }
  if (dir === 'past') {
    for (const y of [...candidates].reverse()) if (cmp({ ...target, y }, { ...pub, d: d ? pub.d : 1 }) <= 0) return y;
    return pub.y - 1;
  }
  let best = pub.y;
  let bestDist = Infinity;
  for (const y of candidates) {
    const dist = Math.abs(Date.UTC(y, m - 1, d || 15) - Date.UTC(pub.y, pub.m - 1, pub.d));
    if (dist < bestDist) {
      best = y;
      bestDist = dist;
    }
  }
  return best;
}

const FUTURE_MARK = /\b(?:will|shall|set for|slated|due to|coming|to be held|to take place|to be organi[sz]ed|to be convened|is to|are to|is due|are due|scheduled|planned|plans?|upcoming|forthcoming|invit\w*|would|expected|going to|intends?|next)\b/gi;
const PAST_MARK = /\b(?:was|were|(?<!(?:to|will|would|be) be )held|took place|had|has been|ago|previous|recall\w*|last|earlier|met|visited|attended|participated|signed|said|received)\b/gi;

/** Past or future, from the nearest tense marker before `at` in `text`. */
export function tenseBefore(text: string, at: number): Direction {
  const window = text.slice(Math.max(0, at - 120), at);
  let future = -1;
  let past = -1;
  for (const m of window.matchAll(FUTURE_MARK)) future = m.index ?? -1;
  for (const m of window.matchAll(PAST_MARK)) past = m.index ?? -1;
  if (future < 0 && past < 0) return 'nearest';
  return future > past ? 'future' : 'past';
}

/**
 * Years of a day range without a stated year: a past event must have begun by the publication day, a
 * future one must not have ended before it ("held on 12-14 June", published 13 June, is this June).
 */
function rangeYears(m1: number, d1: number, m2: number, d2: number, stated: number | null, pub: Ymd, dir: Direction, rel: string | undefined): { y1: number; y: number } {
  if (stated !== null) return { y1: m1 > m2 ? stated - 1 : stated, y: stated };
  if (dir === 'past') {
    const y1 = yearFor(m1, d1, pub, dir, rel);
    return { y1, y: m1 > m2 ? y1 + 1 : y1 };
  }
  const y = yearFor(m2, d2, pub, dir, rel);
  return { y1: m1 > m2 ? y - 1 : y, y };
}

interface Rule {
  re: RegExp;
  make(m: RegExpExecArray, pub: Ymd, dir: Direction): { from: PartialDate; to: PartialDate } | null;
}

function day(y: number, m: number, d: number, inferred: boolean): PartialDate | null {
  if (!validDay(y, m, d)) return null;
  return { value: dayValue({ y, m, d }), precision: 'DAY', inferred };
}

function month(y: number, m: number, inferred: boolean): PartialDate {
  return { value: `${y}-${pad(m)}`, precision: 'MONTH', inferred };
}

function single(p: PartialDate | null): { from: PartialDate; to: PartialDate } | null {
  return p ? { from: p, to: p } : null;
}

function range(a: PartialDate | null, b: PartialDate | null): { from: PartialDate; to: PartialDate } | null {
  if (!a || !b) return null;
  if (a.value > b.value) return null;
  return { from: a, to: b };
}

const RULES: Rule[] = [
  // 2023-09-28
  {
    re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g,
    make: (m) => single(day(Number(m[1]), Number(m[2]), Number(m[3]), false)),
  },
  // 19.09.2023, 19/09/2023 (day first)
  {
    re: /\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})\b/g,
    make: (m) => single(day(Number(m[3]), Number(m[2]), Number(m[1]), false)),
  },
  // 28 September - 2 October 2023 ; 10-15 September 2017 ; from 10 to 15 September
  {
    re: new RegExp(`\\b(?:from\\s+)?${DAY}(?:\\s+(?:of\\s+)?${MONTH})?${DASH}${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?${REL_YEAR}\\b`, 'gi'),
    make: (m, pub, dir) => {
      const m2 = monthNumber(m[4]);
      const m1 = m[2] ? monthNumber(m[2]) : m2;
      const explicit = !!m[5];
      const { y1, y } = rangeYears(m1, Number(m[1]), m2, Number(m[3]), explicit ? Number(m[5]) : null, pub, dir, m[6]?.toLowerCase());
      return range(day(y1, m1, Number(m[1]), !explicit), day(y, m2, Number(m[3]), !explicit));
    },
  },
  // September 10-15, 2017 ; September 28 - October 2, 2023
  {
    re: new RegExp(`\\b${MONTH}\\s+${DAY}${DASH}(?:${MONTH}\\s+)?${DAY}(?:,?\\s+${YEAR})?${REL_YEAR}\\b`, 'gi'),
    make: (m, pub, dir) => {
      const m1 = monthNumber(m[1]);
      const m2 = m[3] ? monthNumber(m[3]) : m1;
      const explicit = !!m[5];
      const { y1, y } = rangeYears(m1, Number(m[2]), m2, Number(m[4]), explicit ? Number(m[5]) : null, pub, dir, m[6]?.toLowerCase());
      return range(day(y1, m1, Number(m[2]), !explicit), day(y, m2, Number(m[4]), !explicit));
    },
  },
  // 4 August 2022 ; 4 August last year ; 4th of August
  {
    re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?${REL_YEAR}\\b`, 'gi'),
    make: (m, pub, dir) => {
      const mo = monthNumber(m[2]);
      const explicit = !!m[3];
      const y = explicit ? Number(m[3]) : yearFor(mo, Number(m[1]), pub, dir, m[4]?.toLowerCase());
      return single(day(y, mo, Number(m[1]), !explicit));
    },
  },
  // August 4, 2022 ; November 15 ; August 4 last year
  {
    re: new RegExp(`\\b${MONTH}\\s+${DAY}(?!\\d)(?:,?\\s+${YEAR})?${REL_YEAR}\\b`, 'gi'),
    make: (m, pub, dir) => {
      const mo = monthNumber(m[1]);
      const explicit = !!m[3];
      const y = explicit ? Number(m[3]) : yearFor(mo, Number(m[2]), pub, dir, m[4]?.toLowerCase());
      return single(day(y, mo, Number(m[2]), !explicit));
    },
  },
  // September 2024 ; September of 2024
  {
    re: new RegExp(`\\b${MONTH},?\\s+(?:of\\s+)?${YEAR}\\b`, 'gi'),
    make: (m) => single(month(Number(m[2]), monthNumber(m[1]), false)),
  },
  // September last year ; next April ; last September ; in April
  {
    re: new RegExp(`\\b${MONTH}\\s+(last|next|this|previous|past|coming)\\s+year\\b`, 'gi'),
    make: (m, pub, dir) => single(month(yearFor(monthNumber(m[1]), 0, pub, dir, m[2].toLowerCase()), monthNumber(m[1]), true)),
  },
  {
    re: new RegExp(`\\b(next|last|this|coming|past)\\s+${MONTH}\\b`, 'gi'),
    make: (m, pub) => {
      const mo = monthNumber(m[2]);
      const rel = m[1].toLowerCase();
      if (rel === 'this') return single(month(pub.y, mo, true));
      if (rel === 'next' || rel === 'coming') return single(month(mo > pub.m ? pub.y : pub.y + 1, mo, true));
      return single(month(mo < pub.m ? pub.y : pub.y - 1, mo, true));
    },
  },
  {
    re: new RegExp(`\\b(?:in|during|by|since|until|early|mid-|late|end of|beginning of)\\s+(?:early\\s+|mid-|late\\s+)?${MONTH}(?![\\s,]*\\d)\\b`, 'gi'),
    make: (m, pub, dir) => {
      const mo = monthNumber(m[1]);
      if (!mo || /^may$/i.test(m[1]) && !/^in\s/i.test(m[0])) return null;
      return single(month(yearFor(mo, 0, pub, dir, undefined), mo, true));
    },
  },
  // today, yesterday, tomorrow
  {
    re: /\b(today|this morning|this afternoon|this evening|tonight|yesterday|tomorrow)\b/gi,
    make: (m, pub) => {
      const w = m[1].toLowerCase();
      const shift = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      return single({ value: dayValue(addDays(pub, shift)), precision: 'DAY', inferred: true });
    },
  },
  // on Thursday ; last Monday ; next Friday
  {
    re: /\b(?:(last|next|this|coming|on|past)\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g,
    make: (m, pub, dir) => {
      const target = WEEKDAYS[m[2].toLowerCase()];
      const today = new Date(Date.UTC(pub.y, pub.m - 1, pub.d)).getUTCDay();
      const rel = (m[1] || '').toLowerCase();
      let shift: number;
      const back = -((today - target + 7) % 7);
      const fwd = (target - today + 7) % 7;
      if (rel === 'next' || rel === 'coming') shift = fwd === 0 ? 7 : fwd;
      else if (rel === 'last' || rel === 'past') shift = back === 0 ? -7 : back;
      else if (dir === 'future') shift = fwd;
      else shift = back;
      return single({ value: dayValue(addDays(pub, shift)), precision: 'DAY', inferred: true });
    },
  },
  // next week, last week: the month of that week, when the whole week lies in one month
  {
    re: /\b(next|last|this|coming|past)\s+week\b/gi,
    make: (m, pub) => {
      const rel = m[1].toLowerCase();
      const weekday = (new Date(Date.UTC(pub.y, pub.m - 1, pub.d)).getUTCDay() + 6) % 7;
      const shift = rel === 'next' || rel === 'coming' ? 7 : rel === 'this' ? 0 : -7;
      const monday = addDays(pub, shift - weekday);
      const sunday = addDays(monday, 6);
      if (monday.m !== sunday.m) return null;
      return single(month(monday.y, monday.m, true));
    },
  },
  // next month, last month, this month
  {
    re: /\b(next|last|this|coming|past|previous)\s+month\b/gi,
    make: (m, pub) => {
      const rel = m[1].toLowerCase();
      const shift = rel === 'this' ? 0 : rel === 'next' || rel === 'coming' ? 1 : -1;
      const first = new Date(Date.UTC(pub.y, pub.m - 1 + shift, 1));
      return single(month(first.getUTCFullYear(), first.getUTCMonth() + 1, true));
    },
  },
  // last year, next year, this year
  {
    re: /\b(last|next|this|previous|past|coming)\s+year\b/gi,
    make: (m, pub) => {
      const rel = m[1].toLowerCase();
      const y = rel === 'this' ? pub.y : rel === 'next' || rel === 'coming' ? pub.y + 1 : pub.y - 1;
      return single({ value: String(y), precision: 'YEAR', inferred: true });
    },
  },
  // in 2024
  {
    re: /\b(?:in|of|for|since|until|by|during|early|late|mid-)\s+((?:19|20)\d{2})\b(?!\s*[-–]\d)/gi,
    make: (m) => single({ value: m[1], precision: 'YEAR', inferred: false }),
  },
];

/**
 * Finds date expressions in `text` and resolves them against `publishedDate` (`YYYY-MM-DD`).
 * Expressions without a year take the year that fits the tense around them (future after "to be held",
 * "will", "next"; past after "was held", "last"; otherwise the nearest).
 */
export function findDates(text: string, publishedDate: string, direction?: Direction): DateMention[] {
  const pub = parseIso(publishedDate);
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text))) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const dir = direction ?? tenseBefore(text, start);
      const made = rule.make(m, pub, dir);
      if (!made) continue;
      taken.push([start, end]);
      found.push({ text: m[0], start, end, from: made.from, to: made.to });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Resolves one expression ("on Thursday", "September 10-15, 2017") against the publication day. */
export function resolveDate(expression: string, publishedDate: string, direction?: Direction): DateMention | null {
  return findDates(expression, publishedDate, direction)[0] ?? null;
}
