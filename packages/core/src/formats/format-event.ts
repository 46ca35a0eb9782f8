import type { SecurityEvent } from '../event';
import { SecurityLogConfigError } from '../errors';
import type { Taxonomy } from '../taxonomy';
import { definitionOf } from './event-definition';
import { isOutputFormat, OUTPUT_FORMATS, type OutputFormat } from './output-format';
import { toEcs, type EcsRecord } from './to-ecs';
import { toOcsf, type OcsfRecord } from './to-ocsf';
import { toOtel, type OtelLogRecord } from './to-otel';

export interface FormatOptions {
  /** Where the ECS and OCSF mappings of the event's type come from. Default: the shared taxonomy. */
  taxonomy?: Taxonomy;
}

export type FormattedEvent = SecurityEvent | EcsRecord | OcsfRecord | OtelLogRecord;

/**
 * The event in another schema, as a new plain object (the `seclog` format returns the event as is).
 * Pure: no I/O, no clock; the same event always gives the same record.
 */
export function formatEvent(event: SecurityEvent, format: 'seclog', options?: FormatOptions): SecurityEvent;
export function formatEvent(event: SecurityEvent, format: 'ecs', options?: FormatOptions): EcsRecord;
export function formatEvent(event: SecurityEvent, format: 'ocsf', options?: FormatOptions): OcsfRecord;
export function formatEvent(event: SecurityEvent, format: 'otel', options?: FormatOptions): OtelLogRecord;
export function formatEvent(event: SecurityEvent, format: OutputFormat, options?: FormatOptions): FormattedEvent;
export function formatEvent(event: SecurityEvent, format: OutputFormat, options: FormatOptions = {}): FormattedEvent {
  switch (format) {
    case 'seclog':
      return event;
    case 'ecs':
      return toEcs(event, definitionOf(event, options.taxonomy));
    case 'ocsf':
      return toOcsf(event, definitionOf(event, options.taxonomy));
    case 'otel':
      return toOtel(event);
    default:
      throw invalidFormat(format, 'format');
  }
}

function invalidFormat(value: unknown, path: string): SecurityLogConfigError {
  return new SecurityLogConfigError(
    'OPTION_INVALID',
    path,
    `unknown output format ${JSON.stringify(value)}; expected one of ${OUTPUT_FORMATS.join(', ')}`,
  );
}

/** Checks a `format` option at start-up, so a typo fails there and not at the first event. */
export function checkFormat(value: unknown, path = 'format'): OutputFormat {
  if (value === undefined) return 'seclog';
  if (!isOutputFormat(value)) throw invalidFormat(value, path);
  return value;
}

/** A function from event to one JSON line in `format`; what the sinks use. */
export function lineFormatter(format: OutputFormat = 'seclog', options: FormatOptions = {}): (event: SecurityEvent) => string {
  const checked = checkFormat(format);
  if (checked === 'seclog') return (event) => JSON.stringify(event) + '\n';
  return (event) => JSON.stringify(formatEvent(event, checked, options)) + '\n';
}
