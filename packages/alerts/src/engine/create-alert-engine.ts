import type { SecurityEvent, SecurityLogger, Severity, Sink } from '@seclog/core';
import { uuidv7 } from '@seclog/core';
import { createEvaluator, DEFAULT_ALERT_TYPES } from '../evaluators/create-evaluator';
import type { Evaluator } from '../evaluators/evaluator';
import { isAlertType } from '../match/compile-match';
import { durationText, parseDuration } from '../rules/duration';
import { AlertRuleError } from '../rules/rule-error';
import type { AlertRule, Duration } from '../rules/types';
import { validateRules } from '../rules/validate-rules';
import { flatten } from '../state/flatten';
import { memoryStore, type AlertStore, type StoreStats } from '../state/store';
import type { Alert, Responder, ResponderOutcome } from './alert';
import { alertLogInput, responderLogInput, SEVERITY_SCORES } from './alert-event';
import { systemClock, type Clock } from './clock';
import { DigestCollector, type Digest } from './digest';
import { compileGrouping, type Grouping } from './group-key';
import { admit, newSuppressionState, suppressionLifetime, suppressionPolicy, type SuppressionState } from './suppression';

export type AlertHandler = (alert: Alert) => void | Promise<void>;

export interface DigestOptions {
  /** Period, e.g. `24h`. */
  every: Duration;
  handler: (digest: Digest) => void | Promise<void>;
  /** Offenders listed per rule and overall. Default 10. */
  top?: number;
}

/** Where a failure inside the engine happened; the event stream never sees these as exceptions. */
export type EngineErrorStage = 'onAlert' | 'pager' | 'digest' | 'responder' | 'logger' | 'evaluate';
export type EngineErrorHandler = (error: unknown, info: { stage: EngineErrorStage; ruleId?: string }) => void;

export interface AlertEngineOptions {
  /** Rule objects or parsed JSON (an array, or `{ rules: [...] }`); validated here. */
  rules: readonly AlertRule[] | unknown;
  /**
   * Alerts and responder results are logged back through it as `alert.*` events. A function is
   * called when the first alert is logged, so the logger can be created after the engine and be
   * given `engine.sink`.
   */
  logger?: Pick<SecurityLogger, 'log'> | (() => Pick<SecurityLogger, 'log'>);
  /** Receives every alert, whatever its severity. */
  onAlert?: AlertHandler | readonly AlertHandler[];
  /** Receives HIGH and CRITICAL alerts at once. */
  pager?: AlertHandler;
  /** Receives LOW and MEDIUM alerts as a periodic summary. */
  digest?: DigestOptions;
  /** Named automated responses that risk rules refer to by `responder`. */
  responders?: Readonly<Record<string, Responder>>;
  /** Do not run responders (replaying old logs); alerts still name them. */
  dryRun?: boolean;
  /** Default: the system clock. Drives the digest; rules go by event timestamps. */
  clock?: Clock;
  /** Makes the store of each rule. Default: `memoryStore({ maxKeys })`, one per rule. */
  store?: (rule: AlertRule) => AlertStore;
  /** Keys held per rule by the default store. Default 100 000. */
  maxKeys?: number;
  /** Risk score logged for each alert severity. Default: the lowest score of each default band. */
  severityScores?: Readonly<Record<Severity, number>>;
  /** Default: one line on stderr. */
  onError?: EngineErrorHandler;
}

export interface EngineStats {
  events: number;
  alerts: number;
  /** Findings held back by suppression. */
  suppressed: number;
  /** Events a rule matched but could not group (a groupBy field was missing). */
  ungrouped: number;
  responders: { succeeded: number; failed: number };
  errors: number;
  /** Summed over the rules' stores. */
  store: StoreStats;
}

export interface AlertEngine {
  /** Add to the logger's `sinks`. Never throws, so the logger never retries an event into double counting. */
  readonly sink: Sink;
  readonly rules: readonly AlertRule[];
  /** Evaluates one event now and returns the alerts it raised (also delivered as configured). */
  process(event: SecurityEvent): Alert[];
  /** Sends the digest collected so far, if any, and starts a new period. */
  sendDigest(): Digest | undefined;
  /** Resolves when every handler and responder started so far has finished. */
  settle(): Promise<void>;
  stats(): EngineStats;
  /** Stops the digest timer, sends the last digest, and waits for handlers and responders. */
  close(): Promise<void>;
}

interface KeyEntry {
  state: unknown;
  suppression: SuppressionState;
  expiresAt: number;
}

interface ActiveRule {
  evaluator: Evaluator;
  store: AlertStore;
  /** Index of the rule's groupBy among the distinct ones, so rules sharing one build the key once. */
  grouping: number;
  policy: ReturnType<typeof suppressionPolicy>;
  alertType: string;
  window: string;
}

/** Event types seen recently, each with the rules whose match could accept it. */
const MAX_TYPE_CACHE = 1_024;

