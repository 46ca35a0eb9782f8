import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correlation, getContext, runWithContext } from '../../src';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('correlation.isValid', () => {
  it('accepts 1–128 characters of [A-Za-z0-9._:-]', () => {
    expect(correlation.isValid('abc-123_x.y:z')).toBe(true);
    expect(correlation.isValid('a'.repeat(128))).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['too long', 'a'.repeat(129)],
    ['CRLF', 'abc\r\nSet-Cookie: x=1'],
    ['space', 'a b'],
    ['slash', 'a/b'],
    ['unicode', 'abcé'],
  ])('refuses %s', (_label, id) => {
    expect(correlation.isValid(id)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(correlation.isValid(42)).toBe(false);
    expect(correlation.isValid(undefined)).toBe(false);
  });

  it('agrees with its character class on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(correlation.isValid(s)).toBe(s.length >= 1 && s.length <= 128 && /^[A-Za-z0-9._:-]+$/.test(s));
      }),
    );
  });
});

describe('correlation.fromHeaders', () => {
  it('prefers a valid X-Correlation-ID', () => {
    expect(correlation.fromHeaders({ 'x-correlation-id': 'req-1', traceparent: TRACEPARENT })).toEqual({
      correlationId: 'req-1',
      source: 'header',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      parentSpanId: '00f067aa0ba902b7',
    });
  });

  it('falls back to the traceparent trace id and reports a refused header', () => {
    const result = correlation.fromHeaders({ 'x-correlation-id': 'bad\r\nid', traceparent: TRACEPARENT });
    expect(result.correlationId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(result.source).toBe('traceparent');
    expect(result.rejected).toBe('bad\r\nid');
  });

  it('returns none when nothing usable is present', () => {
    expect(correlation.fromHeaders({})).toEqual({ source: 'none' });
    expect(correlation.fromHeaders({ traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' })).toEqual({
      source: 'none',
    });
    expect(correlation.fromHeaders({ traceparent: 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' })).toEqual({
      source: 'none',
    });
  });

  it('reads a configurable header, arrays and Fetch Headers', () => {
    expect(correlation.fromHeaders({ 'x-request-id': ['r-9', 'r-10'] }, { header: 'X-Request-ID' }).correlationId).toBe('r-9');
    expect(correlation.fromHeaders(new Headers({ 'X-Correlation-ID': 'from-fetch' })).correlationId).toBe('from-fetch');
  });

  it('never returns an id that isValid refuses', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 100 }), (id, tp) => {
        const result = correlation.fromHeaders({ 'x-correlation-id': id, traceparent: tp });
        if (result.correlationId !== undefined) expect(correlation.isValid(result.correlationId)).toBe(true);
      }),
    );
  });
});

describe('correlation.inject', () => {
  it('leaves headers alone outside a context', () => {
    expect(correlation.inject({ accept: 'json' })).toEqual({ accept: 'json' });
  });

  it('carries the id and a traceparent of the current trace', () => {
    runWithContext({ correlationId: 'flow-7', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' }, () => {
      const headers = correlation.inject({ accept: 'json' });
      expect(headers['x-correlation-id']).toBe('flow-7');
      expect(headers.accept).toBe('json');
      expect(headers.traceparent).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
      expect(correlation.fromHeaders(headers).correlationId).toBe('flow-7');
    });
  });

  it('derives one trace id per request from a UUID correlation id', () => {
    runWithContext({}, () => {
      const id = getContext()!.correlationId;
      const first = correlation.inject();
      const second = correlation.inject();
      expect(first.traceparent!.slice(3, 35)).toBe(id.replace(/-/g, ''));
      expect(second.traceparent!.slice(3, 35)).toBe(first.traceparent!.slice(3, 35));
    });
  });
});
