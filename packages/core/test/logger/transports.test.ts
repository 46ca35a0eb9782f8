import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSecurityLogger, memorySink, registerTransport, SecurityLogConfigError } from '../../src';
import { expectValidEvent } from '../schema-validator';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const quiet = () => undefined;

describe('transports by configuration', () => {
  it('the built-in file target writes JSON lines a reader can parse back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seclog-transport-'));
    const path = join(dir, 'nested', 'security.log');
    const logger = createSecurityLogger({ service: 'svc', transports: [{ target: 'file', options: { path } }] });
    await logger.ready();
    logger.log({ eventType: 'auth.login_failure', actor: 'user-1', metadata: { password: 'pw-123456' } });
    logger.log({ eventType: 'auth.login_success', actor: 'user-1' });
    await logger.close();
    const lines = (await readFile(path, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((e) => e.event_type)).toEqual(['auth.login_failure', 'auth.login_success']);
    lines.forEach(expectValidEvent);
    expect(JSON.stringify(lines)).not.toContain('pw-123456');
  });

  it('a misspelt target fails at start-up, naming it', () => {
    let caught: unknown;
    try {
      createSecurityLogger({
        service: 'svc',
        transports: [{ target: 'stdout' }, { target: '@seclog/pnio' }],
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SecurityLogConfigError);
    expect((caught as SecurityLogConfigError).code).toBe('TRANSPORT_NOT_FOUND');
    expect((caught as SecurityLogConfigError).path).toBe('transports[1].target');
    expect((caught as Error).message).toContain('@seclog/pnio');
  });

  it('a built-in target with a missing option fails at start-up', () => {
    expect(() => createSecurityLogger({ service: 'svc', transports: [{ target: 'file', options: {} }] })).toThrow(
      /transports\[0\]\.options\.path/,
    );
  });

  it('loads a module target by dynamic import and holds events until it is ready', async () => {
    const target = fixture('array-transport.mjs');
    const logger = createSecurityLogger({ service: 'svc', transports: [{ target, options: { tag: 't1' } }] });
    logger.log({ eventType: 'auth.logout', actor: 'u' });
    await logger.ready();
    await logger.flush();
    const mod = (await import(/* @vite-ignore */ target)) as { written: Array<Record<string, unknown>> };
    expect(mod.written.at(-1)).toMatchObject({ event_type: 'auth.logout', tag: 't1' });
    await logger.close();
  });

  it('a module that fails on its options or exports no factory is reported by ready()', async () => {
    const failing = createSecurityLogger({
      service: 'svc',
      onError: quiet,
      transports: [{ target: fixture('array-transport.mjs'), options: { fail: true } }],
    });
    await expect(failing.ready()).rejects.toMatchObject({ code: 'TRANSPORT_INVALID', path: 'transports[0]' });
    const empty = createSecurityLogger({ service: 'svc', onError: quiet, transports: [{ target: fixture('no-factory-transport.mjs') }] });
    await expect(empty.ready()).rejects.toThrow(/exports no createTransport/);
  });

  it('registered targets are built synchronously', async () => {
    const sink = memorySink();
    registerTransport('test-memory', () => sink);
    const logger = createSecurityLogger({ service: 'svc', transports: [{ target: 'test-memory' }] });
    logger.log({ eventType: 'auth.logout' });
    await logger.flush();
    expect(sink.events).toHaveLength(1);
  });
});
