import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSecurityLogger, SecurityLogConfigError } from '@seclog/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTransport } from '../src';
import { readJsonLines, tempDir } from '@seclog/testkit';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('createTransport (transports: [{ target: "@seclog/pino" }])', () => {
  it('is found by its package name and writes through pino', async () => {
    const path = join(dir, 'security.log');
    const logger = createSecurityLogger({
      service: 'svc',
      transports: [{ target: '@seclog/pino', options: { destination: path, format: 'ecs' } }],
    });
    await logger.ready();
    const event = logger.log({ eventType: 'auth.login_failure', actor: 'u1', metadata: { password: 'hunter2-x' } });
    await logger.close();
    const lines = await readJsonLines(path);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 45, event: { id: event.event_id } });
    expect(await readFile(path, 'utf8')).not.toContain('hunter2-x');
  });

  it('names a bad option in the start-up error', async () => {
    const logger = createSecurityLogger({
      service: 'svc',
      onError: () => undefined,
      transports: [{ target: '@seclog/pino', options: { destination: join(dir, 'x.log'), level: 'loud' } }],
    });
    await expect(logger.ready()).rejects.toMatchObject({ name: 'SecurityLogConfigError', path: 'transports[0].options.level' });
    await logger.close();
  });

  it('rejects unknown and ill-typed options directly', () => {
    expect(() => createTransport({ destination: join(dir, 'x.log'), formt: 'ecs' })).toThrow(/options\.formt: unknown option/);
    expect(() => createTransport({ destination: join(dir, 'x.log'), format: 'xml' })).toThrow(SecurityLogConfigError);
    expect(() => createTransport({ destination: join(dir, 'x.log'), format: 'xml' })).toThrow(/options\.format: unknown output format "xml"/);
    expect(() => createTransport({ destination: join(dir, 'x.log'), pino: 'fast' })).toThrow(/options\.pino: must be an object/);
    expect(() => createTransport({})).toThrow(/options\.destination: pinoSink needs/);
  });
});
