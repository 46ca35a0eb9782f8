import { createSecurityLogger } from '@seclog/core';
import { securityPlugin } from '@seclog/fastify';
import Fastify from 'fastify';

export async function start({ port = 3000, logFile = 'logs/security.log' } = {}) {
  const logger = createSecurityLogger({
    service: 'orders',
    transports: [{ target: '@seclog/winston', options: { destination: logFile } }],
  });
  await logger.ready();

  const app = Fastify({ trustProxy: '127.0.0.1' }); // the client IP comes from Fastify's trustProxy
  await app.register(securityPlugin, { logger });

  app.get<{ Params: { id: string } }>('/orders/:id', async (request) => {
    // -> data.access_sensitive with target /orders/:id (the route, not the raw URL)
    request.securityLog({ eventType: 'data.access_sensitive', metadata: { order: request.params.id } });
    return { id: request.params.id, status: 'shipped' };
  });

  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await logger.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`listening on ${(await start()).url}`);
