import { RoundRunner } from "../round-runner.js";
import { runDueTimers, type TimerRun } from "./run-due-timers.js";

/** Fires due timers in a worker (see RoundRunner): woken when a transaction scheduled one already due. */
export class TimerRunner extends RoundRunner {
  constructor(run: TimerRun, pollMs: number, onError: (e: unknown) => void) {
    super(() => runDueTimers(run), pollMs, onError);
  }
}
