import { SecurityLogConfigError } from '../errors';
import type { Severity } from '../event';

/** Lowest risk score of each severity above LOW; scores below `medium` are LOW. */
export interface SeverityBands {
  critical: number;
  high: number;
  medium: number;
}

/** `risk >= 9` CRITICAL, `>= 7` HIGH, `>= 4` MEDIUM, else LOW. */
export const DEFAULT_SEVERITY_BANDS: Readonly<SeverityBands> = Object.freeze({ critical: 9, high: 7, medium: 4 });

/**
 * Throws `SecurityLogConfigError` `OPTION_INVALID` unless `0 < medium < high < critical <= 10`, so
 * that all four severities stay reachable.
 */
export function validateSeverityBands(bands: SeverityBands, path = 'risk.bands'): void {
  const b = bands as Partial<SeverityBands> | null;
  const ok =
    typeof b === 'object' &&
    b !== null &&
    typeof b.medium === 'number' &&
    typeof b.high === 'number' &&
    typeof b.critical === 'number' &&
    b.medium > 0 &&
    b.medium < b.high &&
    b.high < b.critical &&
    b.critical <= 10;
  if (!ok) {
    throw new SecurityLogConfigError(
      'OPTION_INVALID',
      path,
      'severity bands must be numbers with 0 < medium < high < critical <= 10',
    );
  }
}

/** The severity of a risk score. Throws `RangeError` for a score that is not a finite number. */
export function severityFromScore(score: number, bands: SeverityBands = DEFAULT_SEVERITY_BANDS): Severity {
  if (typeof score !== 'number' || !Number.isFinite(score)) {
    throw new RangeError(`risk score must be a finite number, got ${typeof score === 'number' ? score : typeof score}`);
  }
  if (bands !== DEFAULT_SEVERITY_BANDS) validateSeverityBands(bands);
  if (score >= bands.critical) return 'CRITICAL';
  if (score >= bands.high) return 'HIGH';
  if (score >= bands.medium) return 'MEDIUM';
  return 'LOW';
}
