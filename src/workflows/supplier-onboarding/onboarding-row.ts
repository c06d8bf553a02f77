import type { Queryable } from "../../store/index.js";
import type { CheckResult } from "./check-result.js";
import type { StoredOnboardingRequest } from "./onboarding-request.js";
import type { OnboardingStatus } from "./onboarding-status.js";

/** An onboarding as stored (supplier_onboardings). */
export interface OnboardingRow {
  readonly id: string;
  readonly supplierId: string;
  readonly kind: "new" | "update";
  readonly status: OnboardingStatus;
  readonly request: StoredOnboardingRequest;
  readonly tinSealed: string;
  readonly tinFp: string;
  readonly tinLast4: string;
  readonly bankSealed: string;
  readonly bankFp: string;
  readonly bankLast4: string;
  readonly fpKeyId: string;
  readonly bankChange: boolean;
  readonly checks: readonly CheckResult[];
  readonly requestedBy: string | null;
  readonly correlationId: string;
  readonly erpVendorNumber: string | null;
  readonly requestedAt: Date;
  readonly payableAt: Date | null;
  readonly completionMs: number | null;
}

const COLUMNS = `id, supplier_id AS "supplierId", kind, status, request, tin_sealed AS "tinSealed", tin_fp AS "tinFp",
  tin_last4 AS "tinLast4", bank_sealed AS "bankSealed", bank_fp AS "bankFp", bank_last4 AS "bankLast4",
  fp_key_id AS "fpKeyId", bank_change AS "bankChange", checks, requested_by AS "requestedBy",
  correlation_id AS "correlationId", erp_vendor_number AS "erpVendorNumber", requested_at AS "requestedAt",
  payable_at AS "payableAt", completion_ms AS "completionMs"`;

/** One onboarding; `lock` takes its row lock for a transition in the caller's transaction. */
export async function readOnboarding(q: Queryable, id: string, lock = false): Promise<OnboardingRow | undefined> {
  const [row] = await q.query<OnboardingRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM supplier_onboardings WHERE id = $1${lock ? " FOR UPDATE" : ""}`,
    [id],
  );
  return row && { ...row, requestedAt: new Date(row.requestedAt), payableAt: row.payableAt && new Date(row.payableAt) };
}

/** A supplier's onboardings, newest first. */
export async function readSupplierOnboardings(q: Queryable, supplierId: string): Promise<OnboardingRow[]> {
  const rows = await q.query<OnboardingRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM supplier_onboardings WHERE supplier_id = $1 ORDER BY requested_at DESC, id DESC`,
    [supplierId],
  );
  return rows.map((row) => ({
    ...row,
    requestedAt: new Date(row.requestedAt),
    payableAt: row.payableAt && new Date(row.payableAt),
  }));
}
