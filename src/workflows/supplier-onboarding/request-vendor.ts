import { appendEvents } from "../../events/index.js";
import { SUPPLIER_VENDOR_REQUESTED, type SupplierVendorRequest } from "../../model/events/supplier-vendor-request.js";
import type { Queryable } from "../../store/index.js";
import { scheduleTimer } from "../timers/index.js";
import type { OnboardingOptions } from "./onboarding-options.js";
import type { OnboardingRow } from "./onboarding-row.js";
import { ONBOARDING_WORKFLOW, type OnboardingStatus, timerKeys, WORKFLOW_ACTOR } from "./onboarding-status.js";
import { transition } from "./transition.js";

/**
 * Asks the ERP for the supplier's vendor, in the caller's transaction: the outbox event (one
 * delivery to the ERP target, its idempotency key stable per onboarding, so a re-sent request
 * never creates a second vendor), the timer that raises an exception if the number does not come
 * back in time, and the transition. Returns false when the onboarding had already moved on.
 */
export async function requestVendor(
  tx: Queryable,
  options: OnboardingOptions,
  row: OnboardingRow,
  from: OnboardingStatus,
  reason: string,
  now: Date,
): Promise<boolean> {
  const moved = await transition(tx, {
    id: row.id,
    from,
    to: "vendor_requested",
    reason,
    actor: WORKFLOW_ACTOR,
    at: now,
  });
  if (!moved) return false;
  const [xref] = await tx.query<{ local_id: string }>(
    "SELECT local_id FROM xrefs WHERE system = $1 AND entity_type = 'supplier' AND canonical_id = $2",
    [options.erpSystem, row.supplierId],
  );
  const req = row.request;
  const payload: SupplierVendorRequest = {
    onboardingId: row.id,
    supplierId: row.supplierId,
    ...(xref ? { existingVendorNumber: xref.local_id } : {}),
    name: req.name,
    remitTo: req.address,
    paymentTermsNetDays: req.paymentTermsNetDays ?? 30,
    taxIdLast4: row.tinLast4,
    bankAccountLast4: row.bankLast4,
    contacts: req.contacts.map((c) => ({
      name: c.name,
      ...(c.email ? { email: c.email } : {}),
      ...(c.phone ? { phone: c.phone } : {}),
    })),
  };
  await appendEvents(
    tx,
    [
      {
        type: SUPPLIER_VENDOR_REQUESTED,
        businessKey: `supplier-vendor:${row.id}`,
        keyVersion: 1,
        payload,
        correlationId: row.correlationId,
      },
    ],
    [{ target: options.erpSystem, required: true }],
  );
  await scheduleTimer(tx, {
    workflow: ONBOARDING_WORKFLOW,
    key: timerKeys.vendorNumber(row.id),
    fireAt: new Date(now.getTime() + options.vendorNumberTimeoutMs),
  });
  return true;
}
