import { describe, expect, it } from "vitest";
import { CircuitBreakers } from "./circuit-breaker.js";

const failed = { kind: "failed" } as const;
const succeeded = { kind: "succeeded" } as const;

function breakers() {
  const clock = { t: 1_000_000 };
  const b = new CircuitBreakers({ failureThreshold: 3, openMs: 100, maxOpenMs: 350 }, () => clock.t);
  return { b, clock };
}

describe("circuit breaker", () => {
  it("opens after failureThreshold consecutive failures and admits nothing while open", () => {
    const { b } = breakers();
    b.record("erp", 1, failed);
    b.record("erp", 2, failed);
    expect(b.status("erp")).toMatchObject({ state: "closed", consecutiveFailures: 2 });
    b.record("erp", 3, failed);
    expect(b.status("erp")).toMatchObject({ state: "open", consecutiveFailures: 3 });
    expect(b.admit(["erp", "crm"])).toEqual({ closed: ["crm"], probe: [] });
  });

  it("a success or a refusal in between resets the count", () => {
    const { b } = breakers();
    b.record("erp", 1, failed);
    b.record("erp", 2, failed);
    b.record("erp", 3, { kind: "answered" });
    b.record("erp", 4, failed);
    b.record("erp", 5, failed);
    expect(b.status("erp").state).toBe("closed");
    b.record("erp", 6, succeeded);
    expect(b.status("erp").consecutiveFailures).toBe(0);
  });

  it("lets exactly one probe through after the cool-down; a failed probe doubles the cool-down up to the max", () => {
    const { b, clock } = breakers();
    for (const id of [1, 2, 3]) b.record("erp", id, failed);
    const openedAt = clock.t;
    expect(b.status("erp")).toMatchObject({ openedAt: new Date(openedAt), nextProbeAt: new Date(openedAt + 100) });
    clock.t += 99;
    expect(b.admit(["erp"]).probe).toEqual([]);
    clock.t += 1;
    expect(b.status("erp").state).toBe("half-open");
    expect(b.admit(["erp"])).toEqual({ closed: [], probe: ["erp"] });
    b.probeStarted("erp", 4);
    expect(b.admit(["erp"])).toEqual({ closed: [], probe: [] });
    // A late failure of a delivery sent before the circuit opened is not the probe.
    b.record("erp", 3, failed);
    expect(b.status("erp").state).toBe("half-open");
    b.record("erp", 4, failed);
    expect(b.status("erp")).toMatchObject({ state: "open", nextProbeAt: new Date(clock.t + 200) });
    for (const cooldown of [200, 350, 350]) {
      clock.t += cooldown;
      expect(b.admit(["erp"]).probe).toEqual(["erp"]);
      b.probeStarted("erp", 5);
      b.record("erp", 5, failed);
    }
    expect(b.status("erp").nextProbeAt).toEqual(new Date(clock.t + 350));
  });

  it("a successful probe closes the circuit and says so; the next trip starts from openMs again", () => {
    const { b, clock } = breakers();
    for (const id of [1, 2, 3]) b.record("erp", id, failed);
    clock.t += 100;
    b.probeStarted("erp", 4);
    expect(b.record("erp", 4, succeeded)).toBe(true);
    expect(b.status("erp")).toEqual({
      state: "closed",
      consecutiveFailures: 0,
      openedAt: undefined,
      nextProbeAt: undefined,
    });
    expect(b.record("erp", 5, succeeded)).toBe(false);
    for (const id of [6, 7, 8]) b.record("erp", id, failed);
    expect(b.status("erp").nextProbeAt).toEqual(new Date(clock.t + 100));
  });

  it("a Retry-After is a floor on the cool-down, capped at maxOpenMs", () => {
    const { b, clock } = breakers();
    b.record("erp", 1, failed);
    b.record("erp", 2, failed);
    b.record("erp", 3, { kind: "failed", retryAfterMs: 250 });
    expect(b.status("erp").nextProbeAt).toEqual(new Date(clock.t + 250));
    b.record("crm", 1, failed);
    b.record("crm", 2, failed);
    b.record("crm", 3, { kind: "failed", retryAfterMs: 86_400_000 });
    expect(b.status("crm").nextProbeAt).toEqual(new Date(clock.t + 350));
  });

  it("failures while open do not lengthen the cool-down", () => {
    const { b, clock } = breakers();
    for (const id of [1, 2, 3, 4, 5, 6]) b.record("erp", id, failed);
    expect(b.status("erp")).toMatchObject({ state: "open", nextProbeAt: new Date(clock.t + 100) });
  });
});
