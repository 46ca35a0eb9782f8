import { once } from 'node:events';
import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSecurityLogger, getContext, memorySink } from '@seclog/core';
import express, { type RequestHandler } from 'express';
import { afterAll, expect, it } from 'vitest';
import { securityMiddleware } from '../src/index';

const logger = createSecurityLogger({ service: 'express-late-body', sinks: [memorySink()] });
// A parser that knows nothing of async context: it resumes the chain from the stream's `end`.
const streamParser: RequestHandler = (req, _res, next) => {
  let text = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (text += chunk));
  req.on('end', () => {
    req.body = text;
    next();
  });
};
const app = express();
app.use(securityMiddleware({ logger }));
app.use(streamParser);
app.post('/late', (req, res) => void res.json({ seen: getContext()?.correlationId ?? null, body: req.body as string }));
const server = app.listen(0, '127.0.0.1');

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await logger.close();
});

it('keeps the context through a parser mounted after it whose body arrives later', async () => {
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const body = '{"late":true}';
  const req = request({ port, host: '127.0.0.1', path: '/late', method: 'POST', headers: { 'content-length': body.length, 'x-correlation-id': 'late-1' } });
  const response = once(req, 'response');
  req.write(body.slice(0, 5));
  // The rest goes out only once the server holds the request open, waiting for it.
  await new Promise((resolve) => setImmediate(resolve));
  req.end(body.slice(5));
  const [res] = (await response) as [IncomingMessage];
  let text = '';
  for await (const chunk of res) text += String(chunk);
  expect(JSON.parse(text)).toEqual({ seen: 'late-1', body });
});
