import type { SecurityEvent } from '../event';

/** What the HTTP adapters put in metadata (`method`, `status`, `route`, `path`), read defensively. */
export interface HttpHints {
  method?: string;
  status?: number;
  /** The request path, else the matched route pattern (`/users/:id`): the closest ECS and OCSF have. */
  path?: string;
  /** The matched route pattern, which OTel names `http.route`. */
  route?: string;
}

const METHOD = /^[A-Z]{1,16}$/;

function firstString(metadata: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = metadata[key];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return undefined;
}

/**
 * Metadata is caller data: only values of the expected shape are promoted to standard fields, the
 * rest stays under the format's own namespace.
 */
export function httpHints(event: SecurityEvent): HttpHints {
  const metadata = event.metadata;
  const hints: HttpHints = {};
  const method = firstString(metadata, ['method', 'http_method'])?.toUpperCase();
  if (method && METHOD.test(method)) hints.method = method;
  const status = metadata.status ?? metadata.statusCode ?? metadata.status_code;
  if (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599) hints.status = status;
  const route = firstString(metadata, ['route']);
  if (route?.startsWith('/')) hints.route = route;
  const path = firstString(metadata, ['path']) ?? route ?? (event.event_type.startsWith('http.') ? event.target : undefined);
  if (path?.startsWith('/')) hints.path = path;
  return hints;
}
