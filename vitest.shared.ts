import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Tests run against the sources of every @seclog package, so a change in core is seen by the
 * adapters' tests without a rebuild. Packaging itself is checked on dist by publint/attw and the
 * import matrix.
 */
export function packageTestConfig(extra: ViteUserConfig = {}) {
  return mergeConfig(
    defineConfig({
      resolve: {
        alias: [
          { find: /^@seclog\/core\/schema\.json$/, replacement: `${root}packages/core/schema.json` },
          { find: /^@seclog\/alerts\/prometheus$/, replacement: `${root}packages/alerts/src/prometheus/index.ts` },
          { find: /^@seclog\/([a-z-]+)$/, replacement: `${root}packages/$1/src/index.ts` },
        ],
      },
      test: {
        include: ['test/**/*.test.ts'],
        testTimeout: 20_000,
        hookTimeout: 20_000,
        pool: 'forks',
        maxWorkers: 2,
      },
    }),
    extra,
  );
}
