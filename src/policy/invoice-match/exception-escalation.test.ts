import { describe, expect, it } from "vitest";
import {
  compileExceptionEscalation,
  DEFAULT_EXCEPTION_ESCALATION,
  nextEscalation,
  ownerChain,
} from "./exception-escalation.js";
import { paymentDecision } from "./payment-decision.js";

describe("invoice exception owners and escalation", () => {
  it("starts with the routed queue, climbs the urgency's chain without repeating an owner, and stops at the top", () => {
    const esc = DEFAULT_EXCEPTION_ESCALATION;
    expect(ownerChain("receiving", "financial", esc)).toEqual([
      "receiving",
      "accounts-payable",
      "ap-manager",
      "controller",
    ]);
    expect(ownerChain("accounts-payable", "financial", esc)).toEqual(["accounts-payable", "ap-manager", "controller"]);
    expect(ownerChain("receiving", "clinical", esc)).toEqual(["supply-chain-clinical", "clinical-supply-director"]);
    const chain = ownerChain("contract-compliance", "compliance", esc);
    const now = new Date("2026-06-01T00:00:00Z");
    expect(nextEscalation(chain, 0, "compliance", esc, now)).toEqual({
      level: 1,
      owner: "compliance-officer",
      dueAt: new Date("2026-06-02T00:00:00Z"),
    });
    expect(nextEscalation(chain, 1, "compliance", esc, now)).toBeNull();
  });

  it("refuses a bad configuration naming the option", () => {
    expect(() => compileExceptionEscalation({ chains: { financial: [] } })).toThrow(
      "invoiceExceptions.chains.financial must list at least one owner",
    );
    expect(() => compileExceptionEscalation({ hours: { clinical: 0 } })).toThrow(
      "invoiceExceptions.hours.clinical must be a whole number of hours from 1 to 8760, got 0",
    );
    expect(() => compileExceptionEscalation({ chains: { routine: ["x"] } as never })).toThrow(
      /routine is not an urgency/,
    );
    expect(compileExceptionEscalation({ hours: { clinical: 2 } }).hours).toEqual({
      financial: 24,
      compliance: 24,
      clinical: 2,
    });
  });
});

describe("the payment decision of a held invoice", () => {
  it("releases, short-pays the disputed variance, or rejects when one resolution rejected it", () => {
    expect(paymentDecision("100.00", [{ code: "accept-variance", varianceAmount: "5.00" }])).toEqual({
      decision: "release",
      approvedAmount: "100.00",
      disputedAmount: "0.00",
      creditRequested: false,
    });
    expect(
      paymentDecision("100.00", [
        { code: "short-pay", varianceAmount: "12.50" },
        { code: "credit-requested", varianceAmount: "3.00" },
      ]),
    ).toEqual({ decision: "short-pay", approvedAmount: "87.50", disputedAmount: "15.50", creditRequested: true });
    expect(
      paymentDecision("100.00", [
        { code: "short-pay", varianceAmount: "12.50" },
        { code: "rejected", varianceAmount: "0.00" },
      ]),
    ).toMatchObject({ decision: "reject", approvedAmount: "0.00", disputedAmount: "100.00" });
    expect(paymentDecision("10.00", [{ code: "short-pay", varianceAmount: "25.00" }]).approvedAmount).toBe("0.00");
  });
});
