export interface CircuitBreakerOptions {
  /** Consecutive failed attempts that open the circuit. Default 5. */
  failureThreshold: number;
  /** How long an open circuit refuses attempts before one trial ("half-open"). Default 5,000 ms. */
  cooldownMs: number;
}

export const DEFAULT_CIRCUIT_BREAKER: Readonly<CircuitBreakerOptions> = Object.freeze({ failureThreshold: 5, cooldownMs: 5_000 });

export type CircuitState = 'closed' | 'open' | 'half-open';

/** Stops hammering a sink that keeps failing; one trial after each cooldown decides whether it is back. */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private current: CircuitState = 'closed';

  constructor(
    private readonly options: CircuitBreakerOptions | false,
    private readonly now: () => number,
  ) {}

  get state(): CircuitState {
    return this.current;
  }

  /** Milliseconds until an attempt is allowed; 0 means now (and moves an open circuit to half-open). */
  waitMs(): number {
    if (!this.options || this.current !== 'open') return 0;
    const left = this.openedAt + this.options.cooldownMs - this.now();
    if (left > 0) return left;
    this.current = 'half-open';
    return 0;
  }

  success(): void {
    this.failures = 0;
    this.current = 'closed';
  }

  failure(): void {
    this.failures++;
    if (!this.options) return;
    if (this.current === 'half-open' || this.failures >= this.options.failureThreshold) {
      this.current = 'open';
      this.openedAt = this.now();
    }
  }
}
