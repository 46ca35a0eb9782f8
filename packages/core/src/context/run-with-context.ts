import { resolveActor } from '../actor';
import { correlation } from '../correlation';
import { coreGlobalStore } from '../global-store';
import { neutralize } from '../sanitizer';
import type { ContextInit, SecurityContext } from './security-context';

const storage = () => coreGlobalStore().contextStorage;

function createContext(init: ContextInit): SecurityContext {
  const context: SecurityContext = {
    correlationId:
      init.correlationId !== undefined && correlation.isValid(init.correlationId)
        ? init.correlationId
        : correlation.generate(),
  };
  if (init.traceId !== undefined && correlation.isTraceId(init.traceId)) context.traceId = init.traceId;
  if (init.spanId !== undefined && correlation.isSpanId(init.spanId)) context.spanId = init.spanId;
  if (init.actor !== undefined) context.actor = resolveActor(init.actor, undefined);
  if (typeof init.target === 'string') context.target = neutralize(init.target.slice(0, 512));
  return context;
}

/** Runs `fn` with a fresh context; every `log()` inside it, across awaits and timers, reads it. */
export function runWithContext<T>(init: ContextInit, fn: () => T): T {
  return storage().run(createContext(init), fn);
}

/** The context of the current async execution, or undefined outside any. */
export function getContext(): SecurityContext | undefined {
  return storage().getStore();
}

/**
 * Enters a context for the rest of the current synchronous execution and what it schedules.
 * For framework hooks that cannot wrap the handler in a callback (Fastify re-enters the request's
 * context after body parsing); prefer `runWithContext` everywhere else.
 */
export function enterContext(context: SecurityContext): void {
  storage().enterWith(context);
}

/** Opens a context object without entering it, for adapters that keep it on the request. */
export function createSecurityContext(init: ContextInit): SecurityContext {
  return createContext(init);
}

/**
 * Changes the current context in place (e.g. once the handler has authenticated the user), so
 * later events of the same request carry it. Returns false outside a context.
 */
export function updateContext(patch: Omit<ContextInit, 'correlationId'>): boolean {
  const context = storage().getStore();
  if (!context) return false;
  if (patch.actor !== undefined) context.actor = resolveActor(patch.actor, context.actor);
  if (typeof patch.target === 'string') context.target = neutralize(patch.target.slice(0, 512));
  if (patch.traceId !== undefined && correlation.isTraceId(patch.traceId)) context.traceId = patch.traceId;
  if (patch.spanId !== undefined && correlation.isSpanId(patch.spanId)) context.spanId = patch.spanId;
  return true;
}
