import { describe, expect, it } from "vitest";
import { ConcordError } from "../errors/index.js";
import { decodePageCursor, encodePageCursor, pageOf } from "./page-cursor.js";

describe("page cursors", () => {
  it("carry the last key back unchanged, numbers and strings alike", () => {
    expect(decodePageCursor(encodePageCursor(42), "number")).toBe(42);
    expect(decodePageCursor(encodePageCursor("4500000101"), "string")).toBe("4500000101");
  });

  it("refuse a cursor of another list or a made-up one as a query error naming the cursor", () => {
    for (const [cursor, type] of [
      [encodePageCursor("x"), "number"],
      [encodePageCursor(7), "string"],
      ["not-base64-json", "number"],
      [Buffer.from("[1]").toString("base64url"), "number"],
    ] as const) {
      const thrown = (() => {
        try {
          decodePageCursor(cursor, type as "number");
        } catch (e) {
          return e;
        }
      })();
      expect(thrown).toBeInstanceOf(ConcordError);
      expect((thrown as ConcordError).code).toBe("CONCORD_ERR_INPUT_QUERY");
      expect((thrown as ConcordError).message).toContain("/cursor");
    }
  });

  it("give a next cursor only when a row beyond the limit was read", () => {
    const rows = [{ id: 9 }, { id: 8 }, { id: 7 }];
    const full = pageOf(rows, 2, (r) => r.id);
    expect(full.items).toEqual([{ id: 9 }, { id: 8 }]);
    expect(decodePageCursor(full.next!, "number")).toBe(8);
    expect(pageOf(rows, 3, (r) => r.id)).toEqual({ items: rows, next: null });
  });
});
