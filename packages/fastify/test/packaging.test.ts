import { builtExports } from '@seclog/testkit';
import { expect, it } from 'vitest';

it('exports the plugin as default and named from the ESM and CommonJS builds', () => {
  const { esm, cjs } = builtExports(new URL('../dist/', import.meta.url));
  expect(esm).toEqual(['default', 'securityPlugin']);
  expect(cjs).toEqual(esm);
});
