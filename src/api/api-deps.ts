import type { Store } from "../store/index.js";
import type { ContractIntake } from "../workflows/contract-propagation/index.js";

/** What the API needs from the composition root; built once in src/server. */
export interface ApiDeps {
  readonly store: Store;
  /** Accepts contract versions; wakes the dispatcher itself when it accepted one. */
  readonly intake: ContractIntake;
  /** Called after a transaction that wrote outbox events commits. */
  readonly onOutboxWrite: () => void;
  /** Readiness: false while starting or draining. */
  readonly isReady: () => boolean;
}
