import { Errors } from "../../../errors/index.js";
import { decodeInterchanges } from "../envelope/decode-interchange.js";
import type { Interchange, InterchangeHeader } from "../envelope/interchange-types.js";
import type { Segment } from "../envelope/segment.js";

export type SetAckStatus = "accepted" | "accepted-with-errors" | "rejected";
export type GroupAckStatus = SetAckStatus | "partially-accepted";

export interface ElementError {
  readonly elementPosition: number;
  readonly componentPosition?: number;
  readonly dataElement?: string;
  /** AK403/IK403, e.g. "7" invalid code value. */
  readonly code: string;
  readonly badValue?: string;
}

export interface SegmentError {
  readonly segmentId: string;
  /** Position in the acknowledged set (ST = 1). */
  readonly position: number;
  readonly loopId?: string;
  /** AK304/IK304, e.g. "8" segment has data element errors. */
  readonly code: string;
  readonly elements: readonly ElementError[];
  /** 999 CTX contexts as sent ("CLM01:123456789"). */
  readonly contexts: readonly string[];
}

export interface SetAck {
  readonly setId: string;
  readonly controlNumber: string;
  readonly status: SetAckStatus;
  /** AK502-AK506/IK502-IK506. */
  readonly codes: readonly string[];
  readonly segmentErrors: readonly SegmentError[];
}

export interface GroupAck {
  readonly functionalId: string;
  readonly groupControlNumber: string;
  readonly version?: string;
  readonly status: GroupAckStatus;
  readonly setsIncluded: number;
  readonly setsReceived: number;
  readonly setsAccepted: number;
  /** AK905-AK909. */
  readonly codes: readonly string[];
  /** Sets named by AK2; a 997 may omit them when the whole group is accepted. */
  readonly sets: readonly SetAck[];
}

export interface FunctionalAck {
  readonly kind: "997" | "999";
  readonly controlNumber: string;
  readonly group: GroupAck;
}

export interface InterchangeAck {
  readonly kind: "TA1";
  readonly interchangeControlNumber: string;
  readonly date: string;
  readonly time: string;
  readonly status: SetAckStatus;
  /** TA105, e.g. "000" no error, "001" control number mismatch, "025" duplicate. */
  readonly noteCode: string;
}

export interface AcknowledgmentResult {
  readonly interchange: InterchangeHeader;
  readonly functional: readonly FunctionalAck[];
  readonly interchangeAcks: readonly InterchangeAck[];
}

const SET_STATUS: Readonly<Record<string, SetAckStatus>> = {
  A: "accepted",
  E: "accepted-with-errors",
  R: "rejected",
  M: "rejected",
  W: "rejected",
  X: "rejected",
};
const GROUP_STATUS: Readonly<Record<string, GroupAckStatus>> = { ...SET_STATUS, P: "partially-accepted" };

const el = (s: Segment, n: number) => (s.elements[n] ?? "").trim();
const codesFrom = (s: Segment, from: number) =>
  s.elements
    .slice(from)
    .map((v) => v.trim())
    .filter((v) => v !== "");

function status<T extends string>(table: Readonly<Record<string, T>>, s: Segment, n: number): T {
  const code = el(s, n);
  const v = table[code];
  if (v === undefined) {
    throw Errors.EdiMapping(
      `${s.id}${String(n).padStart(2, "0")} ${JSON.stringify(code)} is not an acknowledgment code (segment ${s.index}, byte ${s.byteOffset})`,
      {
        segmentIndex: s.index,
        byteOffset: s.byteOffset,
      },
    );
  }
  return v;
}

