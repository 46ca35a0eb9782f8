import { defineConfig } from 'vitest/config';

// The smoke test runs the bench as a user does, in a child process against the built packages.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, pool: 'forks' },
});
