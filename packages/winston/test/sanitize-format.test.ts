import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import winston from 'winston';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sanitizeFormat } from '../src';
import { readJsonLines, tempDir } from '@seclog/testkit';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const PASSWORD = 'hunter2-correct-horse';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

async function endWinston(logger: winston.Logger): Promise<void> {
  const finished = logger.transports.map((t) => once(t, 'finish'));
  logger.end();
  await Promise.all(finished);
}

describe('sanitizeFormat', () => {
  it('keeps secrets out of ordinary winston records written to a file', async () => {
    const path = join(dir, 'app.log');
    const log = winston.createLogger({
      format: winston.format.combine(sanitizeFormat(), winston.format.timestamp(), winston.format.json()),
      transports: [new winston.transports.File({ filename: path })],
    });
    log.info('login attempt', { user: { name: 'alice', password: PASSWORD } });
    log.warn(`Authorization: Bearer ${JWT}`);
    log.info('card 4111 1111 1111 1111 for alice@example.com');
    log.child({ apiKey: PASSWORD }).error('from a child');
    await endWinston(log);

    const text = await readFile(path, 'utf8');
    for (const secret of [PASSWORD, JWT, '4111 1111 1111 1111', 'alice@example.com']) expect(text).not.toContain(secret);
    const lines = await readJsonLines(path);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ level: 'info', message: 'login attempt', user: { name: 'alice' } });
    expect(lines[3]).toMatchObject({ level: 'error', message: 'from a child' });
    expect(lines[3]).toHaveProperty('apiKey');
  });

  it('sanitises splat arguments and keeps the record printable', async () => {
    const path = join(dir, 'splat.log');
    const log = winston.createLogger({
      format: winston.format.combine(sanitizeFormat(), winston.format.splat(), winston.format.simple()),
      transports: [new winston.transports.File({ filename: path })],
    });
    log.info('user %s token %s', 'alice', JWT);
    await endWinston(log);
    const text = await readFile(path, 'utf8');
    expect(text).toMatch(/^info: user alice token /);
    expect(text).not.toContain(JWT);
  });

  it('returns one record per input, with its level, and no known secret, whatever the fields hold', () => {
    const format = sanitizeFormat();
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), (fields, message) => {
        const info = { ...fields, level: 'info', message, password: PASSWORD, [Symbol.for('level')]: 'info' };
        const out = format.transform(info as never) as Record<string | symbol, unknown>;
        expect(out.level).toBe('info');
        expect(out[Symbol.for('level')]).toBe('info');
        expect(JSON.stringify(out)).not.toContain(PASSWORD);
      }),
      { numRuns: 200 },
    );
  });
});
