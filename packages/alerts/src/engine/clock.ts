/** Time as the engine sees it: tests and replays drive it, services use the system clock. */
export interface Clock {
  now(): number;
  /** Calls `fn` once after `ms`; returns a cancel function. */
  setTimer(ms: number, fn: () => void): () => void;
}

/** setTimeout fires at once beyond this (about 24.8 days), so longer waits are chained. */
const MAX_TIMEOUT = 2_147_483_647;

/** Wall time; timers are unref'd so an engine never keeps a process alive. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    const due = Date.now() + ms;
    let timer: ReturnType<typeof setTimeout>;
    const arm = (wait: number) => {
      timer = setTimeout(() => {
        const left = due - Date.now();
        if (left > 0) arm(left);
        else fn();
      }, Math.min(wait, MAX_TIMEOUT));
      timer.unref?.();
    };
    arm(ms);
    return () => clearTimeout(timer);
  },
};

export interface ManualClock extends Clock {
  /** Moves time forward, running each timer that falls due at its own due time, in order. */
  advance(ms: number): void;
  /** Moves time to `time` (never backwards), like `advance`. */
  set(time: number): void;
}

interface Timer {
  due: number;
  order: number;
  fn: () => void;
}

/** A clock that only moves when told to: for tests and for replaying stored logs. */
export function manualClock(start = 0): ManualClock {
  let current = start;
  let order = 0;
  let timers: Timer[] = [];

  function set(time: number): void {
    for (;;) {
      let next: Timer | undefined;
      for (const timer of timers) {
        if (timer.due <= time && (!next || timer.due < next.due || (timer.due === next.due && timer.order < next.order))) next = timer;
      }
      if (!next) break;
      timers = timers.filter((timer) => timer !== next);
      current = Math.max(current, next.due);
      next.fn();
    }
    current = Math.max(current, time);
  }

  return {
    now: () => current,
    setTimer(ms, fn) {
      const timer = { due: current + Math.max(0, ms), order: order++, fn };
      timers.push(timer);
      return () => {
        timers = timers.filter((item) => item !== timer);
      };
    },
    advance: (ms) => set(current + ms),
    set,
  };
}
