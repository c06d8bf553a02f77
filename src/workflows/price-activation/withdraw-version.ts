import { appendAudit } from "../../audit/index.js";
import type { Queryable } from "../../store/index.js";
import { PRICE_ACTIVATION_WORKFLOW, timerKeys } from "./activation-status.js";

/**
 * Withdraws a version in the transaction that accepts its compensation: the version stops pricing
 * at once (the price query skips withdrawn versions), its pending activations and timers are
 * cancelled, and a deadline exception still open is resolved. A version from before activations
 * existed gets a plan row that only says it is withdrawn.
 */
export async function withdrawVersion(
  tx: Queryable,
  contractId: string,
  version: number,
  compensatedBy: number,
  reason: string,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await tx.query(
    `INSERT INTO price_activation_plans (contract_id, version, status, effective_day, aligned_to_fiscal_period,
       deadline_at, withdrawn_at, withdrawal_reason, created_at, updated_at)
     SELECT contract_id, version, 'withdrawn', body->>'effectiveFrom', false, $3, $3, $4, $3, $3
     FROM contract_versions WHERE contract_id = $1 AND version = $2
     ON CONFLICT (contract_id, version) DO UPDATE SET status = 'withdrawn', withdrawn_at = $3,
       withdrawal_reason = $4, updated_at = $3`,
    [contractId, version, at, reason],
  );
  const cancelled = await tx.query<{ facility_id: string }>(
    `UPDATE price_activations SET status = 'cancelled'
     WHERE contract_id = $1 AND version = $2 AND status = 'scheduled' RETURNING facility_id`,
    [contractId, version],
  );
  await tx.query(
    `UPDATE workflow_timers SET status = 'cancelled', lease_until = NULL
     WHERE workflow = $1 AND status = 'scheduled' AND (starts_with(timer_key, $2 || '@') OR timer_key = $2 || ':deadline')`,
    [PRICE_ACTIVATION_WORKFLOW, timerKeys.prefix(contractId, version)],
  );
  await tx.query(
    `UPDATE exceptions SET status = 'resolved', resolved_at = $3, resolution = $4
     WHERE subject_type = 'contract' AND subject_id = $1 AND rule = 'contract.price-activation-deadline'
       AND status = 'open' AND (details->>'version')::int = $2`,
    [contractId, version, at, `amendment withdrawn: ${reason}`],
  );
  await appendAudit(tx, [
    {
      actor: "clm",
      action: "contract.version.withdrawn",
      subjectType: "contract",
      subjectId: contractId,
      detail: { version, compensatedBy, reason, cancelledActivations: cancelled.map((c) => c.facility_id).sort() },
    },
  ]);
}
