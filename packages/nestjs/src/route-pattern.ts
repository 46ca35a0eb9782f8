/** The matched route pattern: Express sets `req.route` once routed, Fastify knows it on arrival. */
export function routePattern(request: unknown): string | undefined {
  const bag = request as { route?: { path?: unknown }; baseUrl?: unknown; routeOptions?: { url?: unknown } } | undefined;
  const fastifyUrl = bag?.routeOptions?.url;
  if (typeof fastifyUrl === 'string') return fastifyUrl;
  const expressPath = bag?.route?.path;
  if (typeof expressPath !== 'string') return undefined;
  return (typeof bag?.baseUrl === 'string' ? bag.baseUrl : '') + expressPath;
}
