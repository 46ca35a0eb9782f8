import type { CheckpointSigner } from './checkpoint-signer';
import type { CheckpointStore } from './checkpoint-file';
import type { ChainPosition } from './hash-chain';

export interface CheckpointPolicy {
  /** Sign once this many records were added since the last checkpoint. */
  records: number;
  /** Sign once this many milliseconds passed since the last checkpoint, if records were added. */
  intervalMs: number;
}

/**
 * Decides when a chain gets a checkpoint and gets it signed and stored, one at a time. Failures
 * (an unreachable signer, a full disk) are reported and retried at the next opportunity; they never
 * fail the write that triggered them, because a retried write would duplicate records.
 */
export class Checkpointer {
  private signedSize = 0;
  /** Size of the newest checkpoint queued; counts as done for deciding the next, until it fails. */
  private queuedSize = 0;
  private lastAt: number;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly signer: CheckpointSigner,
    private readonly store: CheckpointStore,
    private readonly policy: CheckpointPolicy,
    private readonly now: () => number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.lastAt = now();
  }

  /** The chain resumed from earlier files: what they hold was checkpointed (or reported) back then. */
  resumeAt(size: number): void {
    this.signedSize = size;
    this.queuedSize = size;
  }

  /** Queues a checkpoint of `position` if the policy says one is due (or `force`), and records were added. */
  consider(position: Readonly<ChainPosition>, force = false): void {
    const added = position.seq - this.queuedSize;
    if (added <= 0) return;
    if (!force && added < this.policy.records && this.now() - this.lastAt < this.policy.intervalMs) return;
    const size = position.seq;
    const head = position.head;
    this.lastAt = this.now();
    this.queuedSize = size;
    this.pending = this.pending.then(async () => {
      if (size <= this.signedSize) return;
      try {
        const note = await this.signer.sign({ size, head });
        await this.store.append(note);
        this.signedSize = size;
      } catch (error) {
        // The next write (or close) asks again for everything since the last stored checkpoint.
        this.queuedSize = this.signedSize;
        this.onError(error);
      }
    });
  }

  /** Resolves once every queued checkpoint was stored or reported. */
  settled(): Promise<void> {
    return this.pending;
  }
}