/** Parses the 997/999 sets and TA1 segments of an interchange into typed acknowledgments. */
export function parseAcknowledgment(input: string | Uint8Array | Interchange): AcknowledgmentResult {
  const interchanges = typeof input === "string" || input instanceof Uint8Array ? decodeInterchanges(input) : [input];
  if (interchanges.length !== 1) throw Errors.EdiEnvelope(`expected one interchange, found ${interchanges.length}`);
  const ic = interchanges[0]!;
  const component = ic.separators.component;
  const interchangeAcks: InterchangeAck[] = ic.ta1.map((s) => ({
    kind: "TA1",
    interchangeControlNumber: el(s, 1),
    date: el(s, 2),
    time: el(s, 3),
    status: status(SET_STATUS, s, 4),
    noteCode: el(s, 5),
  }));
  const functional: FunctionalAck[] = [];
  for (const group of ic.groups) {
    for (const set of group.sets) {
      if (set.setId !== "997" && set.setId !== "999") continue;
      let head: { functionalId: string; groupControlNumber: string; version?: string } | undefined;
      let ak9: Omit<GroupAck, "functionalId" | "groupControlNumber" | "version" | "sets"> | undefined;
      const sets: SetAck[] = [];
      let current:
        | {
            setId: string;
            controlNumber: string;
            segmentErrors: (Omit<SegmentError, "elements" | "contexts"> & {
              elements: ElementError[];
              contexts: string[];
            })[];
          }
        | undefined;
      for (const s of set.segments) {
        switch (s.id) {
          case "AK1":
            head = { functionalId: el(s, 1), groupControlNumber: el(s, 2), ...(el(s, 3) ? { version: el(s, 3) } : {}) };
            break;
          case "AK2":
            current = { setId: el(s, 1), controlNumber: el(s, 2), segmentErrors: [] };
            break;
          case "AK3":
          case "IK3":
            current?.segmentErrors.push({
              segmentId: el(s, 1),
              position: Number(el(s, 2)) || 0,
              ...(el(s, 3) ? { loopId: el(s, 3) } : {}),
              code: el(s, 4),
              elements: [],
              contexts: [],
            });
            break;
          case "CTX":
            current?.segmentErrors.at(-1)?.contexts.push(s.elements.slice(1).join(ic.separators.element));
            break;
          case "AK4":
          case "IK4": {
            const [position, comp] = el(s, 1).split(component);
            current?.segmentErrors.at(-1)?.elements.push({
              elementPosition: Number(position) || 0,
              ...(comp ? { componentPosition: Number(comp) } : {}),
              ...(el(s, 2) ? { dataElement: el(s, 2) } : {}),
              code: el(s, 3),
              ...(el(s, 4) ? { badValue: el(s, 4) } : {}),
            });
            break;
          }
          case "AK5":
          case "IK5":
            if (current) sets.push({ ...current, status: status(SET_STATUS, s, 1), codes: codesFrom(s, 2) });
            current = undefined;
            break;
          case "AK9":
            ak9 = {
              status: status(GROUP_STATUS, s, 1),
              setsIncluded: Number(el(s, 2)) || 0,
              setsReceived: Number(el(s, 3)) || 0,
              setsAccepted: Number(el(s, 4)) || 0,
              codes: codesFrom(s, 5),
            };
            break;
        }
      }
      if (head === undefined || ak9 === undefined) {
        throw Errors.EdiMapping(
          `${set.setId} ${set.controlNumber} lacks ${head ? "AK9" : "AK1"} (segment ${set.header.index})`,
          {
            setId: set.setId,
            controlNumber: set.controlNumber,
          },
        );
      }
      functional.push({ kind: set.setId, controlNumber: set.controlNumber, group: { ...head, ...ak9, sets } });
    }
  }
  if (functional.length === 0 && interchangeAcks.length === 0) {
    throw Errors.EdiUnsupported(`interchange ${ic.header.controlNumber} holds no 997, 999 or TA1`);
  }
  return { interchange: ic.header, functional, interchangeAcks };
}

/**
 * The status of one outbound set as acknowledged: the set's own AK2 loop if named, else the
 * group's verdict (a 997 may acknowledge a fully accepted group without AK2s). Undefined when
 * the acknowledgment does not cover that group.
 */
export function acknowledgedStatus(
  result: AcknowledgmentResult,
  groupControlNumber: string,
  setControlNumber: string,
): SetAckStatus | undefined {
  for (const f of result.functional) {
    if (f.group.groupControlNumber !== groupControlNumber) continue;
    const named = f.group.sets.find((s) => s.controlNumber === setControlNumber);
    if (named) return named.status;
    if (f.group.status === "accepted" || f.group.status === "accepted-with-errors") return f.group.status;
    if (f.group.status === "rejected") return "rejected";
    // Partially accepted without naming this set: the named ones are the rejected ones.
    return "accepted";
  }
  return undefined;
}
