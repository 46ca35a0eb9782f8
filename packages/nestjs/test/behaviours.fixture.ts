import { Controller, ForbiddenException, Get, Param, Post, UnauthorizedException } from '@nestjs/common';
import { CorrelationId, SecurityEvent, SecurityLogService } from '@seclog/nestjs';

@Controller()
export class BehavioursController {
  constructor(private readonly security: SecurityLogService) {}

  @Get('health')
  health() {
    throw new UnauthorizedException();
  }

  @Get('whoami')
  whoami(@CorrelationId() correlationId: string) {
    return { correlationId, fromService: this.security.correlationId };
  }

  @Post('login')
  login() {
    throw new UnauthorizedException();
  }

  @Get('crash')
  crash(): never {
    throw new TypeError('database password is hunter2');
  }

  @Get('reports/:id')
  @SecurityEvent('data.export', {
    target: ({ params }) => `report:${params.id}`,
    metadata: () => {
      throw new Error('metadata function bug');
    },
  })
  report(@Param('id') id: string) {
    return { id };
  }

  @Get('audit/:id')
  @SecurityEvent('authz.access_denied', { when: 'failure', target: 'audit-log', message: 'Audit log refused' })
  audit(@Param('id') id: string) {
    if (id !== 'mine') throw new ForbiddenException();
    return { id };
  }

  @Get('jobs/:id')
  @SecurityEvent('config.change')
  async job(@Param('id') id: string) {
    await new Promise((resolve) => setImmediate(resolve));
    if (id === 'broken') throw new RangeError('out of range');
    return { id };
  }
}
