import type { SegmentValues } from "../envelope/encode-interchange.js";
import type { Interchange } from "../envelope/interchange-types.js";

/**
 * TA1 for an interchange: A with note 000, or R with the first envelope problem's TA105 code
 * (001 control number mismatch, 021 wrong group count; 025 when `duplicate`).
 */
export function buildInterchangeAck(interchange: Interchange, duplicate = false): SegmentValues {
  const h = interchange.header;
  const code = duplicate ? "025" : (interchange.problems[0]?.ackCode ?? "000");
  return ["TA1", h.controlNumber, h.date, h.time, code === "000" ? "A" : "R", code];
}
