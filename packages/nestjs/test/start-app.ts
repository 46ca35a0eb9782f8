import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { MemorySink, SecurityEvent, SecurityLogger } from '@seclog/core';
import { SECURITY_LOGGER } from '@seclog/nestjs';
import { assertValidEvents } from '@seclog/testkit';

export interface StartedApp {
  app: INestApplication;
  url: string;
  /** Every event the sink holds once the logger has flushed, each checked against seclog/1. */
  events(): Promise<SecurityEvent[]>;
  close(): Promise<void>;
}

/** A real Nest application listening on 127.0.0.1, port 0. */
export async function startNest(
  adapter: AbstractHttpAdapter,
  metadata: ModuleMetadata,
  sink?: MemorySink,
): Promise<StartedApp> {
  const moduleRef = await Test.createTestingModule(metadata).compile();
  const app = moduleRef.createNestApplication(adapter, { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const logger = app.get<SecurityLogger>(SECURITY_LOGGER);
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    async events() {
      await logger.flush();
      const events = [...(sink?.events ?? [])];
      assertValidEvents(events);
      return events;
    },
    close: () => app.close(),
  };
}
