import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import type { AdapterUnderTest } from '@seclog/testkit';
import type Koa from 'koa';
import { securityMiddleware, skipSecurityLog } from '../src/index';

/** The conformance app on a given Koa (2 or 3) with `@koa/router` and `@koa/bodyparser`. */
export function koaAdapter(name: string, Framework: typeof Koa): AdapterUnderTest {
  return {
    name,
    async start({ logger, options, routes, trustProxy }) {
      const app = new Framework({ proxy: trustProxy });
      // Errors are answered by Koa's own handler; the suite reads them from the responses.
      app.silent = true;
      const router = new Router();
      for (const route of routes) {
        const method = route.method === 'GET' ? 'get' : 'post';
        router[method](route.path, ...(route.skip ? [skipSecurityLog()] : []), async (ctx) => {
          const answer = await route.handle({
            params: ctx.params,
            body: ctx.request.body,
            securityLog: (input) => ctx.securityLog(input),
            setActor: (actor) => ctx.setActor(actor),
          });
          ctx.status = answer.status;
          ctx.body = answer.body;
        });
      }
      app.use(securityMiddleware({ ...options, logger }));
      app.use(bodyParser());
      app.use(router.routes());
      const server = app.listen(0, '127.0.0.1');
      await once(server, 'listening');
      return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      };
    },
  };
}
