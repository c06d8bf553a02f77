import { Errors } from "../errors/index.js";
import {
  RECONCILE_ENTITY_TYPES,
  type ReconcileEntityType,
  type ReconcileSystem,
  SYSTEM_KINDS,
} from "./reconcile-types.js";

export interface ReconcileConfigInput {
  /** The systems whose exports are compared (kind clm, procurement or erp; base URL of its API). */
  readonly systems: readonly ReconcileSystem[];
  /** Re-send what drifted through the outbox (default false: report only). */
  readonly heal?: boolean;
  readonly entityTypes?: readonly ReconcileEntityType[];
  /** Runs on a schedule: every `everyHours` hours from `at` (UTC "HH:MM", default "02:00"). */
  readonly schedule?: { readonly everyHours: number; readonly at?: string };
  /** A worker renews its claim on a run this often (×3 is the lease); default 10 s. */
  readonly heartbeatMs?: number;
}

export interface ReconcileConfig {
  readonly systems: readonly ReconcileSystem[];
  readonly heal: boolean;
  readonly entityTypes: readonly ReconcileEntityType[] | undefined;
  readonly schedule: { readonly everyHours: number; readonly atMinute: number } | undefined;
  readonly heartbeatMs: number;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Validates the `reconcile` section of the hub configuration once, at start-up. */
export function compileReconcileConfig(input: ReconcileConfigInput | undefined): ReconcileConfig | undefined {
  if (!input) return undefined;
  if (!Array.isArray(input.systems) || input.systems.length === 0) {
    throw Errors.ConfigInvalid("reconcile.systems must list at least one system (or leave reconcile out)");
  }
  for (const [i, s] of input.systems.entries()) {
    if (!(SYSTEM_KINDS as readonly string[]).includes(s.kind)) {
      throw Errors.ConfigInvalid(`reconcile.systems[${i}].kind must be one of ${SYSTEM_KINDS.join(", ")}`);
    }
    if (!/^https?:\/\//.test(s.baseUrl ?? "")) {
      throw Errors.ConfigInvalid(`reconcile.systems[${i}].baseUrl must be an http(s) URL`);
    }
  }
  for (const t of input.entityTypes ?? []) {
    if (!(RECONCILE_ENTITY_TYPES as readonly string[]).includes(t)) {
      throw Errors.ConfigInvalid(`reconcile.entityTypes: ${t} is not one of ${RECONCILE_ENTITY_TYPES.join(", ")}`);
    }
  }
  let schedule: ReconcileConfig["schedule"];
  if (input.schedule) {
    const { everyHours, at = "02:00" } = input.schedule;
    if (!Number.isInteger(everyHours) || everyHours < 1 || everyHours > 24 * 31) {
      throw Errors.ConfigInvalid(
        `reconcile.schedule.everyHours must be a whole number from 1 to 744 (got ${everyHours})`,
      );
    }
    const m = HH_MM.exec(at);
    if (!m) throw Errors.ConfigInvalid(`reconcile.schedule.at must be "HH:MM" in UTC (got ${at})`);
    schedule = { everyHours, atMinute: Number(m[1]) * 60 + Number(m[2]) };
  }
  const heartbeatMs = input.heartbeatMs ?? 10_000;
  if (!Number.isInteger(heartbeatMs) || heartbeatMs < 10) {
    throw Errors.ConfigInvalid("reconcile.heartbeatMs must be a whole number of milliseconds, at least 10");
  }
  return {
    systems: input.systems,
    heal: input.heal === true,
    entityTypes: input.entityTypes,
    schedule,
    heartbeatMs,
  };
}

/**
 * The first scheduled run after `now`: runs fall at `at` (UTC) each day and every `everyHours`
 * after it, so every worker computes the same instants and a restart does not shift them.
 */
export function nextScheduledRun(now: Date, schedule: NonNullable<ReconcileConfig["schedule"]>): Date {
  const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const step = schedule.everyHours * 3_600_000;
  // Anchored at `at` on the current UTC day (or the day before, when `at` is still ahead today).
  let anchor = dayStart + schedule.atMinute * 60_000;
  if (anchor > now.getTime()) anchor -= 86_400_000;
  const steps = Math.floor((now.getTime() - anchor) / step) + 1;
  return new Date(anchor + steps * step);
}
