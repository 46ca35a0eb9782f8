import type { HeaderSource } from '../correlation';

/** The parts of an HTTP request the security layer reads, whatever framework produced it. */
export interface NormalizedRequest {
  /** Upper-case method, e.g. `GET`. */
  method: string;
  /** Path without the query string (whose values are never recorded). */
  path: string;
  headers: HeaderSource;
  /**
   * Client address as the framework resolved it (its trust-proxy setting applied), else the
   * socket's peer address; never parsed from `X-Forwarded-For` here.
   */
  ip?: string;
  userAgent?: string;
}

const MAX_PATH = 2048;
const MAX_METHOD = 32;

type Bag = Record<string, unknown>;

function isObject(value: unknown): value is Bag {
  return typeof value === 'object' && value !== null;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function read(source: Bag, key: string): unknown {
  try {
    return source[key];
  } catch {
    // A throwing getter on a foreign request object must not break the request.
    return undefined;
  }
}

function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  return path.length > MAX_PATH ? path.slice(0, MAX_PATH) : path;
}

function rawOf(request: Bag): Bag | undefined {
  const raw = read(request, 'raw') ?? read(request, 'req');
  return isObject(raw) ? raw : undefined;
}

/**
 * The headers `normalizeRequest` would read, without the rest of its work: what every request
 * needs at once (its correlation id), where method, path and IP can wait until an event is logged.
 */
export function requestHeaders(request: unknown): HeaderSource | undefined {
  if (!isObject(request)) return undefined;
  const headers = read(request, 'headers');
  if (isObject(headers)) return headers as HeaderSource;
  if (headers !== undefined && headers !== null) return undefined;
  const raw = rawOf(request);
  const rawHeaders = raw && read(raw, 'headers');
  return isObject(rawHeaders) ? (rawHeaders as HeaderSource) : undefined;
}

function socketAddress(source: Bag): string | undefined {
  const socket = read(source, 'socket');
  return isObject(socket) ? str(read(socket, 'remoteAddress')) : undefined;
}

/**
 * Reads method, path, headers and client IP from a Node `IncomingMessage`, an Express `req`, a
 * Fastify `request`, a Koa `ctx` or anything shaped like them. A wrapper's own `ip` (set by the
 * framework's trust-proxy logic) wins over the raw socket; `originalUrl` wins over `url` because
 * routers rewrite `url` when they mount sub-apps. Returns `undefined` for shapes it does not know;
 * never throws.
 */
export function normalizeRequest(request: unknown): NormalizedRequest | undefined {
  if (!isObject(request)) return undefined;
  const raw = rawOf(request);
  const headers = read(request, 'headers') ?? (raw && read(raw, 'headers'));
  const method = str(read(request, 'method')) ?? (raw && str(read(raw, 'method')));
  const url =
    str(read(request, 'originalUrl')) ??
    str(read(request, 'url')) ??
    (raw && (str(read(raw, 'originalUrl')) ?? str(read(raw, 'url'))));
  if (!isObject(headers) || method === undefined || url === undefined) return undefined;

  const normalized: NormalizedRequest = {
    method: method.slice(0, MAX_METHOD).toUpperCase(),
    path: pathOf(url),
    headers: headers as HeaderSource,
  };
  const ip = str(read(request, 'ip')) ?? socketAddress(request) ?? (raw && socketAddress(raw));
  if (ip !== undefined) normalized.ip = ip;
  const userAgent = str(read(headers, 'user-agent'));
  if (userAgent !== undefined) normalized.userAgent = userAgent;
  return normalized;
}
