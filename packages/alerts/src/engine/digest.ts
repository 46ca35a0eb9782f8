import type { Severity } from '@seclog/core';
import type { Alert } from './alert';

export interface DigestOffender {
  key: string;
  count: number;
}

export interface DigestRule {
  ruleId: string;
  severity: Severity;
  /** Alerts of this rule in the period. */
  count: number;
  /** Distinct keys that raised them. */
  keys: number;
  /** Alerts per key, most first. */
  top: DigestOffender[];
}

/** The periodic summary of LOW and MEDIUM alerts. */
export interface Digest {
  /** Period covered, ISO 8601. */
  from: string;
  to: string;
  total: number;
  /** Per rule, most alerts first. */
  rules: DigestRule[];
  /** Keys with the most alerts across all rules. */
  topOffenders: DigestOffender[];
}

/** Keys remembered per rule; alerts for further keys still count in the rule's total. */
const MAX_KEYS_PER_RULE = 10_000;

function top(counts: Map<string, number>, size: number): DigestOffender[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, size)
    .map(([key, count]) => ({ key, count }));
}

/** Collects alerts between two digests. */
export class DigestCollector {
  private rules = new Map<string, { severity: Severity; count: number; keys: Map<string, number> }>();
  private total = 0;

  constructor(private readonly size: number) {}

  add(alert: Alert): void {
    let rule = this.rules.get(alert.ruleId);
    if (!rule) {
      rule = { severity: alert.severity, count: 0, keys: new Map() };
      this.rules.set(alert.ruleId, rule);
    }
    rule.count++;
    this.total++;
    const known = rule.keys.get(alert.key);
    if (known !== undefined || rule.keys.size < MAX_KEYS_PER_RULE) rule.keys.set(alert.key, (known ?? 0) + 1);
  }

  /** The digest of everything collected, or undefined when nothing was; starts a new period. */
  take(from: number, to: number): Digest | undefined {
    if (this.total === 0) return undefined;
    const overall = new Map<string, number>();
    const rules: DigestRule[] = [];
    for (const [ruleId, rule] of this.rules) {
      for (const [key, count] of rule.keys) overall.set(key, (overall.get(key) ?? 0) + count);
      rules.push({ ruleId, severity: rule.severity, count: rule.count, keys: rule.keys.size, top: top(rule.keys, this.size) });
    }
    rules.sort((a, b) => b.count - a.count || (a.ruleId < b.ruleId ? -1 : 1));
    const digest: Digest = {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      total: this.total,
      rules,
      topOffenders: top(overall, this.size),
    };
    this.rules = new Map();
    this.total = 0;
    return digest;
  }
}
