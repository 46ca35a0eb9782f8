import { createSecurityLogger, memorySink, serializeEvent } from '@seclog/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertValidEvents, validateEvent } from '../src/index';

async function realEvent() {
  const sink = memorySink();
  const logger = createSecurityLogger({ service: 'testkit', sinks: [sink] });
  logger.log({ eventType: 'auth.login_failure', actor: { id: 'user-1', ip: '::ffff:192.0.2.1' }, target: '/login' });
  await logger.close();
  return sink.events[0];
}

describe('validateEvent', () => {
  it('accepts what the logger produces, as an object and as the line a sink writes', async () => {
    const event = await realEvent();
    expect(validateEvent(event)).toEqual([]);
    expect(validateEvent(serializeEvent(event as NonNullable<typeof event>))).toEqual([]);
  });

  it('names the field at fault', async () => {
    const event = { ...(await realEvent()), severity: 'SEVERE', extra: 1 };
    const paths = validateEvent(event).map((v) => v.path);
    expect(paths).toContain('/severity');
    expect(validateEvent(event).some((v) => v.message.includes('additional properties'))).toBe(true);
  });

  it('refuses a line that is not JSON, and odd values, without throwing', () => {
    expect(validateEvent('{"schema":')[0]?.message).toMatch(/^not JSON/);
    expect(validateEvent(undefined)).not.toEqual([]);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue()), (value) => {
        expect(validateEvent(value).length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('assertValidEvents', () => {
  it('passes valid records and reports every broken one by index', async () => {
    const event = await realEvent();
    expect(() => assertValidEvents([event])).not.toThrow();
    expect(() => assertValidEvents([event, { ...event, event_id: 'nope' }, '{}'])).toThrow(/2 of 3 records[\s\S]*record 1: \/event_id[\s\S]*record 2/);
  });
});
