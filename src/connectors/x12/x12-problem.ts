import { type ConcordError, Errors } from "../../errors/index.js";

/**
 * Where something is in an X12 stream. Segment numbers count from 1 at the start of the input (the
 * ISA is segment 1); `setPosition` counts from 1 at the ST, which is what AK3/IK3 report.
 */
export interface X12Position {
  readonly segmentIndex: number;
  readonly segmentId: string;
  readonly byteOffset: number;
  readonly setPosition?: number;
  readonly elementPosition?: number;
  readonly componentPosition?: number;
}

export type X12ProblemLevel = "interchange" | "group" | "set" | "segment";

/**
 * One problem found while reading an interchange, typed by the acknowledgment level that reports
 * it, so a 997/999/TA1 can be built from the same value that explains the rejection to a person.
 */
export interface X12Problem {
  readonly level: X12ProblemLevel;
  /** Stable id for counting and suppressing, e.g. "x12.set.segment-count". */
  readonly rule: string;
  readonly message: string;
  readonly position?: X12Position;
  /** TA105 (interchange), AK905/IK9 (group), AK502/IK502 (set) or AK304/IK304 (segment). */
  readonly ackCode: string;
  /** AK403/IK403 when the segment problem is in one element. */
  readonly elementAckCode?: string;
  /** AK402: the data element reference number, when known. */
  readonly dataElement?: string;
  readonly badValue?: string;
  /** 999 CTX business-unit context, e.g. { name: "PO101", value: "3" }. */
  readonly context?: { readonly name: string; readonly value: string };
}

/** "segment 14 (PO1, set position 12) element 03, byte 512" */
export function describePosition(p: X12Position): string {
  const inSet = p.setPosition === undefined ? "" : `, set position ${p.setPosition}`;
  const element =
    p.elementPosition === undefined
      ? ""
      : ` element ${String(p.elementPosition).padStart(2, "0")}${p.componentPosition === undefined ? "" : `-${p.componentPosition}`}`;
  return `segment ${p.segmentIndex} (${p.segmentId}${inSet})${element}, byte ${p.byteOffset}`;
}

function withWhere(message: string, position: X12Position | undefined): string {
  return position === undefined ? message : `${message} [at ${describePosition(position)}]`;
}

/** The ISA/IEA/GS/GE structure is unusable: nothing inside can be trusted. */
export function envelopeError(message: string, position?: X12Position, taCode = "024"): ConcordError {
  return Errors.EdiEnvelope(withWhere(message, position), { position, ackCode: taCode });
}

/** A segment cannot be read at all (bad segment id, runaway segment without terminator). */
export function syntaxError(message: string, position?: X12Position): ConcordError {
  return Errors.EdiSyntax(withWhere(message, position), { position });
}

export function controlError(problem: X12Problem): ConcordError {
  return Errors.EdiControl(withWhere(problem.message, problem.position), { problem });
}

export function mappingError(problem: X12Problem): ConcordError {
  return Errors.EdiMapping(withWhere(problem.message, problem.position), { problem });
}

/** True for any error this codec raises on purpose (every CONCORD_ERR_EDI_* code). */
export function isX12Error(e: unknown): e is ConcordError {
  return (
    Errors.EdiEnvelope.is(e) ||
    Errors.EdiSyntax.is(e) ||
    Errors.EdiControl.is(e) ||
    Errors.EdiDuplicate.is(e) ||
    Errors.EdiMapping.is(e) ||
    Errors.EdiUnsupported.is(e)
  );
}

/** The X12Problem a mapping or control error carries, if any. */
export function problemOf(e: unknown): X12Problem | undefined {
  if (!isX12Error(e)) return undefined;
  const problem = e.extras.problem;
  return problem && typeof problem === "object" ? (problem as X12Problem) : undefined;
}
