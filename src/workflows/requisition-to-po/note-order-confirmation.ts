import type { Queryable } from "../../store/index.js";
import { scheduleTimer } from "../timers/index.js";
import { REQUISITION_WORKFLOW, requisitionTimerKeys } from "./requisition-status.js";

/**
 * Called by the partner intake in the transaction that keeps a supplier's confirmation: a timer
 * due at once (whatever the business clock says) applies it to its requisition in a worker, so a
 * crash between keeping the 855 and applying it loses nothing.
 */
export async function noteOrderConfirmation(tx: Queryable, documentRowId: number): Promise<void> {
  await scheduleTimer(tx, {
    workflow: REQUISITION_WORKFLOW,
    key: requisitionTimerKeys.confirmation(documentRowId),
    fireAt: new Date(0),
  });
}
