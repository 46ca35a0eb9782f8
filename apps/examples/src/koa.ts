// The @seclog/koa README example; only the port, the log path and close() are parameters here.
import Koa from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import { createSecurityLogger, fileSink } from '@seclog/core';
import { securityMiddleware, skipSecurityLog } from '@seclog/koa';
import type { AddressInfo } from 'node:net';

export async function start({ port = 3000, logFile = 'logs/security.log' } = {}) {
  const logger = createSecurityLogger({
    service: 'orders-api',
    sinks: [fileSink({ path: logFile })],
  });

  const app = new Koa({ proxy: false }); // the client IP comes from ctx.ip
  const router = new Router();

  router.post('/login', (ctx) => {
    const { user, password } = ctx.request.body as { user: string; password: string };
    if (password !== 'correct horse battery staple') {
      ctx.securityLog({ eventType: 'auth.login_failure', metadata: { user } });
      ctx.status = 401; // also logged as http.error_response
      ctx.body = { error: 'invalid credentials' };
      return;
    }
    ctx.setActor(user); // later events of this request carry the user
    ctx.securityLog({ eventType: 'auth.login_success' });
    ctx.body = { ok: true };
  });

  router.get('/orders/:id', (ctx) => {
    ctx.status = 403; // http.error_response, target "/orders/:id"
    ctx.body = { error: 'not yours' };
  });

  router.get('/internal/warmup', skipSecurityLog(), (ctx) => {
    ctx.status = 503; // opted out: no event
  });

  app.use(securityMiddleware({ logger })); // first
  app.use(bodyParser());
  app.use(router.routes());
  const server = app.listen(port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    await new Promise((resolve) => server.close(resolve));
    await logger.close();
  };
  return { url, close };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`listening on ${(await start()).url}`);
