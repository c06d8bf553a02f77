import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { newKeyCommand } from "../../src/cli/auth-command.js";
import { compileAuthConfig, sha256Hex } from "../../src/server/auth-config.js";

describe("concord auth new-key", () => {
  it("prints a key and the sha256 form that, configured, authenticates exactly that key", () => {
    const out = new PassThrough();
    newKeyCommand("pricing-portal", out);
    const text = String(out.read());
    const key = /key\s+(ck_pricing-portal\.\S+)/.exec(text)![1]!;
    const hashed = /config\s+"(sha256:[0-9a-f]{64})"/.exec(text)![1]!;
    const auth = compileAuthConfig({ clients: [{ id: "pricing-portal", scopes: ["prices:read"], apiKeys: [hashed] }] });
    expect(auth.apiKeys.get(sha256Hex(key))?.id).toBe("pricing-portal");
    expect(auth.apiKeys.get(sha256Hex(`${key}x`))).toBeUndefined();
    expect(() => newKeyCommand("Not An Id", new PassThrough())).toThrow(/not a client id/);
  });

  it("refuses weak or unresolvable credentials in the configuration", () => {
    const client = { id: "c1", scopes: ["prices:read"] };
    expect(() => compileAuthConfig({ clients: [{ ...client, apiKeys: ["short"] }] })).toThrow(/shorter than 24/);
    expect(() => compileAuthConfig({ clients: [{ ...client, apiKeys: ["env:NOT_SET_ANYWHERE"] }] }, {})).toThrow(
      /NOT_SET_ANYWHERE is not set/,
    );
    expect(() =>
      compileAuthConfig({ clients: [{ ...client, scopes: ["prices:write"], apiKeys: ["x".repeat(30)] }] }),
    ).toThrow(/not a scope/);
    expect(() => compileAuthConfig({ clients: [client] })).toThrow(/neither apiKeys nor a secret/);
    const same = "y".repeat(30);
    expect(() =>
      compileAuthConfig({
        clients: [
          { ...client, apiKeys: [same] },
          { ...client, id: "c2", apiKeys: [same] },
        ],
      }),
    ).toThrow(/also another client's key/);
    const fromEnv = compileAuthConfig({ clients: [{ ...client, apiKeys: ["env:K"] }] }, { K: "z".repeat(30) });
    expect(fromEnv.apiKeys.get(sha256Hex("z".repeat(30)))?.id).toBe("c1");
  });
});
