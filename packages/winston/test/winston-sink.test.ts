import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSecurityLogger, SecurityLogConfigError } from '@seclog/core';
import fc from 'fast-check';
import winston from 'winston';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateEvent } from '@seclog/testkit';
import { sanitizeFormat, winstonSink } from '../src';
import { logSecretBearingEvents as logSome, readJsonLines, TEST_SECRET as SECRET, tempDir } from '@seclog/testkit';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function endWinston(logger: winston.Logger): Promise<void> {
  const finished = logger.transports.map((t) => once(t, 'finish'));
  logger.end();
  await Promise.all(finished);
}

function withoutLevel(line: Record<string, any>) {
  const { level: _level, ...rest } = line;
  return rest;
}

describe('winstonSink', () => {
  it('builds a winston logger on a file and writes each event once at the security level, fields at the top level', async () => {
    const path = join(dir, 'nested', 'security.log');
    const logger = createSecurityLogger({ service: 'svc', sinks: [winstonSink({ destination: path })] });
    const events = logSome(logger);
    await logger.close();

    const lines = await readJsonLines(path);
    expect(lines.map((l) => l.level)).toEqual(['security', 'security', 'security']);
    expect(lines.map(withoutLevel)).toEqual(JSON.parse(JSON.stringify(events)));
    for (const line of lines) expect(validateEvent(withoutLevel(line))).toEqual([]);
    expect(await readFile(path, 'utf8')).not.toContain(SECRET);
  });

  it("adds a real security level to a user's logger, whose threshold and other transports still apply", async () => {
    const appPath = join(dir, 'app.log');
    const errorsPath = join(dir, 'errors.log');
    const app = winston.createLogger({
      level: 'warn',
      format: winston.format.json(),
      defaultMeta: { app: 'shop' },
      transports: [new winston.transports.File({ filename: appPath }), new winston.transports.File({ filename: errorsPath, level: 'error' })],
    });
    const logger = createSecurityLogger({ service: 'shop', sinks: [winstonSink({ logger: app })] });
    expect(app.levels.security).toBe(0.5);
    expect(winston.config.npm.levels).not.toHaveProperty('security');
    app.warn('disk almost full');
    const events = logSome(logger);
    app.info('below the threshold');
    await logger.flush();
    await endWinston(app);

    const lines = await readJsonLines(appPath);
    expect(lines.map((l) => l.level)).toEqual(['warn', 'security', 'security', 'security']);
    expect(lines.slice(1).map((l) => l.event_id)).toEqual(events.map((e) => e.event_id));
    expect(lines[1]).toMatchObject({ app: 'shop', message: events[0]!.message });
    // The error-only transport is more severe than security: it gets none.
    expect(await readFile(errorsPath, 'utf8')).toBe('');
  });

  it("leaves security records to core's sanitizer, even on a logger whose app logs go through sanitizeFormat", async () => {
    const path = join(dir, 'redacting.log');
    const app = winston.createLogger({
      format: winston.format.combine(sanitizeFormat(), winston.format.json()),
      transports: [new winston.transports.File({ filename: path })],
    });
    const logger = createSecurityLogger({ service: 'svc', sinks: [winstonSink({ logger: app })] });
    const event = logger.log({ eventType: 'auth.login_success', actor: { id: 'u1', sessionId: 'sess-42' }, metadata: { password: SECRET } });
    app.info('app log', { session_id: 'sess-42' });
    await logger.flush();
    await endWinston(app);
    const lines = await readJsonLines(path);
    const security = lines.find((l) => l.event_id !== undefined)!;
    expect(withoutLevel(security)).toEqual(JSON.parse(JSON.stringify(event)));
    expect(lines.find((l) => l.message === 'app log')!.session_id).not.toBe('sess-42');
    expect(await readFile(path, 'utf8')).not.toContain(SECRET);
  });

  it('refuses at start-up a logger whose threshold would drop security events', () => {
    const app = winston.createLogger({ level: 'error', transports: [new winston.transports.File({ filename: join(dir, 'x.log') })] });
    expect(() => winstonSink({ logger: app })).toThrow(SecurityLogConfigError);
    expect(() => winstonSink({ logger: app })).toThrow(/level: the logger's level "error" drops the "security" level/);
    app.close();
  });

  it('leaves no file behind when it refuses its configuration', async () => {
    const rewriting = winston.format.combine(winston.format.timestamp({ format: 'YYYY-MM-DD HH:mm:ss' }), winston.format.json());
    expect(() => winstonSink({ destination: join(dir, 'format', 'x.log'), winston: { format: rewriting } })).toThrow(/rewrites "timestamp"/);
    expect(() => winstonSink({ destination: join(dir, 'level', 'x.log'), winston: { level: 'error' } })).toThrow(SecurityLogConfigError);
    // Long enough for a file that was being opened to appear.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses at start-up a format that would overwrite an event field', () => {
    const app = winston.createLogger({
      format: winston.format.combine(winston.format.timestamp({ format: 'YYYY-MM-DD HH:mm:ss' }), winston.format.json()),
      transports: [new winston.transports.File({ filename: join(dir, 'x.log') })],
    });
    expect(() => winstonSink({ logger: app })).toThrow(/logger: logger\.format rewrites "timestamp"/);
    // ECS writes `@timestamp`, so the same logger works in that format.
    expect(() => winstonSink({ logger: app, format: 'ecs' })).not.toThrow();
    app.close();
    // A bare timestamp() only fills a missing timestamp: the event's own is kept.
    const plain = winston.createLogger({
      format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
      transports: [new winston.transports.File({ filename: join(dir, 'y.log') })],
    });
    expect(() => winstonSink({ logger: plain })).not.toThrow();
    plain.close();
  });

  it('needs a logger or a destination', () => {
    expect(() => winstonSink({})).toThrow(/destination: winstonSink needs/);
  });

  it('writes OCSF records', async () => {
    const path = join(dir, 'ocsf.log');
    const logger = createSecurityLogger({ service: 'svc', sinks: [winstonSink({ destination: path, format: 'ocsf' })] });
    const events = logSome(logger);
    await logger.close();
    const lines = await readJsonLines(path);
    expect(lines.map((l) => l.metadata.uid)).toEqual(events.map((e) => e.event_id));
    for (const line of lines) expect(line.type_uid).toBe(line.class_uid * 100 + line.activity_id);
  });

  it('keeps every event exactly once as valid JSON whatever the metadata holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { minLength: 1, maxLength: 6 }), async (metadatas) => {
        const path = join(dir, `prop-${Math.random().toString(36).slice(2)}.log`);
        const logger = createSecurityLogger({ service: 'svc', sinks: [winstonSink({ destination: path })] });
        const events = metadatas.map((metadata) => logger.log({ eventType: 'input.validation_failure', metadata }));
        await logger.close();
        const lines = await readJsonLines(path);
        expect(lines.map(withoutLevel)).toEqual(JSON.parse(JSON.stringify(events)));
        for (const line of lines) expect(validateEvent(withoutLevel(line))).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});
