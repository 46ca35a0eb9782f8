import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { AdapterUnderTest } from '@seclog/testkit';
import type express from 'express';
import { securityErrorHandler, securityMiddleware, skipSecurityLog } from '../src/index';

/** The conformance app on a given Express (4 or 5), with the JSON parser before or after the middleware. */
export function expressAdapter(name: string, framework: typeof express, parser: 'before' | 'after'): AdapterUnderTest {
  return {
    name,
    async start({ logger, options, routes, trustProxy }) {
      const app = framework();
      app.set('trust proxy', trustProxy);
      if (parser === 'before') app.use(framework.json());
      app.use(securityMiddleware({ ...options, logger }));
      if (parser === 'after') app.use(framework.json());
      for (const route of routes) {
        const method = route.method === 'GET' ? 'get' : 'post';
        app[method](route.path, ...(route.skip ? [skipSecurityLog()] : []), (req, res, next) => {
          route
            .handle({
              params: req.params as Record<string, string>,
              body: req.body,
              securityLog: (input) => req.securityLog(input),
              setActor: (actor) => req.setActor(actor),
            })
            .then((reply) => res.status(reply.status).json(reply.body), next);
        });
      }
      app.use(securityErrorHandler());
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
