import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFieldCipher, maskTail } from "./field-cipher.js";

const k1 = { id: "k1", key: randomBytes(32) };
const k2 = { id: "k2", key: randomBytes(32) };
const ctx = "supplier:sup-1:taxId";

describe("createFieldCipher", () => {
  it("round-trips any text, with a fresh envelope each time", () => {
    const cipher = createFieldCipher({ activeKeyId: "k1", keys: [k1] });
    fc.assert(
      fc.property(fc.string(), (text) => {
        const a = cipher.encrypt(text, ctx);
        expect(cipher.decrypt(a, ctx)).toBe(text);
        expect(cipher.encrypt(text, ctx)).not.toBe(a);
      }),
    );
  });

  it("keeps the value out of the envelope and names its key", () => {
    const cipher = createFieldCipher({ activeKeyId: "k1", keys: [k1] });
    const envelope = cipher.encrypt("123456789", ctx);
    expect(envelope).toMatch(/^v1\.k1\.[\w-]{16}\.[\w-]+$/);
    expect(envelope).not.toContain("6789");
    expect(cipher.keyIdOf(envelope)).toBe("k1");
  });

  it("refuses a tampered ciphertext, nonce or tag", () => {
    const cipher = createFieldCipher({ activeKeyId: "k1", keys: [k1] });
    const [v, id, nonce, sealed] = cipher.encrypt("123456789", ctx).split(".") as [string, string, string, string];
    const flip = (b64: string, at: number) => {
      const bytes = Buffer.from(b64, "base64url");
      bytes[at] = bytes[at]! ^ 1;
      return bytes.toString("base64url");
    };
    for (const bad of [
      [v, id, nonce, flip(sealed, 0)],
      [v, id, nonce, flip(sealed, Buffer.from(sealed, "base64url").length - 1)],
      [v, id, flip(nonce, 3), sealed],
    ]) {
      expect(() => cipher.decrypt(bad.join("."), ctx)).toThrow(
        expect.objectContaining({ code: "CONCORD_ERR_SENSITIVE_UNREADABLE" }),
      );
    }
    expect(() => cipher.decrypt([v, id, nonce.slice(0, 8), sealed].join("."), ctx)).toThrow("truncated");
    expect(() => cipher.decrypt("not-an-envelope", ctx)).toThrow("not an envelope");
  });

  it("refuses a value moved to another record or field (the context is authenticated)", () => {
    const cipher = createFieldCipher({ activeKeyId: "k1", keys: [k1] });
    const envelope = cipher.encrypt("123456789", ctx);
    expect(() => cipher.decrypt(envelope, "supplier:sup-2:taxId")).toThrow("fails authentication");
    expect(() => cipher.decrypt(envelope, "supplier:sup-1:bankAccount")).toThrow("fails authentication");
  });

  it("names a key that is not configured instead of failing as tampered", () => {
    const old = createFieldCipher({ activeKeyId: "k1", keys: [k1] }).encrypt("123456789", ctx);
    const cipher = createFieldCipher({ activeKeyId: "k2", keys: [k2] });
    expect(cipher.keyIdOf(old)).toBe("k1");
    expect(() => cipher.decrypt(old, ctx)).toThrow(
      expect.objectContaining({ code: "CONCORD_ERR_CONFIG_INVALID", message: expect.stringContaining('"k1"') }),
    );
  });

  it("after a rotation seals with the new key and still opens the old one", () => {
    const before = createFieldCipher({ activeKeyId: "k1", keys: [k1] });
    const old = before.encrypt("021000021", ctx);
    const after = createFieldCipher({ activeKeyId: "k2", keys: [k1, k2] });
    expect(after.decrypt(old, ctx)).toBe("021000021");
    expect(after.keyIdOf(after.encrypt("021000021", ctx))).toBe("k2");
    expect(after.keyIds).toEqual(["k1", "k2"]);
  });

  it("fingerprints equal values alike under one key, and per key and context", () => {
    const cipher = createFieldCipher({ activeKeyId: "k2", keys: [k1, k2] });
    const fp = cipher.fingerprint("123456789", ctx);
    expect(cipher.fingerprint("123456789", ctx)).toBe(fp);
    expect(cipher.fingerprint("123456789", ctx, "k2")).toBe(fp);
    expect(cipher.fingerprint("123456780", ctx)).not.toBe(fp);
    expect(cipher.fingerprint("123456789", ctx, "k1")).not.toBe(fp);
    expect(cipher.fingerprint("123456789", "supplier:sup-2:taxId")).not.toBe(fp);
    // The same key configured elsewhere gives the same fingerprint: it is a function of key and value only.
    expect(createFieldCipher({ activeKeyId: "k1", keys: [k1] }).fingerprint("123456789", ctx)).toBe(
      cipher.fingerprint("123456789", ctx, "k1"),
    );
    expect(() => cipher.fingerprint("123456789", ctx, "k9")).toThrow('"k9" is not configured');
  });

  it.each([
    [{ activeKeyId: "k1", keys: [{ id: "k1", key: randomBytes(16) }] }, 'encryption key "k1" must be 32 bytes, not 16'],
    [{ activeKeyId: "k3", keys: [k1] }, 'the active encryption key "k3" is not configured'],
    [{ activeKeyId: "k1", keys: [k1, k1] }, 'encryption key id "k1" is configured twice'],
    [{ activeKeyId: "a.b", keys: [{ id: "a.b", key: k1.key }] }, "must be 1-32 letters, digits, - or _"],
  ])("refuses a bad key set", (config, message) => {
    expect(() => createFieldCipher(config)).toThrow(message);
  });
});

describe("maskTail", () => {
  it("shows the last 4 of a value twice as long, nothing of a shorter one", () => {
    expect(maskTail("123456789")).toBe("*****6789");
    expect(maskTail("12345678")).toBe("****5678");
    expect(maskTail("1234567")).toBe("*******");
    expect(maskTail("")).toBe("");
  });
});
