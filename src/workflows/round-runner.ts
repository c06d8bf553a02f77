/**
 * Runs a workflow's rounds in a worker: a round every `pollMs`, or at once when woken (a
 * transaction just wrote work that is already due). A round repeats while it did something, so a
 * backlog drains without waiting for the next poll. Rounds never overlap; stop() waits for the one
 * running. Each workflow gives it its round (`runInvoiceMatches`, `runDueTimers`…).
 */
export class RoundRunner {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private stopped = true;
  private again = false;

  constructor(
    /** One round; resolves to how many items it handled (0 = nothing due). */
    private readonly runRound: () => Promise<number>,
    private readonly pollMs: number,
    private readonly onError: (e: unknown) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.round) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.round = (async () => {
      do {
        this.again = false;
        try {
          while ((await this.runRound()) > 0 && !this.stopped);
        } catch (e) {
          this.onError(e);
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.round = undefined;
      if (!this.stopped) this.timer = setTimeout(() => this.wake(), this.pollMs);
    });
  }

  /** Resolves when the round in progress (if any) and one more have run: tests use it after moving a clock. */
  async tick(): Promise<void> {
    await this.round;
    if (this.stopped) return;
    this.wake();
    await this.round;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }
}
