import {
  Body,
  Controller,
  Inject,
  Injectable,
  Post,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { SecurityLogService } from '@seclog/nestjs';

/** Two requests meet here: each waits until the other has arrived, so their handlers interleave. */
export class Rendezvous {
  private waiting: (() => void) | undefined;

  arrive(): Promise<void> {
    if (this.waiting) {
      this.waiting();
      this.waiting = undefined;
      return Promise.resolve();
    }
    return new Promise((resolve) => (this.waiting = resolve));
  }
}

/** Authenticates from a header, as a real guard would from a token: after body parsing on Fastify. */
@Injectable()
export class HeaderUserGuard implements CanActivate {
  constructor(private readonly security: SecurityLogService) {}

  canActivate(context: ExecutionContext): boolean {
    const user = context.switchToHttp().getRequest<{ headers: Record<string, string> }>().headers['x-user'];
    if (user) this.security.setActor(user);
    return true;
  }
}

@Controller('transfers')
@UseGuards(HeaderUserGuard)
export class TransfersController {
  constructor(
    private readonly security: SecurityLogService,
    @Inject(Rendezvous) private readonly rendezvous: Rendezvous,
  ) {}

  @Post()
  async create(@Body() body: { reference: string }) {
    this.security.log({ eventType: 'data.update_sensitive', metadata: { reference: body.reference, at: 'before' } });
    await this.rendezvous.arrive();
    await new Promise((resolve) => setImmediate(resolve));
    this.security.log({ eventType: 'data.update_sensitive', metadata: { reference: body.reference, at: 'after' } });
    return { reference: body.reference, correlationId: this.security.correlationId };
  }
}
