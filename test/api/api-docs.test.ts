import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { SCOPES } from "../../src/api/auth/scopes.js";

describe("docs/api.md", () => {
  it("lists every scope with its description, and no scope that does not exist", async () => {
    const text = await readFile(new URL("../../docs/api.md", import.meta.url), "utf8");
    const rows = new Map([...text.matchAll(/^\| `([a-z]+:[a-z]+)` \| (.+) \|$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(Object.fromEntries(rows)).toEqual(SCOPES);
  });
});
