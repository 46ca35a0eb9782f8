import { randomBytes } from 'node:crypto';
import { coreGlobalStore } from './global-store';
import { uuidv7 } from './uuid-v7';

export const DEFAULT_CORRELATION_HEADER = 'x-correlation-id';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(?:-.*)?$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

/** Node's `IncomingHttpHeaders`, a plain record, or a Fetch `Headers`. */
export type HeaderSource =
  | Record<string, string | string[] | number | undefined>
  | { get(name: string): string | null };

export interface IncomingCorrelation {
  /** The id to use, when the headers carried a usable one. */
  correlationId?: string;
  traceId?: string;
  /** The caller's span: the parent of any span this service starts. */
  parentSpanId?: string;
  source: 'header' | 'traceparent' | 'none';
  /** Set when the correlation header was present but refused; the raw value, for a validation event. */
  rejected?: string;
}

export interface FromHeadersOptions {
  /** Header carrying the correlation id; default `x-correlation-id`. */
  header?: string;
}

/** `name` must be lower-case: Node and every framework hand over lower-case header names. */
function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const value = (headers as Record<string, unknown>)[name];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function parseTraceparent(value: string | undefined): { traceId: string; spanId: string } | undefined {
  if (value === undefined || value.length > 512) return undefined;
  const match = TRACEPARENT.exec(value.trim());
  if (!match) return undefined;
  const [, version, traceId, spanId] = match as unknown as [string, string, string, string];
  // Version ff is forbidden; all-zero ids are invalid by the W3C spec.
  if (version === 'ff' || traceId === ZERO_TRACE || spanId === ZERO_SPAN) return undefined;
  return { traceId, spanId };
}

/**
 * `correlation.fromHeaders` for callers that open every request (HTTP adapters): `undefined`
 * when neither header is present, so the common request allocates nothing. `headerName` must be
 * lower-case.
 */
export function readIncomingCorrelation(headers: HeaderSource, headerName: string): IncomingCorrelation | undefined {
  const raw = readHeader(headers, headerName);
  const traceparent = readHeader(headers, 'traceparent');
  if (raw === undefined && traceparent === undefined) return undefined;
  const trace = parseTraceparent(traceparent);
  const result: IncomingCorrelation = { source: 'none' };
  if (trace) {
    result.traceId = trace.traceId;
    result.parentSpanId = trace.spanId;
  }
  if (raw !== undefined && CORRELATION_ID.test(raw)) {
    result.correlationId = raw;
    result.source = 'header';
  } else {
    if (raw !== undefined) result.rejected = raw;
    if (trace) {
      result.correlationId = trace.traceId;
      result.source = 'traceparent';
    }
  }
  return result;
}

function currentContext() {
  return coreGlobalStore().contextStorage.getStore();
}

export const correlation = {
  /** True for 1–128 characters of `[A-Za-z0-9._:-]`: safe to echo in a header and to log. */
  isValid(id: unknown): id is string {
    return typeof id === 'string' && CORRELATION_ID.test(id);
  },

  isTraceId(id: unknown): id is string {
    return typeof id === 'string' && TRACE_ID.test(id) && id !== ZERO_TRACE;
  },

  isSpanId(id: unknown): id is string {
    return typeof id === 'string' && SPAN_ID.test(id) && id !== ZERO_SPAN;
  },

  /** A new correlation id: a UUIDv7, so ids sort by time. */
  generate(): string {
    return uuidv7();
  },

  /**
   * Reads a validated correlation id, else the trace id of a valid W3C `traceparent`, else none.
   * An invalid correlation header is never returned as the id; it comes back in `rejected`.
   */
  fromHeaders(headers: HeaderSource | undefined, options: FromHeadersOptions = {}): IncomingCorrelation {
    if (!headers) return { source: 'none' };
    const headerName = (options.header ?? DEFAULT_CORRELATION_HEADER).toLowerCase();
    return readIncomingCorrelation(headers, headerName) ?? { source: 'none' };
  },

  /**
   * Headers for an outgoing call that carry the current correlation id and a `traceparent`
   * (a new span of the current trace). Outside a context the headers come back unchanged.
   */
  inject<T extends Record<string, string>>(headers: T = {} as T, options: FromHeadersOptions = {}): T & Record<string, string> {
    const context = currentContext();
    if (!context) return { ...headers };
    const headerName = (options.header ?? DEFAULT_CORRELATION_HEADER).toLowerCase();
    // Remembered on the context so that every outgoing call of one request shares the trace.
    const traceId = (context.traceId ??= traceIdFromCorrelation(context.correlationId));
    return {
      ...headers,
      [headerName]: context.correlationId,
      traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
    };
  },
};

/** A UUID correlation id is 32 hex digits once its dashes go: reuse it as the trace id. */
function traceIdFromCorrelation(id: string): string {
  const hex = id.replace(/-/g, '').toLowerCase();
  return TRACE_ID.test(hex) && hex !== ZERO_TRACE ? hex : randomBytes(16).toString('hex');
}
