import type { ActorInput } from '../event';

/**
 * Names the authenticated user of a request, given the framework's request object (Express
 * `req`, Fastify `request`, Koa `ctx`, or whatever the adapter passes). Return `undefined` when
 * nobody is authenticated; the client IP is used then.
 */
export type ActorResolver = (request: unknown) => string | ActorInput | undefined;

type Bag = Record<string, unknown>;

function idOf(user: unknown): string | undefined {
  if (typeof user === 'string') return user || undefined;
  if (typeof user !== 'object' || user === null) return undefined;
  for (const key of ['id', 'sub', 'userId', 'username']) {
    const value = (user as Bag)[key];
    if (typeof value === 'string' && value.length > 0) return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

/**
 * The default resolver: the user that authentication middleware conventionally leaves on the
 * request (`req.user` for Passport and `@fastify/jwt`, `ctx.state.user` for koa-jwt and
 * koa-passport), identified by `id`, `sub`, `userId` or `username`.
 */
export const defaultActorResolver: ActorResolver = (request) => {
  if (typeof request !== 'object' || request === null) return undefined;
  const bag = request as Bag;
  const state = bag.state;
  const user = bag.user ?? (typeof state === 'object' && state !== null ? (state as Bag).user : undefined);
  const id = idOf(user);
  return id === undefined ? undefined : { id, type: 'user' };
};

/** Runs a resolver that may be user code; a throwing resolver means "no user", never a failed request. */
export function resolveRequestActor(resolver: ActorResolver, request: unknown): string | ActorInput | undefined {
  try {
    return resolver(request);
  } catch {
    return undefined;
  }
}
