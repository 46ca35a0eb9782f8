import type { Writable } from 'node:stream';

/** Where a command writes and what stops a long-running one; `process` by default. */
export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  env: Record<string, string | undefined>;
  /** Ends `signer` and `tail --follow`. */
  signal?: AbortSignal;
}

/** Exit codes: 0 intact/ok, 1 damage found, 2 the command itself was wrong. */
export const EXIT_OK = 0;
export const EXIT_DAMAGED = 1;
export const EXIT_USAGE = 2;

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function write(stream: Writable, text: string): void {
  stream.write(text.endsWith('\n') ? text : text + '\n');
}
