import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecurityLogger, loadConfig, SecurityLogConfigError } from '../../src';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seclog-config-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const writeConfig = (value: unknown, name = 'seclog.config.json') => writeFile(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));

function configError(fn: () => unknown): SecurityLogConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SecurityLogConfigError);
    return error as SecurityLogConfigError;
  }
  throw new Error('expected a SecurityLogConfigError');
}

describe('loadConfig from the environment', () => {
  it('builds one transport from SECLOG_TRANSPORT, SECLOG_DESTINATION, SECLOG_FORMAT and SECLOG_LEVEL', () => {
    const options = loadConfig({
      cwd: dir,
      env: { SECLOG_SERVICE: 'auth', SECLOG_TRANSPORT: '@seclog/pino', SECLOG_DESTINATION: 'logs/sec.log', SECLOG_FORMAT: 'ecs', SECLOG_LEVEL: '47', SECLOG_RETRIES: '5', SECLOG_LINGER_MS: '0' },
    });
    expect(options).toEqual({
      service: 'auth',
      transports: [{ target: '@seclog/pino', options: { destination: 'logs/sec.log', format: 'ecs', level: 47 } }],
      lingerMs: 0,
      retries: 5,
    });
  });

  it('leaves transports out when none is configured (the logger then writes to stdout)', () => {
    expect(loadConfig({ cwd: dir, env: { SECLOG_SERVICE: 'auth' } })).toEqual({ service: 'auth' });
  });

  it('names the variable at fault', () => {
    expect(configError(() => loadConfig({ cwd: dir, env: {} })).path).toBe('SECLOG_SERVICE');
    expect(configError(() => loadConfig({ cwd: dir, env: { SECLOG_SERVICE: 's', SECLOG_TRANSPORT: 'stdout', SECLOG_FORMAT: 'elastic' } })).message).toBe(
      'SECLOG_FORMAT: unknown output format "elastic"; expected one of seclog, ecs, ocsf, otel',
    );
    expect(configError(() => loadConfig({ cwd: dir, env: { SECLOG_SERVICE: 's', SECLOG_TRANSPORT: 'file' } })).path).toBe('SECLOG_DESTINATION');
    expect(configError(() => loadConfig({ cwd: dir, env: { SECLOG_SERVICE: 's', SECLOG_TRANSPORT: 'stdout', SECLOG_LEVEL: 'high' } })).path).toBe('SECLOG_LEVEL');
    expect(configError(() => loadConfig({ cwd: dir, env: { SECLOG_SERVICE: 's', SECLOG_MAX_BATCH: '0' } })).path).toBe('SECLOG_MAX_BATCH');
    expect(configError(() => loadConfig({ cwd: dir, env: { SECLOG_SERVICE: 's', SECLOG_LINGER_MS: '-1' } })).path).toBe('SECLOG_LINGER_MS');
    expect(configError(() => loadConfig({ cwd: dir, env: { SECLOG_SERVICE: 's', SECLOG_DESTINATION: 'x.log' } })).path).toBe('SECLOG_TRANSPORT');
  });

  it('lets a misspelt target through to createSecurityLogger, which names it at start-up', () => {
    const options = loadConfig({ cwd: dir, env: { SECLOG_SERVICE: 's', SECLOG_TRANSPORT: '@seclog/pnio' } });
    const error = configError(() => createSecurityLogger(options));
    expect(error.code).toBe('TRANSPORT_NOT_FOUND');
    expect(error.message).toContain('"@seclog/pnio"');
  });

  it('never throws anything but a SecurityLogConfigError, whatever the variables hold', () => {
    const names = ['SECLOG_SERVICE', 'SECLOG_TRANSPORT', 'SECLOG_DESTINATION', 'SECLOG_FORMAT', 'SECLOG_LEVEL', 'SECLOG_MAX_BATCH', 'SECLOG_LINGER_MS', 'SECLOG_RETRIES'];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), fc.string()), (env) => {
        try {
          const options = loadConfig({ cwd: dir, env, file: false });
          expect(typeof options.service).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(SecurityLogConfigError);
        }
      }),
    );
  });
});

