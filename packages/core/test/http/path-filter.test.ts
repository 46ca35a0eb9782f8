import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPathFilter, createStatusFilter, DEFAULT_IGNORE_PATHS } from '../../src/http/path-filter';

describe('createPathFilter', () => {
  const ignored = createPathFilter();

  it.each(['/health', '/health/', '/healthz', '/readyz/db', '/live', '/livez'])('ignores the probe %s by default', (path) => {
    expect(ignored(path)).toBe(true);
  });

  it.each(['/', '/healthcare', '/metrics', '/api/health', '/users/1'])('keeps %s by default', (path) => {
    expect(ignored(path)).toBe(false);
  });

  it('replaces the defaults with the given list; strings match whole segments, RegExps are tested', () => {
    const filter = createPathFilter(['/internal/', /^\/static\//g, ...DEFAULT_IGNORE_PATHS.slice(0, 1)]);
    expect(filter('/internal')).toBe(true);
    expect(filter('/internal/x')).toBe(true);
    expect(filter('/internals')).toBe(false);
    // A global RegExp keeps lastIndex between calls; the filter must give the same answer twice.
    expect(filter('/static/a.css')).toBe(true);
    expect(filter('/static/a.css')).toBe(true);
    expect(filter('/health')).toBe(true);
    expect(filter('/healthz')).toBe(false);
  });

  it('takes a predicate, and treats a throwing one as "not ignored"', () => {
    expect(createPathFilter((path) => path.endsWith('.png'))('/a.png')).toBe(true);
    expect(
      createPathFilter(() => {
        throw new Error('bad predicate');
      })('/x'),
    ).toBe(false);
  });

  it('a path is ignored exactly when it is a listed path or below one', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\/[a-z]{1,6}$/), fc.stringMatching(/^[a-z/]{0,8}$/), (base, rest) => {
        const path = `${base}${rest}`;
        const expected = path === base || path === `${base}/` || path.startsWith(`${base}/`);
        expect(createPathFilter([base])(path)).toBe(expected);
      }),
    );
  });
});

describe('createStatusFilter', () => {
  it('counts every 4xx and 5xx by default', () => {
    const counts = createStatusFilter();
    expect([200, 302, 399, 400, 401, 499, 500, 599, 600].map(counts)).toEqual([false, false, false, true, true, true, true, true, false]);
  });

  it('takes a list or a predicate', () => {
    expect([401, 404].map(createStatusFilter([401]))).toEqual([true, false]);
    expect([401, 503].map(createStatusFilter((s) => s >= 500))).toEqual([false, true]);
  });
});
