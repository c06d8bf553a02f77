import { appendAudit } from "../../audit/index.js";
import type { Supplier } from "../../model/index.js";
import type { Queryable } from "../../store/index.js";
import { scheduleTimer } from "../timers/index.js";
import type { OnboardingDeps } from "./onboarding-deps.js";
import { ONBOARDING_WORKFLOW, timerKeys, WORKFLOW_ACTOR } from "./onboarding-status.js";
import { raiseCheckException } from "./raise-check-exception.js";
import { recordExclusionHits } from "./record-exclusion-hits.js";
import { SOURCE_NAMES, screenParty } from "./screening/index.js";

/**
 * The recurring re-screening (its timer, in the timer's transaction): every active supplier
 * against the exclusion lists as loaded now. A hit not seen before is recorded (the supplier is
 * no longer payable) and raised to compliance; then the next round is scheduled, one interval
 * after this one was due, so rounds do not drift with how late a worker picked them up.
 * Returns the number of suppliers screened.
 */
export async function rescreenSuppliers(deps: OnboardingDeps, tx: Queryable, dueAt: Date): Promise<number> {
  const now = deps.clock.now();
  const suppliers = await tx.query<{ id: string; body: Supplier }>(
    "SELECT id, body FROM canonical_records WHERE entity_type = 'supplier' AND body->>'status' = 'active' ORDER BY id",
  );
  let newHits = 0;
  for (const s of suppliers) {
    const fresh = await recordExclusionHits(
      tx,
      s.id,
      await screenParty(tx, { name: s.body.name, duns: s.body.duns }),
      now,
    );
    for (const h of fresh) {
      newHits++;
      await raiseCheckException(tx, {
        check: h.source === "leie" ? "exclusion-leie" : "exclusion-sam",
        message: `Supplier ${s.id} (${s.body.name}) now matches "${h.entryName}" (${h.match}) on the ${SOURCE_NAMES[h.source]} list: hold payments and review`,
        supplierId: s.id,
        now,
        details: { match: h, screening: "periodic" },
      });
    }
  }
  const interval = deps.options.rescreenIntervalMs;
  // After a long outage the next round is one interval from now, not a burst of missed rounds.
  const next = dueAt.getTime() + interval > now.getTime() ? dueAt.getTime() + interval : now.getTime() + interval;
  await scheduleTimer(tx, { workflow: ONBOARDING_WORKFLOW, key: timerKeys.rescreen, fireAt: new Date(next) });
  await appendAudit(tx, [
    {
      actor: WORKFLOW_ACTOR,
      action: "supplier.rescreened",
      subjectType: "supplier",
      subjectId: "*",
      detail: { suppliers: suppliers.length, newHits, next: new Date(next).toISOString() },
    },
  ]);
  return suppliers.length;
}
