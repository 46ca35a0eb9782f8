import { Controller, ForbiddenException, Get, Module, Param } from '@nestjs/common';
import { memorySink, type SecurityEvent as LoggedEvent } from '@seclog/core';
import { SecurityEvent, SecurityLogModule, SkipSecurityLog } from '@seclog/nestjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NestFactory } from '@nestjs/core';
import { platforms } from './platforms';
import { startNest, type StartedApp } from './start-app';

@Controller('plain')
class PlainController {
  @Get('ok')
  ok() {
    return { ok: true };
  }

  @Get('crash')
  crash(): never {
    throw new TypeError('plain handler bug');
  }
}

@Controller('files')
@SecurityEvent('data.access_sensitive')
class FilesController {
  @Get(':id')
  read(@Param('id') id: string) {
    if (id === 'broken') throw new RangeError('no such shard');
    return { id };
  }

  @Get(':id/thumbnail')
  @SkipSecurityLog()
  thumbnail(@Param('id') id: string) {
    if (id === 'hidden') throw new ForbiddenException();
    return { id };
  }
}

const summary = (events: LoggedEvent[]) =>
  events.map((event) => [event.event_type, event.outcome, event.target, event.metadata.status ?? null, event.metadata.error_class ?? null]);

describe.each(platforms)("SecurityLogModule with interceptor: 'decorated' on $name", ({ adapter }) => {
  const sink = memorySink();
  let started: StartedApp;

  beforeAll(async () => {
    @Module({
      imports: [SecurityLogModule.forRoot({ service: 'decorated', sinks: [sink], interceptor: 'decorated' })],
      controllers: [PlainController, FilesController],
    })
    class AppModule {}
    started = await startNest(adapter(), { imports: [AppModule] }, sink);
  });
  beforeEach(() => sink.clear());
  afterAll(async () => {
    await started.close();
  });

  it('gives undecorated handlers their context, correlation echo and error responses from the platform hooks', async () => {
    const ok = await fetch(`${started.url}/plain/ok`, { headers: { 'x-correlation-id': 'plain-ok' } });
    expect(ok.headers.get('x-correlation-id')).toBe('plain-ok');
    const crash = await fetch(`${started.url}/plain/crash`, { headers: { 'x-correlation-id': 'plain-crash' } });
    expect(crash.status).toBe(500);
    expect(crash.headers.get('x-correlation-id')).toBe('plain-crash');
    const events = await started.events();
    // Without the interceptor nothing sees what the handler threw: the 5xx carries no error class.
    expect(summary(events)).toEqual([['http.error_response', 'failure', '/plain/crash', 500, null]]);
    expect(events[0]).toMatchObject({ correlation_id: 'plain-crash' });
    expect(JSON.stringify(events)).not.toContain('plain handler bug');
  });

  it('runs the interceptor once for a handler whose class is decorated, and honours @SkipSecurityLog', async () => {
    expect((await fetch(`${started.url}/files/7`)).status).toBe(200);
    expect((await fetch(`${started.url}/files/broken`)).status).toBe(500);
    expect((await fetch(`${started.url}/files/hidden/thumbnail`)).status).toBe(403);
    expect(summary(await started.events())).toEqual([
      ['data.access_sensitive', 'success', '/files/:id', null, null],
      ['data.access_sensitive', 'failure', '/files/:id', null, null],
      ['http.error_response', 'failure', '/files/:id', 500, 'RangeError'],
    ]);
  });
});

describe.each(platforms)('the decorators without SecurityLogModule on $name', ({ adapter }) => {
  it('let the app start and answer as usual, logging nothing', async () => {
    @Module({ controllers: [FilesController] })
    class BareModule {}
    const app = await NestFactory.create(BareModule, adapter(), { logger: false });
    await app.listen(0, '127.0.0.1');
    try {
      const { port } = app.getHttpServer().address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/files/7`);
      expect(await response.json()).toEqual({ id: '7' });
      expect(response.headers.get('x-correlation-id')).toBeNull();
      expect((await fetch(`http://127.0.0.1:${port}/files/broken`)).status).toBe(500);
    } finally {
      await app.close();
    }
  });
});
