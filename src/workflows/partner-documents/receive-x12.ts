import {
  parseAcknowledgment,
  type ReceivedSet,
  receiveInterchange,
  type X12PartnerOptions,
} from "../../connectors/x12/index.js";
import { Errors } from "../../errors/index.js";
import type { FunctionalAck } from "../../events/index.js";
import { acceptPartnerMessage, type PartnerIntakeDeps } from "./accept-partner-message.js";
import type { PartnerDocument, PartnerMessageOutcome } from "./partner-message.js";

export interface X12PartnerRef {
  readonly system: string;
  readonly qualifier: string;
  readonly id: string;
  readonly ack: "997" | "999";
  readonly options: X12PartnerOptions;
}

export interface X12IntakeDeps extends PartnerIntakeDeps {
  /** The configured partner with this interchange id (ISA05:ISA06), if any. */
  readonly findPartner: (qualifier: string, id: string) => X12PartnerRef | undefined;
  /** The X12 settings of a partner system, for documents Concord writes to it. */
  readonly x12PartnerOf: (system: string) => X12PartnerRef | undefined;
  /** Concord's interchange id: inbound interchanges must be addressed to it. */
  readonly identity: { readonly qualifier: string; readonly id: string };
}

export interface ReceivedX12 {
  readonly outcome: PartnerMessageOutcome;
  /** The 997/999 (with a TA1 when the sender asked) to return to the partner. */
  readonly ack: string | undefined;
  /** Sets refused in the acknowledgment, with why. */
  readonly rejectedSets: readonly { setId: string; controlNumber: string; reason: string }[];
  /** Sets Concord reads but does not map (867, 844…): acknowledged and kept raw. */
  readonly unmappedSets: readonly { setId: string; controlNumber: string }[];
}

/** ISA05/06 and ISA07/08, read from the fixed-width ISA before anything else, to find the partner. */
function peekIsa(raw: string): { sender: [string, string]; receiver: [string, string] } {
  const text = raw.replace(/^\uFEFF/, "").trimStart();
  if (!text.startsWith("ISA") || text.length < 106) {
    throw Errors.EdiEnvelope("the body is not an X12 interchange: it must start with a 106-character ISA segment");
  }
  const f = text.slice(0, 106).split(text[3]!);
  return { sender: [f[5]!.trim(), f[6]!.trim()], receiver: [f[7]!.trim(), f[8]!.trim()] };
}

/** A 997/999 names the group Concord sent by GS06, which is the id of the delivery that carried it. */
function functionalAcksOf(interchange: Parameters<typeof parseAcknowledgment>[0]): FunctionalAck[] {
  const parsed = parseAcknowledgment(interchange);
  return parsed.functional.flatMap((f) => {
    const deliveryId = Number(f.group.groupControlNumber);
    if (!Number.isSafeInteger(deliveryId) || deliveryId <= 0) return [];
    const accepted = f.group.status === "accepted" || f.group.status === "accepted-with-errors";
    const errors = f.group.sets.flatMap((s) =>
      s.segmentErrors.map(
        (e) =>
          `set ${s.setId} ${s.controlNumber}: ${e.segmentId} at ${e.position} (code ${e.code}${e.elements
            .map((x) => `, element ${x.elementPosition} code ${x.code}`)
            .join("")})`,
      ),
    );
    return [
      {
        deliveryId,
        accepted,
        detail: `${f.kind} group ${f.group.groupControlNumber} ${f.group.status}${errors.length ? `: ${errors.slice(0, 3).join("; ")}` : ""}`,
      },
    ];
  });
}

/**
 * An X12 interchange from a trading partner, end to end: find the partner by its ISA sender id,
 * decode with its options, map every set Concord models, keep the message and its documents in one
 * transaction (a re-sent ISA13 is refused), apply its 997/999s to what Concord sent it, and build
 * the acknowledgment reflecting what was found.
 */
export async function receiveX12(deps: X12IntakeDeps, raw: string, correlationId: string): Promise<ReceivedX12> {
  const { sender, receiver } = peekIsa(raw);
  const partner = deps.findPartner(sender[0], sender[1]);
  if (!partner) {
    throw Errors.PartnerUnknown(`no trading partner is configured with X12 interchange id ${sender.join(":")}`, {
      qualifier: sender[0],
      id: sender[1],
    });
  }
  if (receiver[0] !== deps.identity.qualifier || receiver[1] !== deps.identity.id) {
    throw Errors.EdiEnvelope(
      `the interchange is addressed to ${receiver.join(":")}, not to Concord (${deps.identity.qualifier}:${deps.identity.id})`,
      { receiver: receiver.join(":") },
    );
  }
  const [seq] = await deps.store.query<{ n: number }>("SELECT nextval('x12_control_numbers')::int AS n");
  const received = await receiveInterchange(raw, {
    partner: partner.options,
    ack: { kind: partner.ack, envelope: { controlNumber: seq!.n, groupControlNumber: seq!.n, at: new Date() } },
  });
  const h = received.interchange.header;
  const documents: PartnerDocument[] = received.sets.flatMap((s: ReceivedSet) =>
    s.outcome === "mapped"
      ? [
          {
            format: `x12-${s.set.setId} ST ${s.set.controlNumber}`,
            document: s.result.document,
            warnings: s.result.warnings,
          },
        ]
      : [],
  );
  const hasAcks = received.sets.some((s) => s.set.setId === "997" || s.set.setId === "999");
  const senderKey = `${h.senderQualifier}:${h.senderId}`;
  const receiverKey = `${h.receiverQualifier}:${h.receiverId}`;
  const outcome = await acceptPartnerMessage(deps, {
    partner: partner.system,
    messageType: "x12-interchange",
    messageId: `x12:${senderKey}:${receiverKey}:${h.controlNumber}`,
    contentType: "application/edi-x12",
    rawBody: raw,
    correlationId,
    documents,
    interchange: { sender: senderKey, receiver: receiverKey, controlNumber: h.controlNumber },
    ...(hasAcks ? { functionalAcks: functionalAcksOf(received.interchange) } : {}),
  });
  return {
    outcome,
    ack: received.ack,
    rejectedSets: received.sets.flatMap((s) =>
      s.outcome === "rejected"
        ? [
            {
              setId: s.set.setId,
              controlNumber: s.set.controlNumber,
              reason: s.error?.message ?? s.problems.map((p) => p.message).join("; "),
            },
          ]
        : [],
    ),
    unmappedSets: received.sets.flatMap((s) =>
      s.outcome === "not-mapped" && s.set.setId !== "997" && s.set.setId !== "999"
        ? [{ setId: s.set.setId, controlNumber: s.set.controlNumber }]
        : [],
    ),
  };
}
