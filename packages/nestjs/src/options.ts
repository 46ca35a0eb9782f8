import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';
import type { HttpSecurityOptions, SecurityLogger, SecurityLoggerOptions } from '@seclog/core';

/**
 * Core's logger options (a new logger is made from them and closed on shutdown) or a ready
 * `logger` (left open: its owner closes it), plus the HTTP options every seclog adapter takes.
 */
export interface SecurityLogModuleOptions extends Partial<SecurityLoggerOptions>, Omit<HttpSecurityOptions, 'logger'> {
  logger?: SecurityLogger;
}

/** `forRootAsync()`: options from a factory, e.g. one that reads `ConfigService`. */
export interface SecurityLogModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: FactoryProvider['inject'];
  // `never[]` accepts a factory of any parameters, as Nest injects whatever `inject` names.
  useFactory: (...args: never[]) => SecurityLogModuleOptions | Promise<SecurityLogModuleOptions>;
}

/** Injection token of the resolved `SecurityLogModuleOptions`. */
export const SECURITY_LOG_OPTIONS = Symbol.for('seclog.nestjs.options');
/** Injection token of the `SecurityLogger` the module uses. */
export const SECURITY_LOGGER = Symbol.for('seclog.nestjs.logger');
