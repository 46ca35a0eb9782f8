import type { KeyObject } from 'node:crypto';
import { GENESIS_HASH } from './chain-hash';
import { classifyDamage, type LogEntry } from './classify-damage';
import { inspectRecord, type InspectedRecord } from './inspect-record';
import { loadCheckpoints, type LoadedCheckpoint } from './load-checkpoints';
import { orderLogFiles } from './order-log-files';
import { readLineBatches } from './read-log-lines';
import { loadPublicKey } from './signing-keys';
import type { Damage, VerifyReport } from './verify-report';

export interface VerifyLogOptions {
  /** Log files, live and rotated, plain or `.gz`, in any order. */
  files: readonly string[];
  /** Checkpoint files written by the signer or the sink. */
  checkpoints?: readonly string[];
  /** Required when `checkpoints` are given: SPKI PEM, a verifier key line, or a key object. */
  publicKey?: string | Buffer | KeyObject;
  /**
   * Accept a log whose oldest records were removed by retention: the first record is taken as the
   * start instead of requiring seq 0. Removal of the oldest files then goes unnoticed.
   */
  partial?: boolean;
}

function toEntry(record: InspectedRecord, file: string, line: number, unterminated: boolean): LogEntry {
  return { ...record, file, line, unterminated };
}

/**
 * Verifies a chained log from its files alone: every record's hash, every link, contiguous
 * sequence numbers, every checkpoint signature, each checkpoint's head against the record at its
 * size, and that the log reaches the latest checkpoint. Streams the files; stops at the first
 * damage, then reads the rest to name it (see `classifyDamage`).
 */
export async function verifyLog(options: VerifyLogOptions): Promise<VerifyReport> {
  const checkpointFiles = options.checkpoints ?? [];
  const loaded: LoadedCheckpoint[] = [];
  if (checkpointFiles.length > 0) {
    if (options.publicKey === undefined) throw new TypeError('a public key is needed to check checkpoints');
    const key = loadPublicKey(options.publicKey);
    for (const path of checkpointFiles) {
      const result = await loadCheckpoints(path, key);
      loaded.push(...result.checkpoints);
      if (result.damage) return { ok: false, files: [...options.files], records: 0, checkpoints: loaded.length, unanchored: 0, damage: result.damage };
    }
  }
  const bySize = new Map<number, LoadedCheckpoint[]>();
  let latest: LoadedCheckpoint | undefined;
  for (const checkpoint of loaded) {
    bySize.set(checkpoint.size, [...(bySize.get(checkpoint.size) ?? []), checkpoint]);
    if (!latest || checkpoint.size > latest.size) latest = checkpoint;
  }

  const files = await orderLogFiles(options.files);
  let chain: string | undefined;
  let firstSeq: number | undefined;
  let expectedSeq = options.partial ? -1 : 0;
  let expectedPrev = GENESIS_HASH;
  // The last good record, kept unwrapped: building an entry per record would double the cost of a verify.
  let previousRecord: InspectedRecord | undefined;
  let previousAt = 0;
  let previousFile = '';
  let records = 0;
  let broken: LogEntry[] | undefined;
  let lastFile = files[files.length - 1] ?? '';
  let lastLine = 0;

  const report = (damage?: Damage): VerifyReport => {
    const base: VerifyReport = {
      ok: damage === undefined,
      files,
      records,
      checkpoints: loaded.length,
      unanchored: Math.max(0, records + (firstSeq ?? 0) - (latest?.size ?? 0)),
    };
    if (chain !== undefined) base.chain = chain;
    if (firstSeq !== undefined) base.firstSeq = firstSeq;
    if (records > 0) base.lastSeq = expectedSeq - 1;
    if (latest) base.latestCheckpoint = { origin: latest.origin, size: latest.size, head: latest.head, time: latest.time };
    if (damage) base.damage = damage;
    return base;
  };

  for (const file of files) {
    try {
      for await (const batch of readLineBatches(file)) {
        const { lines, firstLine, unterminated } = batch;
        for (let i = 0; i < lines.length; i++) {
          const inspected = inspectRecord(lines[i]!);
          const line = firstLine + i;
          lastFile = file;
          lastLine = line;
          if (broken) {
            broken.push(toEntry(inspected, file, line, unterminated && i === lines.length - 1));
            continue;
          }
          if (expectedSeq === -1 && inspected.state === 'sealed') {
            // Partial log: its first record is the starting point.
            expectedSeq = inspected.seq!;
            expectedPrev = inspected.prev!;
            chain = inspected.chain;
          }
          if (
            inspected.state !== 'sealed' ||
            inspected.seq !== expectedSeq ||
            inspected.prev !== expectedPrev ||
            (chain !== undefined && inspected.chain !== chain)
          ) {
            broken = [toEntry(inspected, file, line, unterminated && i === lines.length - 1)];
            continue;
          }
          chain ??= inspected.chain;
          firstSeq ??= inspected.seq;
          const signed = bySize.size > 0 ? bySize.get(expectedSeq + 1) : undefined;
          const contradicted = signed?.find((checkpoint) => checkpoint.head !== inspected.hash);
          if (contradicted) {
            return report({
              kind: 'modified',
              file,
              line,
              seq: expectedSeq,
              detail:
                `the chain up to this record does not match the checkpoint signed for size ${contradicted.size} ` +
                `(${contradicted.file}:${contradicted.line}): this record or one before it, after the previous checkpoint, was rewritten and re-hashed`,
            });
          }
          records++;
          expectedSeq++;
          expectedPrev = inspected.hash!;
          previousRecord = inspected;
          previousAt = line;
          previousFile = file;
        }
      }
    } catch (error) {
      // Damage already found is named first; a broken stream after it adds nothing.
      if (broken) break;
      const message = (error as Error).message;
      const kind = /unexpected end/i.test(message) ? 'truncated' : 'modified';
      return report({ kind, file, line: file === lastFile ? lastLine + 1 : 1, detail: `the file cannot be read to the end: ${message}` });
    }
  }

  if (broken) {
    return report(
      classifyDamage({
        previous: previousRecord && toEntry(previousRecord, previousFile, previousAt, false),
        expectedSeq: Math.max(expectedSeq, 0),
        expectedPrev,
        chain,
        signedSize: latest?.size ?? 0,
        rest: broken,
      }),
    );
  }
  if (latest && latest.size > Math.max(expectedSeq, 0)) {
    const have = Math.max(expectedSeq, 0);
    return report({
      kind: 'truncated',
      file: lastFile,
      line: lastLine + 1,
      seq: have,
      detail: `the log ends after ${have} records but a checkpoint (${latest.file}:${latest.line}) was signed for ${latest.size}`,
    });
  }
  return report();
}
