import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { chainHash } from '../../src/integrity/chain-hash';
import type { DamageKind } from '../../src/integrity/verify-report';
import { readLogLines, type ChainedLog } from './chained-log';

/** One way an intruder can damage a log; positions index the records across all files in chain order. */
export type Tamper =
  | { op: 'modify'; at: number }
  | { op: 'modify-rehash'; at: number }
  | { op: 'rewrite-from'; at: number }
  | { op: 'delete'; at: number }
  | { op: 'insert-copy'; at: number; from: number }
  | { op: 'insert-line'; at: number; text: string }
  | { op: 'swap'; at: number; with: number }
  | { op: 'move'; from: number; to: number }
  | { op: 'truncate'; count: number }
  | { op: 'cut-last-line'; keep: number }
  | { op: 'bad-signature'; checkpoint: number; how: 'text' | 'signature' };

export interface Expected {
  kind: DamageKind;
  /** Basename of the file the verifier must name. */
  file: string;
  line: number;
}

export interface TamperedLog {
  /** The directory holding the tampered copy; remove it when done. */
  dir: string;
  files: string[];
  checkpoints: string;
  expected: Expected;
}

interface Placed {
  text: string;
  file: number;
}

type Rec = { message: string; integrity: { prev: string; hash: string } };

const changed = (line: string): Rec => {
  const record = JSON.parse(line) as Rec;
  record.message += ' (edited)';
  return record;
};

/** Lines an intruder might add that are not records of this chain. */
const foreignLine = fc.oneof(
  fc.string({ maxLength: 40 }).filter((s) => !s.includes('\n') && !s.includes('\r')),
  fc.constant(JSON.stringify({ schema: 'seclog/1', event_type: 'auth.login_success', message: 'all fine' })),
  fc.constant('{"integrity":{"chain":"x","seq":1,"prev":"00","hash":"11"}}'),
);

export function tamperArbitrary(log: ChainedLog): fc.Arbitrary<Tamper> {
  const n = log.lines.flat().length;
  const at = fc.integer({ min: 0, max: n - 1 });
  return fc.oneof(
    at.map((i) => ({ op: 'modify' as const, at: i })),
    at.map((i) => ({ op: 'modify-rehash' as const, at: i })),
    at.map((i) => ({ op: 'rewrite-from' as const, at: i })),
    at.map((i) => ({ op: 'delete' as const, at: i })),
    fc.record({ at: fc.integer({ min: 0, max: n }), from: at }).map((t) => ({ op: 'insert-copy' as const, ...t })),
    fc.record({ at: fc.integer({ min: 0, max: n }), text: foreignLine }).map((t) => ({ op: 'insert-line' as const, ...t })),
    fc
      .uniqueArray(at, { minLength: 2, maxLength: 2 })
      .map(([a, b]) => ({ op: 'swap' as const, at: Math.min(a!, b!), with: Math.max(a!, b!) })),
    fc
      .tuple(at, fc.integer({ min: 0, max: n - 2 }))
      .filter(([from, to]) => from !== to)
      .map(([from, to]) => ({ op: 'move' as const, from, to })),
    fc.integer({ min: 1, max: n }).map((count) => ({ op: 'truncate' as const, count })),
    fc.integer({ min: 1, max: 200 }).map((keep) => ({ op: 'cut-last-line' as const, keep })),
    fc
      .record({ checkpoint: fc.integer({ min: 0, max: log.checkpointSizes.length - 1 }), how: fc.constantFrom('text' as const, 'signature' as const) })
      .map((t) => ({ op: 'bad-signature' as const, ...t })),
  );
}

function locate(placed: Placed[], files: string[], index: number): { file: string; line: number } {
  const target = placed[index]!;
  let line = 0;
  for (let i = 0; i <= index; i++) if (placed[i]!.file === target.file) line++;
  return { file: basename(files[target.file]!), line };
}

function endOfLog(placed: Placed[], files: string[]): { file: string; line: number } {
  if (placed.length === 0) return { file: basename(files[files.length - 1]!), line: 1 };
  const last = placed[placed.length - 1]!;
  return { file: basename(files[last.file]!), line: placed.filter((p) => p.file === last.file).length + 1 };
}

