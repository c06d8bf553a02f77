import type { Issue } from "../../../model/issue.js";
import { controlError, envelopeError, type X12Position, type X12Problem } from "../x12-problem.js";
import type {
  FunctionalGroup,
  GroupHeader,
  Interchange,
  InterchangeHeader,
  TransactionSet,
  TransactionSetHeader,
  X12Event,
} from "./interchange-types.js";
import type { Segment } from "./segment.js";
import { SegmentTokenizer } from "./segment-tokenizer.js";
import type { Separators } from "./separators.js";

export interface X12DecoderOptions {
  /**
   * "collect" (default) gathers each transaction set's segments into its `set` event; "stream"
   * emits `set-start`, one `segment` per segment and a `set` without segments, so a 50 MB catalog
   * in one ST/SE never sits in memory.
   */
  readonly mode?: "collect" | "stream";
  /**
   * "throw" (default): a control mismatch (ISA13/IEA02, counts, ST02/SE02 …) throws
   * CONCORD_ERR_EDI_CONTROL. "record": it is attached to the set, group or interchange as an
   * X12Problem, which is what building a 997/999 needs.
   */
  readonly controls?: "throw" | "record";
}

export interface X12Decoder {
  /** Feeds a chunk (any size, any boundary); returns the events it completed. */
  push(chunk: Uint8Array | string): X12Event[];
  /** Ends the input; throws CONCORD_ERR_EDI_ENVELOPE if it ended inside an interchange. */
  end(): X12Event[];
}

const KNOWN_VERSION = /^00[2-8]\d{2}$/;

function pos(segment: Segment, elementPosition?: number, setStart?: Segment): X12Position {
  return {
    segmentIndex: segment.index,
    segmentId: segment.id,
    byteOffset: segment.byteOffset,
    ...(setStart ? { setPosition: segment.index - setStart.index + 1 } : {}),
    ...(elementPosition === undefined ? {} : { elementPosition }),
  };
}

function el(segment: Segment, n: number): string {
  return segment.elements[n] ?? "";
}

interface OpenSet {
  readonly header: TransactionSetHeader;
  readonly start: Segment;
  readonly segments: Segment[];
  count: number;
}

interface OpenGroup {
  readonly header: GroupHeader;
  readonly segment: Segment;
  readonly sets: TransactionSet[];
  readonly problems: X12Problem[];
}

interface OpenInterchange {
  readonly header: InterchangeHeader;
  readonly segment: Segment;
  readonly separators: Separators;
  readonly groups: FunctionalGroup[];
  readonly ta1: Segment[];
  readonly problems: X12Problem[];
  readonly warnings: Issue[];
}

/**
 * Streaming X12 decoder: tokenizes with the ISA's own separators and checks the envelope
 * (ISA13=IEA02, IEA01 = groups, GS06=GE02, GE01 = sets, ST02=SE02, SE01 = segments) as segments
 * arrive. Memory stays flat in "stream" mode: only the current set's header is held.
 */
