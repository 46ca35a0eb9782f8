export { formatEvent, checkFormat, lineFormatter } from './format-event';
export type { FormatOptions, FormattedEvent } from './format-event';
export { OUTPUT_FORMATS, isOutputFormat } from './output-format';
export type { OutputFormat } from './output-format';
export { ECS_VERSION } from './to-ecs';
export type { EcsRecord } from './to-ecs';
export { OCSF_VERSION } from './to-ocsf';
export type { OcsfRecord } from './to-ocsf';
export type { OtelLogRecord } from './to-otel';
