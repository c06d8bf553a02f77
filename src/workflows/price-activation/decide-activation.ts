import { appendAudit } from "../../audit/index.js";
import { Errors } from "../../errors/index.js";
import type { Queryable } from "../../store/index.js";
import { releaseByApproval } from "../contract-propagation/index.js";
import { activateDue } from "./activate-due.js";
import type { ActivationDecision, PlanStatus } from "./activation-status.js";

export interface DecisionInput {
  readonly decision: ActivationDecision;
  readonly decidedBy: string;
  readonly reason: string;
}

/**
 * A person's answer to a missed activation deadline, in one transaction. "activate-anyway" is the
 * approved fallback release (releaseByApproval, the same rule as POST …/release) after which due
 * facilities activate at once and the others on their own instants; "keep-old-price" leaves the
 * version unreleased, so buyers keep the previous price until every required target acknowledged
 * it (the price gate then releases and activates it as usual).
 */
export async function decideActivation(
  tx: Queryable,
  contractId: string,
  version: number,
  input: DecisionInput,
  now: Date,
): Promise<{ status: PlanStatus; activatedFacilities: string[] }> {
  const [plan] = await tx.query<{ status: PlanStatus; exception_id: number | null }>(
    "SELECT status, exception_id FROM price_activation_plans WHERE contract_id = $1 AND version = $2 FOR UPDATE",
    [contractId, version],
  );
  if (!plan) throw Errors.NotFound(`contract ${contractId} version ${version} has no price activation`);
  if (plan.status !== "awaiting-decision") {
    throw Errors.ActivationDecisionConflict(
      `contract ${contractId} version ${version} is ${plan.status}: a decision is only taken while one is awaited`,
      { status: plan.status },
    );
  }
  const activateAnyway = input.decision === "activate-anyway";
  if (activateAnyway) {
    await releaseByApproval(tx, contractId, version, { approvedBy: input.decidedBy, reason: input.reason });
  }
  const status: PlanStatus = activateAnyway ? "scheduled" : "keep-old-price";
  const at = now.toISOString();
  await tx.query(
    `UPDATE price_activation_plans SET status = $3, decision = $4, decided_by = $5, decision_reason = $6,
       decided_at = $7, updated_at = $7
     WHERE contract_id = $1 AND version = $2`,
    [contractId, version, status, input.decision, input.decidedBy, input.reason, at],
  );
  if (plan.exception_id !== null) {
    await tx.query(
      "UPDATE exceptions SET status = 'resolved', resolved_at = $2, resolution = $3 WHERE id = $1 AND status = 'open'",
      [plan.exception_id, at, `${input.decision} by ${input.decidedBy}: ${input.reason}`],
    );
  }
  await appendAudit(tx, [
    {
      actor: input.decidedBy,
      action: `contract.price.${input.decision}`,
      subjectType: "contract",
      subjectId: contractId,
      detail: { version, reason: input.reason, exceptionId: plan.exception_id },
    },
  ]);
  const activated = activateAnyway ? await activateDue(tx, [{ contractId, version }], now, input.decidedBy) : [];
  const [after] = await tx.query<{ status: PlanStatus }>(
    "SELECT status FROM price_activation_plans WHERE contract_id = $1 AND version = $2",
    [contractId, version],
  );
  return { status: after!.status, activatedFacilities: activated.map((a) => a.facilityId).sort() };
}
