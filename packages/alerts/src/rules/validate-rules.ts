import { OUTCOMES, SEVERITIES } from '@seclog/core';
import { fieldPathProblem, knownFieldPaths } from '../match/field-path';
import { OPERAND_WORDS, OPERATOR_NAMES, OPERATORS, isOperatorName } from '../match/operators';
import { closest } from './did-you-mean';
import { parseDuration } from '@seclog/core';
import { AlertRuleError, type RuleIssue } from './rule-error';
import type { AlertRule, RuleType } from './types';

export interface ValidateOptions {
  /** Responder names the engine knows; a rule naming another is rejected. Omit to skip the check. */
  responders?: readonly string[];
}

const COMMON = ['id', 'type', 'description', 'severity', 'groupBy', 'suppress', 'alertType', 'enabled'];
const FIELDS: Record<RuleType, readonly string[]> = {
  threshold: [...COMMON, 'match', 'window', 'condition', 'distinct', 'resetOnFire'],
  risk: [...COMMON, 'match', 'window', 'condition', 'responder'],
  anomaly: [
    ...COMMON,
    'match',
    'interval',
    'measure',
    'baseline',
    'sensitivity',
    'warmup',
    'minEvents',
    'minSpread',
  ],
  sequence: [...COMMON, 'window', 'steps'],
};
const REQUIRED: Record<RuleType, readonly string[]> = {
  threshold: ['id', 'type', 'severity', 'match', 'window', 'condition'],
  risk: ['id', 'type', 'severity', 'match', 'window', 'condition'],
  anomaly: ['id', 'type', 'severity', 'match', 'interval'],
  sequence: ['id', 'type', 'severity', 'window', 'steps'],
};
const RULE_TYPES = Object.keys(FIELDS) as RuleType[];
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const TYPE_PATTERN = /^(?:\*|[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*(?:\.\*)?)$/;
const ALERT_TYPE_PATTERN = /^alert(?:\.[a-z0-9_]+)+$/;
/** Counting state per key is a ring of `threshold + 1` entries; this keeps it small. */
const MAX_COUNT = 100_000;
const MAX_GROUP_FIELDS = 8;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return typeof value === 'object' ? 'an object' : String(value);
}

