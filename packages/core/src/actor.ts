import { isIP } from 'node:net';
import type { Actor, ActorInput, ActorType } from './event';
import { ACTOR_TYPES } from './event';
import { neutralize } from './sanitizer';

const MAX_ACTOR_FIELD = 256;

export const ANONYMOUS_ACTOR: Actor = Object.freeze({ id: 'anonymous', type: 'anonymous' });

function field(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  const bounded = value.length > MAX_ACTOR_FIELD ? value.slice(0, MAX_ACTOR_FIELD) : value;
  return neutralize(bounded);
}

function ipField(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // IPv4-mapped IPv6 is how Node reports IPv4 clients on dual-stack sockets; analysts want the IPv4.
  const ip = value.startsWith('::ffff:') && isIP(value.slice(7)) === 4 ? value.slice(7) : value;
  return isIP(ip) ? ip : undefined;
}

/**
 * Merges what the caller says about the actor over what the context knows. A bare string is a
 * user id. Network facts (ip, user agent, session) of the context are kept unless overridden,
 * so an event logged with `actor: 'user-42'` still carries the request's IP.
 */
export function resolveActor(input: string | ActorInput | Actor | undefined, base: Actor | undefined): Actor {
  const from = base ?? ANONYMOUS_ACTOR;
  if (input === undefined || input === null) return from;

  let id: string | undefined;
  let type: ActorType | undefined;
  let ip = from.ip;
  let userAgent = from.user_agent;
  let sessionId = from.session_id;

  if (typeof input === 'string') {
    id = field(input);
    type = 'user';
  } else if (typeof input === 'object') {
    const raw = input as ActorInput & Partial<Actor>;
    id = field(raw.id);
    type = ACTOR_TYPES.includes(raw.type as ActorType) ? raw.type : undefined;
    ip = ipField(raw.ip) ?? ip;
    userAgent = field(raw.userAgent ?? raw.user_agent) ?? userAgent;
    sessionId = field(raw.sessionId ?? raw.session_id) ?? sessionId;
  }

  if (id === undefined) {
    if (type === 'ip' || (type === undefined && from.type === 'anonymous' && ip)) {
      id = ip ?? from.id;
      type = ip ? 'ip' : from.type;
    } else {
      id = from.id;
      type = type ?? from.type;
    }
  } else {
    type = type ?? 'user';
  }

  const actor: Actor = { id, type };
  if (ip) actor.ip = ip;
  if (userAgent) actor.user_agent = userAgent;
  if (sessionId) actor.session_id = sessionId;
  return actor;
}
