import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import type { SecurityLogger } from '@seclog/core';
import { securityMiddleware } from '@seclog/koa';
import Koa from 'koa';
import { listening } from './listening';
import { sessionClient } from './session-client';

/** Koa "files": sensitive records behind a session check, and invoices stored for "orders". */
export async function startFiles(logger: SecurityLogger, authUrl: () => string) {
  const session = sessionClient(authUrl);
  const app = new Koa({ proxy: true });
  const router = new Router();

  router.get('/records/:id', async (ctx) => {
    const who = await session(ctx.get('authorization'));
    if (!who) {
      ctx.status = 401;
      return;
    }
    ctx.setActor(who.user);
    ctx.securityLog({ eventType: 'data.access_sensitive', metadata: { record: ctx.params.id } });
    ctx.body = { id: ctx.params.id, owner: who.user };
  });

  router.put('/invoices/:id', (ctx) => {
    ctx.setActor({ id: 'orders', type: 'service' });
    ctx.securityLog({ eventType: 'data.create_sensitive', metadata: { invoice: ctx.params.id } });
    ctx.status = 201;
  });

  app.use(securityMiddleware({ logger }));
  app.use(bodyParser());
  app.use(router.routes());
  return listening('files', app.listen(0, '127.0.0.1'));
}
