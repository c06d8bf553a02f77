import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { API_TYPES_FILE, loadApiDocument, renderApiTypes } from "../../src/cli/api-types.js";

describe("the CLI's typed client", () => {
  // Starts a hub on PGlite, then runs openapi-typescript and biome: well over the default timeout
  // on a loaded machine.
  it("is typed with the API the routes describe today", { timeout: 180_000 }, async () => {
    const expected = await renderApiTypes(await loadApiDocument());
    const actual = await readFile(API_TYPES_FILE, "utf8");
    if (actual !== expected) {
      const a = actual.split("\n");
      const e = expected.split("\n");
      const line = e.findIndex((l, i) => l !== a[i]);
      expect.fail(
        `src/cli/hub-api.d.ts differs from the routes (first at line ${line + 1}: ` +
          `${JSON.stringify(e[line] ?? "<end>")}); run npm run api:types`,
      );
    }
  });
});
