/**
 * Hits per key in fixed windows, in this process's memory: for limits that guard
 * rather than account, where a write to PostgreSQL per request would cost more
 * than the requests it limits. At most `maxKeys` keys are held; the longest-held
 * window goes first when a new key needs room.
 */
export class WindowCounter {
  /** Oldest window first: a key whose window restarts moves to the end. */
  private readonly windows = new Map<string, { start: number; hits: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one hit on `key`: the hits in its current window, and the whole seconds until that window ends. */
  hit(key: string, now = Date.now()): { hits: number; retryAfterSeconds: number } {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.delete(key);
      this.dropExpired(now);
      if (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value as string);
      window = { start: now, hits: 0 };
      this.windows.set(key, window);
    }
    window.hits++;
    return { hits: window.hits, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) };
  }

  /** Keys held (for tests). */
  get size(): number {
    return this.windows.size;
  }

  private dropExpired(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start < this.windowMs) return;
      this.windows.delete(key);
    }
  }
}
