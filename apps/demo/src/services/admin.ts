import 'reflect-metadata';
import { Body, Controller, ForbiddenException, Get, Headers, Inject, Module, Param, Patch, UnauthorizedException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import type { SecurityLogger } from '@seclog/core';
import { SecurityEvent, SecurityLogModule, SecurityLogService } from '@seclog/nestjs';
import { USERS } from './auth';
import { sessionClient, type SessionInfo } from './session-client';

const SESSIONS = Symbol('sessions');
type Sessions = ReturnType<typeof sessionClient>;

// Tokens are named: the demo runs through tsx, which emits no decorator metadata.
@Controller('admin')
class AdminController {
  constructor(
    @Inject(SecurityLogService) private readonly security: SecurityLogService,
    @Inject(SESSIONS) private readonly sessions: Sessions,
  ) {}

  private async caller(authorization: string | undefined): Promise<SessionInfo> {
    const who = await this.sessions(authorization);
    if (!who) throw new UnauthorizedException();
    this.security.setActor(who.user);
    return who;
  }

  @Get('users')
  @SecurityEvent('authz.admin_activity')
  async users(@Headers('authorization') authorization?: string) {
    const who = await this.caller(authorization);
    if (USERS[who.user]!.role !== 'admin') throw new ForbiddenException();
    return Object.keys(USERS);
  }

  // The flaw the attack finds: any signed-in user may change roles, their own included.
  @Patch('users/:id/role')
  @SecurityEvent('auth.privilege_escalation', { metadata: ({ params, request }) => ({ user: params.id, role: (request as { body?: { role?: unknown } }).body?.role }) })
  async setRole(@Param('id') id: string, @Body() body: { role: string }, @Headers('authorization') authorization?: string) {
    await this.caller(authorization);
    if (!USERS[id]) throw new ForbiddenException();
    USERS[id]!.role = body.role;
    return { id, role: body.role };
  }
}

/** NestJS "admin" on platform-express: user administration with a missing authorisation check. */
export async function startAdmin(logger: SecurityLogger, authUrl: () => string) {
  @Module({
    imports: [SecurityLogModule.forRoot({ logger })],
    controllers: [AdminController],
    providers: [{ provide: SESSIONS, useValue: sessionClient(authUrl) }],
  })
  class AdminModule {}

  const app = await NestFactory.create<NestExpressApplication>(AdminModule, new ExpressAdapter(), { logger: false });
  app.set('trust proxy', 'loopback');
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { name: 'admin', url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
