import { isIP } from 'node:net';
import type { Actor, SecurityEvent } from '../event';
import { httpHints } from './http-hints';

/** OCSF `user.type_id`: 1 User, 4 Service, 0 Unknown (an ip or anonymous actor has no account type). */
const USER_TYPE: Readonly<Record<Actor['type'], readonly [number, string]>> = Object.freeze({
  user: [1, 'User'],
  service: [4, 'Service'],
  ip: [0, 'Unknown'],
  anonymous: [0, 'Unknown'],
});

export type OcsfObject = Record<string, unknown>;

export function ocsfUser(actor: Actor): OcsfObject {
  const [typeId, type] = USER_TYPE[actor.type];
  return { uid: actor.id, type_id: typeId, type };
}

export function ocsfActor(actor: Actor): OcsfObject {
  const out: OcsfObject = { user: ocsfUser(actor) };
  if (actor.session_id) out.session = { uid: actor.session_id };
  return out;
}

/**
 * The network endpoint the actor came from. Classes that require one get a placeholder name when
 * the address is unknown, so the record stays valid without inventing an address.
 */
export function ocsfSrcEndpoint(actor: Actor, required: boolean): OcsfObject | undefined {
  if (actor.ip && isIP(actor.ip)) return { ip: actor.ip };
  if (actor.type === 'ip' && isIP(actor.id)) return { ip: actor.id };
  return required ? { name: 'unknown' } : undefined;
}

export function ocsfHttpRequest(event: SecurityEvent, required: boolean): OcsfObject | undefined {
  const hints = httpHints(event);
  const request: OcsfObject = {};
  if (hints.method) request.http_method = hints.method;
  if (hints.path) request.url = { path: hints.path };
  if (event.actor.user_agent) request.user_agent = event.actor.user_agent;
  if (Object.keys(request).length > 0 || required) return request;
  return undefined;
}

export function ocsfHttpResponse(event: SecurityEvent): OcsfObject | undefined {
  const { status } = httpHints(event);
  return status === undefined ? undefined : { code: status };
}

/** The thing acted upon, named by the event's target (or its type when it has none). */
export function targetName(event: SecurityEvent): string {
  return event.target ?? event.event_type;
}

/** Caller-given privilege names (`privileges`, `privilege`, `role`, `permission`), else the target. */
export function privilegesOf(event: SecurityEvent): string[] {
  const { metadata } = event;
  const listed = Array.isArray(metadata.privileges) ? metadata.privileges.filter((p): p is string => typeof p === 'string') : [];
  if (listed.length > 0) return listed;
  for (const key of ['privilege', 'role', 'permission']) {
    const value = metadata[key];
    if (typeof value === 'string' && value.length > 0) return [value];
  }
  return [targetName(event)];
}
