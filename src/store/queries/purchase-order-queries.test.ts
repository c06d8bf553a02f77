import { describe, expect, it } from "vitest";
import { purchaseOrderStatusOf } from "./purchase-order-queries.js";

const none = { purpose: "original", confirmation: null, shipped: false, received: false, invoiced: false, paid: false };

describe("a purchase order's status", () => {
  it("is the furthest stage a document shows", () => {
    expect(purchaseOrderStatusOf(none)).toBe("ordered");
    expect(purchaseOrderStatusOf({ ...none, confirmation: "accepted" })).toBe("acknowledged");
    expect(purchaseOrderStatusOf({ ...none, confirmation: "accepted", shipped: true })).toBe("shipped");
    expect(purchaseOrderStatusOf({ ...none, shipped: true, received: true })).toBe("received");
    // An invoice ahead of its receipt still says invoiced: documents say what happened.
    expect(purchaseOrderStatusOf({ ...none, invoiced: true })).toBe("invoiced");
    expect(purchaseOrderStatusOf({ ...none, invoiced: true, paid: true })).toBe("paid");
  });

  it("ends at a cancel revision or a rejected confirmation, whatever else arrived", () => {
    expect(purchaseOrderStatusOf({ ...none, purpose: "cancel", shipped: true, invoiced: true })).toBe("cancelled");
    expect(purchaseOrderStatusOf({ ...none, confirmation: "rejected", invoiced: true })).toBe("rejected");
    expect(purchaseOrderStatusOf({ ...none, purpose: "cancel", paid: true })).toBe("cancelled");
  });
});
