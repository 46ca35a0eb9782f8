import type { Severity } from '../event';

/** OCSF `severity_id` (2 Low … 5 Critical); ECS `event.severity` uses the same numbers. */
export const SEVERITY_ID: Readonly<Record<Severity, number>> = Object.freeze({ LOW: 2, MEDIUM: 3, HIGH: 4, CRITICAL: 5 });

/** OCSF `risk_level_id` (1 Low … 4 Critical). */
export const RISK_LEVEL_ID: Readonly<Record<Severity, number>> = Object.freeze({ LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 });

/** Title-case names, as OCSF captions and OTel severity text use. */
export const SEVERITY_CAPTION: Readonly<Record<Severity, string>> = Object.freeze({
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  CRITICAL: 'Critical',
});

/** OTel `SeverityNumber`: INFO, WARN, ERROR, FATAL. */
export const OTEL_SEVERITY_NUMBER: Readonly<Record<Severity, number>> = Object.freeze({ LOW: 9, MEDIUM: 13, HIGH: 17, CRITICAL: 21 });
