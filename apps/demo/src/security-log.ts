import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createAlertEngine, type Alert, type ResponderOutcome } from '@seclog/alerts';
import {
  checkpointFile,
  createLocalSigner,
  createSecurityLogger,
  fileSink,
  generateSigningKeys,
  loadConfig,
  remoteSigner,
  startSignerServer,
  type SecurityLogger,
  type Sink,
} from '@seclog/core';
import { RULES } from './rules';
import { sharedSink } from './shared-sink';

const CONFIG_DIR = new URL('../config/', import.meta.url);

export interface SecurityLog {
  /** A logger for one service, its transport chosen by `config/<service>.json`. */
  loggerFor(service: string): SecurityLogger;
  alerts: Alert[];
  responses: ResponderOutcome[];
  files: { log: string; checkpoints: string; publicKey: string };
  /** Waits until every event reached the chain and the engine, and every responder finished. */
  settle(): Promise<void>;
  /** Flushes and closes every logger, the engine, the chain and the signer. */
  close(): Promise<void>;
}

/**
 * The demo's security log: every service logger writes to its own pino or winston file (chosen by
 * configuration) and to one hash-chained file whose checkpoints are signed by a separate signer
 * holding the only private key; the alert engine reads every event.
 */
export async function openSecurityLog(outDir: string, revokeSessions: (user: string) => Promise<void>): Promise<SecurityLog> {
  const keys = generateSigningKeys();
  await mkdir(join(outDir, 'signer'), { recursive: true });
  const files = {
    log: join(outDir, 'security.log'),
    checkpoints: join(outDir, 'security.log.checkpoints'),
    publicKey: join(outDir, 'signer', 'signer.pub'),
  };
  await writeFile(files.publicKey, keys.publicKeyPem);
  // The signer's own copy of every checkpoint is the one the writer cannot rewrite.
  const signer = await startSignerServer({
    signer: createLocalSigner({ privateKey: keys.privateKeyPem, origin: 'demo.seclog/security-log' }),
    listen: { port: 0, host: '127.0.0.1' },
    store: checkpointFile(files.checkpoints),
  });
  const port = Number(signer.address.split(':').pop());
  const chain = fileSink({
    path: files.log,
    integrity: { signer: remoteSigner({ connect: { port } }), checkpoints: false, checkpointEvery: { records: 50, interval: '2s' } },
  });
  const viewOfChain = sharedSink(chain);

  const alerts: Alert[] = [];
  const responses: ResponderOutcome[] = [];
  const loggers: SecurityLogger[] = [];
  const make = (service: string, sinks: Sink[]) => {
    const options = loadConfig({ file: `${service}.json`, cwd: new URL(CONFIG_DIR).pathname, env: {}, defaults: { sinks } });
    for (const transport of options.transports ?? []) {
      const destination = transport.options?.destination;
      if (typeof destination === 'string') transport.options = { ...transport.options, destination: resolve(outDir, destination) };
    }
    const logger = createSecurityLogger(options);
    loggers.push(logger);
    return logger;
  };
  const alertLogger = make('alerts', [viewOfChain()]);
  const engine = createAlertEngine({
    rules: RULES,
    logger: alertLogger,
    onAlert: (alert) => void alerts.push(alert),
    responders: {
      revokeSessions: async (alert) => {
        await revokeSessions(alert.actor.id);
        responses.push({ alert, responder: 'revokeSessions', outcome: 'success' });
      },
    },
  });
  const engineView: Sink = { name: 'alerts', write: (event) => engine.sink.write(event) };

  return {
    loggerFor: (service) => make(service, [viewOfChain(), engineView]),
    alerts,
    responses,
    files,
    async settle() {
      for (const logger of loggers) await logger.flush();
      await engine.settle();
      // Responders log what they did; alerts are logged back too.
      for (const logger of loggers) await logger.flush();
    },
    async close() {
      for (const logger of loggers) await logger.flush();
      await engine.close();
      for (const logger of loggers) await logger.close();
      await chain.close?.();
      await signer.close();
    },
  };
}
