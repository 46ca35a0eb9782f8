import { packageTestConfig } from '../../vitest.shared';

/** Schema conformance against the official ECS, OCSF and OTel definitions: `npm run test:conformance`. */
const config = packageTestConfig();
// Replaces (mergeConfig would append to) the unit tests' include list.
config.test = { ...config.test, include: ['test/conformance/**/*.conformance.ts'] };
export default config;
