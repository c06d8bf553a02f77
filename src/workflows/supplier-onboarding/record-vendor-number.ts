import { appendAudit } from "../../audit/index.js";
import { Errors } from "../../errors/index.js";
import { appendEvents } from "../../events/index.js";
import type { Supplier } from "../../model/index.js";
import { upsertSensitiveFieldRows } from "../../security/sensitive-field-rows.js";
import { sealSupplierSensitive, serializeSensitive, withSensitive } from "../../security/supplier-sensitive-fields.js";
import { upsertXrefs } from "../../store/index.js";
import { masterChangedEvent } from "../master-data/index.js";
import { cancelTimer } from "../timers/index.js";
import type { OnboardingDeps } from "./onboarding-deps.js";
import { readOnboarding } from "./onboarding-row.js";
import { ONBOARDING_WORKFLOW, timerKeys } from "./onboarding-status.js";
import { resolveCheckExceptions } from "./raise-check-exception.js";
import { openBank, openTin, tinDigits } from "./sealed-values.js";
import { transition } from "./transition.js";

export interface VendorNumberOutcome {
  readonly onboardingId: string;
  readonly supplierId: string;
  readonly status: "payable";
  readonly vendorNumber: string;
  /** True when this number was already recorded (the ERP sent it again): nothing changed. */
  readonly repeated: boolean;
}

/**
 * The ERP's vendor number for an onboarding, in one transaction: cross-reference it, make the
 * supplier active with its tax id and bank account (sealed in sensitive_fields), cancel the
 * timeout, measure requested → payable, and move to `payable`. The ERP may send the number more
 * than once (its callback is at-least-once): the same number again is answered as before.
 */
export async function recordVendorNumber(
  deps: OnboardingDeps,
  onboardingId: string,
  vendorNumber: string,
  system: string,
): Promise<VendorNumberOutcome> {
  let announced = false;
  const outcome = await deps.store.transaction(async (tx) => {
    const row = await readOnboarding(tx, onboardingId, true);
    if (!row) throw Errors.NotFound(`no supplier onboarding ${onboardingId}`);
    if (row.status === "payable" && row.erpVendorNumber === vendorNumber)
      return { onboardingId, supplierId: row.supplierId, status: "payable", vendorNumber, repeated: true } as const;
    if (row.status !== "vendor_requested" && row.status !== "vendor_overdue") {
      throw Errors.OnboardingState(
        `onboarding ${onboardingId} is ${row.status}${row.erpVendorNumber ? ` with vendor number ${row.erpVendorNumber}` : ""}; it is not waiting for a vendor number`,
        { onboardingId, status: row.status },
      );
    }
    const now = deps.clock.now();
    const [current] = await tx.query<{ body: Supplier }>(
      "SELECT body FROM canonical_records WHERE entity_type = 'supplier' AND id = $1 FOR UPDATE",
      [row.supplierId],
    );
    const supplier: Supplier = { ...current!.body, status: "active" };
    await tx.query(
      "UPDATE canonical_records SET body = $2, updated_at = now() WHERE entity_type = 'supplier' AND id = $1",
      [row.supplierId, JSON.stringify(supplier)],
    );
    // One vendor number per supplier in the ERP: a re-onboarded supplier's new number replaces the old.
    await tx.query(
      "DELETE FROM xrefs WHERE system = $1 AND entity_type = 'supplier' AND canonical_id = $2 AND local_id <> $3",
      [system, row.supplierId, vendorNumber],
    );
    await upsertXrefs(tx, [{ system, entityType: "supplier", localId: vendorNumber, canonicalId: row.supplierId }]);
    const taxId = openTin(deps.cipher, row.id, row.tinSealed);
    const bankAccount = openBank(deps.cipher, row.id, row.bankSealed);
    await upsertSensitiveFieldRows(tx, [
      sealSupplierSensitive(
        deps.cipher,
        row.supplierId,
        "taxId",
        serializeSensitive("taxId", { taxId: tinDigits(taxId) })!,
      ),
      sealSupplierSensitive(
        deps.cipher,
        row.supplierId,
        "bankAccount",
        serializeSensitive("bankAccount", { bankAccount })!,
      ),
    ]);
    const completionMs = now.getTime() - row.requestedAt.getTime();
    await tx.query(
      "UPDATE supplier_onboardings SET erp_vendor_number = $2, payable_at = $3, completion_ms = $4 WHERE id = $1",
      [row.id, vendorNumber, now.toISOString(), completionMs],
    );
    await transition(tx, {
      id: row.id,
      from: ["vendor_requested", "vendor_overdue"],
      to: "payable",
      reason: `the ERP assigned vendor number ${vendorNumber}`,
      actor: system,
      at: now,
    });
    await cancelTimer(tx, ONBOARDING_WORKFLOW, timerKeys.vendorNumber(row.id));
    await resolveCheckExceptions(tx, row.id, "erp-vendor-number", `vendor number ${vendorNumber} arrived`, now);
    // The supplier is now payable: every system subscribed to supplier changes hears of it, with
    // its tax id and bank account masked as every supplier.changed event carries them.
    const type = masterChangedEvent("supplier");
    const targets = deps.subscribers?.(type) ?? [];
    if (targets.length > 0) {
      const businessKey = `supplier:${row.supplierId}`;
      const [last] = await tx.query<{ v: number | null }>(
        "SELECT max(key_version)::int AS v FROM events WHERE business_key = $1",
        [businessKey],
      );
      await appendEvents(
        tx,
        [
          {
            type,
            businessKey,
            keyVersion: (last?.v ?? 0) + 1,
            payload: {
              supplier: withSensitive(supplier, { taxId: tinDigits(taxId), bankAccount }, false),
              system,
              masked: ["taxId", "bankAccount"],
            },
            correlationId: `onboarding-${row.id}`,
          },
        ],
        targets,
      );
      announced = true;
    }
    await appendAudit(tx, [
      {
        actor: system,
        action: "supplier.onboarding.payable",
        subjectType: "supplier-onboarding",
        subjectId: row.id,
        detail: { supplierId: row.supplierId, vendorNumber, completionMs },
      },
    ]);
    return { onboardingId, supplierId: row.supplierId, status: "payable", vendorNumber, repeated: false } as const;
  });
  if (announced) deps.onOutboxWrite();
  return outcome;
}
