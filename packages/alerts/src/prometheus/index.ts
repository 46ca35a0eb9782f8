export { createSecurityMetrics } from './security-metrics';
export type { SecurityMetrics, SecurityMetricsOptions } from './security-metrics';
export { generatePrometheusRules } from './prometheus-rules';
export type { PrometheusRulesOptions, PrometheusRulesResult } from './prometheus-rules';
