import {
  Body,
  Controller,
  Inject,
  Injectable,
  Module,
  Post,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
  type MiddlewareConsumer,
  type NestMiddleware,
  type NestModule,
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

/**
 * Middleware in the style of a callback-based pool: the first request waits, and the second one
 * resumes it from inside its own call, so the first request's chain runs in the second's async context.
 */
/** Tells the test that the first request is waiting in the middleware. */
export class ParkedSignal {
  notify!: () => void;
  readonly parked = new Promise<void>((resolve) => (this.notify = resolve));
}

@Injectable()
export class HandOverMiddleware implements NestMiddleware {
  private parked: (() => void) | undefined;

  constructor(@Inject(ParkedSignal) private readonly signal: ParkedSignal) {}

  use(_request: unknown, _response: unknown, next: () => void): void {
    if (!this.parked) {
      this.parked = next;
      this.signal.notify();
      return;
    }
    const first = this.parked;
    this.parked = undefined;
    first();
    next();
  }
}

@Controller('handover')
export class HandOverController {
  constructor(private readonly security: SecurityLogService) {}

  @Post()
  create(@Body() body: { reference: string }) {
    this.security.log({ eventType: 'data.update_sensitive', metadata: { reference: body.reference } });
    return { reference: body.reference, correlationId: this.security.correlationId };
  }
}

@Module({ providers: [ParkedSignal], controllers: [HandOverController] })
export class HandOverModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HandOverMiddleware).forRoutes(HandOverController);
  }
}
