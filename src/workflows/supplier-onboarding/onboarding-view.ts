import type { FieldCipher } from "../../security/index.js";
import type { Queryable } from "../../store/index.js";
import { readOnboarding } from "./onboarding-row.js";
import { openBank, openTin } from "./sealed-values.js";

/**
 * An onboarding as the API shows it: status, each check's outcome and reason, approvals, the
 * timing, and the request, with the tax id and bank account in clear only for `pii:read`.
 */
export async function onboardingView(q: Queryable, cipher: FieldCipher, id: string, clear: boolean) {
  const row = await readOnboarding(q, id);
  if (!row) return undefined;
  const approvals = await q.query<{ approver: string; decision: string; comment: string | null; decidedAt: Date }>(
    `SELECT approver, decision, comment, decided_at AS "decidedAt" FROM supplier_onboarding_approvals
     WHERE onboarding_id = $1 ORDER BY decided_at, approver`,
    [id],
  );
  const bank = clear ? openBank(cipher, row.id, row.bankSealed) : undefined;
  return {
    id: row.id,
    supplierId: row.supplierId,
    kind: row.kind,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    requestedBy: row.requestedBy,
    payableAt: row.payableAt?.toISOString() ?? null,
    completionMs: row.completionMs === null ? null : Number(row.completionMs),
    erpVendorNumber: row.erpVendorNumber,
    bankChange: row.bankChange,
    checks: row.checks,
    approvals,
    request: {
      ...row.request,
      taxId: clear ? openTin(cipher, row.id, row.tinSealed) : `*****${row.tinLast4}`,
      bankAccount: bank ?? { routingNumber: "*********", accountNumber: `****${row.bankLast4}` },
    },
  };
}
