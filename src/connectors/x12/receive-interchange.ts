import type { ConcordError } from "../../errors/index.js";
import { Errors } from "../../errors/index.js";
import {
  buildFunctionalAck,
  type FunctionalAckKind,
  type FunctionalAckOptions,
  setKey,
} from "./ack/build-functional-ack.js";
import { decodeInterchange } from "./envelope/decode-interchange.js";
import type { InterchangeRegistry } from "./envelope/interchange-registry.js";
import type { Interchange, TransactionSet } from "./envelope/interchange-types.js";
import { type DecodedDocument, decodeDocument } from "./sets/decode-document.js";
import { isMappedSet } from "./sets/transaction-sets.js";
import { compileX12Options, type X12PartnerOptions } from "./sets/x12-options.js";
import { problemOf, type X12Problem } from "./x12-problem.js";

export type ReceivedSet =
  | { readonly set: TransactionSet; readonly outcome: "mapped"; readonly result: DecodedDocument }
  /** Envelope (SE) problems or a mapping error: the set is rejected in the 997/999. */
  | {
      readonly set: TransactionSet;
      readonly outcome: "rejected";
      readonly problems: readonly X12Problem[];
      readonly error?: ConcordError;
    }
  /** Syntactically fine but a set Concord does not map (867, 844 …): accepted in the ack, left to the caller. */
  | { readonly set: TransactionSet; readonly outcome: "not-mapped" };

export interface ReceiveOptions {
  readonly partner?: X12PartnerOptions;
  /** Refuses an ISA13 already received from the same sender for the same receiver. */
  readonly registry?: InterchangeRegistry;
  /** Build the functional acknowledgment (needs the ack's own control numbers). */
  readonly ack?: { readonly kind?: FunctionalAckKind; readonly envelope: FunctionalAckOptions["envelope"] };
}

export interface ReceivedInterchange {
  readonly interchange: Interchange;
  readonly sets: readonly ReceivedSet[];
  /** The 997/999 (with a TA1 when asked), when `options.ack` was given. */
  readonly ack?: string;
}

/**
 * The inbound path for one interchange: decode with control problems recorded, refuse a
 * duplicate ISA13, map every set Concord models, and build the acknowledgment from what was
 * found. Envelope damage (bad ISA, truncation) still throws: there is nothing to acknowledge.
 */
export async function receiveInterchange(
  input: string | Uint8Array,
  options: ReceiveOptions = {},
): Promise<ReceivedInterchange> {
  const interchange = decodeInterchange(input, { controls: "record" });
  const h = interchange.header;
  if (options.registry) {
    const sender = `${h.senderQualifier}:${h.senderId}`;
    const receiver = `${h.receiverQualifier}:${h.receiverId}`;
    if (await options.registry.seen(sender, receiver, h.controlNumber)) {
      throw Errors.EdiDuplicate(`interchange ${h.controlNumber} from ${sender} to ${receiver} was already received`, {
        sender,
        receiver,
        controlNumber: h.controlNumber,
      });
    }
  }
  const partner = compileX12Options(options.partner);
  const sets: ReceivedSet[] = [];
  const setProblems = new Map<string, X12Problem[]>();
  for (const group of interchange.groups) {
    // A group whose trailer is wrong is rejected whole (AK9*R); its sets are not mapped.
    const groupBroken = group.problems.length > 0;
    for (const set of group.sets) {
      if (set.problems.length > 0 || groupBroken) {
        sets.push({ set, outcome: "rejected", problems: set.problems });
        continue;
      }
      if (!isMappedSet(set.setId)) {
        sets.push({ set, outcome: "not-mapped" });
        continue;
      }
      try {
        sets.push({ set, outcome: "mapped", result: decodeDocument(set, partner) });
      } catch (e) {
        const problem = problemOf(e);
        if (!problem) throw e;
        setProblems.set(setKey(set), [problem]);
        sets.push({ set, outcome: "rejected", problems: [problem], error: e as ConcordError });
      }
    }
  }
  const ack = options.ack
    ? buildFunctionalAck(interchange, { kind: options.ack.kind ?? "997", envelope: options.ack.envelope, setProblems })
    : undefined;
  return { interchange, sets, ...(ack ? { ack } : {}) };
}
