import 'reflect-metadata';
import { Controller, Get, Module, UnauthorizedException, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import Router from '@koa/router';
import type { SecurityLogger } from '@seclog/core';
import { securityMiddleware as expressSecurity } from '@seclog/express';
import { securityPlugin } from '@seclog/fastify';
import { securityMiddleware as koaSecurity } from '@seclog/koa';
import { SecurityLogModule } from '@seclog/nestjs';
import express from 'express';
import Fastify from 'fastify';
import Koa from 'koa';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expressFloor, fastifyFloor, koaFloor, nestFloor } from './floor';

/**
 * Bare framework, the floor (context, id header and end-of-response hook, see `floor.ts`), the
 * async context alone, or with its @seclog adapter (NestJS also with `interceptor: 'decorated'`).
 */
export type TargetKind = 'bare' | 'floor' | 'context' | 'seclog' | 'decorated';

/** The kinds that run the @seclog adapter, and so log through a logger of their own. */
export const hasAdapter = (kind: TargetKind): boolean => kind === 'seclog' || kind === 'decorated';

export interface Target {
  port: number;
  close(): Promise<void>;
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;
const closeServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
const listen = (server: Server) => new Promise<Server>((resolve) => (server.listening ? resolve(server) : server.once('listening', () => resolve(server))));

@Controller()
class BenchController {
  @Get('ok')
  ok() {
    return { ok: true };
  }

  @Get('private')
  private() {
    throw new UnauthorizedException();
  }
}

function nestModule(logger: SecurityLogger | undefined, decorated: boolean) {
  const imports: DynamicModule[] = logger ? [SecurityLogModule.forRoot({ logger, ...(decorated && { interceptor: 'decorated' as const }) })] : [];
  @Module({ imports, controllers: [BenchController] })
  class BenchModule {}
  return BenchModule;
}

/** The same two routes on each framework; `logger` is given for `seclog` and `decorated` only. */
export async function startTarget(framework: string, kind: TargetKind, logger: SecurityLogger | undefined): Promise<Target> {
  if (kind === 'decorated' && !framework.startsWith('nest-')) throw new Error(`${framework} has no 'decorated' mode`);
  const full = kind === 'floor';
  const floored = full || kind === 'context';
  switch (framework) {
    case 'express': {
      const app = express();
      if (logger) app.use(expressSecurity({ logger }));
      if (floored) app.use(expressFloor(full));
      app.get('/ok', (_req, res) => void res.json({ ok: true }));
      app.get('/private', (_req, res) => void res.status(401).json({ error: 'unauthorized' }));
      const server = await listen(app.listen(0, '127.0.0.1'));
      return { port: portOf(server), close: () => closeServer(server) };
    }
    case 'fastify': {
      const app = Fastify();
      if (logger) await app.register(securityPlugin, { logger });
      if (floored) fastifyFloor(app, full);
      app.get('/ok', async () => ({ ok: true }));
      app.get('/private', async (_request, reply) => reply.code(401).send({ error: 'unauthorized' }));
      await app.listen({ port: 0, host: '127.0.0.1' });
      return { port: (app.server.address() as AddressInfo).port, close: () => app.close() };
    }
    case 'koa': {
      const app = new Koa();
      const router = new Router();
      router.get('/ok', (ctx) => void (ctx.body = { ok: true }));
      router.get('/private', (ctx) => {
        ctx.status = 401;
        ctx.body = { error: 'unauthorized' };
      });
      if (logger) app.use(koaSecurity({ logger }));
      if (floored) app.use(koaFloor(full));
      app.use(router.routes());
      const server = await listen(app.listen(0, '127.0.0.1'));
      return { port: portOf(server), close: () => closeServer(server) };
    }
    case 'nest-express':
    case 'nest-fastify': {
      const adapter = framework === 'nest-express' ? new ExpressAdapter() : new FastifyAdapter();
      const app = await NestFactory.create(nestModule(logger, kind === 'decorated'), adapter, { logger: false });
      if (floored) nestFloor(app, full);
      await app.listen(0, '127.0.0.1');
      return { port: (app.getHttpServer().address() as AddressInfo).port, close: () => app.close() };
    }
    default:
      throw new Error(`unknown framework ${framework}`);
  }
}
