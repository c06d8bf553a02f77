import type { TimerHandler } from "../timers/index.js";
import { checkOnboarding } from "./check-onboarding.js";
import type { OnboardingDeps } from "./onboarding-deps.js";
import { timerKeys } from "./onboarding-status.js";
import { rescreenSuppliers } from "./rescreen-suppliers.js";
import { insuranceExpired, vendorNumberOverdue } from "./watch-onboarding-timers.js";

/** The onboarding workflow's timer handler: each key names the step it drives (`<onboarding>:<step>`). */
export function onboardingTimerHandler(deps: OnboardingDeps): TimerHandler {
  return async (tx, timer) => {
    if (timer.key === timerKeys.rescreen) {
      const round = await rescreenSuppliers(deps, tx, timer);
      // A round that goes on scheduled its next batch due now: this process's runner takes it at once.
      return round.done ? undefined : deps.onTimerDue;
    }
    const cut = timer.key.lastIndexOf(":");
    const id = timer.key.slice(0, cut);
    switch (timer.key.slice(cut + 1)) {
      case "checks":
        return (await checkOnboarding(deps, tx, id)) ? deps.onOutboxWrite : undefined;
      case "vendor-number":
        await vendorNumberOverdue(deps, tx, id);
        return undefined;
      case "insurance":
        await insuranceExpired(deps, tx, id);
        return undefined;
      default:
        throw new Error(`unknown supplier onboarding timer ${timer.key}`);
    }
  };
}
