import { createSanitizer, type Sanitizer, type SanitizerOptions } from '@seclog/core';
import pino, { type Logger, type LoggerOptions } from 'pino';

type LogMethodHook = NonNullable<NonNullable<LoggerOptions['hooks']>['logMethod']>;

function isSanitizer(value: unknown): value is Sanitizer {
  return typeof (value as Sanitizer | undefined)?.sanitize === 'function';
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}

const { chindingsSym } = pino.symbols as unknown as { chindingsSym: symbol };

/**
 * pino stringifies `child()` bindings once, without the bindings formatter (which only sees the
 * root's `base`): the child's stored bindings are re-written sanitised instead.
 */
function sanitizeChildBindings(child: Logger, clean: Sanitizer): void {
  const holder = child as unknown as Record<symbol, string>;
  const raw = holder[chindingsSym] ?? '';
  if (raw.length === 0) return;
  const parsed = JSON.parse(`{${raw.slice(1)}}`) as unknown;
  const sanitized = JSON.stringify(asRecord(clean.sanitize(parsed)));
  holder[chindingsSym] = sanitized === '{}' ? '' : `,${sanitized.slice(1, -1)}`;
}

/**
 * pino options that run core's sanitizer over ordinary app logs: the merging object and `base`
 * through `formatters`, message strings and format arguments through `hooks.logMethod`, child
 * bindings through `onChild`.
 * Both run on the calling thread, before pino serialises, so secrets never reach a transport's
 * worker thread. Your own formatters and hook still run, after the sanitizer.
 */
export function withRedaction<T extends LoggerOptions>(options: T = {} as T, sanitizer?: SanitizerOptions | Sanitizer): T {
  const clean = isSanitizer(sanitizer) ? sanitizer : createSanitizer(sanitizer);
  const userLog = options.formatters?.log;
  const userBindings = options.formatters?.bindings;
  const userHook = options.hooks?.logMethod;
  const userOnChild = options.onChild;
  const logMethod: LogMethodHook = function (this: unknown, args, method, level) {
    const cleaned = args.map((arg) => (typeof arg === 'string' ? clean.sanitizeString(arg) : arg)) as typeof args;
    if (userHook) return userHook.call(this as never, cleaned, method, level);
    return method.apply(this as never, cleaned);
  };
  return {
    ...options,
    formatters: {
      ...options.formatters,
      log: (object: Record<string, unknown>) => {
        const sanitized = asRecord(clean.sanitize(object));
        return userLog ? userLog(sanitized) : sanitized;
      },
      bindings: (bindings: Record<string, unknown>) => {
        const sanitized = asRecord(clean.sanitize(bindings));
        return userBindings ? userBindings(sanitized) : sanitized;
      },
    },
    hooks: { ...options.hooks, logMethod },
    onChild: (child: Logger) => {
      sanitizeChildBindings(child, clean);
      userOnChild?.(child);
    },
  };
}
