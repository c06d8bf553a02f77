import { describe, expect, it } from "vitest";
import { ConcordError } from "../../errors/index.js";
import { instant } from "./list-params.js";

describe("an instant query parameter", () => {
  it("is passed on in UTC, whatever offset it was written with", () => {
    expect(instant("since", "2026-06-01T08:00:00Z")).toBe("2026-06-01T08:00:00.000Z");
    expect(instant("since", "2026-06-01T10:30:00.5+02:00")).toBe("2026-06-01T08:30:00.500Z");
    expect(instant("until", "2026-06-01T08:00Z")).toBe("2026-06-01T08:00:00.000Z");
  });

  it("is refused as a query error naming it when no calendar has it", () => {
    for (const bad of [
      "2026-02-30T00:00:00Z",
      "2026-13-01T00:00:00Z",
      "2026-06-01T24:00:00Z",
      "2026-06-01T08:61:00Z",
    ]) {
      const thrown = (() => {
        try {
          instant("since", bad);
        } catch (e) {
          return e;
        }
      })();
      expect(thrown, bad).toBeInstanceOf(ConcordError);
      expect((thrown as ConcordError).code).toBe("CONCORD_ERR_INPUT_QUERY");
      expect((thrown as ConcordError).message).toContain("/since");
    }
  });
});
