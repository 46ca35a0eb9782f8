import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import type { RequestHandler } from 'express';
import type { FastifyInstance } from 'fastify';
import type { Middleware } from 'koa';

/**
 * The floor: what any middleware that carries a request context must do, at the hook points the
 * @seclog adapter uses, and nothing of @seclog: run the rest of the request inside
 * `AsyncLocalStorage.run`, echo a fresh id in a header, and be called when the response ends (where
 * a logger would look at the status). It shows how much of an adapter's overhead is the runtime's
 * async-context cost, which no adapter can avoid. With `full` false only the first of the three
 * is done: the runtime's price for a context that follows the request, alone.
 */
const storage = new AsyncLocalStorage<{ id: string }>();
const HEADER = 'x-correlation-id';

// Intentionally empty: the floor pays for being called when the response ends, as a logger must be.
function responseEnded(): void {}

export const expressFloor =
  (full: boolean): RequestHandler =>
  (_req, res, next) => {
    const id = randomUUID();
    if (full) {
      res.setHeader(HEADER, id);
      res.on('finish', responseEnded);
    }
    storage.run({ id }, next);
  };

export function fastifyFloor(app: FastifyInstance, full: boolean): void {
  app.addHook('onRequest', (_request, reply, next) => {
    const id = randomUUID();
    if (full) void reply.header(HEADER, id);
    storage.run({ id }, next);
  });
  if (!full) return;
  app.addHook('onResponse', (_request, _reply, next) => {
    responseEnded();
    next();
  });
}

export const koaFloor =
  (full: boolean): Middleware =>
  (ctx, next) => {
    const id = randomUUID();
    if (full) {
      ctx.res.setHeader(HEADER, id);
      ctx.res.on('finish', responseEnded);
    }
    return storage.run({ id }, next);
  };

type Done = (error?: unknown) => void;

/** NestJS: the adapter's request hook, as @seclog/nestjs installs it, on either platform. */
export function nestFloor(app: INestApplication, full: boolean): void {
  const adapter = app.getHttpAdapter() as AbstractHttpAdapter;
  const fastify = adapter.getType() === 'fastify';
  if (!full) {
    adapter.setOnRequestHook((_request: unknown, _response: unknown, done: Done) => storage.run({ id: randomUUID() }, done));
    return;
  }
  if (fastify) {
    adapter.getInstance<FastifyInstance>().addHook('onResponse', (_request, _reply, next) => {
      responseEnded();
      next();
    });
  }
  adapter.setOnRequestHook((_request: unknown, response: unknown, done: Done) => {
    const id = randomUUID();
    if (fastify) void (response as { header(name: string, value: string): unknown }).header(HEADER, id);
    else {
      (response as ServerResponse<IncomingMessage>).setHeader(HEADER, id);
      (response as ServerResponse<IncomingMessage>).on('finish', responseEnded);
    }
    storage.run({ id }, done);
  });
}
