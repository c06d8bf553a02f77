import { describe, expect, it } from "vitest";
import { compileMapping } from "./compile-mapping.js";

const xrefs: Record<string, Record<string, string>> = { item: { A: "itm-a", B: "itm-b" }, supplier: { V1: "sup-1" } };
const resolve = (type: string, id: string) => xrefs[type]?.[id];

describe("compileMapping", () => {
  const mapping = compileMapping({
    name: "test.doc",
    version: 3,
    fields: {
      kind: { const: "doc" },
      number: "head.no",
      supplierId: { path: "head.vendor", xref: "supplier" },
      basis: { path: "head.basis", codes: { ORDER: "order-date", SHIP: "ship-date" } },
      note: { path: "head.note", default: "none" },
      optional: { path: "head.missing", omitIfAbsent: true },
      lines: {
        each: "lines",
        fields: {
          itemId: { path: "code", xref: "item" },
          uom: { path: "uom", transform: "x12-uom-to-canonical" },
          price: { object: { amount: "price", currency: "^.head.currency" } },
          tier: { path: "tier", transform: "tier-code-to-number" },
        },
      },
      count: { compute: (_src, root) => (root as { lines: unknown[] }).lines.length },
    },
  });
  const doc = {
    head: { no: "N-1", vendor: "V1", basis: "ORDER", currency: "USD" },
    lines: [
      { code: "A", uom: "CA", price: "1.50", tier: "T2" },
      { code: "B", uom: "bx", price: "2.00", tier: "T1" },
    ],
  };

  it("maps paths, cross-references, codes, transforms, defaults, nested objects and root paths", () => {
    expect(mapping.map(doc, resolve)).toEqual({
      issues: [],
      value: {
        kind: "doc",
        number: "N-1",
        supplierId: "sup-1",
        basis: "order-date",
        note: "none",
        lines: [
          { itemId: "itm-a", uom: "case", price: { amount: "1.50", currency: "USD" }, tier: 2 },
          { itemId: "itm-b", uom: "box", price: { amount: "2.00", currency: "USD" }, tier: 1 },
        ],
        count: 2,
      },
    });
  });

  it("reports every problem at once, each with a JSON pointer into the source", () => {
    const bad = {
      head: { no: "N-2", vendor: "V9", basis: "PAID", currency: "USD" },
      lines: [
        { code: "A", uom: "ZZ", price: "1", tier: "T1" },
        { code: "Q", uom: "EA", price: "1", tier: "gold" },
      ],
    };
    const { issues } = mapping.map(bad, resolve);
    expect(issues).toEqual([
      {
        path: "/head/vendor",
        rule: "xref",
        entityType: "supplier",
        id: "V9",
        message: 'supplier "V9" has no cross-reference',
      },
      { path: "/head/basis", rule: "code", message: 'code "PAID" is not one of ORDER, SHIP' },
      { path: "/lines/0/uom", rule: "transform", message: expect.stringContaining('"ZZ"') },
      { path: "/lines/1/code", rule: "xref", entityType: "item", id: "Q", message: 'item "Q" has no cross-reference' },
      { path: "/lines/1/tier", rule: "transform", message: 'tier code "gold" is not T1..T9' },
    ]);
  });

  it("lists every id a source needs translated, to prefetch them in one query", () => {
    expect(mapping.refs(doc)).toEqual([
      { entityType: "supplier", id: "V1" },
      { entityType: "item", id: "A" },
      { entityType: "item", id: "B" },
    ]);
  });

  it("does not read inherited properties (no prototype walking)", () => {
    const m = compileMapping({ name: "t", version: 1, fields: { x: "constructor" } });
    expect(m.map({}, resolve).value).toEqual({ x: null });
  });

  it("fails at compile time, not per message, on an invalid spec", () => {
    expect(() => compileMapping({ name: "t", version: 1, fields: { x: { path: "a", transform: "nope" } } })).toThrow(
      't.x: unknown transform "nope"',
    );
    expect(() => compileMapping({ name: "t", version: 1, fields: { x: "a..b" } })).toThrow(
      '"a..b" is not a dotted path',
    );
  });
});
