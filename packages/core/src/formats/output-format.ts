/** The shapes a sink can write: @seclog's own, Elastic Common Schema, OCSF, or the OpenTelemetry log model. */
export type OutputFormat = 'seclog' | 'ecs' | 'ocsf' | 'otel';

export const OUTPUT_FORMATS: readonly OutputFormat[] = Object.freeze(['seclog', 'ecs', 'ocsf', 'otel']);

export function isOutputFormat(value: unknown): value is OutputFormat {
  return typeof value === 'string' && (OUTPUT_FORMATS as readonly string[]).includes(value);
}
