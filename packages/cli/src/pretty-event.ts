import { neutralize, SEVERITIES, type Severity } from '@seclog/core';

const COLOURS: Record<Severity, string> = {
  CRITICAL: '\u001b[1;41;97m',
  HIGH: '\u001b[31m',
  MEDIUM: '\u001b[33m',
  LOW: '\u001b[2m',
};
const RESET = '\u001b[0m';

export interface EventFilter {
  /** Lowest severity shown. */
  minSeverity?: Severity;
  /** `auth.*`-style pattern: `*` matches any run of characters. */
  type?: RegExp;
}

export function typePattern(glob: string): RegExp {
  return new RegExp('^' + glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
}

type Shown = Record<string, unknown> & { actor?: Record<string, unknown> };

export function matches(record: Shown, filter: EventFilter): boolean {
  if (filter.minSeverity && SEVERITIES.indexOf(record.severity as Severity) < SEVERITIES.indexOf(filter.minSeverity)) return false;
  if (filter.type && !filter.type.test(String(record.event_type))) return false;
  return true;
}

/**
 * One event as a terminal line. Every field read from the file is neutralised first: a tampered
 * or hostile log must not be able to move the cursor or recolour the screen of whoever reads it.
 */
export function prettyEvent(record: Shown, colour: boolean): string {
  // Fields are space-separated here, so a TAB (which neutralize keeps) is escaped too.
  const text = (value: unknown) =>
    neutralize(typeof value === 'string' ? value : (JSON.stringify(value) ?? '')).replace(/\t/g, '\\t');
  const severity = String(record.severity) as Severity;
  const label = severity.padEnd(8);
  const parts = [
    text(record.timestamp),
    colour && COLOURS[severity] ? `${COLOURS[severity]}${label}${RESET}` : label,
    text(record.event_type),
    text(record.outcome),
  ];
  const actor = record.actor;
  if (actor) parts.push(`actor=${text(actor.id)}${actor.ip ? ` ip=${text(actor.ip)}` : ''}`);
  if (record.target !== undefined) parts.push(`target=${text(record.target)}`);
  parts.push(`risk=${text(record.risk_score)}`, `corr=${text(record.correlation_id)}`);
  if (record.message) parts.push(JSON.stringify(text(record.message)));
  return parts.join(' ');
}
