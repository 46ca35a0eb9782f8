export { scoreRisk, createRiskScorer, DEFAULT_RISK_WEIGHTS } from './score-risk';
export type { RiskInput, RiskOptions, RiskResult, RiskScorer, RiskWeights } from './score-risk';
export { severityFromScore, validateSeverityBands, DEFAULT_SEVERITY_BANDS } from './severity';
export type { SeverityBands } from './severity';
export { DEFAULT_PRIVILEGED_TARGETS } from './privileged-target';
export { DEFAULT_SIGNAL_WEIGHTS, DEFAULT_UNKNOWN_SIGNAL_WEIGHT, MAX_SIGNALS } from './signals';
export type { OffHoursWindow } from './off-hours';