function keyPath(base: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

class RuleChecker {
  constructor(
    private readonly issues: RuleIssue[],
    private readonly ruleId: string | undefined,
    private readonly options: ValidateOptions,
  ) {}

  fail(path: string, message: string): void {
    this.issues.push(this.ruleId === undefined ? { path, message } : { ruleId: this.ruleId, path, message });
  }

  /** Rejects keys outside `allowed`, with a hint when one is a near miss. */
  knownKeys(value: Obj, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(value)) {
      if (allowed.includes(key)) continue;
      const hint = closest(key, allowed);
      this.fail(
        keyPath(path, key),
        `unknown field "${key}"; ${hint ? `did you mean "${hint}"?` : `expected one of ${allowed.join(', ')}`}`,
      );
    }
  }

  required(value: Obj, names: readonly string[], path: string): void {
    for (const name of names) if (value[name] === undefined) this.fail(`${path}.${name}`, 'is required');
  }

  rule(raw: unknown, path: string): void {
    if (!isObject(raw)) return this.fail(path, `must be an object, got ${describe(raw)}`);
    if (!RULE_TYPES.includes(raw.type as RuleType)) {
      const hint = typeof raw.type === 'string' ? closest(raw.type, RULE_TYPES) : undefined;
      this.fail(`${path}.type`, `must be one of ${RULE_TYPES.join(', ')}, got ${describe(raw.type)}${hint ? `; did you mean "${hint}"?` : ''}`);
      return;
    }
    const type = raw.type as RuleType;
    this.knownKeys(raw, FIELDS[type], path);
    this.required(raw, REQUIRED[type], path);
    if (raw.id !== undefined && !(typeof raw.id === 'string' && ID_PATTERN.test(raw.id))) {
      this.fail(`${path}.id`, 'must be 1-128 letters, digits, "_", ".", ":" or "-", starting with a letter or digit');
    }
    if (raw.severity !== undefined && !SEVERITIES.includes(raw.severity as never)) {
      this.fail(`${path}.severity`, `must be one of ${SEVERITIES.join(', ')}, got ${describe(raw.severity)}`);
    }
    if (raw.description !== undefined && typeof raw.description !== 'string') {
      this.fail(`${path}.description`, 'must be a string');
    }
    this.optionalBoolean(raw, 'enabled', path);
    if (raw.groupBy !== undefined) this.groupBy(raw.groupBy, `${path}.groupBy`);
    if (raw.suppress !== undefined && raw.suppress !== false) this.suppress(raw.suppress, `${path}.suppress`);
    if (raw.alertType !== undefined && !(typeof raw.alertType === 'string' && ALERT_TYPE_PATTERN.test(raw.alertType))) {
      this.fail(`${path}.alertType`, 'must be an "alert.*" event type in lower case, e.g. "alert.brute_force"');
    }
    if (raw.match !== undefined) this.match(raw.match, `${path}.match`);

    if (type === 'threshold' || type === 'risk' || type === 'sequence') this.duration(raw.window, `${path}.window`);
    if (type === 'threshold' || type === 'risk') this.condition(raw.condition, `${path}.condition`, type === 'threshold');
    if (type === 'threshold') {
      if (raw.distinct !== undefined) this.fieldPath(raw.distinct, `${path}.distinct`);
      this.optionalBoolean(raw, 'resetOnFire', path);
    }
    if (type === 'risk' && raw.responder !== undefined) this.responder(raw.responder, `${path}.responder`);
    if (type === 'anomaly') this.anomaly(raw, path);
    if (type === 'sequence') this.steps(raw.steps, `${path}.steps`);
  }

  private optionalBoolean(value: Obj, name: string, path: string): void {
    if (value[name] !== undefined && typeof value[name] !== 'boolean') this.fail(`${path}.${name}`, 'must be true or false');
  }

  private number(value: unknown, path: string, min: number, max: number, integer = false): void {
    if (value === undefined) return;
    const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
    if (!ok || (integer && !Number.isInteger(value))) {
      this.fail(path, `must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${describe(value)}`);
    }
  }

  private duration(value: unknown, path: string): void {
    if (value === undefined) return;
    const ms = parseDuration(value);
    if (ms === undefined || ms <= 0) {
      this.fail(path, `must be a positive duration such as "60s", "5m", "24h" or a number of milliseconds, got ${describe(value)}`);
    }
  }

  private fieldPath(value: unknown, path: string): void {
    const problem = fieldPathProblem(value);
    if (!problem) return;
    const hint = typeof value === 'string' ? closest(value, knownFieldPaths()) : undefined;
    this.fail(path, `${problem}${hint ? `; did you mean "${hint}"?` : ''}`);
  }

  private groupBy(value: unknown, path: string): void {
    if (typeof value === 'string') return this.fieldPath(value, path);
    if (!Array.isArray(value) || value.length > MAX_GROUP_FIELDS) {
      return this.fail(path, `must be a field path or an array of at most ${MAX_GROUP_FIELDS} field paths`);
    }
    value.forEach((item, index) => this.fieldPath(item, `${path}[${index}]`));
  }

  private condition(value: unknown, path: string, integer: boolean): void {
    if (value === undefined) return;
    if (!isObject(value) || Object.keys(value).length !== 1) {
      return this.fail(path, 'must be an object with exactly one of "gt" or "gte", e.g. { "gt": 5 }');
    }
    const [operator, operand] = Object.entries(value)[0]!;
    if (operator !== 'gt' && operator !== 'gte') {
      const hint = closest(operator, ['gt', 'gte']);
      return this.fail(keyPath(path, operator), `unknown operator "${operator}"; expected "gt" or "gte"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
    this.number(operand, `${path}.${operator}`, operator === 'gt' ? 0 : 1, MAX_COUNT, integer);
  }

  private suppress(value: unknown, path: string): void {
    if (!isObject(value)) return this.fail(path, 'must be false or an object such as { "for": "10m", "backoff": 2 }');
    this.knownKeys(value, ['for', 'backoff', 'max', 'resetAfter'], path);
    this.required(value, ['for'], path);
    this.duration(value.for, `${path}.for`);
    this.number(value.backoff, `${path}.backoff`, 1, 100);
    this.duration(value.max, `${path}.max`);
    this.duration(value.resetAfter, `${path}.resetAfter`);
    const forMs = parseDuration(value.for);
    const maxMs = parseDuration(value.max);
    if (forMs !== undefined && maxMs !== undefined && maxMs < forMs) this.fail(`${path}.max`, 'must not be shorter than "for"');
  }

  private responder(value: unknown, path: string): void {
    if (typeof value !== 'string' || value === '') return this.fail(path, 'must be the name of a responder');
    const known = this.options.responders;
    if (known && !known.includes(value)) {
      const hint = closest(value, known);
      this.fail(path, `unknown responder "${value}"; ${hint ? `did you mean "${hint}"?` : `the engine has ${known.length ? known.join(', ') : 'none'}`}`);
    }
  }

  match(value: unknown, path: string): void {
    if (!isObject(value)) return this.fail(path, `must be an object, got ${describe(value)}`);
    this.knownKeys(value, ['eventType', 'outcome', 'where'], path);
    if (Object.keys(value).length === 0) this.fail(path, 'must say which events to look at (eventType, outcome or where)');
    if (value.eventType !== undefined) {
      const list = Array.isArray(value.eventType) ? value.eventType : [value.eventType];
      if (list.length === 0) this.fail(`${path}.eventType`, 'must not be empty');
      list.forEach((item, index) => {
        if (typeof item !== 'string' || !TYPE_PATTERN.test(item)) {
          const at = Array.isArray(value.eventType) ? `${path}.eventType[${index}]` : `${path}.eventType`;
          this.fail(at, `must be an event type such as "auth.login_failure", a prefix such as "auth.*", or "*"; got ${describe(item)}`);
        }
      });
    }
    if (value.outcome !== undefined) {
      const list = Array.isArray(value.outcome) ? value.outcome : [value.outcome];
      if (list.length === 0 || !list.every((item) => OUTCOMES.includes(item as never))) {
        this.fail(`${path}.outcome`, `must be one or more of ${OUTCOMES.join(', ')}`);
      }
    }
    if (value.where !== undefined) this.where(value.where, `${path}.where`);
  }

  private where(value: unknown, path: string): void {
    if (!isObject(value)) return this.fail(path, 'must be an object of field path to condition');
    for (const [field, condition] of Object.entries(value)) {
      const at = keyPath(path, field);
      this.fieldPath(field, at);
      if (!isObject(condition)) {
        if (!OPERATORS.eq.operand(condition)) this.fail(at, `must be a value to compare with, or a condition such as { "in": [...] }`);
        continue;
      }
      const operators = Object.keys(condition);
      if (operators.length !== 1) {
        this.fail(at, `must hold exactly one operator (${OPERATOR_NAMES.join(', ')})`);
        continue;
      }
      const operator = operators[0]!;
      if (!isOperatorName(operator)) {
        const hint = closest(operator, OPERATOR_NAMES);
        this.fail(keyPath(at, operator), `unknown operator "${operator}"; ${hint ? `did you mean "${hint}"?` : `expected one of ${OPERATOR_NAMES.join(', ')}`}`);
        continue;
      }
      if (!(OPERATORS[operator].operand as (v: unknown) => boolean)(condition[operator])) {
        this.fail(keyPath(at, operator), `must be ${OPERAND_WORDS[operator]}, got ${describe(condition[operator])}`);
      }
    }
  }

  private anomaly(raw: Obj, path: string): void {
    this.duration(raw.interval, `${path}.interval`);
    if (raw.measure !== undefined && raw.measure !== 'count' && raw.measure !== 'success_ratio') {
      this.fail(`${path}.measure`, `must be "count" or "success_ratio", got ${describe(raw.measure)}`);
    }
    this.number(raw.sensitivity, `${path}.sensitivity`, 0.1, 100);
    this.number(raw.warmup, `${path}.warmup`, 1, 10_000, true);
    this.number(raw.minEvents, `${path}.minEvents`, 0, 1e9, true);
    this.number(raw.minSpread, `${path}.minSpread`, 0, 1e9);
    const baseline = raw.baseline;
    if (baseline === undefined) return;
    const at = `${path}.baseline`;
    if (!isObject(baseline) || (baseline.method !== 'ewma' && baseline.method !== 'mad')) {
      return this.fail(at, 'must be { "method": "ewma", "alpha"?: 0.3 } or { "method": "mad", "size"?: 30 }');
    }
    if (baseline.method === 'ewma') {
      this.knownKeys(baseline, ['method', 'alpha'], at);
      this.number(baseline.alpha, `${at}.alpha`, 0.001, 1);
    } else {
      this.knownKeys(baseline, ['method', 'size'], at);
      this.number(baseline.size, `${at}.size`, 3, 1_000, true);
    }
  }

  private steps(value: unknown, path: string): void {
    if (value === undefined) return;
    if (!Array.isArray(value) || value.length < 2 || value.length > 16) {
      return this.fail(path, 'must be an array of 2 to 16 steps');
    }
    value.forEach((step, index) => {
      const at = `${path}[${index}]`;
      if (!isObject(step)) return this.fail(at, 'must be an object such as { "match": {...}, "count": 5 }');
      this.knownKeys(step, ['match', 'count'], at);
      this.required(step, ['match'], at);
      if (step.match !== undefined) this.match(step.match, `${at}.match`);
      this.number(step.count, `${at}.count`, 1, 10_000, true);
    });
  }
}

/**
 * Checks rules given as objects or parsed JSON: an array of rules or `{ "rules": [...] }`.
 * Throws an `AlertRuleError` naming each bad rule by id and the path of each bad field.
 */
export function validateRules(input: unknown, options: ValidateOptions = {}): AlertRule[] {
  const issues: RuleIssue[] = [];
  let list: unknown = input;
  let base = 'rules';
  if (isObject(input)) {
    const extra = Object.keys(input).filter((key) => key !== 'rules');
    for (const key of extra) issues.push({ path: key, message: `unknown field "${key}"; a rule file holds only "rules"` });
    list = input.rules;
  } else if (!Array.isArray(input)) {
    base = '';
  }
  if (!Array.isArray(list)) {
    throw new AlertRuleError([...issues, { path: base || '(root)', message: 'must be an array of rules or { "rules": [...] }' }]);
  }
  const seen = new Map<string, number>();
  list.forEach((raw, index) => {
    const path = `${base}[${index}]`;
    const id = isObject(raw) && typeof raw.id === 'string' && ID_PATTERN.test(raw.id) ? raw.id : undefined;
    if (id !== undefined) {
      const earlier = seen.get(id);
      if (earlier !== undefined) issues.push({ ruleId: id, path: `${path}.id`, message: `duplicates the id of ${base}[${earlier}]` });
      else seen.set(id, index);
    }
    new RuleChecker(issues, id, options).rule(raw, path);
  });
  if (issues.length > 0) throw new AlertRuleError(issues);
  return list as AlertRule[];
}

/** Parses a rule file's JSON text and validates it; JSON syntax errors are reported the same way. */
export function loadRules(source: string | unknown, options: ValidateOptions = {}): AlertRule[] {
  if (typeof source !== 'string') return validateRules(source, options);
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    throw new AlertRuleError([{ path: '(file)', message: `is not valid JSON: ${(error as Error).message}` }]);
  }
  return validateRules(parsed, options);
}
