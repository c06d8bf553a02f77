import type { Queryable } from "../../store/index.js";
import type { PlanStatus } from "./activation-status.js";

export interface ActivationView {
  readonly contractId: string;
  readonly version: number;
  readonly status: PlanStatus;
  readonly effectiveDay: string;
  readonly alignedToFiscalPeriod: boolean;
  readonly deadlineAt: string;
  readonly exceptionId: number | null;
  readonly decision: {
    readonly decision: string;
    readonly by: string;
    readonly reason: string;
    readonly at: string;
  } | null;
  readonly compensatesVersion: number | null;
  readonly withdrawn: { readonly at: string; readonly reason: string | null } | null;
  readonly facilities: readonly {
    readonly facilityId: string;
    readonly tier: number;
    readonly timeZone: string;
    readonly activationDay: string;
    readonly activateAt: string;
    readonly status: string;
    readonly activatedAt: string | null;
    readonly activatedBy: string | null;
  }[];
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A version's activation plan and its facilities, or undefined when the version has none. */
export async function readActivation(
  q: Queryable,
  contractId: string,
  version: number,
): Promise<ActivationView | undefined> {
  const [p] = await q.query<{
    status: PlanStatus;
    effective_day: string;
    aligned_to_fiscal_period: boolean;
    deadline_at: Date;
    exception_id: number | null;
    decision: string | null;
    decided_by: string | null;
    decision_reason: string | null;
    decided_at: Date | null;
    compensates_version: number | null;
    withdrawn_at: Date | null;
    withdrawal_reason: string | null;
  }>("SELECT * FROM price_activation_plans WHERE contract_id = $1 AND version = $2", [contractId, version]);
  if (!p) return undefined;
  const rows = await q.query<{
    facility_id: string;
    tier: number;
    time_zone: string;
    activation_day: string;
    activate_at: Date;
    status: string;
    activated_at: Date | null;
    activated_by: string | null;
  }>(
    `SELECT facility_id, tier, time_zone, activation_day, activate_at, status, activated_at, activated_by
     FROM price_activations WHERE contract_id = $1 AND version = $2 ORDER BY activate_at, facility_id`,
    [contractId, version],
  );
  return {
    contractId,
    version,
    status: p.status,
    effectiveDay: p.effective_day,
    alignedToFiscalPeriod: p.aligned_to_fiscal_period,
    deadlineAt: iso(p.deadline_at)!,
    exceptionId: p.exception_id === null ? null : Number(p.exception_id),
    decision:
      p.decision === null
        ? null
        : {
            decision: p.decision,
            by: p.decided_by ?? "",
            reason: p.decision_reason ?? "",
            at: iso(p.decided_at) ?? "",
          },
    compensatesVersion: p.compensates_version,
    withdrawn: p.withdrawn_at === null ? null : { at: iso(p.withdrawn_at)!, reason: p.withdrawal_reason },
    facilities: rows.map((r) => ({
      facilityId: r.facility_id,
      tier: r.tier,
      timeZone: r.time_zone,
      activationDay: r.activation_day,
      activateAt: iso(r.activate_at)!,
      status: r.status,
      activatedAt: iso(r.activated_at),
      activatedBy: r.activated_by,
    })),
  };
}
