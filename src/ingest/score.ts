/**
 * The scoring of /work/shared/tools/score-extraction.py, reimplemented: same folding, same matching rules,
 * same greedy one-to-one assignment, same micro-averaged precision/recall/F1 and the same printed lines.
 */

const STOP = new Set([
  'the', 'of', 'and', 'for', 'on', 'in', 'a', 'an', 'to', 'at', 's', 'de', 'annual', 'meeting', 'conference', 'general',
  'international', 'session', 'forum', 'summit', 'th', 'st', 'nd', 'rd',
]);

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

export function fold(s: unknown): string {
  if (s === null || s === undefined || s === '' || s === false || s === 0) return '';
  let t = String(s).normalize('NFKD');
  t = t.replace(/\p{M}/gu, '');
  t = t.toLowerCase().replace(/’/g, "'");
  t = t.replace(/[^a-z0-9' ]+/g, ' ');
  return t.replace(/\s+/g, ' ').trim();
}

function tokens(s: unknown): string[] {
  return fold(s).replace(/'/g, ' ').split(' ').filter((t) => t);
}

function words(s: unknown): Set<string> {
  return new Set(tokens(s).filter((t) => !STOP.has(t) && !/^\d+$/.test(t)));
}

function subset(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

export function nameMatch(pred: unknown, goldNames: unknown[]): boolean {
  const p = fold(pred);
  const pt = new Set(tokens(pred));
  for (const g of goldNames) {
    if (!g) continue;
    if (p === fold(g)) return true;
    const gt = new Set(tokens(g));
    if (pt.size >= 2 && gt.size >= 2 && (subset(pt, gt) || subset(gt, pt))) return true;
  }
  return false;
}

function greedy(pairs: Array<[number, number, number]>): Array<[number, number]> {
  const usedI = new Set<number>();
  const usedJ = new Set<number>();
  const out: Array<[number, number]> = [];
  const sorted = pairs.map((p, k) => ({ p, k })).sort((a, b) => b.p[0] - a.p[0] || a.k - b.k);
  for (const { p } of sorted) {
    const [, i, j] = p;
    if (usedI.has(i) || usedJ.has(j)) continue;
    usedI.add(i);
    usedJ.add(j);
    out.push([i, j]);
  }
  return out;
}

function yearOf(d: unknown): string | null {
  return d ? String(d).slice(0, 4) : null;
}

export type Cell = [number, number, number];

export interface ArticleScore {
  officials: Cell;
  meetings: Cell;
  conferences: Cell;
  official_country_acc: [number, number];
  meeting_date_acc: [number, number];
  conference_city_acc: [number, number];
}

const arr = (x: unknown): any[] => (Array.isArray(x) ? x : []);

export function scoreArticle(gold: Obj, pred: Obj): ArticleScore {
  const go = arr(gold.officials);
  const po = arr(pred.officials);
  let pairs: Array<[number, number, number]> = [];
  po.forEach((p, i) =>
    go.forEach((g, j) => {
      if (nameMatch(p?.name, [g?.name, ...arr(g?.aliases)])) pairs.push([1.0, i, j]);
    }),
  );
  const om = greedy(pairs);
  const countryOk = om.filter(([i, j]) => String(po[i].country || '').toUpperCase() === String(go[j].country || '').toUpperCase()).length;

  const canon = (name: unknown): string => {
    for (let j = 0; j < go.length; j++) if (nameMatch(name, [go[j]?.name, ...arr(go[j]?.aliases)])) return `o${j}`;
    return `x:${fold(name)}`;
  };
  const members = (m: Obj): Set<string> => {
    const s = new Set(arr(m?.participants).map(canon));
    for (const c of arr(m?.countries)) s.add(`c:${String(c || '').toUpperCase()}`);
    return s;
  };
  const gm = arr(gold.meetings);
  const pm = arr(pred.meetings);
  pairs = [];
  pm.forEach((p, i) => {
    const ps = members(p);
    gm.forEach((g, j) => {
      const gs = members(g);
      if (!ps.size || !gs.size) return;
      const inter = [...ps].filter((x) => gs.has(x));
      const union = new Set([...ps, ...gs]);
      const jac = inter.length / union.size;
      const named = [...gs].some((x) => x.startsWith('o'));
      if (jac >= 0.5 && (inter.some((x) => x.startsWith('o')) || !named)) pairs.push([jac, i, j]);
    });
  });
  const mm = greedy(pairs);
  let dateOk = 0;
  for (const [i, j] of mm) {
    const gd = gm[j]?.date;
    const pd = pm[i]?.date;
    if (gd && pd && (String(pd).startsWith(String(gd)) || String(gd).startsWith(String(pd)))) dateOk++;
    else if (!gd && !pd) dateOk++;
  }

  const gc = arr(gold.conferences);
  const pc = arr(pred.conferences);
  pairs = [];
  pc.forEach((p, i) => {
    const pw = new Set([...words(p?.name), ...words(p?.organizer)]);
    gc.forEach((g, j) => {
      const gw = new Set([...words(g?.name), ...words(g?.organizer)]);
      const union = new Set([...pw, ...gw]);
      const inter = [...pw].filter((x) => gw.has(x));
      const jac = union.size ? inter.length / union.size : 0.0;
      const sameCity = !!fold(p?.city) && fold(p?.city) === fold(g?.city);
      if (g?.edition !== null && g?.edition !== undefined) {
        if (p?.edition === g.edition && (sameCity || jac >= 0.2)) pairs.push([1.0 + jac, i, j]);
      } else {
        const py = yearOf(p?.startDate);
        const sameYear = !!py && py === yearOf(g?.startDate);
        if (jac >= 0.5 || (sameCity && sameYear)) pairs.push([jac, i, j]);
      }
    });
  });
  const cm = greedy(pairs);
  const cityOk = cm.filter(([i, j]) => fold(pc[i]?.city) === fold(gc[j]?.city)).length;
  return {
    officials: [om.length, po.length, go.length],
    official_country_acc: [countryOk, om.length],
    meetings: [mm.length, pm.length, gm.length],
    meeting_date_acc: [dateOk, mm.length],
    conferences: [cm.length, pc.length, gc.length],
    conference_city_acc: [cityOk, cm.length],
  };
}

/**
 * What a report's prediction got wrong about officials and conferences, one line each: a missed gold record
 * (`-`), a spurious predicted one (`+`), and a matched pair whose country or city differs (`~`).
 * Pairs are made exactly as `scoreArticle` makes them.
 */
export function diffArticle(gold: Obj, pred: Obj): string[] {
  const out: string[] = [];
  const go = arr(gold.officials);
  const po = arr(pred.officials);
  const pairs: Array<[number, number, number]> = [];
  po.forEach((p, i) => go.forEach((g, j) => nameMatch(p?.name, [g?.name, ...arr(g?.aliases)]) && pairs.push([1.0, i, j])));
  const om = greedy(pairs);
  const code = (c: unknown) => String(c || '').toUpperCase() || 'null';
  go.forEach((g, j) => om.some(([, y]) => y === j) || out.push(`- official ${g.name} (${code(g.country)}) ${g.title ?? ''}`.trimEnd()));
  po.forEach((p, i) => om.some(([x]) => x === i) || out.push(`+ official ${p.name} (${code(p.country)}) ${arr(p.titles)[0] ?? p.title ?? ''}`.trimEnd()));
  for (const [i, j] of om) if (code(po[i].country) !== code(go[j].country)) out.push(`~ official ${go[j].name}: country ${code(po[i].country)}, gold ${code(go[j].country)}`);
  const gc = arr(gold.conferences);
  const pc = arr(pred.conferences);
  const cpairs: Array<[number, number, number]> = [];
  pc.forEach((p, i) => {
    const pw = new Set([...words(p?.name), ...words(p?.organizer)]);
    gc.forEach((g, j) => {
      const gw = new Set([...words(g?.name), ...words(g?.organizer)]);
      const union = new Set([...pw, ...gw]);
      const jac = union.size ? [...pw].filter((x) => gw.has(x)).length / union.size : 0.0;
      const sameCity = !!fold(p?.city) && fold(p?.city) === fold(g?.city);
      if (g?.edition !== null && g?.edition !== undefined) {
        if (p?.edition === g.edition && (sameCity || jac >= 0.2)) cpairs.push([1.0 + jac, i, j]);
      } else {
        const py = yearOf(p?.startDate);
        if (jac >= 0.5 || (sameCity && !!py && py === yearOf(g?.startDate))) cpairs.push([jac, i, j]);
      }
    });
  });
  const cm = greedy(cpairs);
  const conf = (c: Obj) => `${c.name} [ed ${c.edition ?? '-'}, ${c.city ?? '-'}, ${c.status ?? '-'}]`;
  gc.forEach((g, j) => cm.some(([, y]) => y === j) || out.push(`- conference ${conf(g)}`));
  pc.forEach((p, i) => cm.some(([x]) => x === i) || out.push(`+ conference ${conf(p)}`));
  for (const [i, j] of cm) if (fold(pc[i]?.city) !== fold(gc[j]?.city)) out.push(`~ conference ${gc[j].name}: city ${pc[i].city ?? '-'}, gold ${gc[j].city ?? '-'}`);
  return out;
}

/** Python's round(x, 3) for the ratios this scorer produces (ties to even). */
function round3(x: number): number {
  const scaled = x * 1000;
  const floor = Math.floor(scaled);
  if (scaled - floor === 0.5) return (floor % 2 === 0 ? floor : floor + 1) / 1000;
  return Math.round(scaled) / 1000;
}

export function prf(tp: number, np: number, ng: number): [number, number, number] {
  const p = np ? tp / np : ng === 0 ? 1.0 : 0.0;
  const r = ng ? tp / ng : 1.0;
  const f = p + r ? (2 * p * r) / (p + r) : 0.0;
  return [p, r, f];
}

export interface TypeScore {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CorpusScore {
  rows: Array<{ name: string; score: ArticleScore; predicted: boolean }>;
  officials: TypeScore;
  meetings: TypeScore;
  conferences: TypeScore;
  official_country_acc: number | null;
  meeting_date_acc: number | null;
  conference_city_acc: number | null;
  articles: number;
  articles_predicted: number;
}

function basename(p: string): string {
  const parts = p.split(/[\\/]/);
  return parts[parts.length - 1];
}

/** Scores predictions (keyed by file) against gold annotations (in gold-file order). */
export function scoreCorpus(golds: Array<{ fileName: string; gold: Obj }>, predictions: Obj[]): CorpusScore {
  const goldMap = new Map<string, Obj>();
  for (const { fileName, gold } of golds) goldMap.set(basename(String(gold.file || fileName.replace(/\.json$/, '') + '.txt')), gold);
  const preds = new Map<string, Obj>();
  for (const o of predictions) preds.set(basename(String(o?.file ?? '')), o);
  const totals: Record<string, number[]> = {};
  const rows: CorpusScore['rows'] = [];
  for (const [name, g] of goldMap) {
    const p = preds.get(name) ?? {};
    const r = scoreArticle(g, p);
    rows.push({ name, score: r, predicted: preds.has(name) });
    for (const [k, v] of Object.entries(r)) {
      const t = (totals[k] ??= [0, 0, 0]);
      (v as number[]).forEach((x, i) => (t[i] += x));
    }
  }
  const type = (k: string): TypeScore => {
    const [tp, np, ng] = totals[k] ?? [0, 0, 0];
    const [p, r, f] = prf(tp, np, ng);
    return { tp, predicted: np, gold: ng, precision: round3(p), recall: round3(r), f1: round3(f) };
  };
  const acc = (k: string): number | null => {
    const [ok, n] = totals[k] ?? [0, 0];
    return n ? round3(ok / n) : null;
  };
  return {
    rows,
    officials: type('officials'),
    meetings: type('meetings'),
    conferences: type('conferences'),
    official_country_acc: acc('official_country_acc'),
    meeting_date_acc: acc('meeting_date_acc'),
    conference_city_acc: acc('conference_city_acc'),
    articles: goldMap.size,
    articles_predicted: rows.filter((r) => r.predicted).length,
  };
}

function pyNum(x: number | null): string {
  if (x === null) return 'None';
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** The report as score-extraction.py prints it. */
export function formatScore(score: CorpusScore): string {
  const lines: string[] = [];
  lines.push(`${pad('article', 48)} ${pad('officials', 9)} ${pad('meetings', 9)} ${pad('confs', 9)}`);
  for (const row of score.rows) {
    const cells = (['officials', 'meetings', 'conferences'] as const).map((k) => row.score[k].join('/'));
    lines.push(`${pad(row.name.slice(0, 48), 48)} ${pad(cells[0], 9)} ${pad(cells[1], 9)} ${pad(cells[2], 9)}${row.predicted ? '' : '  (no prediction)'}`);
  }
  lines.push('(cells: matched/predicted/gold)');
  for (const k of ['officials', 'meetings', 'conferences'] as const) {
    const o = score[k];
    lines.push(`${pad(k, 12)} P=${o.precision.toFixed(3)} R=${o.recall.toFixed(3)} F1=${o.f1.toFixed(3)}`);
  }
  lines.push(
    `attribute accuracy on matches: country=${pyNum(score.official_country_acc)} meeting-date=${pyNum(score.meeting_date_acc)} conference-city=${pyNum(score.conference_city_acc)}`,
  );
  lines.push(
    `summary: officials F1=${score.officials.f1.toFixed(3)} meetings F1=${score.meetings.f1.toFixed(3)} conferences F1=${score.conferences.f1.toFixed(3)} over ${score.articles} articles (${score.articles_predicted} predicted)`,
  );
  return lines.join('\n');
}

/** The figures `--check` holds a corpus part to: F1 per type and the three attribute accuracies. */
export interface QualityFloor {
  officials: number;
  meetings: number;
  conferences: number;
  official_country_acc: number;
  meeting_date_acc: number;
  conference_city_acc: number;
}

const FLOOR_COLUMNS: Array<[keyof QualityFloor, RegExp]> = [
  ['officials', /^officials\b/i],
  ['meetings', /^meetings\b/i],
  ['conferences', /^conferences\b/i],
  ['official_country_acc', /^(?:official\s+)?country\b/i],
  ['meeting_date_acc', /^meeting[\s-]+date\b/i],
  ['conference_city_acc', /^conference[\s-]+city\b/i],
];

const cells = (line: string): string[] => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.replace(/\*/g, '').trim());

/**
 * Reads the committed figures of one corpus part (`tuning`, `blind`) from README's "Extraction quality"
 * section, so the README stays the single source of truth for what CI enforces. The section needs a
 * table whose header names the six columns of {@link QualityFloor} and a row whose first cell is the
 * part's name. Throws an Error saying what is missing.
 */
export function readQualityFloor(readme: string, part: string): QualityFloor {
  const lines = readme.split(/\r?\n/);
  const start = lines.findIndex((l) => /^#{1,6}\s+Extraction quality\b/i.test(l));
  if (start < 0) throw new Error('README.md has no "Extraction quality" section to read the committed figures from');
  const level = /^#+/.exec(lines[start])![0].length;
  let end = lines.findIndex((l, i) => i > start && new RegExp(`^#{1,${level}}\\s`).test(l));
  if (end < 0) end = lines.length;
  const section = lines.slice(start + 1, end);
  for (let i = 0; i < section.length; i++) {
    if (!section[i].trim().startsWith('|')) continue;
    const header = cells(section[i]);
    const columns = FLOOR_COLUMNS.map(([key, re]) => [key, header.findIndex((h) => re.test(h))] as const);
    if (columns.some(([, idx]) => idx < 0)) continue;
    for (let j = i + 1; j < section.length && section[j].trim().startsWith('|'); j++) {
      const row = cells(section[j]);
      if (row[0].toLowerCase() !== part.toLowerCase()) continue;
      const floor = {} as QualityFloor;
      for (const [key, idx] of columns) {
        const value = Number(row[idx]);
        if (!/^\d*\.?\d+$/.test(row[idx] ?? '') || value > 1) {
          throw new Error(`README.md "Extraction quality": the ${part} figure for ${key} is "${row[idx] ?? ''}", not a number between 0 and 1`);
        }
        floor[key] = value;
      }
      return floor;
    }
  }
  throw new Error(
    `README.md "Extraction quality" has no table row for the ${part} part (a row "| ${part} |" under a header naming ` +
      `officials, meetings, conferences, country, meeting date and conference city)`,
  );
}

/** What falls below the floor, one line each (empty when the score holds). */
export function belowFloor(score: CorpusScore, floor: QualityFloor): string[] {
  const measured: QualityFloor = {
    officials: score.officials.f1,
    meetings: score.meetings.f1,
    conferences: score.conferences.f1,
    official_country_acc: score.official_country_acc ?? 0,
    meeting_date_acc: score.meeting_date_acc ?? 0,
    conference_city_acc: score.conference_city_acc ?? 0,
  };
  return (Object.keys(floor) as Array<keyof QualityFloor>)
    .filter((k) => measured[k] < floor[k])
    .map((k) => `${k}: ${measured[k].toFixed(3)} is below the committed ${floor[k].toFixed(3)}`);
}
