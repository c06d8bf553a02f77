import type { ClaimOnAppend } from "./sql/append-events.js";
import type { ClaimedDelivery } from "./sql/claim-deliveries.js";

/**
 * A dispatcher running in the writer's own process, which can take fresh deliveries straight from
 * the transaction that wrote them (implemented by Dispatcher). Writers reserve before their
 * transaction and always adopt after it, with what they claimed or with nothing if it failed.
 */
export interface LocalDispatch {
  reserve(wanted: number): ClaimOnAppend;
  adopt(claimed: readonly ClaimedDelivery[], reservation: ClaimOnAppend): void;
}
