import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BuiltExports {
  /** Names `import * as m from 'dist/index.js'` exposes, sorted. */
  esm: string[];
  /** Names `require('dist/index.cjs')` exposes, sorted. */
  cjs: string[];
}

/**
 * Loads a package's built ESM and CJS entry points in a fresh Node process, as an installed
 * package would be loaded, and lists what each exports. Throws when the package was not built.
 */
export function builtExports(distDir: URL): BuiltExports {
  const dir = fileURLToPath(distDir);
  for (const file of ['index.js', 'index.cjs']) {
    if (!existsSync(`${dir}${file}`)) throw new Error(`${dir}${file} is missing: build the package first`);
  }
  const script = `
    import { createRequire } from 'node:module';
    const esm = await import(${JSON.stringify(`${dir}index.js`)});
    const cjs = createRequire(import.meta.url)(${JSON.stringify(`${dir}index.cjs`)});
    console.log(JSON.stringify({ esm: Object.keys(esm).sort(), cjs: Object.keys(cjs).sort() }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as BuiltExports;
}
