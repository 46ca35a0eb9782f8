import { once } from 'node:events';
import { v4 as uuidv4 } from 'uuid';
import winston from 'winston';
import { threeRegexRedact } from './three-regex';

/**
 * The plain reference logger: winston writing JSON to a file, the three-regex redaction, and a
 * uuid v4 per event, as a team would write it without @seclog.
 */
export function createWinstonReference(path: string) {
  const file = new winston.transports.File({ filename: path });
  const logger = winston.createLogger({ level: 'info', format: winston.format.json(), transports: [file] });
  let sent = 0;
  let logged = 0;
  file.on('logged', () => logged++);
  return {
    log(record: Record<string, unknown>) {
      sent++;
      logger.info({ message: 'security event', event_id: uuidv4(), timestamp: new Date().toISOString(), ...(threeRegexRedact(record) as object) });
    },
    async close() {
      // Ending winston while records are still buffered in its pipe loses them ("write after end").
      while (logged < sent) await once(file, 'logged');
      const finished = once(file, 'finish');
      logger.end();
      await finished;
    },
  };
}
