import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { screeningCommand, screeningLoadCommand } from "./screening-command.js";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../workflows/supplier-onboarding/screening/fixtures/${name}`, import.meta.url));

describe("concord screening load", () => {
  it("loads both lists into the store and reports what each holds", async () => {
    let out = "";
    const code = await screeningLoadCommand({
      storeUrl: "memory:",
      leie: fixture("leie-updated.csv"),
      sam: fixture("sam-exclusions.csv"),
      today: "2026-01-01",
      out: { write: (s: string) => (out += s) },
    });
    expect(code).toBe(0);
    expect(out).toContain("LEIE  2 excluded parties loaded");
    expect(out).toContain("SAM  2 excluded parties loaded");
    expect(out).toMatch(/leie\s+2\s+leie-updated\.csv/);
    expect(out).toMatch(/sam\s+2\s+sam-exclusions\.csv/);
  });

  it("refuses a file of the wrong layout, and arguments that name no list", async () => {
    await expect(
      screeningLoadCommand({ storeUrl: "memory:", sam: fixture("leie-updated.csv"), out: { write: () => true } }),
    ).rejects.toMatchObject({ code: "CONCORD_ERR_SCREENING_LIST" });
    await expect(screeningCommand(["load"], {})).rejects.toThrow(/needs --leie, --sam or both/);
    await expect(screeningCommand(["unload", "--leie", "x"], {})).rejects.toThrow(/screening takes `load`/);
  });
});
