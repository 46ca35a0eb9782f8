import { createSecurityLogger } from '@seclog/core';
import { securityErrorHandler, securityMiddleware } from '@seclog/express';
import express from 'express';
import type { AddressInfo } from 'node:net';

export async function start({ port = 3000, logFile = 'logs/security.log' } = {}) {
  const logger = createSecurityLogger({
    service: 'auth',
    transports: [{ target: '@seclog/pino', options: { destination: logFile } }],
  });
  await logger.ready();

  const app = express();
  app.set('trust proxy', 'loopback'); // the client IP comes from Express, never from raw headers
  app.use(securityMiddleware({ logger }));
  app.use(express.json());

  app.post('/login', (req, res) => {
    const { username, password } = req.body as { username: string; password: string };
    if (password !== 'correct horse battery staple') {
      // -> auth.login_failure with the client IP, route /login and the echoed correlation id;
      //    the password in metadata is written as [REDACTED]. The 401 -> http.error_response.
      req.securityLog({ eventType: 'auth.login_failure', metadata: { username, password } });
      res.status(401).json({ error: 'invalid credentials' });
      return;
    }
    req.setActor(username);
    req.securityLog({ eventType: 'auth.login_success' });
    res.json({ ok: true });
  });
  app.use(securityErrorHandler());

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
