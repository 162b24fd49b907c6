/**
 * The cost curve as a small hand-written SVG, beside bench/chart.ts: the
 * ingestion rate at each step (left) and the p50 latency of each operation at
 * concurrency 1 (right), against the number of reports stored, with the
 * 100 ms line and the baseline's points when there is one. The report axis is
 * logarithmic because the steps are (100 … 2,500).
 */
import { escape } from './chart';

export interface Series {
  name: string;
  points: Array<{ reports: number; value: number | null }>;
}

export interface CurveChartInput {
  subtitle: string;
  ingestion: Series;
  latency: Series[];
  /** Points drawn hollow, unjoined: the figures the target compares with. */
  baseline: Series[];
  /** A horizontal rule on the latency panel. */
  latencyLimitMs: number;
}

const palette = ['#2b6cb0', '#c05621', '#2f855a', '#6b46c1', '#b7791f', '#c53030'];
const panelWidth = 430;
const plotLeft = 55;
const plotTop = 62;
const plotWidth = panelWidth - plotLeft - 20;
const plotHeight = 230;

/** Ticks at 1, 2 and 5 times powers of ten within [low, high]. */
function logTicks(low: number, high: number): number[] {
  const ticks: number[] = [];
  for (let p = Math.floor(Math.log10(low)); p <= Math.ceil(Math.log10(high)); p += 1) {
    for (const m of [1, 2, 5]) {
      const t = m * 10 ** p;
      if (t >= low * 0.999 && t <= high * 1.001) ticks.push(t);
    }
  }
  return ticks;
}

/** The nearest 1, 2 or 5 times a power of ten below (or above) `value`. */
function roundTick(value: number, direction: 'down' | 'up'): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const candidates = [1, 2, 5, 10].map((m) => m * magnitude);
  return direction === 'down' ? candidates.filter((c) => c <= value * 1.0001).pop()! : candidates.find((c) => c >= value * 0.9999)!;
}

/** About five round ticks from 0 to just above `max`. */
function linearTicks(max: number): number[] {
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = 0; t <= max + step * 0.999; t += step) ticks.push(Number(t.toPrecision(6)));
  return ticks;
}

function label(value: number): string {
  return value >= 1000 ? value.toLocaleString('en-US') : String(value);
}

