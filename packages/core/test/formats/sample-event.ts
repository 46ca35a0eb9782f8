import type { SecurityEvent } from '../../src/event';

/** A finished event as `log()` would return it, with every optional field present. */
export function sampleEvent(overrides: Partial<SecurityEvent> = {}): SecurityEvent {
  return {
    schema: 'seclog/1',
    event_id: '0192f0c4-6c1e-7a3b-8f00-0123456789ab',
    timestamp: '2026-11-27T23:00:00.123Z',
    severity: 'HIGH',
    event_type: 'auth.login_failure',
    outcome: 'failure',
    message: 'User login failed',
    service: 'auth-service',
    actor: { id: 'user-42', type: 'user', ip: '203.0.113.7', user_agent: 'curl/8.0', session_id: 'sess-1' },
    target: '/login',
    correlation_id: 'corr-1',
    trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
    span_id: '00f067aa0ba902b7',
    risk_score: 7.5,
    risk_reasons: ['base 6', 'repeated failures +1.5'],
    metadata: { reason: 'bad_password' },
    ...overrides,
  };
}
