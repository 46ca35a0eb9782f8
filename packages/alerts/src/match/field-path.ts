import type { SecurityEvent } from '@seclog/core';

export type FieldValue = string | number | boolean;
export type FieldReader = (event: SecurityEvent) => FieldValue | undefined;

/** Scalar fields of the `seclog/1` event a rule may read; `metadata.*` is open. */
export const EVENT_FIELDS = [
  'event_id',
  'timestamp',
  'severity',
  'event_type',
  'outcome',
  'message',
  'service',
  'target',
  'correlation_id',
  'trace_id',
  'span_id',
  'risk_score',
] as const;
export const ACTOR_FIELDS = ['id', 'type', 'ip', 'user_agent', 'session_id'] as const;

const KNOWN_PATHS: readonly string[] = [...EVENT_FIELDS, ...ACTOR_FIELDS.map((name) => `actor.${name}`)];

/** Every path a rule can name, for "did you mean" hints. */
export function knownFieldPaths(): readonly string[] {
  return KNOWN_PATHS;
}

/** Why a field path cannot be read, or undefined when it can. */
export function fieldPathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string' || path === '') return 'must be a non-empty field path such as "actor.ip"';
  if (KNOWN_PATHS.includes(path)) return undefined;
  if (path.startsWith('metadata.')) {
    const parts = path.slice('metadata.'.length).split('.');
    return parts.every((part) => part !== '') ? undefined : `"${path}" has an empty segment`;
  }
  return `unknown event field "${path}"`;
}

function scalar(value: unknown): FieldValue | undefined {
  const kind = typeof value;
  return kind === 'string' || kind === 'number' || kind === 'boolean' ? (value as FieldValue) : undefined;
}

/** A reader for a path that `fieldPathProblem` accepted; objects and arrays read as undefined. */
export function compileFieldReader(path: string): FieldReader {
  if (path.startsWith('actor.')) {
    const name = path.slice('actor.'.length) as (typeof ACTOR_FIELDS)[number];
    return (event) => scalar(event.actor?.[name]);
  }
  if (path.startsWith('metadata.')) {
    const parts = path.slice('metadata.'.length).split('.');
    return (event) => {
      let current: unknown = event.metadata;
      for (const part of parts) {
        // Own properties only: a key like `__proto__` must never walk into a prototype.
        if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return undefined;
        current = (current as Record<string, unknown>)[part];
      }
      return scalar(current);
    };
  }
  const name = path as (typeof EVENT_FIELDS)[number];
  return (event) => scalar(event[name]);
}
