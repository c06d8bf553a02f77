import { appendAudit } from "../../audit/index.js";
import { Errors } from "../../errors/index.js";
import type { Queryable } from "../../store/index.js";
import { raiseException } from "../../store/index.js";
import { HOUR_MS } from "../timers/index.js";
import type { PriceActivationDeps } from "./activation-deps.js";
import { ACTIVATION_ACTOR } from "./activation-status.js";

/** Who decides when a price cannot activate as planned. */
export const DECISION_OWNER = "contract-pricing";

/**
 * The deadline timer: a version that is still not released (a required target has not
 * acknowledged it) needs a person's decision before its activation day. Raises one exception,
 * routed to contract pricing with a due time, and waits for the decision. Nothing to do when the
 * version was released, withdrawn or decided in the meantime.
 */
export async function raiseDeadlineException(
  deps: PriceActivationDeps,
  tx: Queryable,
  contractId: string,
  version: number,
): Promise<void> {
  const [plan] = await tx.query<{ status: string; first_at: Date | null; released: boolean; correlation_id: string }>(
    `SELECT p.status, v.released_at IS NOT NULL AS released, v.correlation_id,
       (SELECT min(activate_at) FROM price_activations a WHERE a.contract_id = p.contract_id AND a.version = p.version) AS first_at
     FROM price_activation_plans p JOIN contract_versions v ON v.contract_id = p.contract_id AND v.version = p.version
     WHERE p.contract_id = $1 AND p.version = $2 FOR UPDATE OF p`,
    [contractId, version],
  );
  if (plan?.status !== "scheduled" || plan.released) return;
  const waiting = await tx.query<{ target: string; status: string; last_error: string | null }>(
    `SELECT target, status, last_error FROM deliveries
     WHERE business_key = $1 AND key_version = $2 AND required AND status <> 'acknowledged' ORDER BY target`,
    [`contract:${contractId}`, version],
  );
  const now = deps.clock.now();
  const dueAt = new Date(now.getTime() + deps.options.decisionSlaHours * HOUR_MS).toISOString();
  const firstAt = plan.first_at ? new Date(plan.first_at).toISOString() : null;
  const targets = waiting.map((w) => `${w.target} (${w.status})`).join(", ") || "a required target";
  const exceptionId = await raiseException(tx, {
    code: Errors.ActivationDeadline.code,
    rule: "contract.price-activation-deadline",
    urgency: "financial",
    subjectType: "contract",
    subjectId: contractId,
    message: `Contract ${contractId} version ${version} activates ${firstAt ?? "soon"} but ${targets} has not acknowledged it: decide to keep the old price or activate anyway`,
    details: {
      version,
      waitingFor: waiting,
      firstActivationAt: firstAt,
      owner: DECISION_OWNER,
      dueAt,
      decide: `/v1/contracts/${contractId}/versions/${version}/activation-decision`,
    },
    correlationId: plan.correlation_id,
  });
  await tx.query(
    `UPDATE price_activation_plans SET status = 'awaiting-decision', exception_id = $3, updated_at = $4
     WHERE contract_id = $1 AND version = $2`,
    [contractId, version, exceptionId, now.toISOString()],
  );
  await appendAudit(tx, [
    {
      actor: ACTIVATION_ACTOR,
      action: "contract.price.activation-deadline-missed",
      subjectType: "contract",
      subjectId: contractId,
      detail: { version, exceptionId, waitingFor: waiting.map((w) => w.target), owner: DECISION_OWNER, dueAt },
    },
  ]);
}
