import { appendAudit } from "../../audit/index.js";
import { Errors } from "../../errors/index.js";
import type { OnboardingDeps } from "./onboarding-deps.js";
import { readOnboarding } from "./onboarding-row.js";
import type { OnboardingStatus } from "./onboarding-status.js";
import { resolveCheckExceptions } from "./raise-check-exception.js";
import { requestVendor } from "./request-vendor.js";
import { transition } from "./transition.js";

/** Approvals a bank change needs, from as many different clients. */
export const BANK_CHANGE_APPROVALS = 2;

export interface ApprovalOutcome {
  readonly onboardingId: string;
  readonly status: OnboardingStatus;
  readonly approvals: readonly { readonly approver: string; readonly decision: "approve" | "reject" }[];
  readonly approvalsNeeded: number;
}

/**
 * A person's decision on a bank change, in one transaction with what it causes. Dual approval:
 * the change goes to the ERP once two different clients approved, neither of them the requester;
 * one rejection ends the onboarding. The approver is the authenticated client, never a name the
 * caller types in.
 */
export async function decideApproval(
  deps: OnboardingDeps,
  d: {
    readonly onboardingId: string;
    readonly approver: string | undefined;
    readonly decision: "approve" | "reject";
    readonly comment?: string | undefined;
  },
): Promise<ApprovalOutcome> {
  let wroteEvents = false;
  const outcome = await deps.store.transaction(async (tx) => {
    const row = await readOnboarding(tx, d.onboardingId, true);
    if (!row) throw Errors.NotFound(`no supplier onboarding ${d.onboardingId}`);
    if (row.status !== "awaiting_approval") {
      throw Errors.OnboardingState(`onboarding ${row.id} is ${row.status}; it is not waiting for an approval`, {
        onboardingId: row.id,
        status: row.status,
      });
    }
    if (!d.approver)
      throw Errors.OnboardingApprover("an approval needs an authenticated client to record as the approver", {
        onboardingId: row.id,
      });
    if (row.requestedBy && d.approver === row.requestedBy)
      throw Errors.OnboardingApprover(`${d.approver} requested this bank change and may not approve it`, {
        onboardingId: row.id,
      });
    const now = deps.clock.now();
    const inserted = await tx.query(
      `INSERT INTO supplier_onboarding_approvals (onboarding_id, approver, decision, comment, decided_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
      [row.id, d.approver, d.decision, d.comment ?? null, now.toISOString()],
    );
    if (inserted.length === 0)
      throw Errors.OnboardingApprover(`${d.approver} already decided this approval; a second approver must`, {
        onboardingId: row.id,
      });
    const approvals = await tx.query<{ approver: string; decision: "approve" | "reject" }>(
      "SELECT approver, decision FROM supplier_onboarding_approvals WHERE onboarding_id = $1 ORDER BY decided_at, approver",
      [row.id],
    );
    const settle = (outcome: "passed" | "failed", reason: string) =>
      tx.query("UPDATE supplier_onboardings SET checks = $2 WHERE id = $1", [
        row.id,
        JSON.stringify(row.checks.map((c) => (c.check === "bank-change-approval" ? { ...c, outcome, reason } : c))),
      ]);
    let status: OnboardingStatus = row.status;
    if (d.decision === "reject") {
      await transition(tx, {
        id: row.id,
        from: "awaiting_approval",
        to: "rejected",
        reason: `bank change rejected by ${d.approver}${d.comment ? `: ${d.comment}` : ""}`,
        actor: d.approver,
        at: now,
      });
      await resolveCheckExceptions(tx, row.id, "bank-change-approval", `rejected by ${d.approver}`, now);
      await settle("failed", `the bank change was rejected by ${d.approver}`);
      status = "rejected";
    } else if (approvals.filter((a) => a.decision === "approve").length >= BANK_CHANGE_APPROVALS) {
      const approvers = approvals.map((a) => a.approver).join(" and ");
      wroteEvents = await requestVendor(
        tx,
        deps.options,
        row,
        "awaiting_approval",
        `bank change approved by ${approvers}`,
        now,
      );
      await resolveCheckExceptions(tx, row.id, "bank-change-approval", `approved by ${approvers}`, now);
      await settle("passed", `the bank change was approved by ${approvers}`);
      status = "vendor_requested";
    }
    await appendAudit(tx, [
      {
        actor: d.approver,
        action: `supplier.onboarding.${d.decision === "approve" ? "approved" : "rejected"}`,
        subjectType: "supplier-onboarding",
        subjectId: row.id,
        detail: { supplierId: row.supplierId, approvals: approvals.length, status },
      },
    ]);
    return { onboardingId: row.id, status, approvals, approvalsNeeded: BANK_CHANGE_APPROVALS };
  });
  if (wroteEvents) deps.onOutboxWrite();
  return outcome;
}
