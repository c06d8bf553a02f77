import { appendAudit } from "../../audit/index.js";
import type { Supplier } from "../../model/index.js";
import type { Queryable } from "../../store/index.js";
import { type FiredTimer, scheduleTimer } from "../timers/index.js";
import type { OnboardingDeps } from "./onboarding-deps.js";
import { ONBOARDING_WORKFLOW, timerKeys, WORKFLOW_ACTOR } from "./onboarding-status.js";
import { raiseCheckException } from "./raise-check-exception.js";
import { recordExclusionHits } from "./record-exclusion-hits.js";
import { SOURCE_NAMES, screenParty } from "./screening/index.js";

/** Where a re-screening round stands, carried from batch to batch in its timer's payload. */
interface RoundState {
  /** When the round was due: the next round is one interval after it, however long this one took. */
  readonly dueAt: string;
  /** The last supplier id screened; the next batch starts after it. */
  readonly after: string;
  readonly screened: number;
  readonly newHits: number;
}

/**
 * The recurring re-screening (its timer, in the timer's transaction): every active supplier
 * against the exclusion lists as loaded now, `rescreenBatchSize` suppliers per transaction in id
 * order, so a health system's many thousand suppliers never hold one long transaction. A batch
 * that may not be the last schedules the next one due now, with where it stopped. A hit not seen
 * before is recorded (the supplier is no longer payable) and raised to compliance. After the last
 * batch the next round is scheduled, one interval after this one was due, so rounds do not drift
 * with how late a worker picked them up, and the round is audited once.
 */
export async function rescreenSuppliers(
  deps: OnboardingDeps,
  tx: Queryable,
  timer: Pick<FiredTimer, "fireAt" | "payload">,
): Promise<{ screened: number; done: boolean }> {
  const now = deps.clock.now();
  const round = roundOf(timer);
  const batchSize = deps.options.rescreenBatchSize;
  const suppliers = await tx.query<{ id: string; body: Supplier }>(
    `SELECT id, body FROM canonical_records
     WHERE entity_type = 'supplier' AND body->>'status' = 'active' AND id > $1 ORDER BY id LIMIT $2`,
    [round.after, batchSize],
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
  const state: RoundState = {
    dueAt: round.dueAt,
    after: suppliers.at(-1)?.id ?? round.after,
    screened: round.screened + suppliers.length,
    newHits: round.newHits + newHits,
  };
  if (suppliers.length === batchSize) {
    await scheduleTimer(tx, {
      workflow: ONBOARDING_WORKFLOW,
      key: timerKeys.rescreen,
      fireAt: now,
      payload: { round: state },
    });
    return { screened: suppliers.length, done: false };
  }
  const interval = deps.options.rescreenIntervalMs;
  const dueAt = Date.parse(state.dueAt);
  // After a long outage the next round is one interval from now, not a burst of missed rounds.
  const next = dueAt + interval > now.getTime() ? dueAt + interval : now.getTime() + interval;
  await scheduleTimer(tx, { workflow: ONBOARDING_WORKFLOW, key: timerKeys.rescreen, fireAt: new Date(next) });
  await appendAudit(tx, [
    {
      actor: WORKFLOW_ACTOR,
      action: "supplier.rescreened",
      subjectType: "supplier",
      subjectId: "*",
      detail: { suppliers: state.screened, newHits: state.newHits, next: new Date(next).toISOString() },
    },
  ]);
  return { screened: suppliers.length, done: true };
}

/** A round's first batch starts from nothing; the next ones from their timer's payload. */
function roundOf(timer: Pick<FiredTimer, "fireAt" | "payload">): RoundState {
  const carried = timer.payload.round as RoundState | undefined;
  return carried ?? { dueAt: timer.fireAt.toISOString(), after: "", screened: 0, newHits: 0 };
}
