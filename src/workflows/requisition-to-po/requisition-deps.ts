import type { EventTarget } from "../../events/index.js";
import type { Store } from "../../store/index.js";
import type { Clock } from "../timers/index.js";
import type { RequisitionOptions } from "./requisition-options.js";

/** What the requisition-to-PO workflow needs; built once in src/server. */
export interface RequisitionDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly options: RequisitionOptions;
  /** Targets subscribed to an event type (the ERP takes `purchase-order.issued`, so may the partner). */
  readonly subscribers: (eventType: string) => readonly EventTarget[];
  /** Every configured trading partner: a PO goes to its own partner only, never to the others. */
  readonly partnerSystems: ReadonlySet<string>;
  /** Called after a transaction that wrote outbox events commits (wakes the dispatchers). */
  readonly onOutboxWrite: () => void;
  /** Called after a transaction scheduled a timer that is due at once (wakes the timer runner). */
  readonly onTimerDue: () => void;
}
