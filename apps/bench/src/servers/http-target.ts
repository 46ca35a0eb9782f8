/**
 * One server under load, in its own process so that autocannon and the server do not share an
 * event loop: `http-target.ts <framework> <bare|floor|context|seclog|decorated> <logFile>`. Answers GET /ok with 200
 * and GET /private with 401; with `seclog` (or `decorated`) the adapter logs every 401 through a pino sink to
 * `logFile`. Reports its port over IPC, and the logger's stats when told to stop.
 */
import 'reflect-metadata';
import { createSecurityLogger, type SecurityLogger } from '@seclog/core';
import { pinoSink } from '@seclog/pino';
import { shedTotal } from '../shed-total';
import { hasAdapter, startTarget, type TargetKind } from './frameworks';

const [framework, kind, logFile] = process.argv.slice(2) as [string, TargetKind, string];
const logger: SecurityLogger | undefined =
  hasAdapter(kind) ? createSecurityLogger({ service: 'bench', sinks: [pinoSink({ destination: logFile })] }) : undefined;
const target = await startTarget(framework, kind, logger);
process.send!({ port: target.port });
process.on('message', async (message) => {
  if (message !== 'stop') return;
  await target.close();
  await logger?.close();
  const stats = logger?.stats();
  process.send!({ logged: stats?.logged ?? 0, shed: logger ? shedTotal(logger) : 0 }, () => process.exit(0));
});
