import { Errors } from "../../../errors/index.js";
import { DEFAULT_SEPARATORS, type Separators } from "./separators.js";

/**
 * A segment to write: `[id, element1, element2, …]`; an element given as an array is a
 * composite, joined with the component separator. Trailing empty elements are dropped.
 */
export type SegmentValues = readonly (string | readonly string[])[];

/** A transaction set body ready for an envelope (ST and SE are added by encodeInterchange). */
export interface EncodedSet {
  readonly setId: string;
  /** GS01 of the group it travels in (PO for an 850, IN for an 810 …). */
  readonly functionalId: string;
  /** GS08, e.g. "004010" or "005010X231". */
  readonly version: string;
  /** ST03 (5010), when the set's convention needs it. */
  readonly implementationReference?: string;
  readonly segments: readonly SegmentValues[];
}

export interface InterchangeEnvelope {
  readonly sender: { readonly qualifier: string; readonly id: string };
  readonly receiver: { readonly qualifier: string; readonly id: string };
  /** GS02/GS03; default the ISA ids. */
  readonly applicationSender?: string;
  readonly applicationReceiver?: string;
  /** ISA13 (1..999 999 999). Must be unique per partner: the hub's counter supplies it. */
  readonly controlNumber: number;
  /** GS06 of the first group; the next groups count up from it. Default: controlNumber. */
  readonly groupControlNumber?: number;
  /** ISA09/10 and GS04/05 (UTC). */
  readonly at: Date;
  readonly usage?: "P" | "T";
  readonly ackRequested?: boolean;
  /** ISA12; default "00401". From "00402" on ISA11 carries the repetition separator. */
  readonly controlVersion?: string;
  readonly separators?: Separators;
  /** Adds a line break after each terminator so people can read the file; receivers skip it. */
  readonly lineBreaks?: boolean;
}

function pad(s: string, width: number): string {
  return s.length >= width ? s.slice(0, width) : s.padEnd(width, " ");
}

function digits(n: number, width: number, what: string): string {
  if (!Number.isInteger(n) || n < 0 || String(n).length > width) {
    throw Errors.EdiMapping(`${what} ${n} must be a whole number of at most ${width} digits`, { field: what });
  }
  return String(n).padStart(width, "0");
}

const forbiddenCache = new WeakMap<Separators, RegExp>();

/** One regex per separator set: a single test per value is the hot path of encoding a large catalog. */
function forbidden(s: Separators): RegExp {
  let re = forbiddenCache.get(s);
  if (re === undefined) {
    const chars = [s.element, s.component, s.segment, ...(s.repetition ? [s.repetition] : [])];
    re = new RegExp(chars.map((c) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&")).join("|"));
    forbiddenCache.set(s, re);
  }
  return re;
}

/** Joins one segment, refusing a value that contains a separator (X12 has no escape character). */
export function writeSegment(values: SegmentValues, s: Separators): string {
  const re = forbidden(s);
  let last = values.length - 1;
  while (
    last > 0 &&
    (values[last] === "" || (Array.isArray(values[last]) && (values[last] as string[]).every((p) => p === "")))
  )
    last--;
  let out = values[0] as string;
  for (let i = 1; i <= last; i++) {
    const v = values[i]!;
    if (typeof v === "string") {
      if (v !== "" && re.test(v)) refuse(v, values[0] as string, i, s);
      out += s.element + v;
    } else {
      let end = v.length - 1;
      while (end > 0 && v[end] === "") end--;
      const parts = v.slice(0, end + 1);
      for (const part of parts) if (re.test(part)) refuse(part, values[0] as string, i, s);
      out += s.element + parts.join(s.component);
    }
  }
  return out + s.segment;
}

function refuse(v: string, segmentId: string, position: number, s: Separators): never {
  throw Errors.EdiMapping(
    `${segmentId}${String(position).padStart(2, "0")} value ${JSON.stringify(v)} contains one of the separators ${JSON.stringify([s.element, s.component, s.segment, s.repetition ?? ""].join(""))}; X12 cannot escape it`,
    { segmentId, elementPosition: position, value: v },
  );
}

/**
 * Wraps transaction sets in ISA/GS/ST…SE/GE/IEA with correct control numbers and counts.
 * Consecutive sets with the same GS01 and GS08 share a group.
 */
export function encodeInterchange(
  envelope: InterchangeEnvelope,
  sets: readonly EncodedSet[],
  /** Segments between ISA and the first GS: TA1 interchange acknowledgments. */
  interchangeSegments: readonly SegmentValues[] = [],
): string {
  const s = envelope.separators ?? DEFAULT_SEPARATORS;
  const controlVersion = envelope.controlVersion ?? "00401";
  const nl = envelope.lineBreaks ? "\n" : "";
  const at = envelope.at;
  const yyyy = String(at.getUTCFullYear()).padStart(4, "0");
  const mm = String(at.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(at.getUTCDate()).padStart(2, "0");
  const hhmm = `${String(at.getUTCHours()).padStart(2, "0")}${String(at.getUTCMinutes()).padStart(2, "0")}`;
  const isaControl = digits(envelope.controlNumber, 9, "interchange control number");
  const repetition = controlVersion >= "00402" ? (s.repetition ?? "U") : "U";
  const isa = [
    "ISA",
    "00",
    pad("", 10),
    "00",
    pad("", 10),
    pad(envelope.sender.qualifier, 2),
    pad(envelope.sender.id, 15),
    pad(envelope.receiver.qualifier, 2),
    pad(envelope.receiver.id, 15),
    `${yyyy.slice(2)}${mm}${dd}`,
    hhmm,
    repetition,
    pad(controlVersion, 5),
    isaControl,
    envelope.ackRequested ? "1" : "0",
    envelope.usage ?? "P",
    s.component,
  ];
  const parts: string[] = [isa.join(s.element) + s.segment + nl];
  for (const segment of interchangeSegments) parts.push(writeSegment(segment, s) + nl);
  let groupControl = envelope.groupControlNumber ?? envelope.controlNumber;
  let groups = 0;
  for (let i = 0; i < sets.length; ) {
    const first = sets[i]!;
    let j = i;
    while (j < sets.length && sets[j]!.functionalId === first.functionalId && sets[j]!.version === first.version) j++;
    const gs06 = String(groupControl++);
    groups++;
    parts.push(
      writeSegment(
        [
          "GS",
          first.functionalId,
          envelope.applicationSender ?? envelope.sender.id,
          envelope.applicationReceiver ?? envelope.receiver.id,
          `${yyyy}${mm}${dd}`,
          hhmm,
          gs06,
          "X",
          first.version,
        ],
        s,
      ) + nl,
    );
    for (let k = i; k < j; k++) {
      const set = sets[k]!;
      const st02 = String(k - i + 1).padStart(4, "0");
      parts.push(writeSegment(["ST", set.setId, st02, set.implementationReference ?? ""], s) + nl);
      for (const segment of set.segments) parts.push(writeSegment(segment, s) + nl);
      parts.push(writeSegment(["SE", String(set.segments.length + 2), st02], s) + nl);
    }
    parts.push(writeSegment(["GE", String(j - i), gs06], s) + nl);
    i = j;
  }
  parts.push(writeSegment(["IEA", String(groups), isaControl], s) + nl);
  return parts.join("");
}
