import { ConcordError, Errors } from "../../errors/index.js";
import type { DeliveryOutcome, DeliveryPort, OutboundMessage } from "../../events/index.js";
import { INVOICE_DECIDED, type InvoiceDecision } from "../../model/events/invoice-decision.js";
import { type ContractVersionEvent, PAYMENT_REMITTED, type PaymentRemitted } from "../../model/index.js";
import {
  compileX12Options,
  controlVersionOf,
  encodeDocuments,
  encodeInterchange,
  type InterchangeEnvelope,
  invoiceAdviceSet,
  type X12PartnerOptions,
} from "../x12/index.js";
import { priceAuthorizationFromContract } from "./price-authorization-from-contract.js";
import { isPurchaseOrder, purchaseOrderFileName } from "./purchase-order-interchange.js";

/** Where an interchange goes: a partner's file drop (outbound/), an SFTP push. Throws on failure. */
export interface DocumentSink {
  /** Writes the document under `name`; resolves false when one of that name is already waiting. */
  put(name: string, content: string): Promise<boolean>;
}

export interface X12PriceAuthorizationConfig {
  readonly system: string;
  readonly partner: { readonly qualifier: string; readonly id: string; readonly options: X12PartnerOptions };
  readonly identity: { readonly qualifier: string; readonly id: string };
  readonly sink: DocumentSink;
  /** How long the partner has to send its 997/999 before an exception says it is overdue. */
  readonly awaitAckMs: number;
}

/**
 * X12 control numbers of a delivery: ISA13 and GS06 are the delivery id (wrapping at 10⁹), so a
 * retry, a crash recovery or a replay sends the same interchange and the partner's duplicate
 * check drops it, and the partner's 997 (AK1 = GS06) names the delivery it acknowledges.
 */
export const controlNumberOf = (deliveryId: number) => ((deliveryId - 1) % 999_999_999) + 1;

/**
 * Contract versions to a distributor or manufacturer as X12 845s, purchase orders
 * (`purchase-order.issued`) as 850s, and what accounts payable decided about the partner's
 * invoices (`invoice.decided`) as 824 Application Advices, and the payments of them
 * (`payment.remitted`) as 820 Remittance Advices, each acknowledged by its 997/999.
 */
export function createX12PriceAuthorizationConnector(cfg: X12PriceAuthorizationConfig): DeliveryPort {
  const options = cfg.partner.options;
  return {
    system: cfg.system,
    async deliver(message: OutboundMessage): Promise<DeliveryOutcome> {
      if (isPurchaseOrder(message)) {
        const po = message.payload.purchaseOrder;
        return send(cfg, message.deliveryId, {
          what: `purchase order ${po.id}`,
          setId: "850",
          fileName: (control) => purchaseOrderFileName(po, control),
          encode: (envelope) => encodeDocuments([po], envelope, options).text,
        });
      }
      if (message.eventType === PAYMENT_REMITTED) {
        const { payment } = message.payload as PaymentRemitted;
        return send(cfg, message.deliveryId, {
          what: `payment ${payment.id}`,
          setId: "820",
          fileName: (control) => `820-${safe(payment.id)}-${padded(control)}.x12`,
          encode: (envelope) => encodeDocuments([payment], envelope, options).text,
        });
      }
      if (message.eventType === INVOICE_DECIDED) {
        const decision = message.payload as InvoiceDecision;
        return send(cfg, message.deliveryId, {
          what: `the decision on invoice ${decision.invoiceId}`,
          setId: "824",
          fileName: (control) => `824-${safe(decision.invoiceId)}-${padded(control)}.x12`,
          encode: (envelope) => {
            const { version } = compileX12Options(options);
            return encodeInterchange({ ...envelope, controlVersion: controlVersionOf(version) }, [
              invoiceAdviceSet(decision, version),
            ]);
          },
        });
      }
      const event = message.payload as ContractVersionEvent;
      const { contract } = event;
      return send(cfg, message.deliveryId, {
        what: `contract ${contract.number} v${contract.version}`,
        setId: "845",
        fileName: (control) => `845-${safe(contract.number)}-v${contract.version}-${padded(control)}.x12`,
        encode: (envelope) =>
          encodeDocuments([priceAuthorizationFromContract(event, cfg.system)], envelope, options).text,
      });
    },
  };
}

/** One document for the partner: what it is (for a refusal), its file name and its interchange. */
interface Outgoing {
  readonly what: string;
  readonly setId: "845" | "850" | "824" | "820";
  readonly fileName: (control: number) => string;
  readonly encode: (envelope: InterchangeEnvelope) => string;
}

/**
 * One document in its own interchange, ISA13 = GS06 = the delivery's control number, written to
 * the partner's folder: delivered, and acknowledged when its 997 comes back. The same delivery
 * always writes the same file, so a resend is the same interchange to the partner.
 */
async function send(cfg: X12PriceAuthorizationConfig, deliveryId: number, out: Outgoing): Promise<DeliveryOutcome> {
  const control = controlNumberOf(deliveryId);
  let text: string;
  try {
    text = out.encode({
      sender: cfg.identity,
      receiver: { qualifier: cfg.partner.qualifier, id: cfg.partner.id },
      controlNumber: control,
      groupControlNumber: control,
      at: new Date(),
    });
  } catch (e) {
    if (e instanceof ConcordError && e.code === Errors.ConnectorRejected.code) throw e;
    // A document the set cannot carry is permanent: retrying the same delivery cannot help.
    throw Errors.ConnectorRejected(
      `${cfg.system}: ${out.what} cannot be written as an ${out.setId}: ${e instanceof Error ? e.message : String(e)}`,
      {},
      e,
    );
  }
  // A file of that name still waiting is this very interchange (same delivery): already delivered.
  await cfg.sink.put(out.fileName(control), text);
  return { kind: "delivered", ref: `ISA13 ${padded(control)}`, awaitAckMs: cfg.awaitAckMs };
}

const padded = (control: number) => String(control).padStart(9, "0");
const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, "_");
