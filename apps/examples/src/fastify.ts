// The @seclog/fastify README example; only the port, the log path and close() are parameters here.
import Fastify from 'fastify';
import { createSecurityLogger, fileSink } from '@seclog/core';
import securityPlugin from '@seclog/fastify';

export async function start({ port = 3000, logFile = 'logs/security.log' } = {}) {
  const logger = createSecurityLogger({
    service: 'orders-api',
    sinks: [fileSink({ path: logFile })],
  });

  const app = Fastify({ trustProxy: false }); // the client IP comes from request.ip
  await app.register(securityPlugin, { logger });

  app.post('/login', async (request, reply) => {
    const { user, password } = request.body as { user: string; password: string };
    if (password !== 'correct horse battery staple') {
      request.securityLog({ eventType: 'auth.login_failure', metadata: { user } });
      return reply.code(401).send({ error: 'invalid credentials' }); // also logged as http.error_response
    }
    request.setActor(user); // later events of this request carry the user
    request.securityLog({ eventType: 'auth.login_success' });
    return { ok: true };
  });

  app.get('/orders/:id', async (_request, reply) => {
    return reply.code(403).send({ error: 'not yours' }); // http.error_response, target "/orders/:id"
  });

  app.get('/internal/warmup', { config: { securityLog: false } }, async (_request, reply) => {
    return reply.code(503).send(); // opted out: no event
  });

  await app.listen({ port, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const close = async () => {
    await app.close();
    await logger.close();
  };
  return { url, close };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`listening on ${(await start()).url}`);
