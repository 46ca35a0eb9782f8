export { validateEvent, assertValidEvents } from './validate-event';
export type { EventViolation } from './validate-event';
export { runAdapterConformance } from './conformance/suite';
export { conformanceRoutes, THROWN_SECRET } from './conformance/routes';
export type { RouteEnvironment, ContextReport } from './conformance/routes';
export type {
  AdapterUnderTest,
  ConformanceRequest,
  ConformanceReply,
  ConformanceRoute,
  StartInput,
  StartedServer,
} from './conformance/types';
export { builtExports } from './packaging/built-exports';
export type { BuiltExports } from './packaging/built-exports';
export { readJsonLines, tempDir } from './json-lines';
export { TEST_SECRET, logSecretBearingEvents } from './secret-events';
