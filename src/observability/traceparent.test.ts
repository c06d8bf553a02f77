import { TraceFlags } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { formatTraceparent, parseTraceparent } from "./traceparent.js";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN = "00f067aa0ba902b7";

describe("traceparent (W3C Trace Context)", () => {
  it("formats a span context and reads it back", () => {
    const header = formatTraceparent({ traceId: TRACE, spanId: SPAN, traceFlags: TraceFlags.SAMPLED });
    expect(header).toBe(`00-${TRACE}-${SPAN}-01`);
    expect(parseTraceparent(header)).toEqual({ traceId: TRACE, spanId: SPAN, traceFlags: 1, isRemote: true });
  });

  it("keeps an unsampled flag and accepts upper case and surrounding blanks", () => {
    expect(parseTraceparent(` 00-${TRACE.toUpperCase()}-${SPAN}-00 `)?.traceFlags).toBe(TraceFlags.NONE);
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["unknown version", `01-${TRACE}-${SPAN}-01`],
    ["short trace id", `00-${TRACE.slice(1)}-${SPAN}-01`],
    ["all-zero trace id", `00-${"0".repeat(32)}-${SPAN}-01`],
    ["all-zero span id", `00-${TRACE}-${"0".repeat(16)}-01`],
    ["not hex", `00-${TRACE.replace("4", "g")}-${SPAN}-01`],
  ])("refuses a %s header (a new trace starts instead)", (_what, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });
});