describe('loadConfig from seclog.config.json', () => {
  it('reads seclog.config.json from cwd, with full transports and logger settings', async () => {
    await writeConfig({
      service: 'billing',
      transports: [
        { target: 'file', options: { path: 'logs/a.log', format: 'ocsf' } },
        { target: 'stdout', options: {} },
      ],
      sanitizer: { sensitiveKeys: ['pin'] },
      maxBatch: 64,
      lingerMs: 0,
    });
    expect(loadConfig({ cwd: dir, env: {} })).toEqual({
      service: 'billing',
      transports: [
        { target: 'file', options: { path: 'logs/a.log', format: 'ocsf' } },
        { target: 'stdout', options: {} },
      ],
      sanitizer: { sensitiveKeys: ['pin'] },
      maxBatch: 64,
      lingerMs: 0,
    });
  });

  it('lets the environment win: SECLOG_TRANSPORT replaces the transports, SECLOG_FORMAT sets every format', async () => {
    await writeConfig({ service: 'billing', transports: [{ target: 'file', options: { path: 'a.log' } }, { target: 'stderr' }] });
    expect(loadConfig({ cwd: dir, env: { SECLOG_FORMAT: 'otel' } }).transports).toEqual([
      { target: 'file', options: { path: 'a.log', format: 'otel' } },
      { target: 'stderr', options: { format: 'otel' } },
    ]);
    expect(loadConfig({ cwd: dir, env: { SECLOG_SERVICE: 'other', SECLOG_TRANSPORT: 'stdout' } })).toMatchObject({
      service: 'other',
      transports: [{ target: 'stdout', options: {} }],
    });
  });

  it('reads the file SECLOG_CONFIG names, which must exist', async () => {
    await writeConfig({ service: 'named', transport: 'stdout', format: 'ecs' }, 'custom.json');
    expect(loadConfig({ cwd: dir, env: { SECLOG_CONFIG: 'custom.json' } })).toEqual({
      service: 'named',
      transports: [{ target: 'stdout', options: { format: 'ecs' } }],
    });
    const error = configError(() => loadConfig({ cwd: dir, env: { SECLOG_CONFIG: 'missing.json' } }));
    expect(error.code).toBe('CONFIG_FILE_INVALID');
    expect(error.path).toBe('missing.json');
  });

  it('names the file and the setting at fault', async () => {
    const cases: [unknown, string][] = [
      ['{ not json', 'seclog.config.json'],
      [[1, 2], 'seclog.config.json'],
      [{ service: 's', servise: 'typo' }, 'seclog.config.json:servise'],
      [{ service: 7 }, 'seclog.config.json:service'],
      [{ service: 's', transports: {} }, 'seclog.config.json:transports'],
      [{ service: 's', transports: [{ target: '' }] }, 'seclog.config.json:transports[0].target'],
      [{ service: 's', transports: [{ target: 'file', options: [] }] }, 'seclog.config.json:transports[0].options'],
      [{ service: 's', transports: [{ target: 'file', option: {} }] }, 'seclog.config.json:transports[0].option'],
      [{ service: 's', transports: [{ target: 'stdout', options: { format: 'xml' } }] }, 'seclog.config.json:transports[0].options.format'],
      [{ service: 's', transport: 'stdout', format: 'xml' }, 'seclog.config.json:format'],
      [{ service: 's', transport: 'file' }, 'seclog.config.json:destination'],
      [{ service: 's', maxBatch: '10' }, 'seclog.config.json:maxBatch'],
    ];
    for (const [content, path] of cases) {
      await writeConfig(content);
      expect(configError(() => loadConfig({ cwd: dir, env: {} })).path, JSON.stringify(content)).toBe(path);
    }
  });

  it('ignores the file when told to', async () => {
    await writeConfig('{ broken');
    expect(loadConfig({ cwd: dir, file: false, env: { SECLOG_SERVICE: 's' } })).toEqual({ service: 's' });
  });

  it('never throws anything but a SecurityLogConfigError, whatever the file holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        await writeConfig(value);
        try {
          loadConfig({ cwd: dir, env: { SECLOG_SERVICE: 's' } });
        } catch (error) {
          expect(error).toBeInstanceOf(SecurityLogConfigError);
        }
      }),
      { numRuns: 100 },
    );
  });
});
