import { describe, expect, it } from "vitest";
import { takeSensitiveSupplierFields } from "./sensitive-supplier-input.js";

const base = { kind: "supplier", id: "sup-1", name: "Acme" };

describe("takeSensitiveSupplierFields", () => {
  it("takes the tax id and bank account out of the record, normalised", () => {
    const bankAccount = { routingNumber: "021000021", accountNumber: "000123456789", accountType: "checking" };
    expect(takeSensitiveSupplierFields({ ...base, taxId: "12-3456789", bankAccount })).toEqual({
      rest: base,
      values: { taxId: "123456789", bankAccount },
      issues: [],
    });
    expect(takeSensitiveSupplierFields(base)).toEqual({ rest: base, values: {}, issues: [] });
  });

  it("says which field is wrong and why, never what was sent", () => {
    const sent = {
      ...base,
      taxId: "666-12-3456",
      bankAccount: { routingNumber: "021000022", accountNumber: "12-3456", accountType: "brokerage", iban: "GB00X" },
    };
    const split = takeSensitiveSupplierFields(sent);
    expect(split.values).toEqual({});
    expect(split.rest).toEqual(base);
    expect(split.issues.map((i) => [i.path, i.message])).toEqual([
      ["/taxId", "taxId is not an issued SSN (area 000 or 666)"],
      ["/bankAccount/iban", "bankAccount.iban is not a known field"],
      ["/bankAccount/routingNumber", "bankAccount.routingNumber fails the ABA check digit (3-7-1 weights)"],
      [
        "/bankAccount/accountNumber",
        "bankAccount.accountNumber must be 4 to 17 digits (got 7 characters: digits, '-')",
      ],
      ["/bankAccount/accountType", "bankAccount.accountType must be checking or savings"],
    ]);
    const text = JSON.stringify(split.issues);
    for (const clear of ["666-12-3456", "666123456", "021000022", "12-3456", "brokerage", "GB00X"]) {
      expect(text).not.toContain(clear);
    }
  });

  it("refuses values of the wrong type by their type", () => {
    const split = takeSensitiveSupplierFields({ ...base, taxId: 123456789, bankAccount: "021000021/000123456789" });
    expect(split.issues.map((i) => i.message)).toEqual([
      "taxId must be text (got a number)",
      "bankAccount must be an object (got a string)",
    ]);
  });
});
