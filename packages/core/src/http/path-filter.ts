/** A path to leave out: a string matches itself and everything below it, a RegExp is tested. */
export type PathPattern = string | RegExp;

/**
 * Health and readiness probes: polled by infrastructure all day, never security-relevant.
 * `/metrics` is deliberately absent: a refused scrape is someone reading data they should not.
 */
export const DEFAULT_IGNORE_PATHS: readonly string[] = Object.freeze([
  '/health',
  '/healthz',
  '/ready',
  '/readyz',
  '/live',
  '/livez',
]);

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/**
 * Compiles `ignorePaths` into one predicate. Strings match by whole segments, so `/health`
 * covers `/health/` and `/health/db` but not `/healthcare`.
 */
export function createPathFilter(
  patterns: readonly PathPattern[] | ((path: string) => boolean) = DEFAULT_IGNORE_PATHS,
): (path: string) => boolean {
  if (typeof patterns === 'function') {
    return (path) => {
      try {
        return patterns(path) === true;
      } catch {
        return false;
      }
    };
  }
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const expressions: RegExp[] = [];
  for (const pattern of patterns) {
    if (pattern instanceof RegExp) expressions.push(pattern);
    else if (typeof pattern === 'string' && pattern.length > 0) {
      const path = trimSlash(pattern);
      exact.add(path);
      prefixes.push(path === '/' ? '/' : `${path}/`);
    }
  }
  return (path) => {
    if (exact.has(trimSlash(path))) return true;
    for (const prefix of prefixes) if (path.startsWith(prefix)) return true;
    for (const expression of expressions) {
      // A global or sticky RegExp keeps state between calls; reset it so every path is tested alike.
      expression.lastIndex = 0;
      if (expression.test(path)) return true;
    }
    return false;
  };
}

/** Which statuses become `http.error_response` events: a list, a predicate, or (default) every 4xx and 5xx. */
export type StatusSelector = readonly number[] | ((status: number) => boolean);

export function createStatusFilter(statuses?: StatusSelector): (status: number) => boolean {
  if (statuses === undefined) return (status) => status >= 400 && status <= 599;
  if (typeof statuses === 'function') {
    return (status) => {
      try {
        return statuses(status) === true;
      } catch {
        return false;
      }
    };
  }
  const set = new Set(statuses);
  return (status) => set.has(status);
}
