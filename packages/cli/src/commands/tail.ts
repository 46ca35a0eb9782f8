import { parseArgs } from 'node:util';
import { open, stat } from 'node:fs/promises';
import { readLineBatches, SEVERITIES, type Severity } from '@seclog/core';
import { EXIT_OK, UsageError, write, type CliIo } from '../cli-io';
import { asUsageError } from '../parse-options';
import { matches, prettyEvent, typePattern, type EventFilter } from '../pretty-event';

const POLL_MS = 250;

/** `seclog tail FILE`: the last records, pretty and colourised, filtered; `--follow` keeps reading. */
export async function tail(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        severity: { type: 'string' },
        type: { type: 'string' },
        lines: { type: 'string', short: 'n' },
        follow: { type: 'boolean', short: 'f' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    }),
  );
  if (positionals.length !== 1) throw new UsageError('name one log file');
  const file = positionals[0]!;
  const severity = values.severity?.toUpperCase();
  if (severity !== undefined && !SEVERITIES.includes(severity as Severity)) {
    throw new UsageError(`--severity must be one of ${SEVERITIES.join(', ')}`);
  }
  const count = values.lines === undefined ? 20 : values.lines === 'all' ? Infinity : Number(values.lines);
  if (!(count >= 0) || (count !== Infinity && !Number.isInteger(count))) throw new UsageError('--lines must be a whole number or "all"');
  if (values.follow && file.endsWith('.gz')) throw new UsageError('--follow works on the live file, not a rotated .gz');
  const filter: EventFilter = {
    ...(severity ? { minSeverity: severity as Severity } : {}),
    ...(values.type ? { type: typePattern(values.type) } : {}),
  };
  const colour = values['no-color'] ? false : values.color === true || (io.stdout.isTTY === true && !io.env.NO_COLOR);

  const show = (line: string): string | undefined => {
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return line.trim() === '' ? undefined : '[not a JSON record]';
    }
    if (record === null || typeof record !== 'object' || !matches(record, filter)) return undefined;
    return values.json ? line : prettyEvent(record, colour);
  };

  let kept: string[] = [];
  try {
    for await (const batch of readLineBatches(file)) {
      for (const line of batch.lines) {
        const shown = show(line);
        if (shown === undefined || count === 0) continue;
        kept.push(shown);
        if (kept.length > count * 2 + 1000) kept = kept.slice(-count);
      }
    }
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  for (const line of count === Infinity ? kept : kept.slice(kept.length - count)) write(io.stdout, line);
  if (!values.follow) return EXIT_OK;
  await follow(file, (line) => {
    const shown = show(line);
    if (shown !== undefined) write(io.stdout, shown);
  }, io.signal);
  return EXIT_OK;
}

/** Polls the live file for appended lines; starts over when it was rotated away (shrank or replaced). */
async function follow(file: string, onLine: (line: string) => void, signal: AbortSignal | undefined): Promise<void> {
  let info = await stat(file);
  let offset = info.size;
  let carry = '';
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
  });
  let done = false;
  void stopped.then(() => (done = true));
  while (!done) {
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, POLL_MS))]);
    if (done) break;
    const now = await stat(file).catch(() => undefined);
    if (!now) continue;
    if (now.ino !== info.ino || now.size < offset) {
      offset = 0;
      carry = '';
    }
    info = now;
    if (now.size === offset) continue;
    const fh = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(now.size - offset);
      await fh.read(buffer, 0, buffer.length, offset);
      offset = now.size;
      const lines = (carry + buffer.toString('utf8')).split('\n');
      carry = lines.pop()!;
      for (const line of lines) onLine(line);
    } finally {
      await fh.close();
    }
  }
}
