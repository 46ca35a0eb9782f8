// Scaffolds packages/<name> with the house layout: ESM + CJS + types via tsup, vitest, eslint, publint/attw.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [name, description] = process.argv.slice(2);
if (!name || !description) {
  console.error('usage: node scripts/new-package.mjs <dir-name> "<description>"');
  process.exit(2);
}
const dir = join('packages', name);
if (existsSync(join(dir, 'package.json'))) {
  console.error(`${dir} exists`);
  process.exit(1);
}
mkdirSync(join(dir, 'src'), { recursive: true });
mkdirSync(join(dir, 'test'), { recursive: true });
const pkg = {
  name: `@seclog/${name}`,
  version: '0.1.0',
  description,
  license: 'Apache-2.0',
  repository: { type: 'git', url: 'git+https://github.com/seclog/seclog.git', directory: dir },
  type: 'module',
  sideEffects: false,
  engines: { node: '>=20.19' },
  files: ['dist', 'README.md'],
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.cts',
  exports: {
    '.': {
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    },
    './package.json': './package.json',
  },
  scripts: {
    build: 'tsup',
    typecheck: 'tsc -p tsconfig.json',
    lint: 'eslint src test',
    'check:package': 'publint --strict && attw --pack . --profile node16',
    test: 'vitest run',
  },
};
writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src', 'test', '*.ts'] }, null, 2) + '\n',
);
writeFileSync(
  join(dir, 'tsup.config.ts'),
  "import { libraryConfig } from '../../tsup.shared';\n\nexport default libraryConfig(['src/index.ts']);\n",
);
writeFileSync(
  join(dir, 'vitest.config.ts'),
  "import { packageTestConfig } from '../../vitest.shared';\n\nexport default packageTestConfig();\n",
);
console.log(`created ${dir}`);
