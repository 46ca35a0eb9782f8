import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

// Runs on the built package: `npm test` builds first (turbo), as a user would install it.
describe('ESM and CommonJS builds in one process', () => {
  it('share one context store, so a CJS dependency sees the context an ESM app opened', () => {
    expect(existsSync(`${dist}index.js`), 'build @seclog/core first').toBe(true);
    const script = `
      import { createRequire } from 'node:module';
      import * as esm from ${JSON.stringify(`${dist}index.js`)};
      const cjs = createRequire(import.meta.url)(${JSON.stringify(`${dist}index.cjs`)});
      const seen = esm.runWithContext({ correlationId: 'shared-1' }, () => cjs.getContext()?.correlationId);
      const sink = cjs.memorySink();
      const logger = cjs.createSecurityLogger({ service: 'dual', sinks: [sink] });
      const event = esm.runWithContext({ correlationId: 'shared-2' }, () => logger.log({ eventType: 'auth.logout' }));
      console.log(JSON.stringify({ seen, logged: event.correlation_id, sameFn: esm.createSecurityLogger === cjs.createSecurityLogger }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ seen: 'shared-1', logged: 'shared-2', sameFn: false });
  });
});
