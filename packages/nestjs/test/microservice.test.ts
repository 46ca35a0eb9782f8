import { Controller, Inject, Module, UnauthorizedException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientProxyFactory, MessagePattern, Payload, Transport, type ClientProxy, type MicroserviceOptions } from '@nestjs/microservices';
import { memorySink, type SecurityEvent as Event, type SecurityLogger } from '@seclog/core';
import { SECURITY_LOGGER, SecurityEvent, SecurityLogModule, SecurityLogService } from '@seclog/nestjs';
import { assertValidEvents } from '@seclog/testkit';
import { firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface DeleteAccount {
  accountId: string;
  by: string;
}

@Controller()
class AccountMessages {
  constructor(@Inject(SecurityLogService) private readonly security: SecurityLogService) {}

  @MessagePattern('accounts.delete')
  @SecurityEvent('data.delete', {
    target: ({ context }) => `account:${context.switchToRpc().getData<DeleteAccount>().accountId}`,
    metadata: ({ request, params }) => ({ has_request: request !== undefined, params: Object.keys(params).length }),
  })
  remove(@Payload() message: DeleteAccount): { deleted: string } {
    if (message.by !== 'admin-1') throw new UnauthorizedException();
    this.security.log({ eventType: 'data.access_sensitive', actor: { id: message.by, type: 'user' }, target: 'account-index' });
    return { deleted: message.accountId };
  }
}

describe('SecurityLogModule in a microservice (TCP transport on 127.0.0.1)', () => {
  const sink = memorySink();
  let service: Awaited<ReturnType<typeof NestFactory.createMicroservice>>;
  let client: ClientProxy;

  beforeAll(async () => {
    @Module({
      imports: [SecurityLogModule.forRoot({ service: 'accounts-rpc', sinks: [sink] })],
      controllers: [AccountMessages],
    })
    class AccountsModule {}

    service = await NestFactory.createMicroservice<MicroserviceOptions>(AccountsModule, {
      transport: Transport.TCP,
      options: { host: '127.0.0.1', port: 0 },
      logger: false,
    });
    await service.listen();
    // Nest reports no bound port for `port: 0`; the TCP transport's own net.Server does.
    const address = (service as unknown as { serverInstance: { server: { address(): { port: number } } } }).serverInstance.server.address();
    client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: address.port } });
    await client.connect();
  });

  afterAll(async () => {
    await client?.close();
    await service?.close();
  });

  const eventsOf = async (type: string): Promise<Event[]> => {
    await service.get<SecurityLogger>(SECURITY_LOGGER).flush();
    return sink.events.filter((event) => event.event_type === type);
  };

  it('logs @SecurityEvent for a message handler that succeeds, and log() inside it', async () => {
    await expect(firstValueFrom(client.send('accounts.delete', { accountId: 'acct-7', by: 'admin-1' }))).resolves.toEqual({ deleted: 'acct-7' });
    const [deleted] = await eventsOf('data.delete');
    expect(deleted).toMatchObject({ outcome: 'success', target: 'account:acct-7', metadata: { has_request: false, params: 0 } });
    expect(await eventsOf('data.access_sensitive')).toMatchObject([{ actor: { id: 'admin-1', type: 'user' }, target: 'account-index' }]);
  });

  it('logs the failure with the exception class when the handler throws, and the caller still gets the error', async () => {
    await expect(firstValueFrom(client.send('accounts.delete', { accountId: 'acct-8', by: 'intruder' }))).rejects.toBeDefined();
    const failures = (await eventsOf('data.delete')).filter((event) => event.outcome === 'failure');
    expect(failures).toMatchObject([{ target: 'account:acct-8', metadata: { exception: 'UnauthorizedException', status: 401 } }]);
    assertValidEvents(sink.events);
    // No HTTP layer here: nothing logs an error response.
    expect(await eventsOf('http.error_response')).toEqual([]);
  });
});
