export { createAlertEngine } from './engine/create-alert-engine';
export type {
  AlertEngine,
  AlertEngineOptions,
  AlertHandler,
  DigestOptions,
  EngineStats,
  EngineErrorHandler,
  EngineErrorStage,
} from './engine/create-alert-engine';
export type { Alert, Responder, ResponderOutcome } from './engine/alert';
export type { Digest, DigestRule, DigestOffender } from './engine/digest';
export { systemClock, manualClock } from './engine/clock';
export type { Clock, ManualClock } from './engine/clock';
export { SEVERITY_SCORES } from './engine/alert-event';
export { DEFAULT_ALERT_TYPES } from './evaluators/create-evaluator';

export { validateRules, loadRules } from './rules/validate-rules';
export type { ValidateOptions } from './rules/validate-rules';
export { AlertRuleError } from './rules/rule-error';
export type { RuleIssue } from './rules/rule-error';
export { formatDuration } from './rules/duration';
// The duration syntax is core's, so that rules and file-sink options read alike.
export { parseDuration } from '@seclog/core';
export type {
  AlertRule,
  RuleType,
  ThresholdRule,
  RiskRule,
  AnomalyRule,
  SequenceRule,
  SequenceStep,
  Match,
  FieldCondition,
  CountCondition,
  Suppression,
  Duration,
  EwmaBaseline,
  MadBaseline,
} from './rules/types';

export { memoryStore } from './state/store';
export type { AlertStore, StoredEntry, StoreStats, MemoryStoreOptions } from './state/store';

export { replayEvents, replayFile } from './replay';
export type { ReplayOptions, ReplayResult, InvalidLine } from './replay';
