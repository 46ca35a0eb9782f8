import { Controller, Get, HttpCode, HttpException, Inject, Module, Post, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SecurityLogModule, SecurityLogService, SkipSecurityLog } from '@seclog/nestjs';
import { runAdapterConformance, type ConformanceRoute } from '@seclog/testkit';
import { platforms } from './platforms';

/** The suite's routes as one controller, written with Nest's own decorators as an app would. */
function conformanceController(routes: readonly ConformanceRoute[]) {
  class ConformanceController {
    constructor(@Inject(SecurityLogService) readonly security: SecurityLogService) {}
  }
  const prototype = ConformanceController.prototype as unknown as Record<string, unknown>;
  routes.forEach((route, index) => {
    const key = `route${index}`;
    prototype[key] = async function (this: ConformanceController, request: { params?: Record<string, string>; body?: unknown }) {
      const reply = await route.handle({
        params: request.params ?? {},
        body: request.body,
        securityLog: (input) => this.security.log(input),
        setActor: (actor) => {
          this.security.setActor(actor);
        },
      });
      // Nest answers anything but its default status through an exception filter.
      if (reply.status !== 200) throw new HttpException(reply.body as Record<string, unknown>, reply.status);
      return reply.body;
    };
    const descriptor = Object.getOwnPropertyDescriptor(prototype, key)!;
    Req()(prototype, key, 0);
    HttpCode(200)(prototype, key, descriptor);
    (route.method === 'GET' ? Get : Post)(route.path)(prototype, key, descriptor);
    if (route.skip) SkipSecurityLog()(prototype, key, descriptor);
  });
  Controller()(ConformanceController);
  return ConformanceController;
}

for (const platform of platforms) {
  runAdapterConformance({
    name: `@seclog/nestjs on ${platform.name}`,
    async start({ logger, options, routes, trustProxy }) {
      @Module({
        imports: [SecurityLogModule.forRoot({ ...options, logger })],
        controllers: [conformanceController(routes)],
      })
      class ConformanceModule {}

      const app = await NestFactory.create(ConformanceModule, platform.adapter({ trustProxy }), { logger: false });
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as { port: number };
      return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
    },
  });
}
