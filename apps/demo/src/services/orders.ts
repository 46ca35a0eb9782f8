import { correlation, type SecurityLogger } from '@seclog/core';
import { securityPlugin } from '@seclog/fastify';
import Fastify from 'fastify';

/** Fastify "orders": takes orders (payloads full of personal data) and asks "files" for invoices. */
export async function startOrders(logger: SecurityLogger, filesUrl: () => string) {
  const app = Fastify({ trustProxy: '127.0.0.1' });
  await app.register(securityPlugin, { logger });
  let next = 1000;

  app.post('/orders', async (request) => {
    const id = String(next++);
    request.securityLog({ eventType: 'data.create_sensitive', metadata: { order: id, payload: request.body } });
    return { id };
  });

  app.post<{ Params: { id: string } }>('/orders/:id/invoice', async (request, reply) => {
    const response = await fetch(`${filesUrl()}/invoices/${encodeURIComponent(request.params.id)}`, {
      method: 'PUT',
      headers: correlation.inject({ 'content-type': 'application/json' }),
      body: JSON.stringify({ order: request.params.id }),
    });
    request.securityLog({ eventType: 'data.export', metadata: { order: request.params.id, files_status: response.status } });
    return reply.code(response.ok ? 201 : 502).send({ stored: response.ok });
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { name: 'orders', url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
