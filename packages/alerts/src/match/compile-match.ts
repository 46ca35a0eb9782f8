import type { SecurityEvent } from '@seclog/core';
import type { FieldCondition, Match } from '../rules/types';
import { compileFieldReader } from './field-path';
import { buildTest, type OperatorName } from './operators';

export interface CompiledMatch {
  test(event: SecurityEvent): boolean;
  /** Whether an event of this type could match, looking at `eventType` only. */
  acceptsType(eventType: string): boolean;
  /** True when an `alert.*` type is named explicitly; only such matches see alerts. */
  readonly namesAlerts: boolean;
}

const ALERT_PREFIX = 'alert.';

export function isAlertType(eventType: string): boolean {
  return eventType.startsWith(ALERT_PREFIX);
}

function eventTypeTest(patterns: readonly string[] | undefined): ((type: string) => boolean) | undefined {
  if (!patterns) return undefined;
  if (patterns.includes('*')) return () => true;
  const exact = new Set(patterns.filter((pattern) => !pattern.endsWith('.*')));
  const prefixes = patterns.filter((pattern) => pattern.endsWith('.*')).map((pattern) => pattern.slice(0, -1));
  if (prefixes.length === 0) return (type) => exact.has(type);
  return (type) => exact.has(type) || prefixes.some((prefix) => type.startsWith(prefix));
}

function asList<T>(value: T | readonly T[] | undefined): readonly T[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/** Turns a validated `match` into one predicate; cheapest checks first. */
export function compileMatch(match: Match): CompiledMatch {
  const patterns = asList(match.eventType);
  const typeTest = eventTypeTest(patterns);
  const outcomes = asList(match.outcome);
  const fieldTests = Object.entries(match.where ?? {}).map(([path, condition]) => {
    const read = compileFieldReader(path);
    const [operator, operand] =
      condition !== null && typeof condition === 'object'
        ? (Object.entries(condition as FieldCondition)[0] as [OperatorName, unknown])
        : (['eq', condition] as [OperatorName, unknown]);
    const check = buildTest(operator, operand);
    return (event: SecurityEvent) => check(read(event));
  });
  return {
    namesAlerts: (patterns ?? []).some(isAlertType),
    acceptsType: (type) => !typeTest || typeTest(type),
    test(event) {
      if (typeTest && !typeTest(event.event_type)) return false;
      if (outcomes && !outcomes.includes(event.outcome)) return false;
      for (const fieldTest of fieldTests) if (!fieldTest(event)) return false;
      return true;
    },
  };
}
