import { describe, expect, it } from "vitest";
import type { Supplier } from "../model/index.js";
import { maskSupplierSensitive, serializeSensitive, withSensitive } from "./supplier-sensitive-fields.js";

const account = {
  routingNumber: "021000021",
  accountNumber: "000123456789",
  accountType: "savings",
  accountName: "Acme LLC",
} as const;

describe("supplier sensitive fields", () => {
  it("masks to the last 4 digits and leaves the account holder out", () => {
    expect(maskSupplierSensitive({ taxId: "123456789", bankAccount: account })).toEqual({
      taxId: "*****6789",
      bankAccount: { routingNumber: "*****0021", accountNumber: "********6789", accountType: "savings" },
    });
    // A short account number is masked whole: its last 4 would be most of it.
    expect(
      maskSupplierSensitive({ bankAccount: { ...account, accountNumber: "12345" } }).bankAccount?.accountNumber,
    ).toBe("*****");
    expect(maskSupplierSensitive({})).toEqual({});
  });

  it("serialises a bank account the same whatever order its fields came in", () => {
    const reordered = {
      accountName: "Acme LLC",
      accountType: "savings",
      accountNumber: "000123456789",
      routingNumber: "021000021",
    } as const;
    expect(serializeSensitive("bankAccount", { bankAccount: reordered })).toBe(
      serializeSensitive("bankAccount", { bankAccount: account }),
    );
    expect(serializeSensitive("taxId", {})).toBeUndefined();
  });

  it("merges clear values only when asked for", () => {
    const supplier = { kind: "supplier", id: "sup-1", name: "Acme" } as unknown as Supplier;
    expect(withSensitive(supplier, { taxId: "123456789" }, true)).toMatchObject({ taxId: "123456789" });
    expect(withSensitive(supplier, { taxId: "123456789" }, false)).toMatchObject({ taxId: "*****6789" });
    expect(withSensitive(supplier, undefined, false)).toBe(supplier);
  });
});
