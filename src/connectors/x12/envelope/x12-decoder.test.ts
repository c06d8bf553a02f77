import { describe, expect, it } from "vitest";
import { Errors } from "../../../errors/index.js";
import { problemOf } from "../x12-problem.js";
import { decodeInterchange } from "./decode-interchange.js";
import { encodeInterchange } from "./encode-interchange.js";
import type { X12Event } from "./interchange-types.js";
import { createX12Decoder } from "./x12-decoder.js";

const base = encodeInterchange(
  {
    sender: { qualifier: "ZZ", id: "SENDER" },
    receiver: { qualifier: "ZZ", id: "RECEIVER" },
    controlNumber: 7,
    at: new Date("2026-03-01T10:00:00Z"),
    lineBreaks: true,
  },
  [
    {
      setId: "850",
      functionalId: "PO",
      version: "004010",
      segments: [
        ["BEG", "00", "SA", "PO-1", "", "20260301"],
        ["PO1", "1", "2", "EA", "3.50"],
      ],
    },
    {
      setId: "850",
      functionalId: "PO",
      version: "004010",
      segments: [
        ["BEG", "00", "SA", "PO-2", "", "20260301"],
        ["PO1", "1", "1", "BX", "9"],
      ],
    },
  ],
);

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("envelope control checks", () => {
  it("accepts what encodeInterchange writes (counts and control numbers agree)", () => {
    const ic = decodeInterchange(base);
    expect(ic.groups).toHaveLength(1);
    expect(ic.groups[0]!.sets.map((s) => [s.controlNumber, s.segmentCount])).toEqual([
      ["0001", 4],
      ["0002", 4],
    ]);
    expect(ic.header).toMatchObject({
      senderId: "SENDER",
      receiverId: "RECEIVER",
      controlNumber: "000000007",
      version: "00401",
    });
  });

  const cases: [string, (t: string) => string, string, string, number][] = [
    ["SE01 segment count", (t) => t.replace("SE*4*0001", "SE*5*0001"), "x12.set.segment-count", "SE", 1],
    ["ST02/SE02 control number", (t) => t.replace("SE*4*0002", "SE*4*0009"), "x12.set.control-number", "SE", 2],
    ["GE01 set count", (t) => t.replace("GE*2*7", "GE*3*7"), "x12.group.set-count", "GE", 1],
    ["GS06/GE02 control number", (t) => t.replace("GE*2*7", "GE*2*8"), "x12.group.control-number", "GE", 2],
    ["IEA01 group count", (t) => t.replace("IEA*1*", "IEA*2*"), "x12.interchange.group-count", "IEA", 1],
    [
      "ISA13/IEA02 control number",
      (t) => t.replace("IEA*1*000000007", "IEA*1*000000008"),
      "x12.interchange.control-number",
      "IEA",
      2,
    ],
  ];

  it.each(cases)(
    "a wrong %s throws CONCORD_ERR_EDI_CONTROL positioned at the trailer",
    (_what, mutate, rule, segmentId, element) => {
      const e = thrown(() => decodeInterchange(mutate(base)));
      expect(Errors.EdiControl.is(e)).toBe(true);
      const problem = problemOf(e)!;
      expect(problem.rule).toBe(rule);
      expect(problem.position).toMatchObject({ segmentId, elementPosition: element });
      expect(base.slice(problem.position!.byteOffset, problem.position!.byteOffset + segmentId.length)).toBe(segmentId);
    },
  );

  it.each(cases)("a wrong %s is recorded, not thrown, in record mode", (_what, mutate, rule) => {
    const ic = decodeInterchange(mutate(base), { controls: "record" });
    const all = [...ic.problems, ...ic.groups.flatMap((g) => [...g.problems, ...g.sets.flatMap((s) => s.problems)])];
    expect(all.map((p) => p.rule)).toEqual([rule]);
  });

  it("a missing SE is a set problem (AK5 code 2) when the next ST arrives", () => {
    const ic = decodeInterchange(base.replace("SE*4*0001~\n", ""), { controls: "record" });
    const sets = ic.groups[0]!.sets;
    expect(sets[0]!.problems.map((p) => p.ackCode)).toEqual(["2"]);
    expect(ic.groups[0]!.problems.map((p) => p.rule)).toEqual([]);
  });

  it("refuses a truncated interchange with the last segment named", () => {
    const e = thrown(() => decodeInterchange(base.slice(0, base.indexOf("GE*"))));
    expect(Errors.EdiEnvelope.is(e)).toBe(true);
    expect((e as Error).message).toMatch(/ended inside interchange 000000007 \(in group 7\): no IEA/);
  });

  it("refuses an ISA that is not fixed width, naming the element", () => {
    const e = thrown(() => decodeInterchange(base.replace("SENDER         ", "SENDER")));
    expect(Errors.EdiEnvelope.is(e)).toBe(true);
    expect((e as Error).message).toMatch(/not fixed width/);
  });

  it("refuses data outside a transaction set", () => {
    const e = thrown(() => decodeInterchange(base.replace("GE*2*7", "REF*ZZ*1~\nGE*2*7")));
    expect(Errors.EdiEnvelope.is(e)).toBe(true);
    expect((e as { extras: { position: { segmentId: string } } }).extras.position.segmentId).toBe("REF");
  });

  it("streams segments without collecting them and still checks counts", () => {
    const decoder = createX12Decoder({ mode: "stream" });
    const events: X12Event[] = [...decoder.push(base), ...decoder.end()];
    const setEvents = events.filter((e) => e.type === "set");
    expect(events.filter((e) => e.type === "segment").map((e) => (e.type === "segment" ? e.segment.id : ""))).toEqual([
      "BEG",
      "PO1",
      "BEG",
      "PO1",
    ]);
    for (const e of setEvents) if (e.type === "set") expect(e.set.segments).toEqual([]);
    expect(setEvents).toHaveLength(2);
  });

  it("reads several interchanges with different separators from one stream", () => {
    const other = base.replaceAll("*", "|").replaceAll("~", "!").replace("|>!", "|^!");
    const decoder = createX12Decoder();
    const events = [...decoder.push(base + other), ...decoder.end()];
    const ends = events.flatMap((e) => (e.type === "interchange-end" ? [e.interchange.separators] : []));
    expect(ends).toEqual([
      { element: "*", component: ">", segment: "~" },
      { element: "|", component: "^", segment: "!" },
    ]);
  });
});