/** Applies `tamper` to a copy of the log in a new directory and says what the verifier must report. */
export async function applyTamper(log: ChainedLog, tamper: Tamper): Promise<TamperedLog> {
  const placed: Placed[] = log.lines.flatMap((lines, file) => lines.map((text) => ({ text, file })));
  const n = placed.length;
  let checkpointLines = readLogLines(log.checkpointsPath);
  let cutLast: number | undefined;
  let expected: Expected;
  const insertAt = (index: number, text: string) => {
    const file = index < placed.length ? placed[index]!.file : placed[placed.length - 1]?.file ?? log.files.length - 1;
    placed.splice(index, 0, { text, file });
  };

  switch (tamper.op) {
    case 'modify':
      placed[tamper.at]!.text = JSON.stringify(changed(placed[tamper.at]!.text));
      expected = { kind: 'modified', ...locate(placed, log.files, tamper.at) };
      break;
    case 'modify-rehash': {
      const record = changed(placed[tamper.at]!.text);
      record.integrity.hash = chainHash(record, record.integrity.prev);
      placed[tamper.at]!.text = JSON.stringify(record);
      expected = { kind: 'modified', ...locate(placed, log.files, tamper.at) };
      break;
    }
    case 'rewrite-from': {
      let prev: string | undefined;
      for (let i = tamper.at; i < n; i++) {
        const record = i === tamper.at ? changed(placed[i]!.text) : (JSON.parse(placed[i]!.text) as Rec);
        if (prev !== undefined) record.integrity.prev = prev;
        record.integrity.hash = chainHash(record, record.integrity.prev);
        prev = record.integrity.hash;
        placed[i]!.text = JSON.stringify(record);
      }
      // Undetectable by links; the first checkpoint past the change gives it away.
      const size = Math.min(...log.checkpointSizes.filter((s) => s > tamper.at));
      expected = { kind: 'modified', ...locate(placed, log.files, size - 1) };
      break;
    }
    case 'delete':
      placed.splice(tamper.at, 1);
      expected = tamper.at === n - 1 ? { kind: 'truncated', ...endOfLog(placed, log.files) } : { kind: 'deleted', ...locate(placed, log.files, tamper.at) };
      break;
    case 'insert-copy':
      insertAt(tamper.at, placed[tamper.from]!.text);
      // A copy placed right before its original is indistinguishable from it; the second one is the extra.
      expected = { kind: 'inserted', ...locate(placed, log.files, tamper.from === tamper.at ? tamper.at + 1 : tamper.at) };
      break;
    case 'insert-line':
      insertAt(tamper.at, tamper.text);
      expected = { kind: 'inserted', ...locate(placed, log.files, tamper.at) };
      break;
    case 'swap': {
      const first = placed[tamper.at]!.text;
      placed[tamper.at]!.text = placed[tamper.with]!.text;
      placed[tamper.with]!.text = first;
      expected = { kind: 'reordered', ...locate(placed, log.files, tamper.at) };
      break;
    }
    case 'move': {
      const [moved] = placed.splice(tamper.from, 1);
      insertAt(tamper.to, moved!.text);
      expected = { kind: 'reordered', ...locate(placed, log.files, Math.min(tamper.from, tamper.to)) };
      break;
    }
    case 'truncate':
      placed.splice(n - tamper.count, tamper.count);
      expected = { kind: 'truncated', ...endOfLog(placed, log.files) };
      break;
    case 'cut-last-line': {
      const last = placed[n - 1]!;
      last.text = last.text.slice(0, Math.min(tamper.keep, last.text.length - 1));
      cutLast = last.file;
      expected = { kind: 'truncated', ...locate(placed, log.files, n - 1) };
      break;
    }
    case 'bad-signature': {
      const lines = await checkpointLines;
      const entry = JSON.parse(lines[tamper.checkpoint]!) as { note: string };
      entry.note =
        tamper.how === 'text'
          ? entry.note.replace(/\n(\d+)\n/, (_, size: string) => `\n${Number(size) + 1}\n`)
          : entry.note.replace(/ (\S)(\S*)\n$/, (_, c: string, rest: string) => ` ${c === 'A' ? 'B' : 'A'}${rest}\n`);
      lines[tamper.checkpoint] = JSON.stringify(entry);
      checkpointLines = Promise.resolve(lines);
      expected = { kind: 'bad signature', file: basename(log.checkpointsPath), line: tamper.checkpoint + 1 };
      break;
    }
  }

  const dir = await mkdtemp(join(tmpdir(), 'seclog-tampered-'));
  const files = await Promise.all(
    log.files.map(async (original, index) => {
      const texts = placed.filter((p) => p.file === index).map((p) => p.text);
      const body = texts.length === 0 ? '' : texts.join('\n') + (cutLast === index ? '' : '\n');
      const path = join(dir, basename(original));
      await writeFile(path, original.endsWith('.gz') ? gzipSync(body) : body);
      return path;
    }),
  );
  const checkpoints = join(dir, basename(log.checkpointsPath));
  await writeFile(checkpoints, (await checkpointLines).join('\n') + '\n');
  return { dir, files, checkpoints, expected: expected! };
}
