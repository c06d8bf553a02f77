import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeSubjectToken, encodeSubjectToken, eventSubject, parseEventSubject } from "./subject-token.js";

describe("subject tokens", () => {
  it("any business key becomes one token the server cannot misread, and decodes back to itself", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64, unit: "binary" }), (key) => {
        const token = encodeSubjectToken(key);
        expect(token).toMatch(/^[A-Za-z0-9_%-]+$/); // no '.', '*', '>' or whitespace
        expect(decodeSubjectToken(token)).toBe(key);
      }),
    );
  });

  it("different keys never share a subject", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        fc.pre(a !== b);
        expect(encodeSubjectToken(a)).not.toBe(encodeSubjectToken(b));
      }),
    );
  });

  it("keeps plain ids readable and escapes the separators", () => {
    expect(encodeSubjectToken("ctr-agr_1")).toBe("ctr-agr_1");
    expect(encodeSubjectToken("contract:a.b*c>d e")).toBe("contract%3Aa%2Eb%2Ac%3Ed%20e");
    expect(() => encodeSubjectToken("")).toThrow(/empty/);
  });

  it("refuses tokens it did not produce", () => {
    expect(decodeSubjectToken("a%2")).toBeUndefined();
    expect(decodeSubjectToken("a%2e")).toBeUndefined(); // lower-case hex is never emitted
    expect(decodeSubjectToken("a.b")).toBeUndefined();
    expect(decodeSubjectToken("%FF")).toBeUndefined(); // not UTF-8
  });

  it("event type levels and the business key round-trip through the subject", () => {
    const subject = eventSubject("concord.events", "contract.version-accepted", "contract:ctr-1");
    expect(subject).toBe("concord.events.contract.version-accepted.contract%3Actr-1");
    expect(parseEventSubject("concord.events", subject)).toEqual({
      eventType: "contract.version-accepted",
      businessKey: "contract:ctr-1",
    });
    expect(parseEventSubject("other", subject)).toBeUndefined();
    expect(parseEventSubject("concord.events", "concord.events.only")).toBeUndefined();
  });
});
