import { type AuditEntry, appendAudit } from "../../audit/index.js";
import type { Contract } from "../../model/index.js";
import type { Queryable } from "../../store/index.js";
import { type NewTimer, scheduleTimers } from "../timers/index.js";
import { activateDue } from "./activate-due.js";
import type { PriceActivationDeps } from "./activation-deps.js";
import { ACTIVATION_ACTOR, PRICE_ACTIVATION_WORKFLOW, timerKeys } from "./activation-status.js";
import { eligibleFacilities } from "./eligible-facilities.js";
import { alignToPeriodStart } from "./fiscal-calendar.js";
import { priceStartDay } from "./price-start-day.js";
import { withdrawVersion } from "./withdraw-version.js";
import { isTimeZone, zonedDayStart } from "./zoned-day-start.js";

/** An accepted version as the intake hands it over; `compensationOf` when it undoes a withdrawn one. */
export interface AcceptedForActivation {
  readonly contract: Contract;
  readonly previous?: Contract | undefined;
  readonly compensationOf?: { readonly version: number; readonly reason: string } | undefined;
  /** Released at acceptance (no required target): its facilities already due activate at once. */
  readonly released: boolean;
}

/**
 * Plans the activation of freshly accepted versions, in the intake's transaction: a plan row with
 * its deadline, one activation per eligible facility at the start of its day in its own time zone,
 * and durable timers (one per distinct instant, one for the deadline). A compensation also
 * withdraws the version it undoes. Versions already released and due activate at once.
 * Returns the plans' audit entries for the caller to append with its own (one chain append), or
 * none when it activated something already (the plans' records then precede the activations').
 */
export async function planActivations(
  deps: PriceActivationDeps,
  tx: Queryable,
  accepted: readonly AcceptedForActivation[],
): Promise<AuditEntry[]> {
  if (accepted.length === 0) return [];
  const now = deps.clock.now();
  const { options } = deps;
  const zones = await facilityZones(tx, [
    ...new Set(accepted.flatMap((a) => a.contract.eligibility.map((e) => e.facilityId))),
  ]);
  const plans: unknown[][] = [[], [], [], [], [], []];
  const timers: NewTimer[] = [];
  const rows: unknown[][] = [[], [], [], [], [], [], []];
  for (const { contract, previous, compensationOf } of accepted) {
    const aligned = options.alignToFiscalPeriod || contract.activationAlignment === "fiscal-period";
    const start = priceStartDay(contract, previous);
    const day = aligned ? alignToPeriodStart(options.fiscalCalendar, start) : start;
    const instants = new Set<string>();
    for (const f of eligibleFacilities(contract, day)) {
      const known = zones.get(f.facilityId);
      const zone = known && isTimeZone(known) ? known : options.defaultTimeZone;
      const at = zonedDayStart(f.day, zone);
      instants.add(at.toISOString());
      for (const [i, v] of [
        contract.id,
        contract.version,
        f.facilityId,
        f.tier,
        zone,
        f.day,
        at.toISOString(),
      ].entries())
        rows[i]!.push(v);
    }
    const first =
      instants.size > 0
        ? Math.min(...[...instants].map(Date.parse))
        : zonedDayStart(day, options.defaultTimeZone).getTime();
    const deadline = new Date(Math.max(first - options.decisionLeadMs, now.getTime() + options.minAckWaitMs));
    for (const [i, v] of [
      contract.id,
      contract.version,
      day,
      aligned,
      deadline.toISOString(),
      compensationOf?.version ?? null,
    ].entries())
      plans[i]!.push(v);
    for (const iso of instants) {
      const at = new Date(iso);
      // An instant already passed needs no timer: the version is not released yet (this is its
      // intake), and its release or a person's decision activates every facility already due.
      if (at <= now) continue;
      timers.push({
        workflow: PRICE_ACTIVATION_WORKFLOW,
        key: timerKeys.activate(contract.id, contract.version, at),
        fireAt: at,
        payload: { contractId: contract.id, version: contract.version },
      });
    }
    timers.push({
      workflow: PRICE_ACTIVATION_WORKFLOW,
      key: timerKeys.deadline(contract.id, contract.version),
      fireAt: deadline,
      payload: { contractId: contract.id, version: contract.version },
    });
  }
  await scheduleTimers(tx, timers);
  await tx.query(
    `INSERT INTO price_activation_plans (contract_id, version, status, effective_day, aligned_to_fiscal_period,
       deadline_at, compensates_version, created_at, updated_at)
     SELECT c, v, 'scheduled', d, a, dl, cv, $7, $7
     FROM unnest($1::text[], $2::int[], $3::text[], $4::bool[], $5::timestamptz[], $6::int[]) AS k(c, v, d, a, dl, cv)
     ON CONFLICT DO NOTHING`,
    [...plans, now.toISOString()],
  );
  if (rows[0]!.length > 0) {
    await tx.query(
      `INSERT INTO price_activations (contract_id, version, facility_id, tier, time_zone, activation_day, activate_at, status)
       SELECT c, v, f, t, z, d, at, 'scheduled'
       FROM unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::timestamptz[]) AS k(c, v, f, t, z, d, at)
       ON CONFLICT DO NOTHING`,
      rows,
    );
  }
  for (const { contract, compensationOf } of accepted) {
    if (compensationOf)
      await withdrawVersion(tx, contract.id, compensationOf.version, contract.version, compensationOf.reason, now);
  }
  const planned: AuditEntry[] = accepted.map(({ contract, compensationOf }, i) => ({
    actor: ACTIVATION_ACTOR,
    action: "contract.price.activation-planned",
    subjectType: "contract",
    subjectId: contract.id,
    detail: {
      version: contract.version,
      effectiveDay: plans[2]![i],
      alignedToFiscalPeriod: plans[3]![i],
      deadlineAt: plans[4]![i],
      facilities: rows[2]!.filter((_, r) => rows[0]![r] === contract.id && rows[1]![r] === contract.version).length,
      ...(compensationOf ? { compensationOf: compensationOf.version } : {}),
    },
  }));
  // A version released at acceptance (no required target) whose day has come is usable at once;
  // the others wait for their release (the settle that completes the price gate activates them).
  const released = accepted.filter((a) => a.released);
  if (released.length === 0) return planned;
  // An activation's audit record must follow its plan's: append the plans first, here.
  await appendAudit(tx, planned);
  await activateDue(
    tx,
    released.map((a) => ({ contractId: a.contract.id, version: a.contract.version })),
    now,
    ACTIVATION_ACTOR,
  );
  return [];
}

async function facilityZones(tx: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<{ id: string; body: { timeZone?: string } }>(
    "SELECT id, body FROM canonical_records WHERE entity_type = 'facility' AND id = ANY($1::text[])",
    [ids],
  );
  return new Map(rows.flatMap((r) => (typeof r.body.timeZone === "string" ? [[r.id, r.body.timeZone]] : [])));
}
