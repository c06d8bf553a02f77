import type { EncodedSet, InterchangeEnvelope, SegmentValues } from "../envelope/encode-interchange.js";
import { encodeInterchange } from "../envelope/encode-interchange.js";
import type { FunctionalGroup, Interchange, TransactionSet } from "../envelope/interchange-types.js";
import type { X12Problem } from "../x12-problem.js";
import { buildInterchangeAck } from "./build-interchange-ack.js";

export type FunctionalAckKind = "997" | "999";

/** Problems found after the envelope (mapping errors), keyed by `setKey(set)`. */
export type SetProblems = ReadonlyMap<string, readonly X12Problem[]>;

/** "GS06/ST02": unique within one interchange. */
export function setKey(set: Pick<TransactionSet, "controlNumber" | "group">): string {
  return `${set.group.controlNumber}/${set.controlNumber}`;
}

export interface FunctionalAckOptions {
  readonly kind?: FunctionalAckKind;
  readonly setProblems?: SetProblems;
  /** ISA13/GS06 of the acknowledgment and its time; sender and receiver are the inbound ones swapped. */
  readonly envelope: Pick<
    InterchangeEnvelope,
    "controlNumber" | "groupControlNumber" | "at" | "separators" | "usage" | "lineBreaks"
  >;
  /** Add a TA1 even when ISA14 did not ask for one (it is always added when it did). */
  readonly includeTa1?: boolean;
}

export interface SetVerdict {
  readonly set: TransactionSet;
  readonly accepted: boolean;
  readonly problems: readonly X12Problem[];
}

/** Per set: accepted unless its envelope (SE) or its mapping found a problem. */
export function judgeSets(group: FunctionalGroup, setProblems?: SetProblems): SetVerdict[] {
  return group.sets.map((set) => {
    const problems = [...set.problems, ...(setProblems?.get(setKey(set)) ?? [])];
    return { set, accepted: problems.length === 0, problems };
  });
}

/** A composite element (AK401 "5:1", CTX01 "CLM01:123"). */
function component(...parts: (string | number | undefined)[]): string[] {
  return parts.filter((p) => p !== undefined).map(String);
}

/**
 * One 997 (AK1/AK2/AK3/AK4/AK5/AK9) or 999 (AK1/AK2/IK3/CTX/IK4/IK5/AK9) for one functional
 * group, reflecting what was found: SE01 wrong → AK5*R*4, SE02 ≠ ST02 → AK5*R*3, GE01 wrong →
 * AK9*R…*5, a mapping error → AK3/AK4 with AK5*R*5.
 */
export function functionalAckSet(
  group: FunctionalGroup,
  kind: FunctionalAckKind,
  setProblems?: SetProblems,
): EncodedSet {
  const ik = kind === "999";
  const segments: SegmentValues[] = [];
  segments.push(
    ik
      ? ["AK1", group.header.functionalId, group.header.controlNumber, group.header.version]
      : ["AK1", group.header.functionalId, group.header.controlNumber],
  );
  const verdicts = judgeSets(group, setProblems);
  for (const v of verdicts) {
    segments.push([
      "AK2",
      v.set.setId,
      v.set.controlNumber,
      ...(ik && v.set.implementationReference ? [v.set.implementationReference] : []),
    ]);
    const segmentProblems = v.problems.filter((p) => p.level === "segment");
    for (const p of segmentProblems) {
      const at = p.position;
      segments.push([ik ? "IK3" : "AK3", at?.segmentId ?? "", String(at?.setPosition ?? ""), "", p.ackCode]);
      if (ik && p.context) segments.push(["CTX", component(p.context.name, p.context.value)]);
      if (p.elementAckCode !== undefined && at?.elementPosition !== undefined) {
        segments.push([
          ik ? "IK4" : "AK4",
          component(at.elementPosition, at.componentPosition),
          p.dataElement ?? "",
          p.elementAckCode,
          (p.badValue ?? "").slice(0, 99),
        ]);
      }
    }
    const codes = [
      ...new Set([
        ...v.problems.filter((p) => p.level === "set").map((p) => p.ackCode),
        ...(segmentProblems.length ? ["5"] : []),
      ]),
    ];
    segments.push([ik ? "IK5" : "AK5", v.accepted ? "A" : "R", ...codes.slice(0, 5)]);
  }
  const accepted = verdicts.filter((v) => v.accepted).length;
  const groupCodes = group.problems.map((p) => p.ackCode);
  const declared = group.problems.find((p) => p.rule === "x12.group.set-count")?.badValue;
  const status =
    groupCodes.length > 0 || accepted === 0
      ? verdicts.length === 0 && groupCodes.length === 0
        ? "A"
        : "R"
      : accepted === verdicts.length
        ? "A"
        : "P";
  segments.push([
    "AK9",
    status,
    declared ?? String(verdicts.length),
    String(verdicts.length),
    String(groupCodes.length ? 0 : accepted),
    ...groupCodes.slice(0, 5),
  ]);
  return {
    setId: kind,
    functionalId: "FA",
    version: ik ? "005010X231" : group.header.version || "004010",
    ...(ik ? { implementationReference: "005010X231" } : {}),
    segments,
  };
}

/**
 * The acknowledgment interchange for an inbound one (decoded with `controls: "record"`): one
 * 997/999 per functional group, plus a TA1 when ISA14 asked for it. Groups of acknowledgments
 * (GS01 FA) are never acknowledged themselves: a 997 for a 997 would start an endless exchange.
 * Returns undefined when there is nothing to acknowledge (no such groups and no TA1 wanted).
 */
export function buildFunctionalAck(interchange: Interchange, options: FunctionalAckOptions): string | undefined {
  const kind = options.kind ?? "997";
  const groups = interchange.groups.filter((g) => g.header.functionalId !== "FA");
  const sets = groups.map((g) => functionalAckSet(g, kind, options.setProblems));
  const ta1 =
    interchange.header.ackRequested || options.includeTa1 || interchange.problems.length > 0
      ? [buildInterchangeAck(interchange)]
      : [];
  if (sets.length === 0 && ta1.length === 0) return undefined;
  const firstGroup = groups[0]?.header;
  const separators = options.envelope.separators ?? interchange.separators;
  const text = encodeInterchange(
    {
      ...options.envelope,
      separators,
      sender: { qualifier: interchange.header.receiverQualifier, id: interchange.header.receiverId },
      receiver: { qualifier: interchange.header.senderQualifier, id: interchange.header.senderId },
      ...(firstGroup
        ? { applicationSender: firstGroup.applicationReceiver, applicationReceiver: firstGroup.applicationSender }
        : {}),
      controlVersion: kind === "999" ? "00501" : "00401",
    },
    sets,
    ta1,
  );
  return text;
}
