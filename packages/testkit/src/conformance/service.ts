import { createSecurityLogger, memorySink, type HttpSecurityOptions, type MemorySink, type SecurityEvent } from '@seclog/core';
import { vi } from 'vitest';
import { validateEvent } from '../validate-event';
import { conformanceRoutes } from './routes';
import type { AdapterUnderTest } from './types';

export interface ServiceUnderTest {
  name: string;
  url: string;
  sink: MemorySink;
  /** Waits (bounded) for the first event matching `predicate`. */
  event(predicate: (event: SecurityEvent) => boolean): Promise<SecurityEvent>;
  /**
   * Makes a request that is always logged and waits for its event, so that every response sent
   * before it has been through the adapter: then absent events are really absent.
   */
  settle(): Promise<void>;
  /** Every record, as a sink writes it (one JSON line each). */
  lines(): string[];
  close(): Promise<void>;
}

let sentinel = 0;

export async function startService(
  adapter: AdapterUnderTest,
  setup: { service: string; options?: Omit<HttpSecurityOptions, 'logger'>; trustProxy?: boolean; peerUrl?: string },
): Promise<ServiceUnderTest> {
  const sink = memorySink();
  const logger = createSecurityLogger({ service: setup.service, sinks: [sink] });
  const options = setup.options ?? {};
  const routes = conformanceRoutes({ logger, peerUrl: setup.peerUrl });
  const server = await adapter.start({ logger, options, routes, trustProxy: setup.trustProxy ?? false });
  const header = options.header ?? 'x-correlation-id';

  const event = async (predicate: (event: SecurityEvent) => boolean) =>
    vi.waitFor(
      async () => {
        await logger.flush();
        const found = sink.events.find(predicate);
        if (!found) throw new Error(`no matching event among ${sink.events.length} on ${setup.service}`);
        return found;
      },
      { timeout: 5_000, interval: 5 },
    );

  return {
    name: setup.service,
    url: server.url,
    sink,
    event,
    async settle() {
      const id = `settle-${++sentinel}`;
      const response = await fetch(`${server.url}/status/401`, { headers: { [header]: id } });
      await response.arrayBuffer();
      await event((e) => e.correlation_id === id && e.event_type === 'http.error_response');
    },
    lines: () => sink.events.map((e) => JSON.stringify(e)),
    async close() {
      await server.close();
      await logger.close();
      const broken = sink.events.map((e) => validateEvent(e)).filter((violations) => violations.length > 0);
      if (broken.length > 0) throw new Error(`${setup.service}: records break seclog/1: ${JSON.stringify(broken[0])}`);
    },
  };
}
