import { parseDuration } from '@seclog/core';
import { formatDuration } from '../rules/duration';
import type { AlertRule, Duration, FieldCondition, ThresholdRule } from '../rules/types';
import { validateRules } from '../rules/validate-rules';

export interface PrometheusRulesOptions {
  /** Name of the rule group. Default `seclog`. */
  group?: string;
  /** How long the condition must hold before the alert fires (`for:`). Default `0s`: as soon as it holds, like the engine. */
  for?: Duration;
  /** Labels added to every alert, e.g. `{ team: 'security' }`. */
  labels?: Readonly<Record<string, string>>;
}

export interface PrometheusRulesResult {
  /** A Prometheus rule file, ready for `promtool check rules`. */
  yaml: string;
  /** Rules written, by id. */
  written: string[];
  /** Rules Prometheus cannot express with the seclog counters, and why. */
  skipped: { ruleId: string; reason: string }[];
}

/** Event fields that are labels of `security_events_total`. */
const LABEL_FIELDS = new Set(['event_type', 'severity', 'outcome', 'service']);
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const quote = (text: string) => JSON.stringify(text);

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alertName(id: string): string {
  return `Seclog${id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('')}`;
}

function matcher(label: string, condition: FieldCondition | string | number | boolean): string | undefined {
  if (typeof condition !== 'object') return `${label}=${quote(String(condition))}`;
  if ('eq' in condition) return `${label}=${quote(String(condition.eq))}`;
  if ('ne' in condition) return `${label}!=${quote(String(condition.ne))}`;
  if ('in' in condition) return `${label}=~${quote(condition.in.map((value) => escapeRegex(String(value))).join('|'))}`;
  if ('notIn' in condition) return `${label}!~${quote(condition.notIn.map((value) => escapeRegex(String(value))).join('|'))}`;
  return undefined;
}

/** The PromQL of a threshold rule, or why there is none. */
function expression(rule: ThresholdRule): { expr: string } | { reason: string } {
  if (rule.distinct !== undefined) return { reason: 'distinct counts need a per-value label the counters do not have' };
  const groupBy = rule.groupBy === undefined ? [] : ([] as string[]).concat(rule.groupBy);
  const unlabelled = groupBy.find((field) => !LABEL_FIELDS.has(field));
  if (unlabelled) return { reason: `groupBy "${unlabelled}" is not a metric label (labels: ${[...LABEL_FIELDS].join(', ')})` };
  const matchers: string[] = [];
  const types = rule.match.eventType === undefined ? [] : ([] as string[]).concat(rule.match.eventType);
  if (types.length > 0 && !types.includes('*')) {
    const exact = types.every((type) => !type.endsWith('.*'));
    matchers.push(
      exact && types.length === 1
        ? `event_type=${quote(types[0]!)}`
        : `event_type=~${quote(types.map((type) => (type.endsWith('.*') ? `${escapeRegex(type.slice(0, -1))}.*` : escapeRegex(type))).join('|'))}`,
    );
  }
  if (rule.match.outcome !== undefined) {
    const outcomes = ([] as string[]).concat(rule.match.outcome);
    matchers.push(outcomes.length === 1 ? `outcome=${quote(outcomes[0]!)}` : `outcome=~${quote(outcomes.join('|'))}`);
  }
  for (const [field, condition] of Object.entries(rule.match.where ?? {})) {
    const written = LABEL_FIELDS.has(field) ? matcher(field, condition) : undefined;
    if (!written) return { reason: `condition on "${field}" cannot be written as a label matcher` };
    matchers.push(written);
  }
  const range = formatDuration(parseDuration(rule.window)!);
  const by = `sum by (${groupBy.join(', ')})`;
  const limit = 'gt' in rule.condition ? `> ${rule.condition.gt}` : `>= ${rule.condition.gte}`;
  return { expr: `${by} (increase(security_events_total{${matchers.join(', ')}}[${range}])) ${limit}` };
}

/**
 * Writes the threshold rules that the seclog counters can express as Prometheus alerting rules,
 * e.g. failed logins per service. Per-IP or per-user rules (and risk, anomaly and sequence rules)
 * are listed in `skipped`: labels that fine would make the metrics unbounded.
 */
export function generatePrometheusRules(rules: readonly AlertRule[] | unknown, options: PrometheusRulesOptions = {}): PrometheusRulesResult {
  const valid = validateRules(rules);
  const forMs = parseDuration(options.for ?? '0s');
  if (forMs === undefined) throw new RangeError(`generatePrometheusRules: "for" must be a duration such as "5m"`);
  for (const name of Object.keys(options.labels ?? {})) {
    if (!LABEL_NAME.test(name)) throw new RangeError(`generatePrometheusRules: label name ${quote(name)} is not a valid Prometheus label name`);
  }
  const lines = ['groups:', `  - name: ${quote(options.group ?? 'seclog')}`, '    rules:'];
  const written: string[] = [];
  const skipped: PrometheusRulesResult['skipped'] = [];
  for (const rule of valid) {
    if (rule.enabled === false) continue;
    if (rule.type !== 'threshold') {
      skipped.push({ ruleId: rule.id, reason: `${rule.type} rules have no PromQL equivalent over the seclog counters` });
      continue;
    }
    const result = expression(rule);
    if ('reason' in result) {
      skipped.push({ ruleId: rule.id, reason: result.reason });
      continue;
    }
    written.push(rule.id);
    const labels = { ...options.labels, severity: rule.severity.toLowerCase(), rule_id: rule.id, source: 'seclog' };
    lines.push(
      `      - alert: ${alertName(rule.id)}`,
      `        expr: ${quote(result.expr)}`,
      `        for: ${formatDuration(forMs)}`,
      '        labels:',
      ...Object.entries(labels).map(([name, value]) => `          ${name}: ${quote(value)}`),
      '        annotations:',
      `          summary: ${quote(`${rule.id}: {{ $value }} matching events within ${formatDuration(parseDuration(rule.window)!)}`)}`,
    );
    if (rule.description !== undefined) lines.push(`          description: ${quote(rule.description)}`);
  }
  if (written.length === 0) lines[lines.length - 1] = '    rules: []';
  return { yaml: `${lines.join('\n')}\n`, written, skipped };
}
