import { RoundRunner } from "../round-runner.js";
import { type InvoiceMatchRun, runInvoiceMatches } from "./run-invoice-matches.js";

/** Runs the invoice match workflow in a worker (see RoundRunner): woken when a new invoice was kept. */
export class InvoiceMatchRunner extends RoundRunner {
  constructor(run: InvoiceMatchRun, pollMs: number, onError: (e: unknown) => void) {
    super(() => runInvoiceMatches(run), pollMs, onError);
  }
}
