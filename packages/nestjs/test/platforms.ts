import type { AbstractHttpAdapter } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';

export interface PlatformOptions {
  /** The platform's own trust-proxy setting. */
  trustProxy?: boolean;
}

/** Every HTTP test runs once per platform, as nestjs-pino's suite does. */
export const platforms: { name: string; adapter: (options?: PlatformOptions) => AbstractHttpAdapter }[] = [
  {
    name: 'platform-express',
    adapter: ({ trustProxy = false } = {}) => {
      const adapter = new ExpressAdapter();
      adapter.set('trust proxy', trustProxy);
      return adapter;
    },
  },
  { name: 'platform-fastify', adapter: ({ trustProxy = false } = {}) => new FastifyAdapter({ trustProxy }) },
];
