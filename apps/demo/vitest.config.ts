import { defineConfig } from 'vitest/config';

// The demo runs as a user runs it: a child process on the built packages.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 90_000, pool: 'forks' },
});
