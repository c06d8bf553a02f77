/**
 * Group commit: items added while a flush is running are written together by the next flush, in
 * one transaction. Under load this turns N small transactions (and N fsyncs on the embedded store)
 * into a few large ones; when idle, an item is flushed on its own right away.
 */
export class GroupCommit<T> {
  private queue: { item: T; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly write: (batch: readonly T[]) => Promise<void>,
    private readonly maxBatch = 256,
  ) {}

  add(item: T): Promise<void> {
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
    // Let the deliveries finishing in this tick join the batch.
    await new Promise((r) => setImmediate(r));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        await this.write(batch.map((b) => b.item));
        for (const b of batch) b.resolve();
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
    this.flushing = undefined;
  }
}
