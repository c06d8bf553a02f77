import type { TimerHandler } from "../timers/index.js";
import { applyOrderConfirmation } from "./apply-order-confirmation.js";
import { escalateApproval } from "./escalate-approval.js";
import { issuePurchaseOrders } from "./issue-purchase-orders.js";
import type { RequisitionDeps } from "./requisition-deps.js";
import type { ApprovalKind } from "./requisition-status.js";

/** The workflow's timer handler: `<req>:issue`, `<req>:approval-sla:<kind>`, `confirmation:<trade document row>`. */
export function requisitionTimerHandler(deps: RequisitionDeps): TimerHandler {
  return async (tx, timer) => {
    if (timer.key.startsWith("confirmation:")) {
      await applyOrderConfirmation(deps, tx, Number(timer.key.slice("confirmation:".length)));
      return undefined;
    }
    const sla = /^(.+):approval-sla:(amount|clinical|off-contract)$/.exec(timer.key);
    if (sla) {
      await escalateApproval(deps, tx, sla[1]!, sla[2] as ApprovalKind);
      return undefined;
    }
    if (timer.key.endsWith(":issue"))
      return (await issuePurchaseOrders(deps, tx, timer.key.slice(0, -":issue".length)))
        ? deps.onOutboxWrite
        : undefined;
    throw new Error(`unknown requisition-to-po timer ${timer.key}`);
  };
}
