// The @seclog/express README example; only the port, the log path and close() are parameters here.
import express from 'express';
import { createSecurityLogger, fileSink } from '@seclog/core';
import { securityErrorHandler, securityMiddleware, skipSecurityLog } from '@seclog/express';
import type { AddressInfo } from 'node:net';

export async function start({ port = 3000, logFile = 'logs/security.log' } = {}) {
  const logger = createSecurityLogger({
    service: 'orders-api',
    sinks: [fileSink({ path: logFile })],
  });

  const app = express();
  // app.set('trust proxy', 'loopback'); // only behind a proxy you run: the client IP comes from req.ip
  app.use(securityMiddleware({ logger }));
  app.use(express.json());

  app.post('/login', (req, res) => {
    const { user, password } = req.body as { user: string; password: string };
    if (password !== 'correct horse battery staple') {
      req.securityLog({ eventType: 'auth.login_failure', metadata: { user } });
      res.status(401).json({ error: 'invalid credentials' }); // also logged as http.error_response
      return;
    }
    req.setActor(user); // later events of this request carry the user
    req.securityLog({ eventType: 'auth.login_success' });
    res.json({ ok: true });
  });

  app.get('/orders/:id', (req, res) => {
    res.status(403).json({ error: 'not yours' }); // http.error_response, target "/orders/:id"
  });

  app.get('/internal/warmup', skipSecurityLog(), (_req, res) => {
    res.sendStatus(503); // opted out: no event
  });

  app.use(securityErrorHandler()); // after the routes: 5xx events name the error class

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
