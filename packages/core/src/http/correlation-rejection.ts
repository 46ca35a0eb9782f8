import type { LogInput } from '../event';

export type CorrelationRejectionReason = 'empty' | 'too_long' | 'control_characters' | 'invalid_characters';

const MAX_ID = 128;

/** Why `correlation.isValid` refused a header value, in words an analyst can group by. */
export function correlationRejectionReason(value: string): CorrelationRejectionReason {
  if (value.length === 0) return 'empty';
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'control_characters';
  if (value.length > MAX_ID) return 'too_long';
  return 'invalid_characters';
}

/**
 * The `input.validation_failure` event for a refused correlation header. The value itself is not
 * recorded: it is attacker-chosen, and the reason and length are what an analyst acts on.
 */
export function correlationRejectionEvent(header: string, value: string, target: string): LogInput {
  return {
    eventType: 'input.validation_failure',
    outcome: 'failure',
    target,
    message: `Refused ${header} header (${correlationRejectionReason(value)}); a new correlation id was issued`,
    metadata: {
      field: `header.${header}`,
      reason: correlationRejectionReason(value),
      length: value.length,
    },
  };
}
