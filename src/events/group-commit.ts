/**
 * Group commit: items added while a write is running are written together by the next one, in
 * one transaction. Under load this turns N small transactions (and N fsyncs on the embedded store)
 * into a few large ones; when idle, an item is written on its own right away. The write answers
 * each item (same order) or throws, failing the whole batch.
 */
export class GroupCommit<T, R = void> {
  private queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;

  constructor(
    /** Answers each item, in order; a write with nothing to answer (R = void) returns undefined. */
    private readonly write: (batch: readonly T[]) => Promise<readonly R[] | undefined>,
    private readonly maxBatch = 256,
  ) {}

  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  /** Resolves when everything added so far is written. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    // Let the work finishing in this tick join the batch.
    await new Promise((r) => setImmediate(r));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.write(batch.map((b) => b.item));
        for (const [i, b] of batch.entries()) b.resolve(results ? (results[i] as R) : (undefined as R));
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
    this.flushing = undefined;
  }
}
