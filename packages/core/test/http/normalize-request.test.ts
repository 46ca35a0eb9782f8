import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeRequest } from '../../src';

describe('normalizeRequest', () => {
  it('reads a real IncomingMessage: method, path without query, peer IP, user agent', async () => {
    let seen: ReturnType<typeof normalizeRequest>;
    const server = createServer((req: IncomingMessage, res) => {
      seen = normalizeRequest(req);
      res.end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/a/b?token=secret#frag`, { headers: { 'user-agent': 'probe/1' } });
    server.close();
    expect(seen).toMatchObject({ method: 'GET', path: '/a/b', ip: '127.0.0.1', userAgent: 'probe/1' });
  });

  it('prefers the wrapper: originalUrl over url, the framework ip over the socket', () => {
    const express = {
      method: 'post',
      url: '/b?x=1',
      originalUrl: '/mounted/b?x=1',
      headers: {},
      ip: '203.0.113.7',
      socket: { remoteAddress: '127.0.0.1' },
    };
    expect(normalizeRequest(express)).toMatchObject({ method: 'POST', path: '/mounted/b', ip: '203.0.113.7' });
  });

  it('unwraps raw (Fastify) and req (Koa) for what the wrapper lacks', () => {
    const raw = { method: 'GET', url: '/r?q=1', headers: { 'user-agent': 'x' }, socket: { remoteAddress: '::1' } };
    expect(normalizeRequest({ raw })).toMatchObject({ method: 'GET', path: '/r', ip: '::1', userAgent: 'x' });
    expect(normalizeRequest({ req: raw, ip: '10.0.0.1' })).toMatchObject({ path: '/r', ip: '10.0.0.1' });
  });

  it.each([null, undefined, 42, 'GET /', {}, { headers: {} }, { method: 'GET', url: '/' }, { method: 'GET', url: '/', headers: 'x' }])(
    'returns undefined for an unknown shape (%j)',
    (shape) => {
      expect(normalizeRequest(shape)).toBeUndefined();
    },
  );

  it('survives getters that throw', () => {
    const hostile = {
      get method(): string {
        throw new Error('boom');
      },
      url: '/',
      headers: {},
    };
    expect(normalizeRequest(hostile)).toBeUndefined();
    const partly = { method: 'GET', url: '/', headers: {}, get ip(): string { throw new Error('boom'); } };
    expect(normalizeRequest(partly)).toMatchObject({ path: '/' });
  });

  it('bounds method and path', () => {
    const result = normalizeRequest({ method: 'M'.repeat(100), url: `/${'p'.repeat(5000)}`, headers: {} });
    expect(result?.method).toHaveLength(32);
    expect(result?.path).toHaveLength(2048);
  });

  it('never throws and never returns a query or fragment, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.record({ method: fc.string(), url: fc.string(), originalUrl: fc.option(fc.string()), headers: fc.dictionary(fc.string(), fc.string()) }),
        (anything, shaped) => {
          expect(() => normalizeRequest(anything)).not.toThrow();
          const result = normalizeRequest(shaped);
          if (result) expect(result.path).not.toMatch(/[?#]/);
        },
      ),
    );
  });
});
