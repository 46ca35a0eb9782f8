import { SetMetadata, UseInterceptors, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { defaultTaxonomy } from '@seclog/core';
import { SECURITY_EVENT_METADATA, SKIP_SECURITY_LOG_METADATA, type SecurityEventMetadata } from './metadata-keys';
import type { SecurityEventOptions } from './security-event-options';
import { SecurityEventInterceptor } from './security-event.interceptor';
import { contextOfRequest } from './request-context';

export { SECURITY_EVENT_METADATA, SKIP_SECURITY_LOG_METADATA };
export type { SecurityEventMetadata };

/**
 * Logs `eventType` when the handler (or every handler of the class) completes: outcome `success`
 * when it returns, `failure` with the exception class when it throws (the exception is rethrown).
 * A handler's decorator replaces its class's. A malformed `eventType` throws core's
 * `SecurityEventError` here, when the class is defined, rather than on every request.
 * Binds the interceptor to what it decorates, so handlers without a decorator never run it.
 */
export function SecurityEvent(eventType: string, options: SecurityEventOptions = {}): ClassDecorator & MethodDecorator {
  defaultTaxonomy.resolve(eventType);
  return applyDecorators(
    SetMetadata<string, SecurityEventMetadata>(SECURITY_EVENT_METADATA, { ...options, eventType }),
    UseInterceptors(SecurityEventInterceptor),
  );
}

/**
 * Turns off `@SecurityEvent()` and the `http.error_response` event for a handler or a class.
 * The request keeps its context and correlation id echo: other events logged inside still link.
 */
export function SkipSecurityLog(): ClassDecorator & MethodDecorator {
  return applyDecorators(SetMetadata(SKIP_SECURITY_LOG_METADATA, true), UseInterceptors(SecurityEventInterceptor));
}

/** The current request's correlation id (the one echoed on the response). */
export const CorrelationId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | undefined => {
  const request = ctx.getType() === 'http' ? ctx.switchToHttp().getRequest<unknown>() : undefined;
  return contextOfRequest(request)?.correlationId;
});
