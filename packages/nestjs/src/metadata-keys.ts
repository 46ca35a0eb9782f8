import type { SecurityEventOptions } from './security-event-options';

/** Metadata key of `@SecurityEvent()`. */
export const SECURITY_EVENT_METADATA = 'seclog:security-event';
/** Metadata key of `@SkipSecurityLog()`. */
export const SKIP_SECURITY_LOG_METADATA = 'seclog:skip';

/** What `@SecurityEvent()` stores: read back by the interceptor. */
export interface SecurityEventMetadata extends SecurityEventOptions {
  eventType: string;
}
