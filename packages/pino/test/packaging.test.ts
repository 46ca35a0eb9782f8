import { builtExports } from '@seclog/testkit';
import { expect, it } from 'vitest';

it('exports the same public names from the ESM and CommonJS builds', () => {
  const { esm, cjs } = builtExports(new URL('../dist/', import.meta.url));
  expect(esm).toEqual(['DEFAULT_SECURITY_LEVEL', 'DEFAULT_SECURITY_LEVEL_NAME', 'createTransport', 'pinoSink', 'withRedaction']);
  expect(cjs).toEqual(esm);
});
