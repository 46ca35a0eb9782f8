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

/**
 * One reader per actor field, each reading a fixed property: a reader that looked the name up
 * (`actor[name]`) would share one property-access site among every field and go megamorphic.
 */
const ACTOR_READERS: Record<(typeof ACTOR_FIELDS)[number], FieldReader> = {
  id: (event) => scalar(event.actor?.id),
  type: (event) => scalar(event.actor?.type),
  ip: (event) => scalar(event.actor?.ip),
  user_agent: (event) => scalar(event.actor?.user_agent),
  session_id: (event) => scalar(event.actor?.session_id),
};

const EVENT_READERS: Record<(typeof EVENT_FIELDS)[number], FieldReader> = {
  event_id: (event) => scalar(event.event_id),
  timestamp: (event) => scalar(event.timestamp),
  severity: (event) => scalar(event.severity),
  event_type: (event) => scalar(event.event_type),
  outcome: (event) => scalar(event.outcome),
  message: (event) => scalar(event.message),
  service: (event) => scalar(event.service),
  target: (event) => scalar(event.target),
  correlation_id: (event) => scalar(event.correlation_id),
  trace_id: (event) => scalar(event.trace_id),
  span_id: (event) => scalar(event.span_id),
  risk_score: (event) => scalar(event.risk_score),
};

/** Own properties only: a key like `__proto__` must never walk into a prototype. */
function ownProperty(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, name)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

function metadataReader(parts: readonly string[]): FieldReader {
  if (parts.length === 1) {
    const [name] = parts as [string];
    return (event) => scalar(ownProperty(event.metadata, name));
  }
  return (event) => {
    let current: unknown = event.metadata;
    for (const part of parts) {
      current = ownProperty(current, part);
      if (current === undefined) return undefined;
    }
    return scalar(current);
  };
}

/** A reader for a path that `fieldPathProblem` accepted; objects and arrays read as undefined. */
export function compileFieldReader(path: string): FieldReader {
  if (path.startsWith('actor.')) return ACTOR_READERS[path.slice('actor.'.length) as (typeof ACTOR_FIELDS)[number]];
  if (path.startsWith('metadata.')) return metadataReader(path.slice('metadata.'.length).split('.'));
  return EVENT_READERS[path as (typeof EVENT_FIELDS)[number]];
}
