import { describe, expect, it } from "vitest";
import { INTAKE_CONFIG as config, intakeItem as item, useIntakeStore } from "../../../test/support/intake-fixtures.js";
import { amendment, contractV1 } from "../../../test/support/small-health-system.js";
import { STORE_KINDS } from "../../../test/support/stores.js";
import type { ClaimedDelivery, ClaimOnAppend, LocalDispatch } from "../../events/index.js";
import type { Contract } from "../../model/index.js";
import { compilePriceActivationOptions, planActivations } from "../price-activation/index.js";
import { ManualClock } from "../timers/index.js";
import { ContractIntake } from "./contract-intake.js";

/** A local dispatcher that takes at most `free` deliveries per batch and keeps what it was handed. */
class CountingDispatch implements LocalDispatch {
  readonly adopted: ClaimedDelivery[] = [];
  constructor(private readonly free: number) {}
  reserve(wanted: number): ClaimOnAppend {
    return { workerId: "w-test", leaseMs: 60_000, limit: Math.min(wanted, this.free) };
  }
  adopt(claimed: readonly ClaimedDelivery[]): void {
    this.adopted.push(...claimed);
  }
}

/**
 * The intake wakes the dispatchers (its own, and every worker's through the store) only for work
 * its own dispatcher did not take on append: a wake-up for deliveries already in hand costs an
 * empty claim round, which on the embedded store cost more than the claims it was meant to start.
 */
describe.each(STORE_KINDS)("contract intake wake-ups ($name)", (kind) => {
  const env = useIntakeStore(kind);

  const submitted = async (local: LocalDispatch | undefined, contracts: readonly Contract[]) => {
    let wakes = 0;
    const intake = new ContractIntake(env.store, config, () => wakes++, local);
    await Promise.all(contracts.map((c) => intake.submit(item(c))));
    await intake.drain();
    return wakes;
  };

  it("does not wake anyone when its own dispatcher took every fresh delivery", async () => {
    const local = new CountingDispatch(100);
    const v1 = contractV1({ id: "ctr-wake-1", number: "AGR-WAKE-1" });
    expect(await submitted(local, [v1])).toBe(0);
    expect(local.adopted.map((d) => d.target).sort()).toEqual(["analytics", "procurement"]);
  });

  it("wakes the dispatchers when a delivery was left pending (no free slot, or an older version unfinished)", async () => {
    const v1 = contractV1({ id: "ctr-wake-2", number: "AGR-WAKE-2" });
    expect(await submitted(new CountingDispatch(0), [v1])).toBe(1);
    // v1's deliveries are still pending: v2 may not be claimed before them, so it is left for a claim round.
    const local = new CountingDispatch(100);
    expect(await submitted(local, [amendment(v1, 2, "2026-03-01")])).toBe(1);
    expect(local.adopted).toEqual([]);
  });

  it("wakes the dispatchers after every accepting batch when no dispatcher runs in this process", async () => {
    const v1 = contractV1({ id: "ctr-wake-3", number: "AGR-WAKE-3" });
    expect(await submitted(undefined, [v1])).toBe(1);
  });
});

/**
 * A version no required target has to acknowledge is released as it is accepted: its facilities
 * whose day has come are activated in the intake's own transaction, and the audit chain tells it
 * in order (decision, plan, activation).
 */
describe.each(STORE_KINDS)("contract intake without a required target ($name)", (kind) => {
  const env = useIntakeStore(kind);

  it("activates the facilities already due at once, their audit records after the plan's", async () => {
    const deps = {
      store: env.store,
      clock: new ManualClock("2026-06-01T12:00:00Z"),
      options: compilePriceActivationOptions(),
    };
    const sinkOnly = {
      ...config,
      targets: [{ system: "analytics", required: false, usesLocalIds: false }],
      afterAccept: (tx: Parameters<typeof planActivations>[1], accepted: Parameters<typeof planActivations>[2]) =>
        planActivations(deps, tx, accepted),
    };
    const intake = new ContractIntake(env.store, sinkOnly, () => {});
    await intake.submit(item(contractV1({ id: "ctr-sink-1", number: "AGR-SINK-1" })));
    const activations = await env.store.query<{ facility_id: string; status: string }>(
      "SELECT facility_id, status FROM price_activations WHERE contract_id = 'ctr-sink-1' ORDER BY facility_id",
    );
    expect(activations).toEqual([
      { facility_id: "fac-1", status: "activated" },
      { facility_id: "fac-2", status: "activated" },
    ]);
    const audit = await env.store.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE subject_id = 'ctr-sink-1' ORDER BY seq",
    );
    expect(audit.map((a) => a.action)).toEqual([
      "contract.price.activation-planned",
      "contract.price.activated",
      "contract.version.accepted",
    ]);
  });
});
