import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Loads both entry points by package name in a fresh Node, through the exports map, as users do. */
function exportsOf(specifier: string): { esm: string[]; cjs: string[] } {
  for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/prometheus.js', 'dist/prometheus.cjs']) {
    if (!existsSync(`${packageDir}${file}`)) throw new Error(`${file} is missing: build the package first (npm run build -w @seclog/alerts)`);
  }
  const script = `
    import { createRequire } from 'node:module';
    const esm = await import(${JSON.stringify(specifier)});
    const cjs = createRequire(import.meta.url)(${JSON.stringify(specifier)});
    console.log(JSON.stringify({ esm: Object.keys(esm).sort(), cjs: Object.keys(cjs).sort() }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: packageDir, encoding: 'utf8' }));
}

it('exports the same public names from the ESM and CommonJS builds of @seclog/alerts', () => {
  const { esm, cjs } = exportsOf('@seclog/alerts');
  expect(esm).toEqual([
    'AlertRuleError',
    'DEFAULT_ALERT_TYPES',
    'SEVERITY_SCORES',
    'createAlertEngine',
    'formatDuration',
    'loadRules',
    'manualClock',
    'memoryStore',
    'parseDuration',
    'replayEvents',
    'replayFile',
    'systemClock',
    'validateRules',
  ]);
  expect(cjs).toEqual(esm);
});

it('exports the same public names from the ESM and CommonJS builds of @seclog/alerts/prometheus', () => {
  const { esm, cjs } = exportsOf('@seclog/alerts/prometheus');
  expect(esm).toEqual(['createSecurityMetrics', 'generatePrometheusRules']);
  expect(cjs).toEqual(esm);
});
