/**
 * The last `capacity` (time, id) pairs, oldest first. A count threshold of "more than N" only needs
 * the last N+1 events: it holds exactly when the oldest of them is still inside the window.
 */
export class TimeRing {
  private readonly times: number[];
  private readonly ids: string[];
  private start = 0;
  size = 0;

  constructor(readonly capacity: number) {
    this.times = new Array<number>(capacity);
    this.ids = new Array<string>(capacity);
  }

  push(time: number, id: string): void {
    const slot = (this.start + this.size) % this.capacity;
    this.times[slot] = time;
    this.ids[slot] = id;
    if (this.size < this.capacity) this.size++;
    else this.start = (this.start + 1) % this.capacity;
  }

  get full(): boolean {
    return this.size === this.capacity;
  }

  oldestTime(): number {
    return this.times[this.start]!;
  }

  oldestId(): string {
    return this.ids[this.start]!;
  }

  clear(): void {
    this.start = 0;
    this.size = 0;
  }
}
