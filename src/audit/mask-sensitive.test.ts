import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MASK, maskSensitive, sensitivityOf } from "./mask-sensitive.js";

describe("sensitivityOf", () => {
  it.each([
    "bankAccountNumber",
    "bank_account",
    "BankAccount",
    "accountNumber",
    "routingNumber",
    "abaRouting",
    "iban",
    "taxId",
    "tax_id",
    "federalTaxID",
    "TIN",
    "supplierEin",
    "EIN",
    "ssn",
    "socialSecurityNumber",
    "vatNumber",
  ])("%s is an identifier", (key) => {
    expect(sensitivityOf(key)).toBe("identifier");
  });

  it.each([
    "password",
    "passwordHash",
    "SharedSecret",
    "client_secret",
    "privateKey",
    "private_key_pem",
    "authorization",
    "Authorization",
    "x-api-key",
    "accessToken",
    "credentials",
  ])("%s is a secret", (key) => {
    expect(sensitivityOf(key)).toBe("secret");
  });

  it.each(["protein", "tinted", "reinstated", "name", "routing", "messageRouting", "tokenCount", "account", "key"])(
    "%s is not sensitive (whole words only)",
    (key) => {
      expect(sensitivityOf(key)).toBeUndefined();
    },
  );
});

describe("maskSensitive", () => {
  it("keeps the last 4 characters of identifiers and nothing of secrets", () => {
    expect(
      maskSensitive({
        name: "Acme",
        taxId: "12-3456789",
        bankAccountNumber: 123456789012,
        routingNumber: "021000021",
        sharedSecret: "s3cr3t-value-1234",
        Authorization: "Bearer abc.def.ghi",
      }),
    ).toEqual({
      name: "Acme",
      taxId: "****6789",
      bankAccountNumber: "****9012",
      routingNumber: "****0021",
      sharedSecret: MASK,
      Authorization: MASK,
    });
  });

  it("shows no tail of a short identifier", () => {
    expect(maskSensitive({ ssn: "6789", tin: "" })).toEqual({ ssn: MASK, tin: MASK });
  });

  it("masks at any depth, in arrays, and every leaf under a sensitive key", () => {
    expect(
      maskSensitive({
        suppliers: [{ id: "s1", remitTo: { bankAccount: { number: "000111222333", bank: "First" } } }],
        credentials: { identity: "buyer", secret: "x" },
        password: null,
      }),
    ).toEqual({
      suppliers: [{ id: "s1", remitTo: { bankAccount: { number: "****2333", bank: MASK } } }],
      credentials: { identity: MASK, secret: MASK },
      password: null,
    });
  });

  it("masks a canonical supplier's tax id and every part of its bank account", () => {
    const masked = maskSensitive({
      supplier: {
        id: "sup-1",
        name: "Acme",
        taxId: "123456789",
        bankAccount: {
          routingNumber: "021000021",
          accountNumber: "000123456789",
          accountType: "checking",
          accountName: "Acme LLC",
        },
      },
      sensitiveFieldsChanged: ["bankAccount"],
    });
    expect(masked).toEqual({
      supplier: {
        id: "sup-1",
        name: "Acme",
        taxId: "****6789",
        // Every leaf under the identifier keeps at most its last 4 characters.
        bankAccount: {
          routingNumber: "****0021",
          accountNumber: "****6789",
          accountType: "****king",
          accountName: "**** LLC",
        },
      },
      // The names of the fields that changed are not their values: an auditor needs to see them.
      sensitiveFieldsChanged: ["bankAccount"],
    });
    for (const clear of ["123456789", "021000021", "000123456789", "Acme LLC"]) {
      expect(JSON.stringify(masked)).not.toContain(clear);
    }
  });

  it("does not change its input", () => {
    const input = { taxId: "12-3456789", nested: { password: "pw", list: [{ ssn: "123-45-6789" }] } };
    const copy = structuredClone(input);
    maskSensitive(input);
    expect(input).toEqual(copy);
  });

  it("never lets the value of a sensitive key through, whatever it holds", () => {
    const secretish = fc.string({ minLength: 5 }).map((s) => `S3CRET${s}`);
    fc.assert(
      fc.property(
        fc.constantFrom("password", "clientSecret", "privateKey", "authorization"),
        secretish,
        (key, secret) => {
          const masked = JSON.stringify(maskSensitive({ outer: { [key]: secret, list: [{ [key]: [secret] }] } }));
          expect(masked).not.toContain("S3CRET");
        },
      ),
    );
  });
});
