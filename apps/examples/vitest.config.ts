import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// The examples import the built packages, as a user's service would. NestJS controllers use
// constructor injection, which needs the decorator metadata esbuild cannot emit: swc compiles them.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: { include: ['test/**/*.test.ts'], testTimeout: 20_000, hookTimeout: 20_000, pool: 'forks' },
});
