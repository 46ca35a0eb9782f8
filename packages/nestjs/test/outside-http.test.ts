import { Inject, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { memorySink, runWithContext, type SecurityLogger } from '@seclog/core';
import { SECURITY_LOGGER, SecurityLogModule, SecurityLogService } from '@seclog/nestjs';
import { assertValidEvents } from '@seclog/testkit';
import { describe, expect, it } from 'vitest';

/** A job as a scheduler or a queue consumer would call it: no HTTP request anywhere. */
@Injectable()
class NightlyCleanup {
  constructor(@Inject(SecurityLogService) private readonly security: SecurityLogService) {}

  run(): void {
    this.security.log({ eventType: 'data.delete', actor: { id: 'nightly-cleanup', type: 'service' }, target: 'sessions' });
  }

  runAsJob(jobId: string): Promise<void> {
    return runWithContext({ correlationId: jobId, actor: { id: 'queue-worker', type: 'service' } }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      this.security.setActor({ id: 'queue-worker-7', type: 'service' });
      this.security.log({ eventType: 'data.export', target: 'invoices' });
    });
  }
}

describe('SecurityLogModule outside HTTP', () => {
  it('logs from a standalone application context, with or without a job context', async () => {
    const sink = memorySink();
    const deliveryErrors: unknown[] = [];

    @Module({
      imports: [SecurityLogModule.forRoot({ service: 'worker', sinks: [sink], onError: (error) => deliveryErrors.push(error) })],
      providers: [NightlyCleanup],
    })
    class WorkerModule {}

    const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    const job = app.get(NightlyCleanup);
    expect(() => job.run()).not.toThrow();
    await job.runAsJob('job-42');
    const logger = app.get<SecurityLogger>(SECURITY_LOGGER);
    await app.close();

    assertValidEvents(sink.events);
    expect(sink.events).toMatchObject([
      { event_type: 'data.delete', service: 'worker', target: 'sessions', actor: { id: 'nightly-cleanup', type: 'service' } },
      { event_type: 'data.export', correlation_id: 'job-42', actor: { id: 'queue-worker-7', type: 'service' } },
    ]);
    // The module made this logger, so it closed it with the app: later events are not delivered.
    logger.log({ eventType: 'data.export' });
    expect(deliveryErrors).toMatchObject([{ code: 'LOGGER_CLOSED' }]);
    expect(sink.events).toHaveLength(2);
  });
});
