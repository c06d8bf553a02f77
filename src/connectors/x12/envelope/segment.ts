/**
 * One X12 segment as read. `elements[0]` is the segment id, so `elements[n]` is element n in the
 * standard's own numbering (PO1-02 is `elements[2]`). Values are raw: composites and repetitions
 * are split on demand by `components`, because most elements never need it.
 */
export interface Segment {
  readonly id: string;
  readonly elements: readonly string[];
  /** 1-based position in the input (the first ISA is 1). */
  readonly index: number;
  /** Byte offset of the segment's first character in the input (UTF-8). */
  readonly byteOffset: number;
}

/** Element `n` (1-based), or "" when the segment is shorter. */
export function element(segment: Segment, n: number): string {
  return segment.elements[n] ?? "";
}

/** Element `n` trimmed: trailing spaces are padding in practice (the corpus has "72712 ", "…2284 "). */
export function value(segment: Segment, n: number): string {
  return (segment.elements[n] ?? "").trim();
}

/** Splits a composite element on the component separator. */
export function components(raw: string, componentSeparator: string): string[] {
  return raw.split(componentSeparator);
}
