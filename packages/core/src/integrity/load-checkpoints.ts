import type { KeyObject } from 'node:crypto';
import { parseCheckpoint, type Checkpoint } from './checkpoint';
import { readLineBatches } from './read-log-lines';
import { parseNote, verifyNote } from './signed-note';
import type { Damage } from './verify-report';

export interface LoadedCheckpoint extends Checkpoint {
  file: string;
  line: number;
}

/**
 * Reads a checkpoint file (JSON lines `{"note": ...}`) and checks every signature. The first line
 * that is unreadable or not signed by `publicKey` is returned as `bad signature` damage: a
 * checkpoint that cannot be authenticated must not be trusted, nor silently skipped.
 */
export async function loadCheckpoints(
  path: string,
  publicKey: KeyObject,
): Promise<{ checkpoints: LoadedCheckpoint[]; damage?: Damage }> {
  const checkpoints: LoadedCheckpoint[] = [];
  for await (const batch of readLineBatches(path)) {
    for (let i = 0; i < batch.lines.length; i++) {
      const text = batch.lines[i]!;
      const line = batch.firstLine + i;
      if (text === '') continue;
      const bad = (detail: string) => ({ checkpoints, damage: { kind: 'bad signature' as const, file: path, line, detail } });
      let checkpoint: Checkpoint;
      try {
        const note = parseNote((JSON.parse(text) as { note: string }).note);
        if (!verifyNote(note, publicKey)) return bad('the checkpoint is not signed by the given public key');
        checkpoint = parseCheckpoint(note.text);
      } catch (error) {
        return bad(`unreadable checkpoint: ${(error as Error).message}`);
      }
      checkpoints.push({ ...checkpoint, file: path, line });
    }
  }
  return { checkpoints };
}
