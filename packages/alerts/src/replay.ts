import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { OUTCOMES, type SecurityEvent, type SecurityLogger } from '@seclog/core';
import type { Alert } from './engine/alert';
import { manualClock } from './engine/clock';
import { createAlertEngine, type AlertEngine, type EngineStats } from './engine/create-alert-engine';
import type { Digest } from './engine/digest';
import type { AlertRule, Duration } from './rules/types';
import { validateRules } from './rules/validate-rules';

export interface ReplayOptions {
  /** Rule objects or parsed JSON; see `loadRules` for JSON text. */
  rules: readonly AlertRule[] | unknown;
  /** Also build digests of LOW/MEDIUM alerts over the replayed time, e.g. `24h`. */
  digestEvery?: Duration;
  /** Log the alerts back through this logger (off by default: a replay only reports). */
  logger?: Pick<SecurityLogger, 'log'>;
}

export interface InvalidLine {
  /** 1-based. */
  line: number;
  error: string;
}

export interface ReplayResult {
  /** Every alert, in the order raised. */
  alerts: Alert[];
  digests: Digest[];
  /** Events evaluated. */
  events: number;
  /** Lines that were not `seclog/1` events; they are reported, never silently skipped. */
  invalid: InvalidLine[];
  stats: EngineStats | undefined;
}

const MAX_LINE = 1024 * 1024;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Why a parsed line cannot be evaluated as an event, or undefined when it can. */
function eventProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not a JSON object';
  if (typeof value.event_type !== 'string') return 'event_type is missing';
  if (typeof value.event_id !== 'string') return 'event_id is missing';
  if (typeof value.timestamp !== 'string' || Number.isNaN(Date.parse(value.timestamp))) return 'timestamp is missing or invalid';
  if (!OUTCOMES.includes(value.outcome as never)) return 'outcome is missing or invalid';
  if (!isObject(value.actor) || typeof value.actor.id !== 'string') return 'actor.id is missing';
  if (typeof value.risk_score !== 'number') return 'risk_score is missing';
  if (value.metadata !== undefined && !isObject(value.metadata)) return 'metadata is not an object';
  return undefined;
}

/**
 * Runs stored events (one JSON object per line, as the file sink writes them) through the rules,
 * with time taken from the events: what `seclog replay FILE --rules RULES` prints. Responders are
 * not run (dry run); they are named in the alerts.
 */
export async function replayEvents(lines: AsyncIterable<string> | Iterable<string>, options: ReplayOptions): Promise<ReplayResult> {
  const rules = validateRules(options.rules);
  const result: ReplayResult = { alerts: [], digests: [], events: 0, invalid: [], stats: undefined };
  let engine: AlertEngine | undefined;
  let clock: ReturnType<typeof manualClock> | undefined;
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    if (line.length > MAX_LINE) {
      result.invalid.push({ line: number, error: `longer than ${MAX_LINE} characters` });
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      result.invalid.push({ line: number, error: `not JSON: ${(error as Error).message}` });
      continue;
    }
    const problem = eventProblem(parsed);
    if (problem) {
      result.invalid.push({ line: number, error: problem });
      continue;
    }
    const event = parsed as SecurityEvent;
    if (event.metadata === undefined) (event as { metadata: object }).metadata = {};
    const at = Date.parse(event.timestamp);
    if (!engine || !clock) {
      clock = manualClock(at);
      engine = createAlertEngine({
        rules,
        clock,
        dryRun: true,
        logger: options.logger,
        onAlert: (alert) => void result.alerts.push(alert),
        digest: options.digestEvery === undefined ? undefined : { every: options.digestEvery, handler: (digest) => void result.digests.push(digest) },
      });
    }
    clock.set(at);
    engine.process(event);
    result.events++;
  }
  if (engine) {
    await engine.close();
    result.stats = engine.stats();
  }
  return result;
}

/** `replayEvents` over a file written by `fileSink` (one event per line). */
export async function replayFile(path: string, options: ReplayOptions): Promise<ReplayResult> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    return await replayEvents(lines, options);
  } finally {
    lines.close();
    input.destroy();
  }
}
