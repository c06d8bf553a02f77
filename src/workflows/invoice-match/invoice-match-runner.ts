import { type InvoiceMatchRun, runInvoiceMatches } from "./run-invoice-matches.js";

/**
 * Runs the invoice match workflow in a worker: a round every `pollMs`, or at once when woken (a
 * new invoice was kept). Rounds never overlap; stop() waits for the one in progress.
 */
export class InvoiceMatchRunner {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private stopped = true;
  private again = false;

  constructor(
    private readonly run: InvoiceMatchRun,
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
          while ((await runInvoiceMatches(this.run)) > 0 && !this.stopped);
        } catch (e) {
          this.onError(e);
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.round = undefined;
      if (!this.stopped) this.timer = setTimeout(() => this.wake(), this.pollMs);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }
}
