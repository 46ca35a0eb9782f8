import type { SecurityEvent, Severity } from '../../src/event';
import { uuidv7 } from '../../src/uuid-v7';

const SEVERITIES: Severity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** A finished event as the logger would hand it to a sink; `i` varies every field a little. */
export function sampleEvent(i: number, at: number, severity: Severity = SEVERITIES[i % 4]!): SecurityEvent {
  return Object.freeze({
    schema: 'seclog/1',
    event_id: uuidv7(at),
    timestamp: new Date(at).toISOString(),
    severity,
    event_type: i % 2 ? 'auth.login_failure' : 'authz.access_denied',
    outcome: 'failure',
    message: `attempt ${i} \u00e9\u20ac \ud83d\ude00`,
    service: 'auth-service',
    actor: { id: `user-${i % 7}`, type: 'user', ip: `10.0.0.${i % 250}` },
    target: `/accounts/${i}`,
    correlation_id: `corr-${i}`,
    risk_score: severity === 'CRITICAL' ? 9.5 : severity === 'HIGH' ? 7 : severity === 'MEDIUM' ? 4.5 : 1,
    risk_reasons: ['base:auth.login_failure'],
    metadata: { attempt: i, ratio: i / 3, nested: { z: 1, a: [true, null, 'x'] } },
  }) as SecurityEvent;
}
