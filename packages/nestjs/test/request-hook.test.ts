import type { ServerResponse } from 'node:http';
import { Controller, Get, Module } from '@nestjs/common';
import { getContext, memorySink } from '@seclog/core';
import { SecurityLogModule } from '@seclog/nestjs';
import { describe, expect, it } from 'vitest';
import { platforms } from './platforms';
import { startNest } from './start-app';

@Controller('ping')
class PingController {
  @Get()
  ping() {
    return { pong: true };
  }
}

describe.each(platforms)('a request hook set before the module on $name', ({ adapter }) => {
  it('still runs, inside the request context', async () => {
    const sink = memorySink();
    const http = adapter();
    http.setOnRequestHook((_request: unknown, response: unknown, done: () => void) => {
      const raw = ((response as { raw?: ServerResponse }).raw ?? response) as ServerResponse;
      raw.setHeader('x-earlier-hook', getContext()?.correlationId ?? 'outside');
      done();
    });

    @Module({ imports: [SecurityLogModule.forRoot({ service: 'hooks', sinks: [sink] })], controllers: [PingController] })
    class AppModule {}

    const started = await startNest(http, { imports: [AppModule] }, sink);
    try {
      const response = await fetch(`${started.url}/ping`, { headers: { 'x-correlation-id': 'hooked-1' } });
      expect(await response.json()).toEqual({ pong: true });
      expect(response.headers.get('x-earlier-hook')).toBe('hooked-1');
      expect(response.headers.get('x-correlation-id')).toBe('hooked-1');
    } finally {
      await started.close();
    }
  });
});
