export { SCHEMA_VERSION, SEVERITIES, OUTCOMES, ACTOR_TYPES } from './event';
export type {
  Severity,
  Outcome,
  ActorType,
  Actor,
  ActorInput,
  IntegrityInfo,
  SecurityEvent,
  LogInput,
} from './event';
export { SecurityEventError, SecurityLogConfigError } from './errors';
export type { SecurityEventErrorCode, SecurityLogConfigErrorCode } from './errors';
export { uuidv7, isUuidV7 } from './uuid-v7';
export { parseDuration } from './duration';
export { resolveActor, ANONYMOUS_ACTOR } from './actor';

export { runWithContext, getContext, enterContext, updateContext, createSecurityContext } from './context/run-with-context';
export type { SecurityContext, ContextInit } from './context/security-context';
export { correlation, DEFAULT_CORRELATION_HEADER } from './correlation';
export type { HeaderSource, IncomingCorrelation, FromHeadersOptions } from './correlation';

export { createSecurityLogger } from './logger/create-security-logger';
export type { SecurityLogger, SecurityLoggerOptions, LoggerStats } from './logger/create-security-logger';
export type { SinkErrorInfo, ErrorHandler, SinkStats } from './logger/sink-channel';
export { DeliveryError } from './pipeline/delivery-error';
export type { DeliveryErrorCode } from './pipeline/delivery-error';
export type { PipelineOptions } from './pipeline/pipeline-options';
export type { QueueLimits } from './pipeline/bounded-queue';
export type { RetryOptions } from './pipeline/retry-policy';
export type { CircuitBreakerOptions, CircuitState } from './pipeline/circuit-breaker';
export type { SpillOptions } from './pipeline/spill-file';
export type { FloodControlOptions, SuppressionReport } from './pipeline/flood-control';
export type { ShutdownOptions } from './pipeline/shutdown-hooks';
export type { ShedStats, ShedReason } from './pipeline/shed-stats';
export { registerTransport } from './logger/transport-registry';
export type { TransportConfig, TransportFactory } from './logger/transport-types';

export type { Sink } from './sinks/sink';
export { memorySink } from './sinks/memory-sink';
export type { MemorySink } from './sinks/memory-sink';
export { streamSink } from './sinks/stream-sink';
export type { StreamSinkOptions } from './sinks/stream-sink';
export { fileSink } from './sinks/file-sink';
export type { FileSinkOptions } from './sinks/file-sink';
export { serializeEvent, serializeBatch } from './sinks/serialize-event';

export {
  createHttpSecurity,
  RequestSecurity,
  normalizeRequest,
  DEFAULT_IGNORE_PATHS,
  defaultActorResolver,
  errorClassOf,
} from './http';
export type {
  HttpSecurity,
  HttpSecurityOptions,
  OpenOptions,
  FinishInput,
  RequestReader,
  NormalizedRequest,
  PathPattern,
  StatusSelector,
  ActorResolver,
  CorrelationRejectionReason,
} from './http';

export { formatEvent, checkFormat, lineFormatter, OUTPUT_FORMATS, isOutputFormat, ECS_VERSION, OCSF_VERSION } from './formats';
export type { OutputFormat, FormatOptions, FormattedEvent, EcsRecord, OcsfRecord, OtelLogRecord } from './formats';

export * from './taxonomy';
export * from './risk';

export { createSanitizer, sanitize, neutralize, DEFAULT_LIMITS, DEFAULT_RULES } from './sanitizer';
export type { Sanitizer, SanitizerOptions, SanitizerLimits, RedactionRule } from './sanitizer';

export * from './integrity';
export type { FileSinkIntegrityOptions } from './sinks/file-sink';

export { loadConfig, DEFAULT_CONFIG_FILE } from './config';
export type { LoadConfigOptions, SeclogConfig } from './config';
