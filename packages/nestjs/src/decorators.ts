import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { defaultTaxonomy } from '@seclog/core';
import type { SecurityEventOptions } from './security-event-options';
import { contextOfRequest } from './request-context';

/** Metadata key of `@SecurityEvent()`. */
export const SECURITY_EVENT_METADATA = 'seclog:security-event';
/** Metadata key of `@SkipSecurityLog()`. */
export const SKIP_SECURITY_LOG_METADATA = 'seclog:skip';

/** What `@SecurityEvent()` stores: read back by the interceptor. */
export interface SecurityEventMetadata extends SecurityEventOptions {
  eventType: string;
}

/**
 * Logs `eventType` when the handler (or every handler of the class) completes: outcome `success`
 * when it returns, `failure` with the exception class when it throws (the exception is rethrown).
 * A handler's decorator replaces its class's. A malformed `eventType` throws core's
 * `SecurityEventError` here, when the class is defined, rather than on every request.
 */
export function SecurityEvent(eventType: string, options: SecurityEventOptions = {}): ClassDecorator & MethodDecorator {
  defaultTaxonomy.resolve(eventType);
  return SetMetadata<string, SecurityEventMetadata>(SECURITY_EVENT_METADATA, { ...options, eventType });
}

/**
 * Turns off `@SecurityEvent()` and the `http.error_response` event for a handler or a class.
 * The request keeps its context and correlation id echo: other events logged inside still link.
 */
export function SkipSecurityLog(): ClassDecorator & MethodDecorator {
  return SetMetadata(SKIP_SECURITY_LOG_METADATA, true);
}

/** The current request's correlation id (the one echoed on the response). */
export const CorrelationId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | undefined => {
  const request = ctx.getType() === 'http' ? ctx.switchToHttp().getRequest<unknown>() : undefined;
  return contextOfRequest(request)?.correlationId;
});
