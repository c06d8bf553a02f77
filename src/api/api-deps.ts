import type { Store } from "../store/index.js";
import type { ContractIntakeConfig } from "../workflows/contract-propagation/index.js";

/** What the API needs from the composition root; built once in src/server. */
export interface ApiDeps {
  readonly store: Store;
  readonly intake: ContractIntakeConfig;
  /** Called after a transaction that wrote outbox events commits. */
  readonly onOutboxWrite: () => void;
  /** Readiness: false while starting or draining. */
  readonly isReady: () => boolean;
}