export function createX12Decoder(options: X12DecoderOptions = {}): X12Decoder {
  const collect = (options.mode ?? "collect") === "collect";
  const record = options.controls === "record";
  const tokenizer = new SegmentTokenizer();
  let interchange: OpenInterchange | undefined;
  let group: OpenGroup | undefined;
  let set: OpenSet | undefined;
  let lastSegment: Segment | undefined;

  function problem(target: X12Problem[], p: X12Problem): void {
    if (!record) throw controlError(p);
    target.push(p);
  }

  function closeSet(out: X12Event[], trailer: Segment | undefined): void {
    const s = set!;
    set = undefined;
    const problems: X12Problem[] = [];
    if (trailer === undefined) {
      problem(problems, {
        level: "set",
        rule: "x12.set.trailer-missing",
        message: `transaction set ${s.header.setId} ${s.header.controlNumber} has no SE before the next envelope segment`,
        position: pos(s.start, 2),
        ackCode: "2",
      });
    } else {
      const declared = el(trailer, 1).trim();
      if (declared !== String(s.count)) {
        problem(problems, {
          level: "set",
          rule: "x12.set.segment-count",
          message: `SE01 says ${JSON.stringify(declared)} segments but transaction set ${s.header.controlNumber} has ${s.count} (ST to SE inclusive)`,
          position: pos(trailer, 1, s.start),
          ackCode: "4",
          badValue: declared,
        });
      }
      const control = el(trailer, 2).trim();
      if (control !== s.header.controlNumber) {
        problem(problems, {
          level: "set",
          rule: "x12.set.control-number",
          message: `SE02 ${JSON.stringify(control)} does not match ST02 ${JSON.stringify(s.header.controlNumber)}`,
          position: pos(trailer, 2, s.start),
          ackCode: "3",
          badValue: control,
        });
      }
    }
    const done: TransactionSet = {
      ...s.header,
      segments: s.segments,
      segmentCount: s.count,
      header: s.start,
      ...(trailer ? { trailer } : {}),
      problems,
    };
    group!.sets.push(done);
    out.push({ type: "set", set: done });
  }

  function closeGroup(out: X12Event[], trailer: Segment | undefined): void {
    const g = group!;
    group = undefined;
    if (trailer === undefined) {
      problem(g.problems, {
        level: "group",
        rule: "x12.group.trailer-missing",
        message: `functional group ${g.header.controlNumber} has no GE before the next envelope segment`,
        position: pos(g.segment, 6),
        ackCode: "3",
      });
    } else {
      const declared = el(trailer, 1).trim();
      if (declared !== String(g.sets.length)) {
        problem(g.problems, {
          level: "group",
          rule: "x12.group.set-count",
          message: `GE01 says ${JSON.stringify(declared)} transaction sets but group ${g.header.controlNumber} has ${g.sets.length}`,
          position: pos(trailer, 1),
          ackCode: "5",
          badValue: declared,
        });
      }
      const control = el(trailer, 2).trim();
      if (control !== g.header.controlNumber) {
        problem(g.problems, {
          level: "group",
          rule: "x12.group.control-number",
          message: `GE02 ${JSON.stringify(control)} does not match GS06 ${JSON.stringify(g.header.controlNumber)}`,
          position: pos(trailer, 2),
          ackCode: "4",
          badValue: control,
        });
      }
    }
    // In stream mode the sets carry no segments, so keeping their summaries is cheap.
    const done: FunctionalGroup = { header: g.header, headerSegment: g.segment, sets: g.sets, problems: g.problems };
    interchange!.groups.push(done);
    out.push({ type: "group-end", group: done });
  }

  function openInterchange(segment: Segment, out: X12Event[]): void {
    const separators = tokenizer.takeIsaSeparators()!;
    const header: InterchangeHeader = {
      authorizationQualifier: el(segment, 1),
      authorization: el(segment, 2).trim(),
      securityQualifier: el(segment, 3),
      security: el(segment, 4).trim(),
      senderQualifier: el(segment, 5).trim(),
      senderId: el(segment, 6).trim(),
      receiverQualifier: el(segment, 7).trim(),
      receiverId: el(segment, 8).trim(),
      date: el(segment, 9),
      time: el(segment, 10),
      version: el(segment, 12),
      controlNumber: el(segment, 13),
      ackRequested: el(segment, 14) === "1",
      usage: el(segment, 15),
    };
    const warnings: Issue[] = [];
    if (!KNOWN_VERSION.test(header.version)) {
      warnings.push({
        path: `/segments/${segment.index}/ISA12`,
        rule: "x12.isa12-unknown-version",
        message: `ISA12 ${JSON.stringify(header.version)} is not an X12 control version; the group's GS08 decides how sets are read`,
      });
    }
    if (!/^\d{9}$/.test(header.controlNumber)) {
      warnings.push({
        path: `/segments/${segment.index}/ISA13`,
        rule: "x12.isa13-not-nine-digits",
        message: `ISA13 ${JSON.stringify(header.controlNumber)} is not 9 digits`,
      });
    }
    interchange = { header, segment, separators, groups: [], ta1: [], problems: [], warnings };
    out.push({ type: "interchange", header, separators, segment });
  }

  function closeInterchange(trailer: Segment, out: X12Event[]): void {
    const ic = interchange!;
    interchange = undefined;
    const declared = el(trailer, 1).trim();
    if (declared !== String(ic.groups.length)) {
      problem(ic.problems, {
        level: "interchange",
        rule: "x12.interchange.group-count",
        message: `IEA01 says ${JSON.stringify(declared)} functional groups but interchange ${ic.header.controlNumber} has ${ic.groups.length}`,
        position: pos(trailer, 1),
        ackCode: "021",
        badValue: declared,
      });
    }
    const control = el(trailer, 2).trim();
    if (control !== ic.header.controlNumber) {
      problem(ic.problems, {
        level: "interchange",
        rule: "x12.interchange.control-number",
        message: `IEA02 ${JSON.stringify(control)} does not match ISA13 ${JSON.stringify(ic.header.controlNumber)}`,
        position: pos(trailer, 2),
        ackCode: "001",
        badValue: control,
      });
    }
    const done: Interchange = {
      header: ic.header,
      separators: ic.separators,
      groups: ic.groups,
      ta1: ic.ta1,
      problems: ic.problems,
      warnings: ic.warnings,
    };
    out.push({ type: "interchange-end", interchange: done });
  }

  function onSegment(segment: Segment, out: X12Event[]): void {
    lastSegment = segment;
    const id = segment.id;
    if (set !== undefined) {
      if (id === "SE") {
        set.count++;
        if (collect) set.segments.push(segment);
        closeSet(out, segment);
        return;
      }
      if (id !== "ST" && id !== "GE" && id !== "GS" && id !== "IEA" && id !== "ISA") {
        set.count++;
        if (collect) set.segments.push(segment);
        else out.push({ type: "segment", segment, set: set.header });
        return;
      }
      closeSet(out, undefined);
    }
    switch (id) {
      case "ISA":
        if (interchange !== undefined) {
          throw envelopeError(
            `an ISA starts before interchange ${interchange.header.controlNumber} ended with IEA`,
            pos(segment),
            "023",
          );
        }
        openInterchange(segment, out);
        return;
      case "IEA":
        requireInterchange(segment);
        if (group !== undefined) closeGroup(out, undefined);
        closeInterchange(segment, out);
        return;
      case "GS": {
        requireInterchange(segment);
        if (group !== undefined) closeGroup(out, undefined);
        const header: GroupHeader = {
          functionalId: el(segment, 1).trim(),
          applicationSender: el(segment, 2).trim(),
          applicationReceiver: el(segment, 3).trim(),
          date: el(segment, 4).trim(),
          time: el(segment, 5).trim(),
          controlNumber: el(segment, 6).trim(),
          agency: el(segment, 7).trim(),
          version: el(segment, 8).trim(),
        };
        group = { header, segment, sets: [], problems: [] };
        out.push({ type: "group", header, segment });
        return;
      }
      case "GE":
        requireInterchange(segment);
        if (group === undefined) throw envelopeError("a GE without its GS", pos(segment), "024");
        closeGroup(out, segment);
        return;
      case "ST": {
        requireInterchange(segment);
        if (group === undefined)
          throw envelopeError("an ST outside a functional group (no GS before it)", pos(segment), "024");
        const reference = el(segment, 3).trim();
        const header: TransactionSetHeader = {
          setId: el(segment, 1).trim(),
          controlNumber: el(segment, 2).trim(),
          ...(reference ? { implementationReference: reference } : {}),
          group: group.header,
          separators: interchange!.separators,
        };
        set = { header, start: segment, segments: collect ? [segment] : [], count: 1 };
        if (!collect) out.push({ type: "set-start", header, segment });
        return;
      }
      case "TA1":
        requireInterchange(segment);
        if (group !== undefined) throw envelopeError("a TA1 inside a functional group", pos(segment), "024");
        interchange!.ta1.push(segment);
        out.push({ type: "ta1", segment });
        return;
      default:
        requireInterchange(segment);
        throw envelopeError(
          `segment ${id} is outside a transaction set (only GS, GE, TA1 and IEA may appear between sets)`,
          pos(segment),
          "024",
        );
    }
  }

  function requireInterchange(segment: Segment): void {
    if (interchange === undefined)
      throw envelopeError(`segment ${segment.id} outside an interchange (no ISA before it)`, pos(segment));
  }

  function run(segments: Segment[]): X12Event[] {
    const out: X12Event[] = [];
    for (const segment of segments) onSegment(segment, out);
    return out;
  }

  return {
    push: (chunk) => run(tokenizer.push(chunk)),
    end: () => {
      const out = run(tokenizer.end());
      if (interchange !== undefined) {
        const where = lastSegment ? pos(lastSegment) : undefined;
        throw envelopeError(
          `the input ended inside interchange ${interchange.header.controlNumber}${set ? ` (in transaction set ${set.header.controlNumber})` : group ? ` (in group ${group.header.controlNumber})` : ""}: no IEA`,
          where,
          "023",
        );
      }
      if (lastSegment === undefined) throw envelopeError("the input holds no X12 interchange", undefined, "023");
      return out;
    },
  };
}
