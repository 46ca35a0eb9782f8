import type { Severity } from '../../../src';

/** Caller risk scores that land in each default severity band. */
export const RISK_FOR: Readonly<Record<Severity, number>> = { LOW: 1, MEDIUM: 5, HIGH: 7.5, CRITICAL: 9.5 };

export const SEVERITY_CYCLE: readonly Severity[] = ['LOW', 'MEDIUM', 'LOW', 'HIGH', 'LOW', 'MEDIUM', 'CRITICAL', 'LOW'];

export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
