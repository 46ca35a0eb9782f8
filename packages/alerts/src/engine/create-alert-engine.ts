import { parseDuration, uuidv7, type SecurityEvent, type SecurityLogger, type Severity, type Sink } from '@seclog/core';
import { EventFields } from '../match/event-fields';
import { AlertRuleError } from '../rules/rule-error';
import type { AlertRule, Duration } from '../rules/types';
import { validateRules } from '../rules/validate-rules';
import type { AlertStore, StoreStats } from '../state/store';
import { activateRule, type ActiveRule } from './active-rule';
import type { Alert, Responder, ResponderOutcome } from './alert';
import { alertLogInput, responderLogInput, SEVERITY_SCORES } from './alert-event';
import { systemClock, type Clock } from './clock';
import { DigestCollector, type Digest } from './digest';
import { eventTimeParser } from './event-time';
import { KeyEntry } from './key-entry';
import { ruleDispatch } from './rule-dispatch';
import { groupedStates, storeState } from './rule-state';
import { admit, suppressionEnd } from './suppression';

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
  /**
   * Makes the store of each rule. Default: the engine's own memory, bounded per rule as
   * `memoryStore({ maxKeys })` is, with rules keyed by the same field sharing lookups.
   */
  store?: (rule: AlertRule) => AlertStore;
  /** Keys held per rule by the default state. Default 100 000. */
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
  const { store } = options;
  const grouped = store ? undefined : groupedStates(options.maxKeys ?? 100_000);
  const onError = options.onError ?? defaultOnError;
  const handlers = handlerList(options.onAlert);
  const scores = options.severityScores ?? SEVERITY_SCORES;
  const logger = typeof options.logger === 'function' ? options.logger : () => options.logger as Pick<SecurityLogger, 'log'> | undefined;
  const digest = options.digest ? new DigestCollector(options.digest.top ?? 10) : undefined;

  const fields = new EventFields();
  const active: ActiveRule[] = rules
    .filter((rule) => rule.enabled !== false)
    .map((rule) => activateRule(rule, fields, grouped !== undefined, grouped ?? (() => storeState(store!(rule)))));
  const dispatch = ruleDispatch(active);
  const eventTime = eventTimeParser();
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

  function raise(rule: ActiveRule, entry: KeyEntry, event: SecurityEvent, at: number): Alert {
    const { evaluator, grouping } = rule;
    const { rule: config } = evaluator;
    const held = entry.held;
    entry.held = 0;
    const key = grouping.key(event)!;
    const finding = evaluator.finding(entry.state, event, key);
    evaluator.fired(entry.state);
    const alert: Alert = {
      id: uuidv7(at),
      ruleId: config.id,
      ruleType: config.type,
      alertType: rule.alertType,
      severity: config.severity,
      key,
      group: grouping.group(event),
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
    if (config.type === 'risk' && config.responder) alert.responder = { name: config.responder, mode: options.dryRun ? 'dry-run' : 'run' };
    return alert;
  }

  /**
   * One rule on one event: the work per event of the whole engine. A finding held back by
   * suppression allocates nothing; words and objects are made only for an alert.
   */
  function evaluate(rule: ActiveRule, mask: number, event: SecurityEvent): Alert | undefined {
    const { evaluator, state } = rule;
    const matched = evaluator.match(event, fields, mask);
    if (matched === 0) return undefined;
    const key = fields.get(rule.keyField) as string | undefined;
    if (key === undefined) {
      counts.ungrouped++;
      return undefined;
    }
    const { at, turn } = fields;
    let entry = state.get(key, at, turn);
    const added = entry === undefined;
    entry ??= new KeyEntry(evaluator.create());
    let alert: Alert | undefined;
    if (evaluator.observe(entry.state, fields, matched)) {
      if (admit(rule.policy, entry, at)) {
        entry.holdEnd = suppressionEnd(rule.policy, entry);
        alert = raise(rule, entry, event, at);
      } else {
        counts.suppressed++;
      }
    }
    entry.expiresAt = Math.max(at + evaluator.lifetimeMs, entry.holdEnd);
    if (added) state.add(key, entry, at, turn);
    return alert;
  }

  function evaluateEvent(event: SecurityEvent): Alert[] | undefined {
    counts.events++;
    const plan = dispatch(event.event_type);
    const { candidates } = plan;
    if (candidates.length === 0) return undefined;
    const parsed = eventTime(event.timestamp);
    fields.reset(event, Number.isNaN(parsed) ? clock.now() : parsed);
    // An alert never feeds the rule that raised it, even when the rule names alert types.
    const raisedBy = plan.alert ? event.metadata?.rule_id : undefined;
    let raised: Alert[] | undefined;
    for (let index = 0; index < candidates.length; index++) {
      const { rule, mask } = candidates[index]!;
      if (raisedBy !== undefined && raisedBy === rule.evaluator.rule.id) continue;
      try {
        const alert = evaluate(rule, mask, event);
        if (alert) (raised ??= []).push(alert);
      } catch (error) {
        report(error, 'evaluate', rule.evaluator.rule.id);
      }
    }
    if (!raised) return undefined;
    counts.alerts += raised.length;
    for (const alert of raised) deliver(alert);
    return raised;
  }

  const processEvent = (event: SecurityEvent): Alert[] => evaluateEvent(event) ?? [];

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
      evaluateEvent(event);
    },
    writeBatch(events) {
      for (let index = 0; index < events.length; index++) evaluateEvent(events[index]!);
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
          const stats = rule.state.stats();
          return { keys: total.keys + stats.keys, evicted: total.evicted + stats.evicted, expired: total.expired + stats.expired };
        },
        { keys: 0, evicted: 0, expired: 0 },
      ),
    }),
  };
}
