import { randomBytes } from 'node:crypto';
import type { SecurityLogger } from '@seclog/core';
import { securityErrorHandler, securityMiddleware } from '@seclog/express';
import express from 'express';
import { listening } from './listening';

export const USERS: Record<string, { password: string; role: string }> = {
  alice: { password: 'wonderland-42', role: 'user' },
  mallory: { password: 'mallory-pass-9', role: 'user' },
  root: { password: 'Tr0ub4dor&3', role: 'admin' },
};

/** Express "auth": logins, sessions, and the revocation endpoint the responder calls. */
export async function startAuth(logger: SecurityLogger) {
  const sessions = new Map<string, string>();
  const app = express();
  app.set('trust proxy', 'loopback');
  app.use(securityMiddleware({ logger }));
  app.use(express.json());

  app.post('/login', (req, res) => {
    const { username, password } = (req.body ?? {}) as { username?: string; password?: string };
    const user = typeof username === 'string' ? USERS[username] : undefined;
    if (!user || user.password !== password) {
      // Logging the whole body is the classic mistake: the sanitizer takes the password out.
      req.securityLog({ eventType: 'auth.login_failure', metadata: { username, body: req.body } });
      res.status(401).json({ error: 'invalid credentials' });
      return;
    }
    const token = randomBytes(24).toString('base64url');
    sessions.set(token, username!);
    req.setActor(username!);
    req.securityLog({ eventType: 'auth.login_success', metadata: { username } });
    res.json({ token });
  });

  app.get('/session', (req, res) => {
    const token = req.get('authorization')?.replace(/^Bearer /, '') ?? '';
    const user = sessions.get(token);
    if (!user) {
      res.status(401).json({ error: 'no session' });
      return;
    }
    res.json({ user, role: USERS[user]!.role });
  });

  app.post('/internal/sessions/revoke', (req, res) => {
    const { user } = req.body as { user: string };
    let revoked = 0;
    for (const [token, owner] of sessions) if (owner === user && sessions.delete(token)) revoked++;
    req.securityLog({ eventType: 'session.revoked', actor: { id: 'responder', type: 'service' }, target: user, metadata: { user, revoked } });
    res.json({ revoked });
  });
  app.use(securityErrorHandler());

  return listening('auth', app.listen(0, '127.0.0.1'));
}
