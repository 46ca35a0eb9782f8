import Router from '@koa/router';
import { createSecurityLogger } from '@seclog/core';
import { securityMiddleware } from '@seclog/koa';
import Koa from 'koa';
import type { AddressInfo } from 'node:net';

export async function start({ port = 3000, logFile = 'logs/security.log' } = {}) {
  const logger = createSecurityLogger({
    service: 'files',
    transports: [{ target: 'file', options: { path: logFile } }],
  });
  await logger.ready();

  const app = new Koa({ proxy: true }); // ctx.ip honours X-Forwarded-For only because proxy is on
  const router = new Router();
  router.get('/files/:name', (ctx) => {
    if (ctx.get('authorization') === '') {
      // -> http.error_response 401 with route /files/:name; no header value is recorded
      ctx.status = 401;
      return;
    }
    ctx.body = { name: ctx.params.name };
  });
  app.use(securityMiddleware({ logger }));
  app.use(router.routes());

  const server = app.listen(port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await logger.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`listening on ${(await start()).url}`);
