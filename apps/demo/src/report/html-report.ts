import type { Alert } from '@seclog/alerts';
import type { SecurityEvent, Severity } from '@seclog/core';
import { SEVERITY_ORDER, type TimelineRow } from './timeline';

export interface Check {
  label: string;
  ok: boolean;
  detail: string;
}

export interface ReportInput {
  generatedAt: Date;
  events: readonly SecurityEvent[];
  rows: readonly TimelineRow[];
  alerts: readonly Alert[];
  counts: Record<Severity, number>;
  checks: readonly Check[];
}

const COLORS: Record<Severity, string> = { CRITICAL: '#b3003b', HIGH: '#e4572e', MEDIUM: '#f3a712', LOW: '#6c8ebf' };

// Every value shown came from a request an attacker wrote: escape all of it.
const escape = (text: unknown) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Stacked bars of events per bucket, one colour per severity, as inline SVG. */
export function severityChart(events: readonly SecurityEvent[], bucketMs: number, label: (start: number) => string): string {
  const buckets = new Map<number, Record<Severity, number>>();
  for (const event of events) {
    const start = Math.floor(Date.parse(event.timestamp) / bucketMs) * bucketMs;
    const bucket = buckets.get(start) ?? { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 };
    bucket[event.severity]++;
    buckets.set(start, bucket);
  }
  const starts = [...buckets.keys()].sort((a, b) => a - b);
  if (starts.length === 0) return '<p>No events.</p>';
  const all: number[] = [];
  for (let t = starts[0]!; t <= starts.at(-1)!; t += bucketMs) all.push(t);
  const max = Math.max(...starts.map((s) => Object.values(buckets.get(s)!).reduce((a, b) => a + b, 0)));
  const height = 180;
  const barWidth = Math.max(8, Math.min(60, Math.floor(640 / all.length) - 4));
  const width = 50 + all.length * (barWidth + 4);
  const parts: string[] = [];
  all.forEach((start, i) => {
    const bucket = buckets.get(start) ?? { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 };
    let y = height;
    const x = 40 + i * (barWidth + 4);
    for (const severity of [...SEVERITY_ORDER].reverse()) {
      const h = (bucket[severity] / max) * (height - 10);
      if (h <= 0) continue;
      y -= h;
      parts.push(`<rect x="${x}" y="${y.toFixed(1)}" width="${barWidth}" height="${h.toFixed(1)}" fill="${COLORS[severity]}"><title>${escape(label(start))} ${severity}: ${bucket[severity]}</title></rect>`);
    }
    if (all.length <= 16 || i % Math.ceil(all.length / 16) === 0) {
      parts.push(`<text x="${x + barWidth / 2}" y="${height + 14}" font-size="10" text-anchor="middle">${escape(label(start))}</text>`);
    }
  });
  parts.push(`<text x="34" y="12" font-size="10" text-anchor="end">${max}</text><line x1="38" y1="${height}" x2="${width}" y2="${height}" stroke="#999"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + 22}" role="img">${parts.join('')}</svg>`;
}

export function htmlReport(input: ReportInput): string {
  const legend = SEVERITY_ORDER.map((s) => `<span class="pill" style="background:${COLORS[s]}">${s} ${input.counts[s]}</span>`).join(' ');
  const checks = input.checks
    .map((c) => `<tr><td>${c.ok ? '✔' : '✘'}</td><td>${escape(c.label)}</td><td>${escape(c.detail)}</td></tr>`)
    .join('');
  const alerts = input.alerts
    .map((a) => `<tr><td>${escape(a.timestamp.slice(11, 23))}</td><td><span class="pill" style="background:${COLORS[a.severity]}">${a.severity}</span></td><td>${escape(a.ruleId)}</td><td>${escape(a.key)}</td><td>${escape(a.reason)}</td><td>${escape(a.responder ? a.responder.name : '')}</td></tr>`)
    .join('');
  const rows = input.rows
    .map((r) => `<tr><td>${escape(r.time)}</td><td>${escape(r.service)}</td><td><span class="pill" style="background:${COLORS[r.severity]}">${r.severity}</span></td><td>${escape(r.type)}${r.count > 1 ? ` ×${r.count}` : ''}</td><td>${escape(r.actor)}</td><td><code>${escape(r.correlation)}</code></td></tr>`)
    .join('');
  const minute = (t: number) => new Date(t).toISOString().slice(11, 16);
  const second = (t: number) => new Date(t).toISOString().slice(11, 19);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>@seclog demo report</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222;max-width:1100px}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}td,th{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f4f4f4}.pill{color:#fff;border-radius:3px;padding:0 5px;font-size:12px}code{font-size:12px}
</style></head><body>
<h1>@seclog demo report</h1>
<p>Generated ${escape(input.generatedAt.toISOString())} from <code>demo-output/security.log</code>: ${input.events.length} events. ${legend}</p>
<h2>Checks</h2><table><tr><th></th><th>check</th><th>detail</th></tr>${checks}</table>
<h2>Events per minute, by severity</h2>${severityChart(input.events, 60_000, minute)}
<h2>Events per second during the attack</h2>${severityChart(input.events, 1000, second)}
<h2>Alerts</h2><table><tr><th>time</th><th>severity</th><th>rule</th><th>key</th><th>reason</th><th>responder</th></tr>${alerts}</table>
<h2>Timeline</h2><table><tr><th>time (UTC)</th><th>service</th><th>severity</th><th>type</th><th>actor</th><th>correlation</th></tr>${rows}</table>
</body></html>
`;
}
