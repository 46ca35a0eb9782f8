import type { AdapterUnderTest } from '@seclog/testkit';
import Fastify from 'fastify';
import { securityPlugin } from '../src/index';

/** The conformance app on Fastify 5. */
export const fastifyAdapter: AdapterUnderTest = {
  name: 'fastify 5',
  async start({ logger, options, routes, trustProxy }) {
    const app = Fastify({ trustProxy });
    await app.register(securityPlugin, { ...options, logger });
    for (const route of routes) {
      app.route({
        method: route.method,
        url: route.path,
        config: route.skip ? { securityLog: false } : {},
        async handler(request, reply) {
          const answer = await route.handle({
            params: request.params as Record<string, string>,
            body: request.body,
            securityLog: (input) => request.securityLog(input),
            setActor: (actor) => request.setActor(actor),
          });
          return reply.code(answer.status).send(answer.body);
        },
      });
    }
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return { url, close: () => app.close() };
  },
};
