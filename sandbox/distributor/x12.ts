/**
 * The distributor's own small X12 reader and writer (its EDI translator, not Concord's codec): the
 * separators come from the fixed-width ISA, segments are split on the terminator, and CR/LF
 * around segments is tolerated. Only what the distributor needs: envelopes, 845s, 820s, 824s, 850s, 855s and 997s.
 */

export interface Separators {
  element: string;
  component: string;
  segment: string;
}

export const DEFAULT_SEPARATORS: Separators = { element: "*", component: ">", segment: "~" };

/** A segment as its elements; `[0]` is the segment id. */
export type Segment = string[];

export interface TransactionSet {
  /** ST01 and ST02. */
  id: string;
  control: string;
  /** ST through SE, inclusive. */
  segments: Segment[];
}

export interface FunctionalGroup {
  /** GS01 (functional identifier, e.g. PA for 845, FA for 997), GS02/GS03, GS06. */
  functionalId: string;
  sender: string;
  receiver: string;
  control: string;
  sets: TransactionSet[];
}

export interface Interchange {
  separators: Separators;
  sender: { qualifier: string; id: string };
  receiver: { qualifier: string; id: string };
  /** ISA13. */
  control: string;
  usage: string;
  groups: FunctionalGroup[];
}

export class X12Error extends Error {}

/** Splits an interchange into segments using the separators its ISA declares. */
export function splitSegments(raw: string): { separators: Separators; segments: Segment[] } {
  const text = raw.replace(/^\uFEFF/, "").trimStart();
  if (!text.startsWith("ISA") || text.length < 106) throw new X12Error("not an X12 interchange (no ISA)");
  const element = text[3]!;
  // ISA16 is the 16th element; the terminator follows it. Found by position of the 16th separator,
  // so a sender padding ISA a little wrongly is still read.
  let at = -1;
  for (let n = 0; n < 16; n++) {
    at = text.indexOf(element, at + 1);
    if (at < 0) throw new X12Error("the ISA segment is truncated");
  }
  const component = text[at + 1]!;
  const segment = text[at + 2]!;
  if (!component || !segment) throw new X12Error("the ISA segment is truncated");
  const segments = text
    .split(segment)
    .map((s) => s.replace(/^[\r\n]+|[\r\n]+$/g, ""))
    .filter((s) => s.length > 0)
    .map((s) => s.split(element));
  return { separators: { element, component, segment }, segments };
}

/** Reads the envelope structure; checks the counts a partner's translator would check. */
export function readInterchange(raw: string): Interchange {
  const { separators, segments } = splitSegments(raw);
  const isa = segments[0]!;
  if (isa.length < 17) throw new X12Error("the ISA segment needs 16 elements");
  const ic: Interchange = {
    separators,
    sender: { qualifier: isa[5]!.trim(), id: isa[6]!.trim() },
    receiver: { qualifier: isa[7]!.trim(), id: isa[8]!.trim() },
    control: isa[13]!.trim(),
    usage: isa[15]!.trim(),
    groups: [],
  };
  let group: FunctionalGroup | undefined;
  let set: TransactionSet | undefined;
  let ended = false;
  for (const seg of segments.slice(1)) {
    const id = seg[0];
    if (ended) throw new X12Error(`segment ${id} after IEA`);
    if (set) {
      set.segments.push(seg);
      if (id === "SE") {
        if (Number(seg[1]) !== set.segments.length)
          throw new X12Error(`SE01 ${seg[1]} but set ${set.control} has ${set.segments.length} segments`);
        if (seg[2] !== set.control) throw new X12Error(`SE02 ${seg[2]} does not match ST02 ${set.control}`);
        group!.sets.push(set);
        set = undefined;
      }
      continue;
    }
    switch (id) {
      case "GS":
        if (group) throw new X12Error(`GS ${seg[6]} inside group ${group.control}`);
        group = {
          functionalId: seg[1] ?? "",
          sender: seg[2] ?? "",
          receiver: seg[3] ?? "",
          control: seg[6] ?? "",
          sets: [],
        };
        break;
      case "ST":
        if (!group) throw new X12Error("ST outside a functional group");
        set = { id: seg[1] ?? "", control: seg[2] ?? "", segments: [seg] };
        break;
      case "GE":
        if (!group) throw new X12Error("GE without GS");
        if (Number(seg[1]) !== group.sets.length)
          throw new X12Error(`GE01 ${seg[1]} but group ${group.control} has ${group.sets.length} sets`);
        if (seg[2] !== group.control) throw new X12Error(`GE02 ${seg[2]} does not match GS06 ${group.control}`);
        ic.groups.push(group);
        group = undefined;
        break;
      case "IEA":
        if (group || set) throw new X12Error("IEA inside an open group");
        if (Number(seg[1]) !== ic.groups.length)
          throw new X12Error(`IEA01 ${seg[1]} but the interchange has ${ic.groups.length} groups`);
        if (seg[2]?.trim() !== ic.control) throw new X12Error(`IEA02 ${seg[2]} does not match ISA13 ${ic.control}`);
        ended = true;
        break;
      default:
        throw new X12Error(`segment ${id} outside a transaction set`);
    }
  }
  if (!ended) throw new X12Error("the interchange has no IEA");
  return ic;
}

const yymmdd = (d: Date) => d.toISOString().slice(2, 10).replace(/-/g, "");
const ccyymmdd = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, "");
const hhmm = (d: Date) => d.toISOString().slice(11, 16).replace(":", "");

export interface EnvelopeParams {
  sender: { qualifier: string; id: string };
  receiver: { qualifier: string; id: string };
  /** Used for ISA13 (zero-padded to 9) and GS06. */
  control: number;
  at: Date;
  usage?: string;
  separators?: Separators;
}

/**
 * One interchange of one functional group. `sets` are the bodies between ST and SE (exclusive);
 * ST/SE, GS/GE and ISA/IEA with their counts and control numbers are added here. ISA is fixed width.
 */
export function writeInterchange(
  p: EnvelopeParams & { functionalId: string; setId: string; version?: string },
  sets: readonly Segment[][],
): string {
  const sep = p.separators ?? DEFAULT_SEPARATORS;
  const isa13 = String(p.control).padStart(9, "0");
  if (isa13.length > 9) throw new X12Error(`control number ${p.control} does not fit ISA13`);
  const isa: Segment = [
    "ISA",
    "00",
    " ".repeat(10),
    "00",
    " ".repeat(10),
    p.sender.qualifier.padEnd(2),
    p.sender.id.padEnd(15).slice(0, 15),
    p.receiver.qualifier.padEnd(2),
    p.receiver.id.padEnd(15).slice(0, 15),
    yymmdd(p.at),
    hhmm(p.at),
    "U",
    "00401",
    isa13,
    "0",
    p.usage ?? "P",
    sep.component,
  ];
  const out: Segment[] = [
    isa,
    [
      "GS",
      p.functionalId,
      p.sender.id,
      p.receiver.id,
      ccyymmdd(p.at),
      hhmm(p.at),
      String(p.control),
      "X",
      p.version ?? "004010",
    ],
  ];
  sets.forEach((body, i) => {
    const st = String(i + 1).padStart(4, "0");
    out.push(["ST", p.setId, st], ...body, ["SE", String(body.length + 2), st]);
  });
  out.push(["GE", String(sets.length), String(p.control)], ["IEA", "1", isa13]);
  return out.map((s) => s.join(sep.element) + sep.segment).join("");
}
