import { resolveActor } from '../actor';
import { correlation } from '../correlation';
import type { SecurityContext } from '../context/security-context';
import { OUTCOMES, SCHEMA_VERSION, type LogInput, type Outcome, type SecurityEvent } from '../event';
import type { RiskOptions } from '../risk';
import { createRiskScorer, severityFromScore } from '../risk';
import type { Sanitizer } from '../sanitizer';
import type { Taxonomy } from '../taxonomy';
import type { EventTypeDefinition } from '../taxonomy/definition';
import { uuidv7 } from '../uuid-v7';
import { deepFreeze } from './deep-freeze';
import { formatTimestamp } from './format-timestamp';

export interface EventBuilderOptions {
  service: string;
  sanitizer: Sanitizer;
  taxonomy: Taxonomy;
  risk: RiskOptions;
  now: () => number;
}

const MAX_TARGET = 512;
/** Bounds the description cache of a taxonomy that keeps registering types. */
const MAX_DESCRIPTIONS = 1024;

function sanitizeMetadata(sanitizer: Sanitizer, metadata: unknown): Record<string, unknown> {
  if (metadata === undefined || metadata === null) return {};
  const clean = sanitizer.sanitize(metadata);
  if (clean !== null && typeof clean === 'object' && !Array.isArray(clean)) return clean as Record<string, unknown>;
  // Metadata must be an object; anything else is kept, not lost, under one key.
  return { value: clean };
}

/**
 * Turns a caller's input into a finished event: fields first (taxonomy, context, actor), then
 * sanitising, then scoring; serialising is left to the sinks.
 */
export function createEventBuilder(options: EventBuilderOptions) {
  const { service, sanitizer, taxonomy, risk, now } = options;
  const bands = risk.bands;
  // Built once: compiles the options, and scores against the logger's own taxonomy.
  const scoreRisk = createRiskScorer({ ...risk, taxonomy });
  // Descriptions come from the taxonomy, a handful of fixed texts: each is sanitised once.
  const descriptions = new Map<EventTypeDefinition, string>();
  const describe = (definition: EventTypeDefinition): string => {
    let message = descriptions.get(definition);
    if (message === undefined) {
      if (descriptions.size >= MAX_DESCRIPTIONS) descriptions.clear();
      message = sanitizer.sanitizeString(definition.description);
      descriptions.set(definition, message);
    }
    return message;
  };

  return function buildEvent(input: LogInput, context: SecurityContext | undefined): SecurityEvent {
    const definition = taxonomy.resolve((input as Partial<LogInput> | undefined)?.eventType as string);
    const at = now();
    const outcome: Outcome = OUTCOMES.includes(input.outcome as Outcome)
      ? (input.outcome as Outcome)
      : definition.defaultOutcome;
    const actor = resolveActor(input.actor, context?.actor);
    const rawTarget = typeof input.target === 'string' ? input.target : context?.target;
    const target = rawTarget === undefined ? undefined : sanitizer.sanitizeString(rawTarget.slice(0, MAX_TARGET));
    const timestamp = formatTimestamp(at);
    const { score, reasons } = scoreRisk({
      eventType: definition.name,
      outcome,
      actor,
      target,
      timestamp,
      riskScore: input.riskScore,
      signals: input.signals,
    });

    const eventId = uuidv7(at);
    const event: SecurityEvent = {
      schema: SCHEMA_VERSION,
      event_id: eventId,
      timestamp,
      severity: severityFromScore(score, bands),
      event_type: definition.name,
      outcome,
      message: typeof input.message === 'string' ? sanitizer.sanitizeString(input.message) : describe(definition),
      service,
      actor,
      correlation_id: correlation.isValid(input.correlationId)
        ? input.correlationId
        : // An event outside any request starts its own correlation, rooted at its own id.
          (context?.correlationId ?? eventId),
      risk_score: score,
      risk_reasons: reasons,
      metadata: sanitizeMetadata(sanitizer, input.metadata),
    };
    if (target !== undefined) event.target = target;
    const traceId = correlation.isTraceId(input.traceId) ? input.traceId : context?.traceId;
    if (traceId) event.trace_id = traceId;
    const spanId = correlation.isSpanId(input.spanId) ? input.spanId : context?.spanId;
    if (spanId) event.span_id = spanId;
    return deepFreeze(event);
  };
}
