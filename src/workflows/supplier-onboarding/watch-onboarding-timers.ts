import { appendAudit } from "../../audit/index.js";
import type { Queryable } from "../../store/index.js";
import type { OnboardingDeps } from "./onboarding-deps.js";
import { readOnboarding } from "./onboarding-row.js";
import { WORKFLOW_ACTOR } from "./onboarding-status.js";
import { raiseCheckException } from "./raise-check-exception.js";
import { transition } from "./transition.js";

/**
 * The vendor-number timeout: the ERP was asked and has not answered in time. An exception for the
 * vendor master team and `vendor_overdue`; a number arriving later still completes the onboarding.
 */
export async function vendorNumberOverdue(deps: OnboardingDeps, tx: Queryable, onboardingId: string): Promise<void> {
  const row = await readOnboarding(tx, onboardingId, true);
  if (row?.status !== "vendor_requested") return; // the number came first
  const now = deps.clock.now();
  const waited = Math.round(deps.options.vendorNumberTimeoutMs / 60_000);
  await raiseCheckException(tx, {
    check: "erp-vendor-number",
    message: `Supplier onboarding ${row.id} (${row.request.name}): the ERP has not sent the vendor number within ${waited} minutes`,
    onboardingId: row.id,
    supplierId: row.supplierId,
    correlationId: row.correlationId,
    now,
    details: { requestedAt: row.requestedAt.toISOString() },
  });
  await transition(tx, {
    id: row.id,
    from: "vendor_requested",
    to: "vendor_overdue",
    reason: `no vendor number from the ERP within ${waited} minutes`,
    actor: WORKFLOW_ACTOR,
    at: now,
  });
}

/**
 * The insurance certificate's last covered day has passed. Only the supplier's latest onboarding
 * speaks for its insurance: an older one's certificate was replaced.
 */
export async function insuranceExpired(deps: OnboardingDeps, tx: Queryable, onboardingId: string): Promise<void> {
  const row = await readOnboarding(tx, onboardingId);
  if (!row || row.status === "rejected") return;
  const [latest] = await tx.query<{ id: string }>(
    "SELECT id FROM supplier_onboardings WHERE supplier_id = $1 ORDER BY requested_at DESC, id DESC LIMIT 1",
    [row.supplierId],
  );
  if (latest?.id !== row.id) return;
  const now = deps.clock.now();
  const expires = row.request.insurance.certificateExpiresOn;
  await raiseCheckException(tx, {
    check: "insurance",
    message: `Supplier ${row.supplierId} (${row.request.name}): the insurance certificate expired on ${expires}; collect a current certificate`,
    onboardingId: row.id,
    supplierId: row.supplierId,
    correlationId: row.correlationId,
    now,
    details: { certificateExpiresOn: expires },
  });
  await appendAudit(tx, [
    {
      actor: WORKFLOW_ACTOR,
      action: "supplier.insurance.expired",
      subjectType: "supplier",
      subjectId: row.supplierId,
      detail: { onboardingId: row.id, certificateExpiresOn: expires },
    },
  ]);
}
