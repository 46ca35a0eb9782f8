import { Inject, Injectable } from '@nestjs/common';
import { getContext, updateContext, type ActorInput, type LogInput, type SecurityEvent, type SecurityLogger } from '@seclog/core';
import { SECURITY_LOGGER } from './options';
import { currentRequestSecurity } from './request-context';

/**
 * Logs security events from anywhere in the app. Inside a request the event carries that request's
 * actor, target and correlation id; outside one (a cron job, a queue consumer) it simply has none.
 */
@Injectable()
export class SecurityLogService {
  constructor(@Inject(SECURITY_LOGGER) readonly logger: SecurityLogger) {}

  /** Logs one event; fields the input leaves out come from the current request. */
  log(input: LogInput): SecurityEvent {
    return this.logger.log(input);
  }

  /**
   * Names the actor of the current request once the app knows it (after authentication), so every
   * later event of the request, `http.error_response` included, carries it. A string is a user id.
   * Returns false outside a request.
   */
  setActor(actor: string | ActorInput): boolean {
    const request = currentRequestSecurity();
    if (!request) return updateContext({ actor });
    request.setActor(actor);
    return true;
  }

  /** The current request's correlation id; undefined outside a request. */
  get correlationId(): string | undefined {
    return getContext()?.correlationId;
  }
}
