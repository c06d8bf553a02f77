import { describe, expect, it } from "vitest";
import { Errors } from "../../errors/index.js";
import { compileCxmlPartners, verifyCxmlCredentials } from "./credentials.js";
import type { CxmlEnvelope } from "./cxml-types.js";

const registry = compileCxmlPartners([
  {
    system: "ariba-supplier",
    credentials: [{ domain: "NetworkId", identity: "AN00000123" }],
    sharedSecret: "abracadabra",
  },
  { system: "coupa-dell", credentials: [{ domain: "DUNS", identity: "dell" }], allowMissingSharedSecret: true },
]);

const envelope = (domain: string, identity: string, sharedSecret?: string): CxmlEnvelope => ({
  payloadId: "p1",
  timestamp: "2021-01-08T23:00:06-08:00",
  from: [],
  to: [],
  sender: {
    credentials: [{ domain, identity, ...(sharedSecret === undefined ? {} : { sharedSecret }) }],
    userAgent: "x",
  },
});

describe("verifyCxmlCredentials", () => {
  it("accepts the right shared secret, matching the domain case-insensitively", () => {
    expect(verifyCxmlCredentials(envelope("networkid", "AN00000123", "abracadabra"), registry).system).toBe(
      "ariba-supplier",
    );
  });

  it.each([
    ["a wrong secret", envelope("NetworkId", "AN00000123", "abracadabrA"), /wrong SharedSecret/],
    ["a missing secret", envelope("NetworkId", "AN00000123"), /sent no SharedSecret/],
    ["an unknown sender", envelope("NetworkId", "AN99999999", "abracadabra"), /no partner is configured/],
    ["no Sender at all", { ...envelope("x", "y"), sender: undefined }, /no Sender credential/],
  ])("refuses %s with a 401-class error that never contains the secret", (_what, env, message) => {
    try {
      verifyCxmlCredentials(env, registry);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: Errors.CxmlCredentials.code, status: 401, retryable: false });
      expect((e as Error).message).toMatch(message);
      expect(JSON.stringify({ m: (e as Error).message, x: (e as { extras: unknown }).extras })).not.toContain(
        "abracadabra",
      );
    }
  });

  it("accepts DUNS credentials without a secret only for a partner configured so", () => {
    expect(verifyCxmlCredentials(envelope("duns", "dell"), registry).system).toBe("coupa-dell");
  });

  it("refuses a partner configuration that would authenticate nobody, or one credential twice", () => {
    expect(() => compileCxmlPartners([{ system: "s", credentials: [{ domain: "DUNS", identity: "1" }] }])).toThrow(
      /set sharedSecret, or allowMissingSharedSecret/,
    );
    expect(() =>
      compileCxmlPartners([
        { system: "a", credentials: [{ domain: "DUNS", identity: "1" }], sharedSecret: "s" },
        { system: "b", credentials: [{ domain: "duns", identity: "1" }], sharedSecret: "t" },
      ]),
    ).toThrow(/already used by a/);
    expect(() =>
      compileCxmlPartners([
        {
          system: "a",
          credentials: [{ domain: "DUNS", identity: "1" }],
          sharedSecret: "s",
          uomOverrides: { CA: "crate" as never },
        },
      ]),
    ).toThrow(/unknown unit "crate"/);
  });
});
