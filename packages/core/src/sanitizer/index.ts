export { createSanitizer, sanitize } from './create-sanitizer';
export { neutralize } from './neutralize';
export { DEFAULT_LIMITS } from './limits';
export { DEFAULT_RULES } from './default-rules';
export type { Sanitizer, SanitizerOptions, SanitizerLimits, RedactionRule } from './types';
