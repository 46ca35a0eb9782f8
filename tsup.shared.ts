import { defineConfig, type Options } from 'tsup';

/** Every published package builds the same way: ESM + CJS with declarations for both. */
export function libraryConfig(entry: string[] | Record<string, string>, extra: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    shims: true,
    splitting: false,
    treeshake: true,
    ...extra,
  });
}
