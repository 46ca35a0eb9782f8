export { SecurityLogModule } from './security-log.module';
export { SecurityLogService } from './security-log.service';
export { SecurityEventInterceptor } from './security-event.interceptor';
export {
  SecurityEvent,
  SkipSecurityLog,
  CorrelationId,
  SECURITY_EVENT_METADATA,
  SKIP_SECURITY_LOG_METADATA,
} from './decorators';
export type { SecurityEventMetadata } from './decorators';
export type { SecurityEventOptions, SecurityEventCall } from './security-event-options';
export { SECURITY_LOG_OPTIONS, SECURITY_LOGGER } from './options';
export type { SecurityLogModuleOptions, SecurityLogModuleAsyncOptions } from './options';
