import { Inject, Injectable, Optional, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { errorClassOf, type LogInput, type SecurityLogger } from '@seclog/core';
import { tap, type Observable } from 'rxjs';
import { SECURITY_EVENT_METADATA, SKIP_SECURITY_LOG_METADATA, type SecurityEventMetadata } from './metadata-keys';
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

// Marks a call the interceptor has handled: Nest hands every interceptor of one call the same context.
const HANDLED = Symbol('seclog.nestjs.handled');

/** What the decorators ask of one handler of one class, read once. */
interface Plan {
  skipped: boolean;
  spec: SecurityEventMetadata | undefined;
}

/**
 * Registered for every handler by the module (unless `interceptor: 'decorated'`) and bound by
 * `@SecurityEvent()` / `@SkipSecurityLog()` to what they decorate: enters the request's context
 * again for the handler (a middleware may have resumed it from elsewhere), tells the request its
 * `@SkipSecurityLog()` and what the handler threw, and logs the event of `@SecurityEvent()` once
 * the handler has returned or thrown. However many times it is bound to a call, it acts once.
 */
@Injectable()
export class SecurityEventInterceptor implements NestInterceptor {
  // Per handler, then per class (a handler may be inherited by classes with other decorators).
  readonly #plans = new WeakMap<object, WeakMap<object, Plan>>();

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    // Absent when the decorators are used without SecurityLogModule: they then log nothing.
    @Optional() @Inject(SECURITY_LOGGER) private readonly logger?: SecurityLogger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const marked = context as ExecutionContext & { [HANDLED]?: true };
    if (!this.logger || marked[HANDLED]) return next.handle();
    marked[HANDLED] = true;
    const { skipped, spec } = this.planOf(context.getHandler(), context.getClass());
    const request = context.getType() === 'http' ? context.getArgByIndex<unknown>(0) : undefined;
    const security = securityOfRequest(request);
    if (security) {
      security.enter();
      if (skipped) security.skip = true;
    }
    if (!spec) {
      // Only the 5xx event needs what an undecorated handler threw.
      return security ? next.handle().pipe(tap({ error: (error: unknown) => security.recordError(error) })) : next.handle();
    }

    const params = (request as { params?: Record<string, string> } | undefined)?.params ?? {};
    const call = { request, params, context };
    const when = spec.when ?? 'always';
    let result: unknown;
    return next.handle().pipe(
      tap({
        next: (value) => {
          result = value;
        },
        complete: () => {
          if (when !== 'failure') this.record(spec, { ...call, result }, 'success');
        },
        error: (error: unknown) => {
          security?.recordError(error);
          if (when !== 'success') this.record(spec, { ...call, error }, 'failure');
        },
      }),
    );
  }

  private planOf(handler: object, type: object): Plan {
    let byClass = this.#plans.get(handler);
    let plan = byClass?.get(type);
    if (plan) return plan;
    const targets = [handler, type] as Parameters<Reflector['getAllAndOverride']>[1];
    const skipped = this.reflector.getAllAndOverride<boolean | undefined>(SKIP_SECURITY_LOG_METADATA, targets) === true;
    plan = {
      skipped,
      spec: skipped ? undefined : this.reflector.getAllAndOverride<SecurityEventMetadata | undefined>(SECURITY_EVENT_METADATA, targets),
    };
    if (!byClass) this.#plans.set(handler, (byClass = new WeakMap()));
    byClass.set(type, plan);
    return plan;
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
    else this.logger?.log(input);
  }
}
