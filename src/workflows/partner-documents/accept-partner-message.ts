import { appendAudit } from "../../audit/index.js";
import { Errors } from "../../errors/index.js";
import type { AckedDelivery, EventTarget, FunctionalAck } from "../../events/index.js";
import { appendEvents } from "../../events/index.js";
import {
  claimInbound,
  findInbound,
  type Queryable,
  raiseException,
  type Store,
  settleInbound,
} from "../../store/index.js";
import { invoicePurchaseOrderIds, startInvoiceMatch } from "../invoice-match/index.js";
import { noteOrderConfirmation } from "../requisition-to-po/note-order-confirmation.js";
import type { AcceptedDocument, PartnerMessage, PartnerMessageOutcome } from "./partner-message.js";
import { resolveItemRefs } from "./resolve-item-refs.js";

export interface PartnerIntakeDeps {
  readonly store: Store;
  /** The dispatcher's: settles outbound deliveries the partner acknowledged, in this transaction. */
  readonly recordFunctionalAcks: (
    tx: Queryable,
    target: string,
    acks: readonly FunctionalAck[],
  ) => Promise<readonly AckedDelivery[]>;
  /** Targets subscribed to an event type (the enterprise bus, workflows' own targets). */
  readonly subscribers: (eventType: string) => readonly EventTarget[];
  /** Called after a commit that wrote outbox events. */
  readonly onOutboxWrite: () => void;
}

/** The outbox event announcing a received trade document: `trade.purchase-order.received`... */
export const tradeDocumentEvent = (kind: string) => `trade.${kind}.received`;

/**
 * Accepts one decoded partner message in one transaction: the raw message, the X12 interchange
 * control number (a re-sent interchange is refused), every document with its item identities
 * resolved where the cross-references know them, an exception per document with unresolved items,
 * the partner's functional acknowledgments, and an outbox event per document. A message id seen
 * before is answered with its first outcome.
 */
export async function acceptPartnerMessage(
  deps: PartnerIntakeDeps,
  message: PartnerMessage,
): Promise<PartnerMessageOutcome> {
  let wroteEvents = false;
  const outcome = await deps.store.transaction(async (tx) => {
    if (message.interchange) {
      const { sender, receiver, controlNumber } = message.interchange;
      const fresh = await tx.query(
        `INSERT INTO x12_interchanges (sender, receiver, control_number, inbound_message_id)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING control_number`,
        [sender, receiver, controlNumber, message.messageId],
      );
      if (fresh.length === 0) {
        throw Errors.EdiDuplicate(
          `interchange ${controlNumber} from ${sender} to ${receiver} was already received; a corrected resend needs a new ISA13`,
          { sender, receiver, controlNumber },
        );
      }
    }
    const claimed = await claimInbound(tx, [
      {
        system: message.partner,
        messageType: message.messageType,
        messageId: message.messageId,
        correlationId: message.correlationId,
        contentType: message.contentType,
        body: message.rawBody,
      },
    ]);
    if (claimed.size === 0) {
      const first = await findInbound(tx, message.partner, message.messageId);
      return { ...(first?.outcome as unknown as PartnerMessageOutcome), duplicate: true };
    }

    const documents: AcceptedDocument[] = [];
    for (const d of message.documents) {
      const { document, unresolved } = await resolveItemRefs(tx, message.partner, d.document);
      const documentId = "id" in document && document.id ? document.id : documentIdOf(document);
      const [row] = await tx.query<{ id: number }>(
        `INSERT INTO trade_documents (kind, partner, direction, document_id, format, body, warnings, unresolved,
           inbound_system, inbound_message_id, correlation_id)
         VALUES ($1, $2, 'inbound', $3, $4, $5, $6, $7, $2, $8, $9) RETURNING id`,
        [
          document.kind,
          message.partner,
          documentId,
          d.format,
          JSON.stringify(document),
          JSON.stringify(d.warnings),
          JSON.stringify(unresolved),
          message.messageId,
          message.correlationId,
        ],
      );
      const accepted: AcceptedDocument = {
        id: row!.id,
        kind: document.kind,
        documentId,
        format: d.format,
        warnings: d.warnings,
        unresolved,
      };
      documents.push(accepted);
      if (unresolved.length > 0) {
        await raiseException(tx, {
          code: Errors.ReferenceUnknown.code,
          rule: "trade-document.item-mapped",
          urgency: document.kind === "invoice" ? "financial" : "routine",
          subjectType: "trade-document",
          subjectId: String(row!.id),
          system: message.partner,
          message: `${message.partner} ${document.kind} ${documentId}: ${unresolved.length} item(s) match no known item (${unresolved
            .slice(0, 3)
            .map((u) =>
              Object.entries(u.identifiers)
                .map(([k, v]) => `${k} ${v}`)
                .join(", "),
            )
            .join("; ")})`,
          details: { unresolved },
          correlationId: message.correlationId,
        });
      }
      // An invoice starts its match in the same transaction: it can never be kept and forgotten.
      if (document.kind === "invoice") {
        await startInvoiceMatch(tx, {
          documentRowId: row!.id,
          partner: message.partner,
          correlationId: message.correlationId,
          purchaseOrderIds: invoicePurchaseOrderIds(document),
        });
      }
      // A supplier's confirmation updates the requisition whose PO it confirms (a timer, in a worker).
      if (document.kind === "order-confirmation") await noteOrderConfirmation(tx, row!.id);
      const type = tradeDocumentEvent(document.kind);
      const targets = deps.subscribers(type);
      await appendEvents(
        tx,
        [
          {
            type,
            businessKey: `${document.kind}:${message.partner}:${documentId}`,
            keyVersion: row!.id,
            payload: { documentRowId: row!.id, partner: message.partner, document },
            correlationId: message.correlationId,
          },
        ],
        targets,
      );
      wroteEvents ||= targets.length > 0;
    }

    const acked = message.functionalAcks?.length
      ? await deps.recordFunctionalAcks(tx, message.partner, message.functionalAcks)
      : [];
    const result: PartnerMessageOutcome = {
      status: "accepted",
      messageId: message.messageId,
      correlationId: message.correlationId,
      documents,
      acknowledged: acked.length,
    };
    await appendAudit(tx, [
      {
        actor: message.partner,
        action: "partner.message.accepted",
        subjectType: message.messageType,
        subjectId: message.messageId,
        detail: {
          correlationId: message.correlationId,
          documents: documents.map((d) => ({
            kind: d.kind,
            documentId: d.documentId,
            unresolved: d.unresolved.length,
          })),
          acknowledged: acked.length,
        },
      },
    ]);
    await settleInbound(tx, [
      { system: message.partner, messageId: message.messageId, status: "accepted", outcome: result },
    ]);
    return result;
  });
  if (wroteEvents) deps.onOutboxWrite();
  return outcome;
}

/** Documents without an `id` of their own (confirmations, price authorizations) are named by what they refer to. */
function documentIdOf(document: { kind: string } & Record<string, unknown>): string {
  const ref = document.purchaseOrderId ?? document.contractNumber;
  return typeof ref === "string" ? ref : document.kind;
}
