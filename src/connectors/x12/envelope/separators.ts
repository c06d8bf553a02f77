import { envelopeError, type X12Position } from "../x12-problem.js";

/** The delimiters of one interchange, all read from its ISA. */
export interface Separators {
  readonly element: string;
  readonly component: string;
  /** One character, possibly outside ASCII (U+2026 "…" is in the corpus), CR or LF. */
  readonly segment: string;
  /** ISA11 when it is a delimiter (5010 and later); undefined when ISA11 is the 4010 "U". */
  readonly repetition?: string;
}

/** What Concord writes unless a partner asks otherwise: the common `*`, `>`, `~`, and `^` for 5010 repetition. */
export const DEFAULT_SEPARATORS: Separators = { element: "*", component: ">", segment: "~", repetition: "^" };

/** ISA element widths (ISA01..ISA16); the separators sit between them at fixed offsets. */
export const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1] as const;
/** 3 ("ISA") + 16 separators + the widths = 106 with the terminator: the whole segment is fixed width. */
export const ISA_LENGTH = 106;

const ALPHANUMERIC = /^[A-Za-z0-9]$/;

/**
 * Reads the separators from an ISA that starts at `isa[0]` and checks the fixed width: a
 * separator must sit at every boundary, or the interchange is refused with the offset named
 * (a short sender id is the usual cause, and guessing would mis-split every segment after it).
 */
export function readSeparators(isa: string, byteOffset: number): Separators {
  const where = (offset: number, elementPosition?: number): X12Position => ({
    segmentIndex: 1,
    segmentId: "ISA",
    byteOffset: byteOffset + offset,
    ...(elementPosition === undefined ? {} : { elementPosition }),
  });
  if (!isa.startsWith("ISA")) {
    throw envelopeError(
      `expected the interchange to start with "ISA", found ${JSON.stringify(isa.slice(0, 3))}`,
      where(0),
    );
  }
  if (isa.length < ISA_LENGTH) {
    throw envelopeError(
      `the ISA is ${isa.length} characters long; it must be exactly ${ISA_LENGTH} including its terminator`,
      where(0),
      "023",
    );
  }
  const element = isa[3]!;
  if (ALPHANUMERIC.test(element) || element === " ") {
    throw envelopeError(
      `ISA element separator ${JSON.stringify(element)} is a letter, digit or space`,
      where(3),
      "026",
    );
  }
  let offset = 3;
  for (let i = 0; i < ISA_WIDTHS.length; i++) {
    if (isa[offset] !== element) {
      throw envelopeError(
        `the ISA is not fixed width: expected the element separator ${JSON.stringify(element)} before ISA${String(i + 1).padStart(2, "0")} at offset ${offset}, found ${JSON.stringify(isa[offset])} (ISA elements must be padded to their full width)`,
        where(offset, i + 1),
      );
    }
    offset += 1 + ISA_WIDTHS[i]!;
  }
  const component = isa[104]!;
  // The terminator may be a character outside the BMP (two UTF-16 units); take the whole code point.
  const segment = String.fromCodePoint(isa.codePointAt(105)!);
  const repetitionCandidate = isa[82]!;
  const repetition =
    ALPHANUMERIC.test(repetitionCandidate) || repetitionCandidate === " " ? undefined : repetitionCandidate;
  const used = [element, component, segment, ...(repetition ? [repetition] : [])];
  if (ALPHANUMERIC.test(component) || component === " ") {
    throw envelopeError(
      `ISA16 component separator ${JSON.stringify(component)} is a letter, digit or space`,
      where(104, 16),
      "027",
    );
  }
  if (ALPHANUMERIC.test(segment) || segment === " ") {
    throw envelopeError(
      `segment terminator ${JSON.stringify(segment)} (after ISA16) is a letter, digit or space`,
      where(105),
      "004",
    );
  }
  if (new Set(used).size !== used.length) {
    throw envelopeError(
      `the ISA separators are not distinct: element ${JSON.stringify(element)}, component ${JSON.stringify(component)}, segment ${JSON.stringify(segment)}${repetition ? `, repetition ${JSON.stringify(repetition)}` : ""}`,
      where(3),
      "026",
    );
  }
  return repetition === undefined ? { element, component, segment } : { element, component, segment, repetition };
}

/** True when the terminator is a line break: then CR, LF and CRLF all end a segment. */
export function isNewlineTerminator(s: Separators): boolean {
  return s.segment === "\r" || s.segment === "\n";
}
