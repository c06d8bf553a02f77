import type { TimerHandler } from "../timers/index.js";
import { activateDue } from "./activate-due.js";
import type { PriceActivationDeps } from "./activation-deps.js";
import { ACTIVATION_ACTOR, parseTimerKey } from "./activation-status.js";
import { raiseDeadlineException } from "./raise-deadline-exception.js";

/**
 * The price activation's timer handler. An activation timer activates the facilities whose
 * instant has come (a version not yet released waits: its release or a decision activates them);
 * a deadline timer raises the exception for a person when the version is still not released.
 */
export function activationTimerHandler(deps: PriceActivationDeps): TimerHandler {
  return async (tx, timer, clock) => {
    const { contractId, version, kind } = parseTimerKey(timer.key);
    if (kind === "deadline") await raiseDeadlineException(deps, tx, contractId, version);
    else await activateDue(tx, [{ contractId, version }], clock.now(), ACTIVATION_ACTOR);
    return undefined;
  };
}
