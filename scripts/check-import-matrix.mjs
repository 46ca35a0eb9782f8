// Loads the built package the three ways users do — ESM import, CommonJS require, TypeScript with
// node16 resolution — and checks that every entry point exposes the same names as its snapshot
// (public-api.json). `--update` rewrites the snapshot after an intended API change.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const dir = process.cwd();
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const update = process.argv.includes('--update');
const require = createRequire(join(dir, 'package.json'));
const entries = Object.keys(pkg.exports).filter((key) => typeof pkg.exports[key] === 'object');
const failures = [];
const names = {};

for (const entry of entries) {
  const specifier = entry === '.' ? pkg.name : `${pkg.name}${entry.slice(1)}`;
  const esm = Object.keys(await import(specifier)).filter((k) => k !== 'default' && k !== 'module.exports').sort();
  const cjs = Object.keys(require(specifier)).filter((k) => k !== 'default' && k !== '__esModule').sort();
  if (esm.join() !== cjs.join()) {
    failures.push(`${specifier}: ESM and CJS export different names\n  esm only: ${esm.filter((n) => !cjs.includes(n))}\n  cjs only: ${cjs.filter((n) => !esm.includes(n))}`);
  }
  names[entry] = esm;
}

const snapshotPath = join(dir, 'public-api.json');
if (!existsSync(snapshotPath) && process.env.CI) {
  failures.push(`${pkg.name}: public-api.json is missing; run this script locally and commit it`);
} else if (update || !existsSync(snapshotPath)) {
  writeFileSync(snapshotPath, JSON.stringify(names, null, 2) + '\n');
  console.log(`${pkg.name}: wrote public-api.json`);
} else {
  const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8'));
  if (JSON.stringify(snapshot) !== JSON.stringify(names)) {
    failures.push(`${pkg.name}: public exports differ from public-api.json (run with --update if intended)\n  now: ${JSON.stringify(names)}`);
  }
}

// TypeScript consumers, ESM and CJS, with the resolution Node itself uses.
const work = join(dir, 'node_modules', '.import-matrix');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const lines = (style) =>
  entries
    .map((entry, i) => {
      const specifier = entry === '.' ? pkg.name : `${pkg.name}${entry.slice(1)}`;
      return style === 'esm'
        ? `import * as m${i} from '${specifier}';\nexport const n${i}: string[] = Object.keys(m${i});`
        : `import m${i} = require('${specifier}');\nexport const n${i}: string[] = Object.keys(m${i});`;
    })
    .join('\n');
writeFileSync(join(work, 'consumer.mts'), lines('esm') + '\n');
writeFileSync(join(work, 'consumer.cts'), lines('cjs') + '\n');
writeFileSync(
  join(work, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [resolve(dir, '../../node_modules/@types')] },
    files: ['consumer.mts', 'consumer.cts'],
  }),
);
try {
  execFileSync(process.execPath, [resolve(dir, '../../node_modules/typescript/bin/tsc'), '-p', work], { encoding: 'utf8', stdio: 'pipe' });
} catch (error) {
  failures.push(`${pkg.name}: TypeScript consumers (node16) fail to compile\n${error.stdout ?? error.message}`);
}
rmSync(work, { recursive: true, force: true });

if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`${pkg.name}: import, require and TypeScript (node16) agree on ${entries.length} entry point(s)`);
