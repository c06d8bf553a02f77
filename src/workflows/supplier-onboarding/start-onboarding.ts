import { randomUUID } from "node:crypto";
import { appendAudit } from "../../audit/index.js";
import { Errors } from "../../errors/index.js";
import type { Supplier } from "../../model/index.js";
import { readSupplierSensitive } from "../../security/supplier-sensitive-fields.js";
import type { Queryable } from "../../store/index.js";
import { scheduleTimer } from "../timers/index.js";
import type { OnboardingDeps } from "./onboarding-deps.js";
import type { OnboardingRequest, StoredOnboardingRequest } from "./onboarding-request.js";
import { ONBOARDING_WORKFLOW, timerKeys } from "./onboarding-status.js";
import { fingerprintBank, openBank, sealOnboardingValues } from "./sealed-values.js";
import { recordTransition } from "./transition.js";

export interface StartedOnboarding {
  readonly id: string;
  readonly supplierId: string;
  readonly kind: "new" | "update";
  readonly status: "requested";
}

/**
 * Takes procurement's completed onboarding, in one transaction: the request (tax id and bank
 * account sealed), its first transition, a new supplier's canonical record (status "onboarding",
 * so it can be found and asked about at once) and the timer that runs the checks in a worker.
 * Nothing is checked here: every check's outcome is the workflow's, with an owner when it fails.
 */
export async function startOnboarding(
  deps: OnboardingDeps,
  request: OnboardingRequest,
  meta: { readonly requestedBy: string | undefined; readonly correlationId: string },
): Promise<StartedOnboarding> {
  const now = deps.clock.now();
  const id = `onb-${randomUUID()}`;
  const started = await deps.store.transaction(async (tx) => {
    let supplierId = request.supplierId;
    let bankChange = false;
    if (supplierId) {
      const [existing] = await tx.query<{ body: Supplier }>(
        "SELECT body FROM canonical_records WHERE entity_type = 'supplier' AND id = $1 FOR UPDATE",
        [supplierId],
      );
      if (!existing) throw Errors.ReferenceUnknown(`no supplier ${supplierId} to re-onboard`, { supplierId });
      // A supplier never paid yet (still onboarding: a corrected resubmission) has no account to change.
      bankChange =
        existing.body.status !== "onboarding" && (await isBankChange(deps, tx, supplierId, request.bankAccount));
    } else {
      supplierId = `sup-${randomUUID().replace(/-/g, "").slice(0, 12)}`;
      const supplier: Supplier = {
        kind: "supplier",
        id: supplierId,
        name: request.name,
        status: "onboarding",
        ...(request.duns ? { duns: request.duns } : {}),
        ...(request.gln ? { gln: request.gln } : {}),
        paymentTermsNetDays: request.paymentTermsNetDays ?? 30,
        remitTo: request.address,
      };
      await tx.query("INSERT INTO canonical_records (entity_type, id, body) VALUES ('supplier', $1, $2)", [
        supplierId,
        JSON.stringify(supplier),
      ]);
    }
    const kind = request.supplierId ? "update" : "new";
    const { taxId, bankAccount, ...kept } = request;
    const stored: StoredOnboardingRequest = kept;
    const sealed = sealOnboardingValues(deps.cipher, id, taxId, bankAccount);
    await tx.query(
      `INSERT INTO supplier_onboardings (id, supplier_id, kind, status, request, tin_sealed, tin_fp, tin_last4,
         bank_sealed, bank_fp, bank_last4, fp_key_id, bank_change, requested_by, correlation_id, requested_at)
       VALUES ($1, $2, $3, 'requested', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        id,
        supplierId,
        kind,
        JSON.stringify(stored),
        sealed.tinSealed,
        sealed.tinFp,
        sealed.tinLast4,
        sealed.bankSealed,
        sealed.bankFp,
        sealed.bankLast4,
        sealed.fpKeyId,
        bankChange,
        meta.requestedBy ?? null,
        meta.correlationId,
        now.toISOString(),
      ],
    );
    await recordTransition(tx, {
      id,
      from: null,
      to: "requested",
      reason:
        kind === "new" ? "procurement completed onboarding of a new supplier" : "procurement re-onboarded the supplier",
      actor: meta.requestedBy ?? "procurement",
      at: now,
    });
    await scheduleTimer(tx, { workflow: ONBOARDING_WORKFLOW, key: timerKeys.checks(id), fireAt: now });
    await appendAudit(tx, [
      {
        actor: meta.requestedBy ?? "procurement",
        action: "supplier.onboarding.requested",
        subjectType: "supplier-onboarding",
        subjectId: id,
        detail: { supplierId, kind, bankChange, taxIdLast4: sealed.tinLast4, bankAccountLast4: sealed.bankLast4 },
      },
    ]);
    return { id, supplierId, kind, status: "requested" } as const;
  });
  deps.onTimerDue();
  return started;
}

/**
 * Whether the account differs from the one the supplier is paid to now: the one held for it
 * (sensitive_fields), else the one of its latest payable onboarding. A supplier with no account on
 * record is getting a remit-to account for the first time, which is a bank change too.
 */
async function isBankChange(
  deps: OnboardingDeps,
  tx: Queryable,
  supplierId: string,
  account: OnboardingRequest["bankAccount"],
): Promise<boolean> {
  const held = (await readSupplierSensitive(tx, deps.cipher, [supplierId])).get(supplierId)?.bankAccount;
  if (held) return held.routingNumber !== account.routingNumber || held.accountNumber !== account.accountNumber;
  const [last] = await tx.query<{ id: string; bank_sealed: string; bank_fp: string; fp_key_id: string }>(
    `SELECT id, bank_sealed, bank_fp, fp_key_id FROM supplier_onboardings
     WHERE supplier_id = $1 AND status = 'payable' ORDER BY payable_at DESC LIMIT 1`,
    [supplierId],
  );
  if (!last) return true;
  // Fingerprints compare only under one key; after a rotation the sealed value decides.
  if (last.fp_key_id === deps.cipher.activeKeyId) return last.bank_fp !== fingerprintBank(deps.cipher, account);
  const before = openBank(deps.cipher, last.id, last.bank_sealed);
  return before.routingNumber !== account.routingNumber || before.accountNumber !== account.accountNumber;
}
