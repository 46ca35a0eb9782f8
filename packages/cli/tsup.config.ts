import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tsup.shared';

export default [
  // Both builds run at once: the library's clean must leave the binary alone.
  libraryConfig(['src/index.ts'], { clean: ['!bin.js', '!bin.js.map'] }),
  // The binary: ESM only, no declarations, with a shebang.
  defineConfig({
    entry: ['src/bin.ts'],
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    splitting: false,
    banner: { js: '#!/usr/bin/env node' },
  }),
];
