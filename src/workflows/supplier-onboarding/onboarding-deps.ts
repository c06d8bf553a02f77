import type { EventTarget } from "../../events/index.js";
import type { FieldCipher } from "../../security/index.js";
import type { Store } from "../../store/index.js";
import type { Clock } from "../timers/index.js";
import type { OnboardingOptions } from "./onboarding-options.js";

/** What the onboarding workflow needs; built once in src/server. */
export interface OnboardingDeps {
  readonly store: Store;
  /** Seals tax ids and bank accounts; its fingerprints find duplicates without decrypting. */
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly options: OnboardingOptions;
  /** Targets subscribed to an event type (a payable supplier is announced as `supplier.changed`). */
  readonly subscribers?: (eventType: string) => readonly EventTarget[];
  /** Called after a transaction that wrote outbox events commits (wakes the dispatchers). */
  readonly onOutboxWrite: () => void;
  /** Called after a transaction scheduled a timer that is due at once (wakes this process's timer runner). */
  readonly onTimerDue: () => void;
}
