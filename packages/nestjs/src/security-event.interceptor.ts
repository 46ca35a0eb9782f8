import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { errorClassOf, type LogInput, type SecurityLogger } from '@seclog/core';
import { catchError, tap, throwError, type Observable } from 'rxjs';
import {
  SECURITY_EVENT_METADATA,
  SKIP_SECURITY_LOG_METADATA,
  type SecurityEventMetadata,
} from './decorators';
import { SECURITY_LOGGER } from './options';
import { securityOfRequest } from './request-context';
import type { SecurityEventCall } from './security-event-options';

/** The exception's class and, for Nest's `HttpException`s, the status it maps to. */
function describeError(error: unknown): Record<string, unknown> {
  const described: Record<string, unknown> = { exception: errorClassOf(error) ?? String(error) };
  try {
    const getStatus = (error as { getStatus?: unknown } | null)?.getStatus;
    if (typeof getStatus === 'function') described.status = getStatus.call(error);
  } catch {
    // An exception whose getStatus throws still gets its class recorded.
  }
  return described;
}

/**
 * Global: enters the request's context again for the handler (a middleware may have resumed it
 * from elsewhere), tells the request its `@SkipSecurityLog()` and what the handler threw, and logs
 * the event of `@SecurityEvent()` once the handler has returned or thrown.
 */
@Injectable()
export class SecurityEventInterceptor implements NestInterceptor {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(SECURITY_LOGGER) private readonly logger: SecurityLogger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.getType() === 'http' ? context.switchToHttp().getRequest<unknown>() : undefined;
    const security = securityOfRequest(request);
    const skipped = this.reflector.getAllAndOverride<boolean | undefined>(SKIP_SECURITY_LOG_METADATA, targets) === true;
    if (security) {
      security.enter();
      if (skipped) security.skip = true;
    }
    const spec = skipped
      ? undefined
      : this.reflector.getAllAndOverride<SecurityEventMetadata | undefined>(SECURITY_EVENT_METADATA, targets);
    if (!spec && !security) return next.handle();

    const params = (request as { params?: Record<string, string> } | undefined)?.params ?? {};
    const call = { request, params, context };
    const when = spec?.when ?? 'always';
    let result: unknown;
    return next.handle().pipe(
      tap({
        next: (value) => {
          result = value;
        },
        complete: () => {
          if (spec && when !== 'failure') this.record(spec, { ...call, result }, 'success');
        },
      }),
      catchError((error: unknown) => {
        security?.recordError(error);
        if (spec && when !== 'success') this.record(spec, { ...call, error }, 'failure');
        return throwError(() => error);
      }),
    );
  }

  private record(spec: SecurityEventMetadata, call: SecurityEventCall, outcome: 'success' | 'failure'): void {
    // A user function that throws must not turn a handled request into a failed one; it is noted instead.
    const problems: string[] = [];
    const attempt = <T>(what: string, fn: () => T): T | undefined => {
      try {
        return fn();
      } catch (error) {
        problems.push(`${what} threw ${errorClassOf(error) ?? 'a value'}`);
        return undefined;
      }
    };
    const { target: targetOption, metadata: metadataOption } = spec;
    const target = typeof targetOption === 'function' ? attempt('target', () => targetOption(call)) : targetOption;
    const metadata: Record<string, unknown> = {
      ...(metadataOption ? attempt('metadata', () => metadataOption(call)) : undefined),
      ...(outcome === 'failure' ? describeError(call.error) : {}),
    };
    if (problems.length > 0) metadata.seclog_problems = problems;
    const input: LogInput = { eventType: spec.eventType, outcome, metadata };
    if (typeof target === 'string') input.target = target;
    if (spec.riskScore !== undefined) input.riskScore = spec.riskScore;
    if (spec.message !== undefined) input.message = spec.message;
    const security = securityOfRequest(call.request);
    if (security) security.log(input);
    else this.logger.log(input);
  }
}
