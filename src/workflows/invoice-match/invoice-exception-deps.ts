import type { EventTarget } from "../../events/index.js";
import type { ExceptionEscalation } from "../../policy/index.js";
import type { Store } from "../../store/index.js";
import type { Clock } from "../timers/index.js";

/** The durable timers of invoice exceptions are this workflow's (timer key `<exception id>:level-<n>`). */
export const INVOICE_EXCEPTION_WORKFLOW = "invoice-exception";

/** Who writes and reads invoice exceptions after the match raised them: resolution, escalation, receipts. */
export interface InvoiceExceptionDeps {
  readonly store: Store;
  /** Business time: due times, escalations and aging (tests move it forward). */
  readonly clock: Clock;
  readonly escalation: ExceptionEscalation;
  /** The accounts-payable system an invoice's decision is written back to (the ERP target). */
  readonly erpSystem: string | null;
  /** Targets subscribed to an event type (their `events` config): suppliers' portals, the bus. */
  readonly subscribers: (eventType: string) => readonly EventTarget[];
  /** Trading partners' systems: a partner subscribed to invoice decisions gets its own only. */
  readonly partnerSystems?: ReadonlySet<string>;
  /** Called after a commit that wrote deliveries. */
  readonly onOutboxWrite: () => void;
  /** Called after a commit that scheduled a timer that may already be due. */
  readonly onTimerDue?: () => void;
}

/** The timer that escalates an exception out of `level`. */
export const slaTimerKey = (exceptionId: number, level: number) => `${exceptionId}:level-${level}`;
