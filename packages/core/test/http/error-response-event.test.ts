import { describe, expect, it } from 'vitest';
import { errorClassOf } from '../../src';
import { errorResponseEvent } from '../../src/http/error-response-event';
import { correlationRejectionReason } from '../../src/http/correlation-rejection';

class PaymentGatewayError extends Error {}

describe('errorClassOf', () => {
  it.each([
    [new TypeError('x'), 'TypeError'],
    [new PaymentGatewayError('card 4111 1111 1111 1111'), 'PaymentGatewayError'],
    [Object.assign(Object.create(null) as object, { name: 'NoProto' }), 'NoProto'],
    ['a string', 'string'],
    [42, 'number'],
    [{ constructor: { name: 'bad name\nwith newline' } }, 'Object'],
    [undefined, undefined],
  ])('names %s by its class only', (error, expected) => {
    expect(errorClassOf(error)).toBe(expected);
  });

  it('survives an error whose constructor getter throws', () => {
    const hostile = {
      get constructor(): never {
        throw new Error('nope');
      },
    };
    expect(errorClassOf(hostile)).toBe('Object');
  });
});

describe('errorResponseEvent', () => {
  const base = { method: 'GET', target: '/users/:id', routed: true, durationMs: 1.23456 };

  it('raises 401 and 403 through the http_401 and http_403 signals', () => {
    expect(errorResponseEvent({ ...base, status: 401 }).signals).toEqual(['http_401']);
    expect(errorResponseEvent({ ...base, status: 403 }).signals).toEqual(['http_403']);
    expect(errorResponseEvent({ ...base, status: 404 }).signals).toBeUndefined();
  });

  it('records the error class for a 5xx only', () => {
    const error = new RangeError('secret');
    expect(errorResponseEvent({ ...base, status: 500, error }).metadata).toEqual({
      method: 'GET',
      status: 500,
      route: '/users/:id',
      duration_ms: 1.235,
      error_class: 'RangeError',
    });
    expect(errorResponseEvent({ ...base, status: 400, error }).metadata?.error_class).toBeUndefined();
  });

  it('leaves route out when the target is only a path', () => {
    expect(errorResponseEvent({ ...base, routed: false, target: '/x', status: 404 }).metadata?.route).toBeUndefined();
  });
});

describe('correlationRejectionReason', () => {
  it.each([
    ['', 'empty'],
    ['abc\r\nSet-Cookie: x', 'control_characters'],
    ['a'.repeat(129), 'too_long'],
    [`${'a'.repeat(200)}\n`, 'control_characters'],
    ['a b', 'invalid_characters'],
    ['café', 'invalid_characters'],
  ])('classifies %j as %s', (value, reason) => {
    expect(correlationRejectionReason(value)).toBe(reason);
  });
});
