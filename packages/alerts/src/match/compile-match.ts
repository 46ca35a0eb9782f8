import type { SecurityEvent } from '@seclog/core';
import type { FieldCondition, Match } from '../rules/types';
import type { EventFields } from './event-fields';
import { buildTest, type OperatorName } from './operators';

export interface CompiledMatch {
  /** Whether an event of this type could match, looking at `eventType` only. */
  acceptsType(eventType: string): boolean;
  /**
   * What `eventType` alone does not decide (outcome, `where`), with the event's fields read through
   * `fields`; undefined when the type decides everything.
   */
  readonly rest: ((event: SecurityEvent, fields: EventFields) => boolean) | undefined;
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

/**
 * Turns a validated `match` into a test on the type, decided once per event type by the engine's
 * dispatch, and a test on the rest, run per event; cheapest checks first.
 */
export function compileMatch(match: Match, fields: EventFields): CompiledMatch {
  const patterns = asList(match.eventType);
  const typeTest = eventTypeTest(patterns);
  const outcomes = asList(match.outcome);
  const fieldTests = Object.entries(match.where ?? {}).map(([path, condition]) => {
    const [operator, operand] =
      condition !== null && typeof condition === 'object'
        ? (Object.entries(condition as FieldCondition)[0] as [OperatorName, unknown])
        : (['eq', condition] as [OperatorName, unknown]);
    return { field: fields.index(path), check: buildTest(operator, operand) };
  });
  const rest =
    outcomes === undefined && fieldTests.length === 0
      ? undefined
      : (event: SecurityEvent, values: EventFields) => {
          if (outcomes && !outcomes.includes(event.outcome)) return false;
          for (const { field, check } of fieldTests) if (!check(values.get(field))) return false;
          return true;
        };
  return {
    namesAlerts: (patterns ?? []).some(isAlertType),
    acceptsType: (type) => !typeTest || typeTest(type),
    rest,
  };
}
