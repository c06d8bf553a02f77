import type { Issue } from "../../../model/issue.js";
import type { X12Problem } from "../x12-problem.js";
import type { Segment } from "./segment.js";
import type { Separators } from "./separators.js";

/** ISA, with the padding of the fixed-width ids trimmed. */
export interface InterchangeHeader {
  readonly authorizationQualifier: string;
  readonly authorization: string;
  readonly securityQualifier: string;
  readonly security: string;
  readonly senderQualifier: string;
  readonly senderId: string;
  readonly receiverQualifier: string;
  readonly receiverId: string;
  /** ISA09 YYMMDD and ISA10 HHMM as sent. */
  readonly date: string;
  readonly time: string;
  /** ISA12, e.g. "00401"; the corpus also has the bogus "00040" (a warning, not a rejection). */
  readonly version: string;
  readonly controlNumber: string;
  /** ISA14 = 1: the sender wants a TA1. */
  readonly ackRequested: boolean;
  /** ISA15: P production, T test. */
  readonly usage: string;
}

/** GS. */
export interface GroupHeader {
  readonly functionalId: string;
  readonly applicationSender: string;
  readonly applicationReceiver: string;
  /** GS04 CCYYMMDD, GS05 HHMM[SS[D..]] as sent. */
  readonly date: string;
  readonly time: string;
  readonly controlNumber: string;
  readonly agency: string;
  /** GS08, e.g. "004010" or "005010X231". */
  readonly version: string;
}

/** ST, with the group it arrived in. */
export interface TransactionSetHeader {
  readonly setId: string;
  readonly controlNumber: string;
  /** ST03 (5010 implementation convention reference), when sent. */
  readonly implementationReference?: string;
  readonly group: GroupHeader;
  /** The interchange's separators (composites inside the set are split with its component separator). */
  readonly separators: Separators;
}

export interface TransactionSet extends TransactionSetHeader {
  /** ST through SE inclusive; empty when the decoder streams segments instead of collecting them. */
  readonly segments: readonly Segment[];
  /** Segments counted from ST to SE inclusive, as received. */
  readonly segmentCount: number;
  readonly header: Segment;
  readonly trailer?: Segment;
  /** Control problems of this set (SE01/SE02, missing SE); mapping problems are reported separately. */
  readonly problems: readonly X12Problem[];
}

export interface FunctionalGroup {
  readonly header: GroupHeader;
  readonly headerSegment: Segment;
  readonly sets: readonly TransactionSet[];
  readonly problems: readonly X12Problem[];
}

export interface Interchange {
  readonly header: InterchangeHeader;
  readonly separators: Separators;
  readonly groups: readonly FunctionalGroup[];
  /** TA1 segments carried directly in the interchange (an interchange acknowledgment). */
  readonly ta1: readonly Segment[];
  readonly problems: readonly X12Problem[];
  /** Deviations tolerated (bogus ISA12, missing final terminator …). */
  readonly warnings: readonly Issue[];
}

export type X12Event =
  | {
      readonly type: "interchange";
      readonly header: InterchangeHeader;
      readonly separators: Separators;
      readonly segment: Segment;
    }
  | { readonly type: "group"; readonly header: GroupHeader; readonly segment: Segment }
  /** Stream mode: the ST, before the set's segments. */
  | { readonly type: "set-start"; readonly header: TransactionSetHeader; readonly segment: Segment }
  /** Stream mode: each segment between ST and SE. */
  | { readonly type: "segment"; readonly segment: Segment; readonly set: TransactionSetHeader }
  /** At SE (or where SE should have been): the set with its control problems. */
  | { readonly type: "set"; readonly set: TransactionSet }
  | { readonly type: "group-end"; readonly group: FunctionalGroup }
  | { readonly type: "ta1"; readonly segment: Segment }
  | { readonly type: "interchange-end"; readonly interchange: Interchange };
