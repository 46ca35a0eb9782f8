import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { APP_INTERCEPTOR, HttpAdapterHost } from '@nestjs/core';
import { createSecurityLogger, type SecurityLogger, type SecurityLoggerOptions } from '@seclog/core';
import { installHttpHooks } from './http-hooks';
import {
  SECURITY_LOG_OPTIONS,
  SECURITY_LOGGER,
  type SecurityLogModuleAsyncOptions,
  type SecurityLogModuleOptions,
} from './options';
import { SecurityEventInterceptor } from './security-event.interceptor';
import { SecurityLogService } from './security-log.service';

const sharedProviders: Provider[] = [
  {
    provide: SECURITY_LOGGER,
    inject: [SECURITY_LOG_OPTIONS],
    useFactory: (options: SecurityLogModuleOptions): SecurityLogger =>
      options.logger ?? createSecurityLogger(options as SecurityLoggerOptions),
  },
  SecurityLogService,
];

/** Unless `interceptor: 'decorated'`, every handler runs the interceptor, decorated or not. */
const interceptorProviders = (interceptor: SecurityLogModuleOptions['interceptor']): Provider[] =>
  interceptor === 'decorated' ? [] : [{ provide: APP_INTERCEPTOR, useClass: SecurityEventInterceptor }];

const exported = [SecurityLogService, SECURITY_LOGGER, SECURITY_LOG_OPTIONS];

/**
 * Global module: one logger for the app, `SecurityLogService` everywhere, and every HTTP request
 * given a security context, a correlation id echo and an `http.error_response` event for 4xx/5xx,
 * all from the platform's own hooks.
 */
@Global()
@Module({})
export class SecurityLogModule implements NestModule, OnApplicationShutdown {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(SECURITY_LOG_OPTIONS) private readonly options: SecurityLogModuleOptions,
    @Inject(SECURITY_LOGGER) private readonly logger: SecurityLogger,
  ) {}

  static forRoot(options: SecurityLogModuleOptions): DynamicModule {
    return {
      module: SecurityLogModule,
      global: true,
      providers: [
        { provide: SECURITY_LOG_OPTIONS, useValue: options },
        ...sharedProviders,
        ...interceptorProviders(options.interceptor),
      ],
      exports: exported,
    };
  }

  static forRootAsync(options: SecurityLogModuleAsyncOptions): DynamicModule {
    return {
      module: SecurityLogModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: SECURITY_LOG_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        ...sharedProviders,
        ...interceptorProviders(options.interceptor),
      ],
      exports: exported,
    };
  }

  /** Runs only in HTTP applications; a microservice or a standalone context has no adapter. */
  configure(_consumer: MiddlewareConsumer): void {
    const adapter = this.adapterHost.httpAdapter;
    if (adapter) installHttpHooks(adapter, this.logger, this.options);
  }

  async onApplicationShutdown(): Promise<void> {
    // A logger the app passed in belongs to the app; one made here is flushed and closed here.
    if (this.options.logger) await this.logger.flush();
    else await this.logger.close();
  }
}
