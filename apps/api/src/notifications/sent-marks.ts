export interface SentMark {
  userId: string;
  items: number;
}

/**
 * Marks digests sent as the mail server takes them, in as few statements as keep up: while one write runs, the
 * marks that arrive meanwhile gather for the next. A digest is thus marked moments after it left, not when its
 * whole claim has gone, and a process that dies mid-claim leaves few sent-but-unmarked digests behind.
 */
export class SentMarks {
  private pending: SentMark[] = [];
  private writing: Promise<void> | null = null;
  private failure: unknown = null;

  constructor(private readonly write: (marks: SentMark[]) => Promise<unknown>) {}

  add(mark: SentMark): void {
    this.pending.push(mark);
    this.writing ??= this.drain();
  }

  /** Resolves when every mark added so far is written; rejects if a write failed. */
  async done(): Promise<void> {
    await this.writing;
    if (this.failure !== null) throw this.failure;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const marks = this.pending;
        this.pending = [];
        await this.write(marks);
      }
    } catch (error) {
      // Kept for done(): an unawaited rejection would take the process down.
      this.failure ??= error;
    } finally {
      this.writing = null;
    }
  }
}
