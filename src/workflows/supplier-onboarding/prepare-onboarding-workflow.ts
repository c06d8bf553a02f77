import { ensureTimer } from "../timers/index.js";
import type { OnboardingDeps } from "./onboarding-deps.js";
import { ONBOARDING_WORKFLOW, timerKeys } from "./onboarding-status.js";
import { type ListLoadOutcome, loadExclusionListFile } from "./screening/index.js";

/**
 * What a worker does once before its timer runner starts: load the configured exclusion list
 * files if they changed, and make sure the recurring re-screening is scheduled (exactly one
 * cluster-wide: the timer's key is unique while it lives).
 */
export async function prepareOnboardingWorkflow(deps: OnboardingDeps): Promise<ListLoadOutcome[]> {
  const today = deps.clock.now().toISOString().slice(0, 10);
  const loads: ListLoadOutcome[] = [];
  for (const source of ["leie", "sam"] as const) {
    const path = deps.options.screening[source];
    if (path) loads.push(await loadExclusionListFile(deps.store, source, path, today));
  }
  await ensureTimer(deps.store, {
    workflow: ONBOARDING_WORKFLOW,
    key: timerKeys.rescreen,
    fireAt: new Date(deps.clock.now().getTime() + deps.options.rescreenIntervalMs),
  });
  return loads;
}
