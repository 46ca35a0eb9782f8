import { DeliveryError } from './delivery-error';

/**
 * A pause that does not keep the process alive on its own: shutdown hooks hold the process open
 * (with their deadline) when pending events need it.
 */
export function sleep(ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref?.();
  });
}

/** Rejects with `SINK_TIMEOUT` when `pending` has not settled after `ms`; Infinity disables it. */
export function withTimeout(pending: PromiseLike<unknown>, ms: number, sink: string): Promise<unknown> {
  if (!Number.isFinite(ms)) return Promise.resolve(pending);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new DeliveryError('SINK_TIMEOUT', `sink ${sink} did not settle a write within ${ms} ms`)),
      ms,
    );
    timer.unref?.();
    pending.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
