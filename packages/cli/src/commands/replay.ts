import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { readLineBatches } from '@seclog/core';
import type * as Alerts from '@seclog/alerts';
import { EXIT_OK, UsageError, write, type CliIo } from '../cli-io';
import { asUsageError, requireString } from '../parse-options';

async function* linesOf(file: string): AsyncGenerator<string> {
  for await (const batch of readLineBatches(file)) yield* batch.lines;
}

/** `seclog replay FILE --rules RULES`: runs a stored log through @seclog/alerts rules, responders not run. */
export async function replay(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        rules: { type: 'string' },
        digest: { type: 'string' },
        json: { type: 'boolean' },
      },
    }),
  );
  if (positionals.length !== 1) throw new UsageError('name one log file to replay');
  const rulesPath = requireString(values.rules, '--rules');
  let alerts: typeof Alerts;
  try {
    alerts = await import('@seclog/alerts');
  } catch {
    throw new UsageError('seclog replay needs @seclog/alerts: npm install @seclog/alerts');
  }
  let rules;
  try {
    rules = alerts.loadRules(await readFile(rulesPath, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot use the rules in ${rulesPath}: ${(error as Error).message}`);
  }
  const file = positionals[0]!;
  let result;
  try {
    result = await alerts.replayEvents(linesOf(file), { rules, ...(values.digest ? { digestEvery: values.digest as `${number}h` } : {}) });
  } catch (error) {
    throw new UsageError(`cannot replay ${file}: ${(error as Error).message}`);
  }
  if (values.json) {
    write(io.stdout, JSON.stringify({ events: result.events, alerts: result.alerts, digests: result.digests, invalid: result.invalid }));
  } else {
    for (const alert of result.alerts) {
      write(io.stdout, `${alert.timestamp} ${alert.severity.padEnd(8)} ${alert.ruleId} ${alert.key}: ${alert.reason}`);
    }
    write(io.stdout, `${result.events} events replayed, ${result.alerts.length} alert(s), ${result.digests.length} digest(s)`);
  }
  for (const bad of result.invalid) write(io.stderr, `${file}:${bad.line}: skipped, ${bad.error}`);
  return EXIT_OK;
}
