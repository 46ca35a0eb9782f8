export interface ShutdownOptions {
  /**
   * Flush on SIGTERM and SIGINT, then re-raise the signal so the process still dies of it (unless the
   * app has its own listener for it, which then decides); flush on `beforeExit`. Default true.
   */
  handleSignals: boolean;
  /** How long `close()` and the signal / beforeExit flushes may take. Default 5,000 ms. */
  deadlineMs: number;
}

export const DEFAULT_SHUTDOWN: Readonly<ShutdownOptions> = Object.freeze({ handleSignals: true, deadlineMs: 5_000 });

/** What a logger offers the process-wide hooks. */
export interface ShutdownParticipant {
  readonly handleSignals: boolean;
  /** Drains within the deadline and closes (SIGTERM/SIGINT). */
  close(): Promise<void>;
  /** A flush within the deadline when there is new pending work since the last one (beforeExit). */
  flushBeforeExit(): Promise<void> | undefined;
  /** Synchronously keeps pending HIGH/CRITICAL events: the process is about to die. */
  emergency(): void;
}

type Signal = 'SIGTERM' | 'SIGINT';

interface ShutdownState {
  readonly participants: Set<ShutdownParticipant>;
  installed: boolean;
  signalsInstalled: boolean;
  signalling: boolean;
  readonly onSignal: (signal: Signal) => void;
  readonly onBeforeExit: () => void;
  readonly onExit: () => void;
  readonly onUncaught: () => void;
}

// Kept on a Symbol.for key so the ESM and CJS builds of core install one set of listeners.
const KEY = Symbol.for('seclog.core.v1.shutdown');
type WithState = typeof globalThis & { [KEY]?: ShutdownState };

function emergencyAll(state: ShutdownState): void {
  for (const participant of state.participants) {
    try {
      participant.emergency();
    } catch {
      // The process is dying; one logger's failure must not stop the others.
    }
  }
}

function signalled(state: ShutdownState): ShutdownParticipant[] {
  return [...state.participants].filter((participant) => participant.handleSignals);
}

function uninstall(state: ShutdownState): void {
  if (state.signalsInstalled) {
    state.signalsInstalled = false;
    process.off('SIGTERM', state.onSignal);
    process.off('SIGINT', state.onSignal);
    process.off('beforeExit', state.onBeforeExit);
  }
  if (!state.installed) return;
  state.installed = false;
  process.off('exit', state.onExit);
  process.off('uncaughtExceptionMonitor', state.onUncaught);
}

function reraise(state: ShutdownState, signal: Signal): void {
  uninstall(state);
  // Another listener means the app owns this signal; without one, Node's default (death by the
  // signal, exit status 128+n) is what the caller of kill expected.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function createState(): ShutdownState {
  const state: ShutdownState = {
    participants: new Set(),
    installed: false,
    signalsInstalled: false,
    signalling: false,
    onSignal(signal) {
      if (state.signalling) {
        // A second signal while flushing: stop waiting.
        emergencyAll(state);
        reraise(state, signal);
        return;
      }
      state.signalling = true;
      void Promise.allSettled(signalled(state).map((participant) => participant.close())).then(() => {
        state.signalling = false;
        reraise(state, signal);
      });
    },
    onBeforeExit() {
      const flushes = signalled(state)
        .map((participant) => participant.flushBeforeExit())
        .filter((flush) => flush !== undefined);
      if (flushes.length > 0) void Promise.allSettled(flushes);
    },
    onExit: () => emergencyAll(state),
    onUncaught() {
      // With an app handler the process may live on: leave it to the exit hook.
      if (process.listenerCount('uncaughtException') === 0) emergencyAll(state);
    },
  };
  return state;
}

function shutdownState(): ShutdownState {
  const g = globalThis as WithState;
  let state = g[KEY];
  if (!state) {
    state = createState();
    Object.defineProperty(g, KEY, { value: state, enumerable: false, configurable: false, writable: false });
  }
  return state;
}

export function registerShutdown(participant: ShutdownParticipant): void {
  const state = shutdownState();
  state.participants.add(participant);
  if (!state.installed) {
    state.installed = true;
    process.on('exit', state.onExit);
    process.on('uncaughtExceptionMonitor', state.onUncaught);
  }
  if (participant.handleSignals && !state.signalsInstalled) {
    state.signalsInstalled = true;
    process.on('SIGTERM', state.onSignal);
    process.on('SIGINT', state.onSignal);
    process.on('beforeExit', state.onBeforeExit);
  }
}

export function unregisterShutdown(participant: ShutdownParticipant): void {
  const state = shutdownState();
  state.participants.delete(participant);
  if (state.participants.size === 0) uninstall(state);
}
