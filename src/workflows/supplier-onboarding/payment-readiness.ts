import type { Supplier } from "../../model/index.js";
import type { Queryable } from "../../store/index.js";
import { readSupplierOnboardings } from "./onboarding-row.js";
import { SOURCE_NAMES } from "./screening/index.js";

export interface PaymentReadiness {
  readonly supplierId: string;
  readonly payable: boolean;
  /** Why not, each with a code a client can branch on; empty when payable. */
  readonly reasons: readonly { readonly code: string; readonly message: string }[];
  readonly vendorNumber: string | null;
  readonly onboarding: { readonly id: string; readonly status: string } | null;
}

/**
 * Whether the supplier can be paid today, and why not: its status, a vendor number in the ERP,
 * open exclusion hits, its latest onboarding (blocked checks, a pending or rejected bank change)
 * and its insurance certificate. A supplier that predates onboarding is judged on what is known.
 */
export async function paymentReadiness(
  q: Queryable,
  supplierId: string,
  erpSystem: string,
  today: string,
): Promise<PaymentReadiness | undefined> {
  const [rec] = await q.query<{ body: Supplier }>(
    "SELECT body FROM canonical_records WHERE entity_type = 'supplier' AND id = $1",
    [supplierId],
  );
  if (!rec) return undefined;
  const reasons: { code: string; message: string }[] = [];
  const [xref] = await q.query<{ local_id: string }>(
    "SELECT local_id FROM xrefs WHERE system = $1 AND entity_type = 'supplier' AND canonical_id = $2",
    [erpSystem, supplierId],
  );
  const [latest] = await readSupplierOnboardings(q, supplierId);
  if (rec.body.status !== "active")
    reasons.push({ code: "status", message: `the supplier is ${rec.body.status}, not active` });
  if (!xref) reasons.push({ code: "vendor-number-missing", message: `no vendor number in ${erpSystem} yet` });
  const hits = await q.query<{ source: "leie" | "sam"; entry_name: string; match: string }>(
    "SELECT source, entry_name, match FROM supplier_exclusion_hits WHERE supplier_id = $1 AND status = 'open' ORDER BY source, entry_name",
    [supplierId],
  );
  for (const h of hits)
    reasons.push({
      code: "excluded",
      message: `matches "${h.entry_name}" (${h.match}) on the ${SOURCE_NAMES[h.source]} list`,
    });
  if (latest) {
    if (latest.status === "blocked") {
      for (const c of latest.checks.filter((x) => x.outcome === "failed" && !x.check.startsWith("exclusion-")))
        reasons.push({ code: `check-failed:${c.check}`, message: c.reason });
    }
    if (latest.status === "awaiting_approval") {
      const [n] = await q.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM supplier_onboarding_approvals WHERE onboarding_id = $1 AND decision = 'approve'",
        [latest.id],
      );
      reasons.push({ code: "approval-pending", message: `a bank account change waits for approval (${n!.n} of 2)` });
    }
    if (latest.status === "rejected")
      reasons.push({ code: "bank-change-rejected", message: "the latest bank account change was rejected" });
    const expires = latest.request.insurance.certificateExpiresOn;
    if (expires < today)
      reasons.push({ code: "insurance-expired", message: `the insurance certificate expired on ${expires}` });
  }
  return {
    supplierId,
    payable: reasons.length === 0,
    reasons,
    vendorNumber: xref?.local_id ?? null,
    onboarding: latest ? { id: latest.id, status: latest.status } : null,
  };
}
