import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { createSecurityLogger, memorySink, SecurityLogConfigError } from '@seclog/core';
import fc from 'fast-check';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateEvent } from '@seclog/testkit';
import { pinoSink, withRedaction } from '../src';
import { logSecretBearingEvents as logSome, readJsonLines, TEST_SECRET as SECRET, tempDir } from '@seclog/testkit';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

/** The event as it came back from a pino line: pino's own fields removed. */
function withoutPinoFields(line: Record<string, any>, ...keys: string[]) {
  const copy = { ...line };
  for (const key of ['level', 'time', 'pid', 'hostname', ...keys]) delete copy[key];
  return copy;
}

describe('pinoSink', () => {
  it('builds a pino logger on a file and writes each event once, at the security level, fields at the top level', async () => {
    const path = join(dir, 'nested', 'security.log');
    const logger = createSecurityLogger({ service: 'svc', sinks: [pinoSink({ destination: path })] });
    const events = logSome(logger);
    await logger.close();

    const lines = await readJsonLines(path);
    expect(lines).toHaveLength(3);
    for (const [i, line] of lines.entries()) {
      expect(line.level).toBe(45);
      expect(typeof line.time).toBe('number');
      expect(line.pid).toBe(process.pid);
      expect(withoutPinoFields(line)).toEqual(JSON.parse(JSON.stringify(events[i])));
      expect(validateEvent(withoutPinoFields(line))).toEqual([]);
    }
    expect(await readFile(path, 'utf8')).not.toContain(SECRET);
  });

  it('writes through a ready logger, next to its ordinary records, keeping its bindings and message key', async () => {
    const path = join(dir, 'app.log');
    const app = pino({ level: 'warn', messageKey: 'message', base: { app: 'shop' } }, pino.destination({ dest: path, sync: true }));
    const logger = createSecurityLogger({ service: 'shop', sinks: [pinoSink({ logger: app })] });
    app.warn('disk almost full');
    const [event] = logSome(logger);
    app.info('not written: below warn');
    await logger.close();

    const lines = await readJsonLines(path);
    expect(lines.map((l) => l.message)).toEqual(['disk almost full', event!.message, expect.any(String), expect.any(String)]);
    expect(lines[1]).toMatchObject({ level: 45, app: 'shop', event_id: event!.event_id, service: 'shop' });
    expect(lines.filter((l) => l.level === 45)).toHaveLength(3);
  });

  it("leaves security records to core's sanitizer, even on a logger whose app logs go through withRedaction", async () => {
    const path = join(dir, 'redacting.log');
    const app = pino(withRedaction(), pino.destination({ dest: path, sync: true }));
    const logger = createSecurityLogger({ service: 'svc', sinks: [pinoSink({ logger: app })] });
    const event = logger.log({ eventType: 'auth.login_success', actor: { id: 'u1', sessionId: 'sess-42' }, metadata: { password: SECRET } });
    app.info({ session_id: 'sess-42' }, 'app log');
    await logger.close();
    const lines = await readJsonLines(path);
    const security = lines.find((l) => l.event_id !== undefined);
    const appLine = lines.find((l) => l.msg === 'app log');
    expect(withoutPinoFields(security!)).toEqual(JSON.parse(JSON.stringify(event)));
    expect(security!.actor.session_id).toBe('sess-42');
    expect(appLine!.session_id).not.toBe('sess-42');
    expect(await readFile(path, 'utf8')).not.toContain(SECRET);
  });

  it('uses the configured level value and name, which a level filter can select', async () => {
    const path = join(dir, 'audit.log');
    const logger = createSecurityLogger({
      service: 'svc',
      sinks: [pinoSink({ destination: path, level: 35, levelName: 'audit', pino: { level: 'audit' } })],
    });
    logSome(logger);
    await logger.close();
    const lines = await readJsonLines(path);
    expect(lines.map((l) => l.level)).toEqual([35, 35, 35]);
  });

  it('refuses at start-up a logger whose level would drop security events', () => {
    const app = pino({ level: 'error' }, pino.destination({ dest: join(dir, 'x.log'), sync: true }));
    expect(() => pinoSink({ logger: app })).toThrow(SecurityLogConfigError);
    expect(() => pinoSink({ logger: app })).toThrow(/level: the logger's level "error" \(50\) drops the "security" level \(45\)/);
  });

  it('refuses a level value that pino already uses for another level', () => {
    expect(() => pinoSink({ destination: join(dir, 'x.log'), level: 40 })).toThrow(/level value 40 is already pino's "warn" level/);
  });

  it('leaves no file behind when it refuses its configuration', async () => {
    expect(() => pinoSink({ destination: join(dir, 'level', 'x.log'), level: 40 })).toThrow(SecurityLogConfigError);
    expect(() => pinoSink({ destination: join(dir, 'clash', 'x.log'), pino: { base: { service: 'x' } } })).toThrow(/writes "service" on every line/);
    // Long enough for a file that was being opened to appear.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses at start-up a logger that would write a field the event also has', () => {
    const app = pino({ formatters: { level: (label) => ({ severity: label }) } }, pino.destination({ dest: join(dir, 'x.log'), sync: true }));
    expect(() => pinoSink({ logger: app })).toThrow(/logger: the pino logger writes "severity" on every line/);
    expect(() => pinoSink({ logger: pino({ base: { service: 'x' } }, pino.destination({ dest: join(dir, 'y.log'), sync: true })) })).toThrow(
      /"service"/,
    );
  });

  it('needs a logger or a destination', () => {
    expect(() => pinoSink({})).toThrow(/destination: pinoSink needs a `logger` or a `destination`/);
  });

  it('writes OCSF records whose `time` is the event time, not a second pino timestamp', async () => {
    const path = join(dir, 'ocsf.log');
    const logger = createSecurityLogger({ service: 'svc', now: () => Date.UTC(2026, 0, 2, 3, 4, 5, 6), sinks: [pinoSink({ destination: path, format: 'ocsf' })] });
    logSome(logger);
    await logger.close();
    const lines = await readJsonLines(path);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line.time).toBe(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
      expect(line.type_uid).toBe(line.class_uid * 100 + line.activity_id);
      expect(line.level).toBe(45);
    }
  });

  it('writes ECS records', async () => {
    const path = join(dir, 'ecs.log');
    const logger = createSecurityLogger({ service: 'svc', sinks: [pinoSink({ destination: path, format: 'ecs' })] });
    const events = logSome(logger);
    await logger.close();
    const lines = await readJsonLines(path);
    expect(lines.map((l) => l.event.id)).toEqual(events.map((e) => e.event_id));
    expect(lines[0]).toMatchObject({ '@timestamp': events[0]!.timestamp, source: { ip: '203.0.113.9' }, event: { action: 'auth.login_failure' } });
  });

  it('writes the same record whether it serialises itself or lets pino do it (a mixin forces the latter)', async () => {
    const fastPath = join(dir, 'fast.log');
    const slowPath = join(dir, 'slow.log');
    const slowLogger = pino({ mixin: () => ({}) }, pino.destination({ dest: slowPath, sync: true }));
    const logger = createSecurityLogger({ service: 'svc', sinks: [pinoSink({ destination: fastPath }), pinoSink({ logger: slowLogger, name: 'slow' })] });
    logSome(logger);
    await logger.close();
    const fast = await readJsonLines(fastPath);
    const slow = await readJsonLines(slowPath);
    expect(fast.map((l) => withoutPinoFields(l))).toEqual(slow.map((l) => withoutPinoFields(l)));
    expect(fast.map((l) => l.level)).toEqual(slow.map((l) => l.level));
  });

  it('routes security records through pino.multistream by level', async () => {
    const securityPath = join(dir, 'only-security.log');
    const allPath = join(dir, 'all.log');
    const levels = { ...pino.levels.values, security: 45 };
    const streams = pino.multistream(
      [
        { level: 45, stream: pino.destination({ dest: securityPath, sync: true }) },
        { level: 30, stream: pino.destination({ dest: allPath, sync: true }) },
      ],
      { levels, dedupe: false },
    );
    const app = pino({ customLevels: { security: 45 } }, streams);
    const logger = createSecurityLogger({ service: 'svc', sinks: [pinoSink({ logger: app })] });
    app.info('ordinary');
    logSome(logger);
    await logger.close();
    expect((await readJsonLines(securityPath)).map((l) => l.level)).toEqual([45, 45, 45]);
    expect((await readJsonLines(allPath)).map((l) => l.level)).toEqual([30, 45, 45, 45]);
  });

  it('writes through a logger whose pino transport runs in a worker thread', async () => {
    const path = join(dir, 'worker.log');
    const transport = pino.transport({ target: 'pino/file', options: { destination: path, mkdir: true } });
    const logger = createSecurityLogger({ service: 'svc', sinks: [pinoSink({ logger: pino(transport) })] });
    const events = logSome(logger);
    await logger.close();
    transport.end();
    await once(transport, 'close');
    const lines = await readJsonLines(path);
    expect(lines.map((l) => l.event_id)).toEqual(events.map((e) => e.event_id));
    expect(lines.every((l) => l.level === 45)).toBe(true);
    expect(await readFile(path, 'utf8')).not.toContain(SECRET);
  });

  it("writes a batch in one stream write, and waits for a slow destination's drain once 4 MiB are outstanding", async () => {
    const written: string[] = [];
    const slow = new Writable({
      highWaterMark: 256,
      write(chunk: Buffer, _encoding, callback) {
        written.push(chunk.toString());
        setImmediate(callback);
      },
    });
    const source = createSecurityLogger({ service: 'svc', sinks: [memorySink()] });
    const small = Array.from({ length: 20 }, (_, i) => source.log({ eventType: 'auth.login_failure', actor: `user-${i}` }));
    // 80 events of about 64 KiB each: more than the 4 MiB handed over before the stream's drain is awaited.
    const large = Array.from({ length: 80 }, (_, i) =>
      source.log({ eventType: 'data.export', actor: `user-${i}`, metadata: Object.fromEntries(Array.from({ length: 8 }, (_, k) => [`part${k}`, 'a '.repeat(3990)])) }),
    );
    await source.close();
    const sink = pinoSink({ destination: slow });

    expect(sink.writeBatch!(small)).toBeUndefined();
    expect(written).toHaveLength(1);
    const pending = sink.writeBatch!(large);
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    const lines = written.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, any>);
    expect(lines.map((l) => l.event_id)).toEqual([...small, ...large].map((e) => e.event_id));
  });

  it('writes multi-byte text exactly, in order, across batches larger than one 1 MiB write', async () => {
    const path = join(dir, 'unicode.log');
    const logger = createSecurityLogger({ service: 'svc', sinks: [pinoSink({ destination: path })] });
    // About 3 MiB in one batch: 2-, 3- and 4-byte characters, some lines straddling a chunk edge.
    const text = 'é中😀'.repeat(6_000);
    const events = Array.from({ length: 48 }, (_, i) => logger.log({ eventType: 'data.export', actor: `user-${i}`, metadata: { note: text.slice(i % 4) } }));
    await logger.close();
    const lines = await readJsonLines(path);
    expect(lines.map((l) => withoutPinoFields(l))).toEqual(JSON.parse(JSON.stringify(events)));
  });

  it('writes any metadata text, lone surrogates included, as the event holds it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.dictionary(fc.string({ unit: 'binary', maxLength: 4 }), fc.string({ unit: 'binary' })), { minLength: 1, maxLength: 8 }), async (metadatas) => {
        const path = join(dir, `unicode-${Math.random().toString(36).slice(2)}.log`);
        const logger = createSecurityLogger({ service: 'svc', sinks: [pinoSink({ destination: path })] });
        const events = metadatas.map((metadata) => logger.log({ eventType: 'input.validation_failure', metadata }));
        await logger.close();
        const lines = await readJsonLines(path);
        expect(lines.map((l) => withoutPinoFields(l))).toEqual(JSON.parse(JSON.stringify(events)));
      }),
      { numRuns: 25 },
    );
  });

  it('keeps every event exactly once as valid JSON whatever the metadata holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { minLength: 1, maxLength: 8 }), async (metadatas) => {
        const path = join(dir, `prop-${Math.random().toString(36).slice(2)}.log`);
        const logger = createSecurityLogger({ service: 'svc', sinks: [pinoSink({ destination: path })] });
        const events = metadatas.map((metadata) => logger.log({ eventType: 'input.validation_failure', metadata }));
        await logger.close();
        const lines = await readJsonLines(path);
        expect(lines.map((l) => l.event_id)).toEqual(events.map((e) => e.event_id));
        expect(lines.map((l) => withoutPinoFields(l))).toEqual(JSON.parse(JSON.stringify(events)));
        for (const line of lines) expect(validateEvent(withoutPinoFields(line))).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
