import { appendAudit } from "../../audit/index.js";
import type { Queryable } from "../../store/index.js";
import { scheduleTimer } from "../timers/index.js";
import { blocking, type CheckResult } from "./check-result.js";
import type { OnboardingDeps } from "./onboarding-deps.js";
import { readOnboarding } from "./onboarding-row.js";
import { ONBOARDING_WORKFLOW, timerKeys, WORKFLOW_ACTOR } from "./onboarding-status.js";
import { raiseCheckException } from "./raise-check-exception.js";
import { recordExclusionHits } from "./record-exclusion-hits.js";
import { requestVendor } from "./request-vendor.js";
import { runOnboardingChecks } from "./run-onboarding-checks.js";
import { openBank, openTin } from "./sealed-values.js";
import { transition } from "./transition.js";

/**
 * The checks step, fired by the onboarding's `checks` timer inside the timer's transaction: run
 * every check, raise one exception per failed (or waiting) check with its owner and due date,
 * record screening hits, watch the insurance certificate, and move on: blocked, waiting for the
 * bank-change approvals, or straight to the ERP. Returns whether it wrote outbox events.
 */
export async function checkOnboarding(deps: OnboardingDeps, tx: Queryable, onboardingId: string): Promise<boolean> {
  const row = await readOnboarding(tx, onboardingId, true);
  if (row?.status !== "requested") return false; // already checked (a repeated firing)
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const { results, hits } = await runOnboardingChecks(tx, deps.cipher, {
    row,
    taxId: openTin(deps.cipher, row.id, row.tinSealed),
    bankAccount: openBank(deps.cipher, row.id, row.bankSealed),
    today,
    insuranceWarningDays: deps.options.insuranceWarningDays,
  });
  await recordExclusionHits(tx, row.supplierId, hits, now);
  const recorded: CheckResult[] = [];
  for (const r of results) {
    if (r.outcome !== "failed" && r.outcome !== "pending") {
      recorded.push(r);
      continue;
    }
    const raised = await raiseCheckException(tx, {
      check: r.check,
      message: `Supplier onboarding ${row.id} (${row.request.name}): ${r.reason}`,
      onboardingId: row.id,
      supplierId: row.supplierId,
      correlationId: row.correlationId,
      now,
      ...(r.details ? { details: r.details } : {}),
    });
    recorded.push({ ...r, exceptionId: raised.id, owner: raised.owner, dueAt: raised.dueAt });
  }
  await tx.query("UPDATE supplier_onboardings SET checks = $2 WHERE id = $1", [row.id, JSON.stringify(recorded)]);
  const expires = row.request.insurance.certificateExpiresOn;
  if (expires >= today) {
    // Fires the day after the last covered day: a lapse is an exception even if nobody looks.
    await scheduleTimer(tx, {
      workflow: ONBOARDING_WORKFLOW,
      key: timerKeys.insurance(row.id),
      fireAt: new Date(Date.parse(`${expires}T00:00:00Z`) + 86_400_000),
      payload: { certificateExpiresOn: expires },
    });
  }
  const failed = recorded.filter(blocking);
  let wroteEvents = false;
  if (failed.length > 0) {
    await transition(tx, {
      id: row.id,
      from: "requested",
      to: "blocked",
      reason: `failed checks: ${failed.map((f) => f.check).join(", ")}`,
      actor: WORKFLOW_ACTOR,
      at: now,
    });
  } else if (row.bankChange) {
    await transition(tx, {
      id: row.id,
      from: "requested",
      to: "awaiting_approval",
      reason: "bank account change: waiting for two approvers",
      actor: WORKFLOW_ACTOR,
      at: now,
    });
  } else {
    wroteEvents = await requestVendor(tx, deps.options, row, "requested", "all checks passed", now);
  }
  await appendAudit(tx, [
    {
      actor: WORKFLOW_ACTOR,
      action: "supplier.onboarding.checked",
      subjectType: "supplier-onboarding",
      subjectId: row.id,
      detail: { supplierId: row.supplierId, outcomes: Object.fromEntries(recorded.map((r) => [r.check, r.outcome])) },
    },
  ]);
  return wroteEvents;
}
