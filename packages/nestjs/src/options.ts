import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';
import type { HttpSecurityOptions, SecurityLogger, SecurityLoggerOptions } from '@seclog/core';

/**
 * Core's logger options (a new logger is made from them and closed on shutdown) or a ready
 * `logger` (left open: its owner closes it), plus the HTTP options every seclog adapter takes.
 */
export interface SecurityLogModuleOptions extends Partial<SecurityLoggerOptions>, Omit<HttpSecurityOptions, 'logger'> {
  logger?: SecurityLogger;
  /**
   * Which handlers run `SecurityEventInterceptor`. `'global'` (default): every handler, so that a
   * 5xx of any handler records the class it threw and every handler re-enters its own request's
   * context. `'decorated'`: only handlers with `@SecurityEvent()` or `@SkipSecurityLog()`; the
   * others skip Nest's interceptor pipeline (a measurable share of a small request's cost), and
   * their 5xx events and re-entry come from the platform hooks alone (see the README).
   */
  interceptor?: 'decorated' | 'global';
}

/** `forRootAsync()`: options from a factory, e.g. one that reads `ConfigService`. */
export interface SecurityLogModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: FactoryProvider['inject'];
  /** As in `SecurityLogModuleOptions`; here because Nest must know it before the factory runs. */
  interceptor?: SecurityLogModuleOptions['interceptor'];
  // `never[]` accepts a factory of any parameters, as Nest injects whatever `inject` names.
  useFactory: (...args: never[]) => SecurityLogModuleOptions | Promise<SecurityLogModuleOptions>;
}

/** Injection token of the resolved `SecurityLogModuleOptions`. */
export const SECURITY_LOG_OPTIONS = Symbol.for('seclog.nestjs.options');
/** Injection token of the `SecurityLogger` the module uses. */
export const SECURITY_LOGGER = Symbol.for('seclog.nestjs.logger');
