import { describe, expect, it } from "vitest";
import type { PunchOutOrderMessage } from "./cxml-types.js";
import { punchOutCartToRequisitionLines } from "./punch-out-requisition.js";

describe("punchOutCartToRequisitionLines", () => {
  it("keeps each cart line's item reference, quantity, unit and price, numbering lines from 1", () => {
    const cart: PunchOutOrderMessage = {
      buyerCookie: "c",
      operationAllowed: "create",
      items: [
        {
          item: { supplierPartNo: "5555", buyerPartNo: "KD5555" },
          quantity: "3",
          uom: "each",
          unitPrice: "763.20",
          currency: "USD",
        },
        { lineId: "7", item: { gtin: "00012345678905" }, quantity: "1", uom: "box", unitPrice: "9", currency: "USD" },
      ],
    };
    expect(punchOutCartToRequisitionLines(cart)).toEqual([
      {
        lineId: "1",
        item: { supplierPartNo: "5555", buyerPartNo: "KD5555" },
        quantity: "3",
        uom: "each",
        unitPrice: "763.20",
      },
      { lineId: "7", item: { gtin: "00012345678905" }, quantity: "1", uom: "box", unitPrice: "9" },
    ]);
  });
});
