import { describe, expect, it } from "vitest";
import { ageException } from "./exception-aging.js";
import { compileExceptionRouting, DEFAULT_EXCEPTION_ROUTING, routeException } from "./exception-routing.js";
import { input, invoice, invoiceLine } from "./invoice-match.fixtures.js";
import type { MatchException } from "./match-exception.js";
import { matchInvoice } from "./match-invoice.js";

const exception = (over: Partial<MatchException> = {}): MatchException => ({
  kind: "match-exception",
  type: "price",
  rule: "price.over-tolerance",
  invoiceId: "INV-1",
  lineId: "1",
  purchaseOrderId: "PO-1",
  purchaseOrderLineId: "1",
  itemId: "item-drape",
  clinicalCategory: "med-surg",
  twoWay: false,
  measure: "unit-price",
  expected: "1.00",
  actual: "2.00",
  variance: "1.00",
  variancePercent: "100.00",
  varianceAmount: "1.00",
  message: "m",
  ...over,
});
const NOW = new Date("2025-06-12T09:00:00.000Z");

describe("exceptions are routed by policy to a queue, an urgency and an SLA", () => {
  it("defaults: price → financial, off-contract → compliance, implants → clinical", () => {
    const r = compileExceptionRouting();
    expect(r).toEqual(DEFAULT_EXCEPTION_ROUTING);
    expect(routeException(exception(), r, NOW).route).toEqual({
      queue: "pricing-analyst",
      urgency: "financial",
      slaHours: 48,
      raisedAt: "2025-06-12T09:00:00.000Z",
      dueAt: "2025-06-14T09:00:00.000Z",
    });
    expect(routeException(exception({ type: "off-contract" }), r, NOW).route).toMatchObject({
      queue: "contract-compliance",
      urgency: "compliance",
      slaHours: 24,
    });
    expect(
      routeException(exception({ type: "off-contract", clinicalCategory: "implant" }), r, NOW).route,
    ).toMatchObject({
      queue: "contract-compliance",
      urgency: "clinical",
      slaHours: 8,
    });
  });

  it("is configuration: per-type overrides and a clinical queue", () => {
    const r = compileExceptionRouting({
      routes: { price: { queue: "ap-pricing", slaHours: 12 } },
      clinical: { queue: "value-analysis", categories: ["implant", "pharmacy"], twoWayLines: false },
    });
    expect(routeException(exception(), r, NOW).route).toMatchObject({
      queue: "ap-pricing",
      urgency: "financial",
      slaHours: 12,
    });
    expect(routeException(exception({ clinicalCategory: "pharmacy" }), r, NOW).route).toMatchObject({
      queue: "value-analysis",
      urgency: "clinical",
    });
    expect(routeException(exception({ twoWay: true }), r, NOW).route.urgency).toBe("financial");
  });

  it.each([
    [{ routes: { pricing: {} } } as object, 'exception routing routes has unknown exception type "pricing"'],
    [
      { routes: { price: { queue: "" } } },
      "exception routing routes.price.queue must be a non-empty name of at most 80 characters",
    ],
    [
      { routes: { price: { urgency: "urgent" as "clinical" } } },
      "exception routing routes.price.urgency must be one of financial, compliance, clinical",
    ],
    [
      { routes: { uom: { slaHours: 0 } } },
      "exception routing routes.uom.slaHours must be a whole number of hours from 1 to 8760, got 0",
    ],
    [
      { clinical: { categories: ["ortho" as "implant"] } },
      "exception routing clinical.categories must list categories from med-surg, implant, pharmacy, lab, non-clinical",
    ],
  ])("refuses %j", (bad, message) => {
    expect(() => compileExceptionRouting(bad)).toThrow(message);
  });

  it("the engine returns its exceptions routed", () => {
    const r = matchInvoice(input({ invoice: invoice({ lines: [invoiceLine({ unitPrice: "70.00" })] }) }));
    expect(r.exceptions.map((e) => [e.type, e.route.queue, e.route.dueAt])).toEqual([
      ["off-contract", "contract-compliance", "2025-06-13T09:00:00.000Z"],
    ]);
  });
});

describe("ageException: age and SLA standing from a clock passed in", () => {
  const routed = routeException(exception({ type: "off-contract" }), DEFAULT_EXCEPTION_ROUTING, NOW);
  it("counts whole hours, due exactly at the SLA is not yet overdue", () => {
    expect(ageException(routed, new Date("2025-06-12T15:30:00Z"))).toEqual({
      ageHours: 6,
      overdue: false,
      hoursOverdue: 0,
      hoursRemaining: 17,
    });
    expect(ageException(routed, new Date("2025-06-13T09:00:00Z")).overdue).toBe(false);
    expect(ageException(routed, new Date("2025-06-14T12:00:00Z"))).toEqual({
      ageHours: 51,
      overdue: true,
      hoursOverdue: 27,
      hoursRemaining: 0,
    });
  });

  it("a clock behind the raise time gives age 0, not a negative age", () => {
    expect(ageException(routed, new Date("2025-06-12T08:00:00Z")).ageHours).toBe(0);
  });
});
