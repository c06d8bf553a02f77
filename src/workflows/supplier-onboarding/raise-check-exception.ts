import { Errors } from "../../errors/index.js";
import type { Queryable } from "../../store/index.js";
import { raiseException } from "../../store/index.js";
import { type CheckName, routeOf } from "./check-routing.js";

/**
 * Raises the exception for a check that needs a person, routed to its owner with a due date.
 * `subject` is the onboarding, or the supplier itself for a re-screening hit.
 */
export async function raiseCheckException(
  tx: Queryable,
  e: {
    readonly check: CheckName;
    readonly message: string;
    readonly onboardingId?: string;
    readonly supplierId: string;
    readonly correlationId?: string;
    readonly now: Date;
    readonly details?: Readonly<Record<string, unknown>>;
  },
): Promise<{ id: number; owner: string; dueAt: string }> {
  const route = routeOf(e.check, e.now);
  const code = e.check === "erp-vendor-number" ? Errors.OnboardingOverdue.code : Errors.OnboardingCheck.code;
  const id = await raiseException(tx, {
    code,
    rule: `onboarding.${e.check}`,
    urgency: route.urgency,
    subjectType: e.onboardingId ? "supplier-onboarding" : "supplier",
    subjectId: e.onboardingId ?? e.supplierId,
    system: "procurement",
    message: e.message,
    details: {
      ...e.details,
      ...(e.onboardingId ? { onboardingId: e.onboardingId } : {}),
      supplierId: e.supplierId,
      check: e.check,
      owner: route.owner,
      slaHours: route.slaHours,
      dueAt: route.dueAt,
    },
    correlationId: e.correlationId,
  });
  return { id, owner: route.owner, dueAt: route.dueAt };
}

/** Resolves an onboarding's open exceptions of one check (the approval came, the number arrived). */
export async function resolveCheckExceptions(
  tx: Queryable,
  onboardingId: string,
  check: CheckName,
  resolution: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE exceptions SET status = 'resolved', resolved_at = $4, resolution = $3
     WHERE subject_type = 'supplier-onboarding' AND subject_id = $1 AND rule = $2 AND status = 'open'`,
    [onboardingId, `onboarding.${check}`, resolution, now.toISOString()],
  );
}
