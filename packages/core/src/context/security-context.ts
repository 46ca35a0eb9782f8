import type { Actor, ActorInput } from '../event';

/** What the current request (or job) knows; read by every `log()` made inside it. */
export interface SecurityContext {
  correlationId: string;
  traceId?: string;
  spanId?: string;
  actor?: Actor;
  target?: string;
}

/** What a caller passes to open a context; a missing correlation id is generated. */
export interface ContextInit {
  correlationId?: string;
  traceId?: string;
  spanId?: string;
  actor?: string | ActorInput | Actor;
  target?: string;
}
