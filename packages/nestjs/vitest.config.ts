import swc from 'unplugin-swc';
import { packageTestConfig } from '../../vitest.shared';

// Test controllers use constructor injection, which needs the decorator metadata esbuild cannot emit.
export default packageTestConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
});
