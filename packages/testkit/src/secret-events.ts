import type { SecurityEvent, SecurityLogger } from '@seclog/core';

/** A value that must never appear in any written record. */
export const TEST_SECRET = 'hunter2-correct-horse';

/** Three events carrying TEST_SECRET in metadata, an authorization value and the message. */
export function logSecretBearingEvents(logger: SecurityLogger): SecurityEvent[] {
  return [
    logger.log({ eventType: 'auth.login_failure', actor: { id: 'user-1', ip: '203.0.113.9' }, target: '/login', metadata: { password: TEST_SECRET } }),
    logger.log({ eventType: 'auth.login_success', actor: 'user-2', metadata: { authorization: `Bearer ${TEST_SECRET}` } }),
    logger.log({ eventType: 'authz.access_denied', actor: 'user-3', target: '/admin', message: `token=${TEST_SECRET}` }),
  ];
}
