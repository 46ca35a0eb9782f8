import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withRedaction } from '../src';
import { readJsonLines, tempDir } from '@seclog/testkit';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const PASSWORD = 'hunter2-correct-horse';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('withRedaction', () => {
  it('keeps secrets out of ordinary pino records: objects, messages, format arguments and child bindings', async () => {
    const path = join(dir, 'app.log');
    const log = pino(withRedaction({ level: 'info' }), pino.destination({ dest: path, sync: true }));
    log.info({ user: { name: 'alice', password: PASSWORD } }, 'login attempt');
    log.info(`Authorization: Bearer ${JWT}`);
    log.warn('user %s sent %s', 'alice', JWT);
    log.child({ apiKey: PASSWORD }).info({ ok: true }, 'child');
    log.flush();

    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(JWT);
    const lines = await readJsonLines(path);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'login attempt', user: { name: 'alice' } });
    expect(lines[3]).toMatchObject({ ok: true, msg: 'child' });
    expect(lines[3]).toHaveProperty('apiKey');
  });

  it('sanitises on the calling thread, so a pino transport in a worker thread never sees the secret', async () => {
    const path = join(dir, 'transport.log');
    const transport = pino.transport({ target: 'pino/file', options: { destination: path, mkdir: true } });
    const log = pino(withRedaction(), transport);
    log.info({ token: PASSWORD, card: '4111 1111 1111 1111' }, 'payment');
    log.info('reset link for alice@example.com');
    transport.end();
    await once(transport, 'close');

    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('4111 1111 1111 1111');
    expect(text).not.toContain('alice@example.com');
    expect(await readJsonLines(path)).toHaveLength(2);
  });

  it("still runs the caller's own formatters and hook, after the sanitizer", async () => {
    const path = join(dir, 'own.log');
    const seen: unknown[] = [];
    const log = pino(
      withRedaction({
        formatters: { log: (o: Record<string, unknown>) => ({ ...o, tagged: true }) },
        hooks: {
          logMethod(args, method) {
            seen.push(args[0]);
            return method.apply(this, args);
          },
        },
      }),
      pino.destination({ dest: path, sync: true }),
    );
    log.info({ password: PASSWORD }, 'x');
    const [line] = await readJsonLines(path);
    expect(line).toMatchObject({ tagged: true, msg: 'x' });
    expect(JSON.stringify(line)).not.toContain(PASSWORD);
    expect(seen).toHaveLength(1);
  });

  it('writes one valid line per call and no known secret, whatever the object holds', async () => {
    const path = join(dir, 'prop.log');
    const log = pino(withRedaction(), pino.destination({ dest: path, sync: true }));
    let calls = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), (object, message) => {
        log.info({ ...object, password: PASSWORD }, message);
        calls++;
      }),
      { numRuns: 100 },
    );
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(await readJsonLines(path)).toHaveLength(calls);
  });
});
