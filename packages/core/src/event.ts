/** The `seclog/1` event: what every sink receives, one JSON object per line. */

export const SCHEMA_VERSION = 'seclog/1' as const;

export type Severity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';
export const SEVERITIES: readonly Severity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

export type Outcome = 'success' | 'failure' | 'unknown';
export const OUTCOMES: readonly Outcome[] = ['success', 'failure', 'unknown'];

export type ActorType = 'user' | 'service' | 'ip' | 'anonymous';
export const ACTOR_TYPES: readonly ActorType[] = ['user', 'service', 'ip', 'anonymous'];

export interface Actor {
  id: string;
  type: ActorType;
  ip?: string;
  user_agent?: string;
  session_id?: string;
}

/** Written by a chaining sink; absent on the event `log()` returns. */
export interface IntegrityInfo {
  /** Identifies the stream the record belongs to. */
  chain: string;
  seq: number;
  prev: string;
  hash: string;
}

export interface SecurityEvent {
  schema: typeof SCHEMA_VERSION;
  event_id: string;
  timestamp: string;
  severity: Severity;
  event_type: string;
  outcome: Outcome;
  message: string;
  service: string;
  actor: Actor;
  target?: string;
  correlation_id: string;
  trace_id?: string;
  span_id?: string;
  risk_score: number;
  risk_reasons: string[];
  metadata: Record<string, unknown>;
  integrity?: IntegrityInfo;
}

/** What a caller may say about the actor; missing parts come from the request context. */
export interface ActorInput {
  id?: string;
  type?: ActorType;
  ip?: string;
  userAgent?: string;
  sessionId?: string;
}

/** The argument of `logger.log()`. */
export interface LogInput {
  /** Dotted taxonomy name (`auth.login_failure`) or an OWASP vocabulary token (`authn_login_fail`). */
  eventType: string;
  /** A user id, or a fuller description; defaults to the request context's actor, else anonymous. */
  actor?: string | ActorInput;
  target?: string;
  outcome?: Outcome;
  message?: string;
  metadata?: Record<string, unknown>;
  /** 0–10; when given it is honoured and the scorer only explains it. */
  riskScore?: number;
  /** Extra named risk signals the scorer adds (see the risk options). */
  signals?: readonly string[];
  correlationId?: string;
  traceId?: string;
  spanId?: string;
}
