import { Controller, Get, Module, UnauthorizedException } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { memorySink } from '@seclog/core';
import { SecurityLogModule, SkipSecurityLog } from '@seclog/nestjs';
import { describe, expect, it } from 'vitest';
import { platforms } from './platforms';
import { startNest } from './start-app';

@Controller('admin')
class AdminController {
  @Get('status')
  status(): never {
    throw new UnauthorizedException();
  }

  @Get('probe')
  probe(): never {
    throw new UnauthorizedException();
  }
}

@Controller('legacy')
@SkipSecurityLog()
class LegacyController {
  @Get()
  everything(): never {
    throw new UnauthorizedException();
  }
}

describe.each(platforms)('SecurityLogModule.forRootAsync on $name', ({ adapter }) => {
  it('takes service, header, ignored paths and statuses from ConfigService', async () => {
    const sink = memorySink();
    const settings = {
      SECLOG_SERVICE: 'admin-api',
      SECLOG_HEADER: 'X-Request-ID',
      SECLOG_IGNORE: '/admin/probe',
    };

    @Module({
      imports: [
        SecurityLogModule.forRootAsync({
          imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => settings] })],
          inject: [ConfigService],
          useFactory: (config: ConfigService) => ({
            service: config.getOrThrow<string>('SECLOG_SERVICE'),
            header: config.get<string>('SECLOG_HEADER'),
            ignorePaths: [config.getOrThrow<string>('SECLOG_IGNORE')],
            statuses: [401, 403],
            sinks: [sink],
          }),
        }),
      ],
      controllers: [AdminController, LegacyController],
    })
    class AppModule {}

    const started = await startNest(adapter(), { imports: [AppModule] }, sink);
    try {
      const status = await fetch(`${started.url}/admin/status`, { headers: { 'x-request-id': 'rid-1' } });
      expect(status.status).toBe(401);
      expect(status.headers.get('x-request-id')).toBe('rid-1');
      expect(status.headers.get('x-correlation-id')).toBeNull();
      const probe = await fetch(`${started.url}/admin/probe`, { headers: { 'x-request-id': 'rid-2' } });
      expect(probe.headers.get('x-request-id')).toBe('rid-2');
      const legacy = await fetch(`${started.url}/legacy`, { headers: { 'x-request-id': 'rid-3' } });
      expect(legacy.status).toBe(401);
      expect(legacy.headers.get('x-request-id')).toBe('rid-3');
      // 404 is not among the configured statuses.
      expect((await fetch(`${started.url}/nowhere`)).status).toBe(404);

      const events = await started.events();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        service: 'admin-api',
        event_type: 'http.error_response',
        correlation_id: 'rid-1',
        target: '/admin/status',
      });
    } finally {
      await started.close();
    }
  });
});
