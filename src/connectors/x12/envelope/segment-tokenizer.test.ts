import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Errors } from "../../../errors/index.js";
import { SegmentTokenizer } from "./segment-tokenizer.js";

const ISA = (sep: string, comp: string, term: string) =>
  [
    "ISA",
    "00",
    "          ",
    "00",
    "          ",
    "ZZ",
    "A".padEnd(15),
    "ZZ",
    "B".padEnd(15),
    "260101",
    "1200",
    "U",
    "00401",
    "000000001",
    "0",
    "P",
    comp,
  ].join(sep) + term;

function tokenize(chunks: (string | Uint8Array)[]) {
  const t = new SegmentTokenizer();
  const out = chunks.flatMap((c) => t.push(c));
  out.push(...t.end());
  return out;
}

describe("separators come from the ISA", () => {
  it.each([
    ["*", ">", "~"],
    ["^", ">", "~"],
    ["~", ">", "\r"],
    ["*", "~", "|"],
    ["~", "`", "*"],
    ["*", ":", "…"],
  ])("element %j, component %j, terminator %j", (sep, comp, term) => {
    const text = `${ISA(sep, comp, term)}\r\n  GS${sep}PO${sep}A${term}\r\n    ST${sep}850${sep}0001${term}`;
    const segments = tokenize([text]);
    expect(segments.map((s) => s.id)).toEqual(["ISA", "GS", "ST"]);
    expect(segments[2]!.elements).toEqual(["ST", "850", "0001"]);
  });

  it("splits a 3-byte terminator across chunks at every boundary", () => {
    const bytes = Buffer.from(`\uFEFF${ISA("*", ":", "…")}\nGS*PO*A…\nST*850*0001…`);
    const expected = tokenize([bytes]).map((s) => [s.id, s.byteOffset]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const chunks = points.slice(1).map((end, i) => bytes.subarray(points[i]!, end));
        expect(tokenize(chunks).map((s) => [s.id, s.byteOffset])).toEqual(expected);
      }),
    );
  });

  it("treats CR, LF and CRLF alike when the terminator is a line break", () => {
    const segments = tokenize([`${ISA("*", ">", "\r")}\nGS*PO\nST*850*1\r\nBEG*00`]);
    expect(segments.map((s) => s.id)).toEqual(["ISA", "GS", "ST", "BEG"]);
  });

  it("refuses a runaway segment (wrong terminator) instead of buffering the file", () => {
    const t = new SegmentTokenizer();
    t.push(`${ISA("*", ">", "~")}GS*`);
    expect(() => t.push("X".repeat(1 << 21))).toThrow(expect.objectContaining({ code: Errors.EdiSyntax.code }));
  });

  it("names the segment and byte offset of an invalid segment id", () => {
    try {
      tokenize([`${ISA("*", ">", "~")}GS*PO~bad*1~`]);
      expect.unreachable();
    } catch (e) {
      expect(Errors.EdiSyntax.is(e)).toBe(true);
      expect((e as { extras: { position: unknown } }).extras.position).toEqual({
        segmentIndex: 3,
        segmentId: "bad",
        byteOffset: 112,
      });
    }
  });
});