const defaultOnError: EngineErrorHandler = (error, info) => {
  process.stderr.write(
    `[seclog/alerts] ${info.stage}${info.ruleId ? ` (rule ${info.ruleId})` : ''} failed: ${String((error as Error)?.message ?? error)}\n`,
  );
};

function handlerList(onAlert: AlertEngineOptions['onAlert']): readonly AlertHandler[] {
  if (onAlert === undefined) return [];
  return typeof onAlert === 'function' ? [onAlert] : onAlert;
}

export function createAlertEngine(options: AlertEngineOptions): AlertEngine {
  const responders = options.responders ?? {};
  const rules = validateRules(options.rules, options.dryRun ? {} : { responders: Object.keys(responders) });
  let digestEvery: number | undefined;
  if (options.digest) {
    digestEvery = parseDuration(options.digest.every);
    if (!digestEvery) throw new AlertRuleError([{ path: 'digest.every', message: 'must be a positive duration such as "24h"' }]);
  }
  const clock = options.clock ?? systemClock;
  const makeStore = options.store ?? (() => memoryStore({ maxKeys: options.maxKeys }));
  const onError = options.onError ?? defaultOnError;
  const handlers = handlerList(options.onAlert);
  const scores = options.severityScores ?? SEVERITY_SCORES;
  const logger = typeof options.logger === 'function' ? options.logger : () => options.logger as Pick<SecurityLogger, 'log'> | undefined;
  const digest = options.digest ? new DigestCollector(options.digest.top ?? 10) : undefined;

  const groupings = new Map<string, number>();
  const groupKeys: Grouping[] = [];
  const active: ActiveRule[] = rules
    .filter((rule) => rule.enabled !== false)
    .map((rule) => {
      const evaluator = createEvaluator(rule);
      const fields = rule.groupBy === undefined ? [] : ([] as string[]).concat(rule.groupBy);
      const signature = JSON.stringify(fields);
      let grouping = groupings.get(signature);
      if (grouping === undefined) {
        grouping = groupKeys.push(compileGrouping(fields)) - 1;
        groupings.set(signature, grouping);
      }
      return {
        evaluator,
        store: makeStore(rule),
        grouping,
        policy: suppressionPolicy(rule.suppress, evaluator.windowMs),
        alertType: rule.alertType ?? DEFAULT_ALERT_TYPES[rule.type],
        window: rule.type === 'anomaly' ? durationText(rule.interval) : durationText(rule.window),
      };
    });
  const byType = new Map<string, ActiveRule[]>();
  const pending = new Set<Promise<void>>();
  const counts = { events: 0, alerts: 0, suppressed: 0, ungrouped: 0, succeeded: 0, failed: 0, errors: 0 };

  function report(error: unknown, stage: EngineErrorStage, ruleId?: string): void {
    counts.errors++;
    try {
      onError(error, ruleId === undefined ? { stage } : { stage, ruleId });
    } catch {
      // A throwing error handler must not break the event stream.
    }
  }

  function track(work: () => void | Promise<void>, stage: EngineErrorStage, ruleId?: string): void {
    let result: void | Promise<void>;
    try {
      result = work();
    } catch (error) {
      report(error, stage, ruleId);
      return;
    }
    if (!(result instanceof Promise)) return;
    const done: Promise<void> = result
      .catch((error: unknown) => report(error, stage, ruleId))
      .finally(() => pending.delete(done));
    pending.add(done);
  }

  /** Rules that could match this type; an alert type only reaches rules that name `alert.*` types. */
  function candidates(eventType: string): ActiveRule[] {
    let list = byType.get(eventType);
    if (list) return list;
    const alert = isAlertType(eventType);
    list = active.filter(({ evaluator }) => (!alert || evaluator.namesAlerts) && evaluator.acceptsType(eventType));
    if (byType.size >= MAX_TYPE_CACHE) byType.clear();
    byType.set(eventType, list);
    return list;
  }

  function runResponder(alert: Alert, name: string): void {
    const responder = responders[name]!;
    track(
      async () => {
        let result: ResponderOutcome;
        try {
          await responder(alert);
          result = { alert, responder: name, outcome: 'success' };
          counts.succeeded++;
        } catch (error) {
          result = { alert, responder: name, outcome: 'failure', error: String((error as Error)?.message ?? error) };
          counts.failed++;
        }
        logger()?.log(responderLogInput(result, scores));
      },
      'responder',
      alert.ruleId,
    );
  }

  function deliver(alert: Alert): void {
    for (const handler of handlers) track(() => handler(alert), 'onAlert', alert.ruleId);
    if (alert.severity === 'HIGH' || alert.severity === 'CRITICAL') {
      if (options.pager) track(() => options.pager!(alert), 'pager', alert.ruleId);
    } else {
      digest?.add(alert);
    }
    if (options.logger) track(() => void logger()?.log(alertLogInput(alert, scores)), 'logger', alert.ruleId);
    if (alert.responder?.mode === 'run') runResponder(alert, alert.responder.name);
  }

  /** Group keys of the event being processed, per distinct groupBy; built on first use. */
  const keysOfEvent: (string | null | undefined)[] = [];

  function evaluate(rule: ActiveRule, event: SecurityEvent, at: number): Alert | undefined {
    const { evaluator, store } = rule;
    if (!evaluator.matches(event)) return undefined;
    // An alert never feeds the rule that raised it, even when the rule names alert types.
    if (isAlertType(event.event_type) && event.metadata?.rule_id === evaluator.rule.id) return undefined;
    let key = keysOfEvent[rule.grouping];
    if (key === undefined) {
      key = groupKeys[rule.grouping]!.key(event) ?? null;
      keysOfEvent[rule.grouping] = key;
    }
    if (key === null) {
      counts.ungrouped++;
      return undefined;
    }
    let entry = store.get<KeyEntry>(key, at);
    const added = entry === undefined;
    entry ??= { state: evaluator.create(), suppression: newSuppressionState(), expiresAt: 0 };
    const finding = evaluator.observe(entry.state, event, at, key);
    let alert: Alert | undefined;
    if (finding) {
      const held = entry.suppression.held;
      if (admit(rule.policy, entry.suppression, at)) {
        entry.suppression.held = 0;
        evaluator.fired(entry.state);
        const { rule: config } = evaluator;
        const responder = config.type === 'risk' ? config.responder : undefined;
        alert = {
          id: uuidv7(at),
          ruleId: config.id,
          ruleType: config.type,
          alertType: rule.alertType,
          severity: config.severity,
          key,
          group: groupKeys[rule.grouping]!.group(event),
          timestamp: new Date(at).toISOString(),
          reason: finding.reason,
          threshold: finding.threshold,
          windowMs: finding.windowMs,
          window: rule.window,
          firstEventId: finding.firstEventId,
          lastEventId: finding.lastEventId,
          suppressed: held,
          actor: event.actor,
          correlationId: event.correlation_id,
        };
        if (config.description !== undefined) alert.description = config.description;
        if (finding.count !== undefined) alert.count = finding.count;
        if (finding.distinct !== undefined) alert.distinct = finding.distinct;
        if (finding.sum !== undefined) alert.sum = finding.sum;
        if (finding.details) alert.details = finding.details;
        if (responder) alert.responder = { name: responder, mode: options.dryRun ? 'dry-run' : 'run' };
      } else {
        counts.suppressed++;
      }
    }
    const lifetime = Math.max(evaluator.lifetimeMs(entry.state), suppressionLifetime(rule.policy, entry.suppression, at));
    entry.expiresAt = at + lifetime;
    if (added) store.add(key, entry, at);
    return alert;
  }

  function processEvent(event: SecurityEvent): Alert[] {
    counts.events++;
    const rulesForType = candidates(event.event_type);
    if (rulesForType.length === 0) return [];
    // Rules keep the id of events they count for their window: keep it compact.
    flatten(event.event_id);
    const parsed = Date.parse(event.timestamp);
    const at = Number.isNaN(parsed) ? clock.now() : parsed;
    let raised: Alert[] | undefined;
    keysOfEvent.fill(undefined);
    for (const rule of rulesForType) {
      try {
        const alert = evaluate(rule, event, at);
        if (alert) (raised ??= []).push(alert);
      } catch (error) {
        report(error, 'evaluate', rule.evaluator.rule.id);
      }
    }
    if (!raised) return [];
    counts.alerts += raised.length;
    for (const alert of raised) deliver(alert);
    return raised;
  }

  let periodStart = clock.now();
  let cancelTimer: (() => void) | undefined;
  function sendDigest(): Digest | undefined {
    const now = clock.now();
    const summary = digest?.take(periodStart, now);
    periodStart = now;
    if (summary) track(() => options.digest!.handler(summary), 'digest');
    return summary;
  }
  function schedule(): void {
    cancelTimer = clock.setTimer(digestEvery!, () => {
      sendDigest();
      schedule();
    });
  }
  if (digestEvery) schedule();

  async function settle(): Promise<void> {
    while (pending.size > 0) await Promise.all(pending);
  }

  let closed = false;
  async function close(): Promise<void> {
    if (closed) return settle();
    closed = true;
    cancelTimer?.();
    sendDigest();
    await settle();
  }

  const sink: Sink = {
    name: 'alerts',
    write(event) {
      processEvent(event);
    },
    writeBatch(events) {
      for (const event of events) processEvent(event);
    },
    flush: settle,
    close,
  };

  return {
    sink,
    rules,
    process: processEvent,
    sendDigest,
    settle,
    close,
    stats: () => ({
      events: counts.events,
      alerts: counts.alerts,
      suppressed: counts.suppressed,
      ungrouped: counts.ungrouped,
      responders: { succeeded: counts.succeeded, failed: counts.failed },
      errors: counts.errors,
      store: active.reduce(
        (total, rule) => {
          const stats = rule.store.stats();
          return { keys: total.keys + stats.keys, evicted: total.evicted + stats.evicted, expired: total.expired + stats.expired };
        },
        { keys: 0, evicted: 0, expired: 0 },
      ),
    }),
  };
}