function panel(options: {
  x: number;
  title: string;
  unit: string;
  series: Series[];
  hollow: Series[];
  steps: number[];
  logY: boolean;
  rule?: number;
}): string {
  const values = [...options.series, ...options.hollow].flatMap((s) => s.points.map((p) => p.value)).filter((v): v is number => v != null && v > 0);
  if (options.rule) values.push(options.rule);
  const maxValue = Math.max(...values, 1);
  const minValue = Math.min(...values, maxValue);
  const yTicks = options.logY ? logTicks(roundTick(minValue, 'down'), roundTick(maxValue, 'up')) : linearTicks(maxValue);
  const yLow = options.logY ? yTicks[0]! : 0;
  const yHigh = yTicks[yTicks.length - 1]!;
  const y = (v: number) =>
    plotTop +
    plotHeight -
    (options.logY ? (Math.log10(Math.max(v, yLow)) - Math.log10(yLow)) / (Math.log10(yHigh) - Math.log10(yLow)) : v / yHigh) * plotHeight;
  // A single step still gets a readable axis: half and twice it.
  const xLow = Math.min(...options.steps) / (options.steps.length > 1 ? 1.15 : 2);
  const xHigh = Math.max(...options.steps) * (options.steps.length > 1 ? 1.15 : 2);
  const x = (reports: number) => plotLeft + ((Math.log10(reports) - Math.log10(xLow)) / (Math.log10(xHigh) - Math.log10(xLow))) * plotWidth;

  const parts = [`<g transform="translate(${options.x},0)">`];
  parts.push(`<text x="10" y="${plotTop - 24}" font-size="13" font-weight="bold">${escape(options.title)}</text>`);
  for (const t of yTicks) {
    parts.push(`<line x1="${plotLeft}" y1="${y(t).toFixed(1)}" x2="${plotLeft + plotWidth}" y2="${y(t).toFixed(1)}" stroke="#e2e8f0"/>`);
    parts.push(`<text x="${plotLeft - 6}" y="${(y(t) + 4).toFixed(1)}" font-size="10" text-anchor="end" fill="#4a5568">${label(t)}</text>`);
  }
  for (const step of options.steps) {
    parts.push(`<line x1="${x(step).toFixed(1)}" y1="${plotTop}" x2="${x(step).toFixed(1)}" y2="${plotTop + plotHeight}" stroke="#edf2f7"/>`);
    parts.push(`<text x="${x(step).toFixed(1)}" y="${plotTop + plotHeight + 14}" font-size="10" text-anchor="middle" fill="#4a5568">${label(step)}</text>`);
  }
  parts.push(`<text x="${plotLeft + plotWidth / 2}" y="${plotTop + plotHeight + 30}" font-size="11" text-anchor="middle" fill="#4a5568">reports stored (log scale)</text>`);
  parts.push(`<text x="10" y="${plotTop - 8}" font-size="11" fill="#4a5568">${escape(options.unit)}${options.logY ? ' (log scale)' : ''}</text>`);
  if (options.rule) {
    const ry = y(options.rule).toFixed(1);
    parts.push(`<line x1="${plotLeft}" y1="${ry}" x2="${plotLeft + plotWidth}" y2="${ry}" stroke="#e53e3e" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${plotLeft + plotWidth - 2}" y="${(Number(ry) - 4).toFixed(1)}" font-size="10" text-anchor="end" fill="#e53e3e">${options.rule} ms</text>`);
  }
  options.series.forEach((series, i) => {
    const color = palette[i % palette.length]!;
    const points = series.points.filter((p): p is { reports: number; value: number } => p.value != null && p.value > 0);
    if (points.length > 1) {
      parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.map((p) => `${x(p.reports).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')}"/>`);
    }
    for (const p of points) parts.push(`<circle cx="${x(p.reports).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3" fill="${color}"/>`);
    const hollow = options.hollow.find((h) => h.name === series.name);
    for (const p of hollow?.points ?? []) {
      if (p.value != null && p.value > 0) {
        parts.push(`<circle cx="${x(p.reports).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="4" fill="none" stroke="${color}" stroke-width="1.5"/>`);
      }
    }
  });
  parts.push('</g>');
  return parts.join('\n');
}

export function renderCurveChart(input: CurveChartInput): string {
  const steps = [...new Set([...input.latency, ...input.baseline].flatMap((s) => s.points.map((p) => p.reports)))].sort((a, b) => a - b);
  const legendTop = plotTop + plotHeight + 50;
  const legend = input.latency
    .map((s, i) => {
      const lx = 20 + (i % 3) * 200;
      const ly = legendTop + Math.floor(i / 3) * 18;
      return `<rect x="${lx}" y="${ly}" width="12" height="12" fill="${palette[i % palette.length]}"/><text x="${lx + 16}" y="${ly + 10}" font-size="12">${escape(s.name)}</text>`;
    })
    .join('\n');
  const note = input.baseline.length > 0 ? 'hollow circles: the baseline (bench/curve-baseline.json)' : '';
  const noteTop = legendTop + Math.ceil(input.latency.length / 3) * 18 + 12;
  const height = noteTop + 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${height}" font-family="Helvetica, Arial, sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="20" y="14" font-size="11" fill="#4a5568">${escape(input.subtitle)}</text>
${panel({ x: 0, title: 'Ingestion rate over each step (higher is better)', unit: 'reports/s', series: [input.ingestion], hollow: [], steps, logY: false })}
${panel({ x: 450, title: 'p50 latency at concurrency 1 (lower is better)', unit: 'ms', series: input.latency, hollow: input.baseline, steps, logY: true, rule: input.latencyLimitMs })}
${legend}
<text x="20" y="${noteTop}" font-size="11" fill="#4a5568">${escape(note)}</text>
</svg>
`;
}
