/**
 * A small hand-written SVG: for each operation, grouped bars of requests per
 * second at concurrency 32 (left panel) and p50 latency at concurrency 1
 * (right panel) for the service, the naive resolvers and the floor. Log
 * scales, because the contenders differ by orders of magnitude.
 */
export interface ChartRow {
  operation: string;
  values: { service: number | null; naive: number | null; floor: number | null };
}

const colors = { service: '#2b6cb0', naive: '#c05621', floor: '#718096' } as const;
const contenders = ['service', 'naive', 'floor'] as const;

export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function panel(rows: ChartRow[], options: { x: number; title: string; unit: string }): string {
  const width = 440;
  const rowHeight = 54;
  const barHeight = 14;
  const labelWidth = 130;
  const plotWidth = width - labelWidth - 60;
  const all = rows.flatMap((r) => contenders.map((c) => r.values[c])).filter((v): v is number => v != null && v > 0);
  const max = Math.max(...all, 1);
  const min = Math.min(...all, max / 10);
  const low = Math.pow(10, Math.floor(Math.log10(min)));
  const high = Math.pow(10, Math.ceil(Math.log10(max)));
  const scale = (v: number) => ((Math.log10(Math.max(v, low)) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))) * plotWidth;
  const top0 = 50;
  const parts: string[] = [`<g transform="translate(${options.x},0)">`];
  parts.push(`<text x="10" y="${top0 - 12}" font-size="13" font-weight="bold">${escape(options.title)}</text>`);
  for (let p = Math.log10(low); p <= Math.log10(high) + 1e-9; p += 1) {
    const x = labelWidth + scale(Math.pow(10, p));
    parts.push(`<line x1="${x}" y1="${top0 - 6}" x2="${x}" y2="${top0 - 2 + rows.length * rowHeight}" stroke="#e2e8f0"/>`);
    parts.push(`<text x="${x}" y="${top0 + 12 + rows.length * rowHeight}" font-size="10" text-anchor="middle" fill="#4a5568">${Math.pow(10, p)}</text>`);
  }
  parts.push(`<text x="${labelWidth + plotWidth / 2}" y="${top0 + 28 + rows.length * rowHeight}" font-size="11" text-anchor="middle" fill="#4a5568">${escape(options.unit)} (log scale)</text>`);
  rows.forEach((row, i) => {
    const top = top0 + i * rowHeight;
    parts.push(`<text x="${labelWidth - 8}" y="${top + 24}" font-size="12" text-anchor="end">${escape(row.operation)}</text>`);
    contenders.forEach((c, j) => {
      const value = row.values[c];
      const y = top + j * (barHeight + 2);
      if (value == null) {
        parts.push(`<text x="${labelWidth + 4}" y="${y + 11}" font-size="10" fill="#a0aec0">n/a</text>`);
        return;
      }
      const w = Math.max(1, scale(value));
      parts.push(`<rect x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${colors[c]}"/>`);
      const shown = value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
      parts.push(`<text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + 11}" font-size="10" fill="#2d3748">${shown}</text>`);
    });
  });
  parts.push('</g>');
  return parts.join('\n');
}

export function renderChart(throughput: ChartRow[], latency: ChartRow[], subtitle: string): string {
  const height = 140 + throughput.length * 54;
  const legend = contenders
    .map((c, i) => `<rect x="${20 + i * 150}" y="${height - 22}" width="12" height="12" fill="${colors[c]}"/><text x="${36 + i * 150}" y="${height - 12}" font-size="12">${c}</text>`)
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${height}" font-family="Helvetica, Arial, sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="20" y="14" font-size="11" fill="#4a5568">${escape(subtitle)}</text>
${panel(throughput, { x: 0, title: 'Throughput at concurrency 32 (higher is better)', unit: 'requests/s' })}
${panel(latency, { x: 450, title: 'p50 latency at concurrency 1 (lower is better)', unit: 'ms' })}
${legend}
</svg>
`;
}
