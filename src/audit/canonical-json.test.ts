import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConcordError } from "../errors/index.js";
import { canonicalJson } from "./canonical-json.js";

describe("canonicalJson", () => {
  it("sorts keys at every depth and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: "x" }], c: true } })).toBe(
      '{"a":{"c":true,"d":[3,{"y":"x","z":null}]},"b":1}',
    );
  });

  it("gives one text whatever order the keys were written in", () => {
    expect(canonicalJson({ x: 1, y: 2, "10": 3, "9": 4 })).toBe(canonicalJson({ "9": 4, y: 2, "10": 3, x: 1 }));
    expect(canonicalJson({ "10": 3, "9": 4 })).toBe('{"10":3,"9":4}');
  });

  it("leaves out undefined members and honours toJSON", () => {
    expect(canonicalJson({ a: undefined, at: new Date("2026-05-01T00:00:00.000Z") })).toBe(
      '{"at":"2026-05-01T00:00:00.000Z"}',
    );
  });

  it.each([
    ["a bigint", { n: 1n }, "/n"],
    ["NaN", { lines: [{ amount: Number.NaN }] }, "/lines/0/amount"],
    ["Infinity", [Number.POSITIVE_INFINITY], "/0"],
    ["undefined in an array", [undefined], "/0"],
    ["a function", { f: () => 1 }, "/f"],
    ["a key with a slash", { "a/b": Symbol("s") }, "/a~1b"],
  ])("refuses %s with CONCORD_ERR_AUDIT_DETAIL and its path", (_what, value, path) => {
    try {
      canonicalJson(value);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConcordError);
      expect((e as ConcordError).code).toBe("CONCORD_ERR_AUDIT_DETAIL");
      expect((e as ConcordError).extras.path).toBe(path);
    }
  });

  it("refuses a cycle but accepts the same object twice side by side", () => {
    const shared = { a: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"a":1},{"a":1}]');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });

  it("is a fixed point of parse: a record read back from the store serialises as it did when appended", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
