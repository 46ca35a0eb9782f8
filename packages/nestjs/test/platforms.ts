import type { AbstractHttpAdapter } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';

/** Every HTTP test runs once per platform, as nestjs-pino's suite does. */
export const platforms: { name: string; adapter: () => AbstractHttpAdapter }[] = [
  { name: 'platform-express', adapter: () => new ExpressAdapter() },
  { name: 'platform-fastify', adapter: () => new FastifyAdapter() },
];
