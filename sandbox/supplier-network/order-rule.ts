import type { OrderConfirmation, OrderConfirmationLine, PurchaseOrder } from "../../src/model/index.js";

/** What the network answers for one order line. */
export type NetworkLineKind = "accept" | "allocate" | "reject";

export interface NetworkLineAnswer {
  readonly lineId: string;
  /** The item number the rule read (SupplierPartID, else BuyerPartID, else Concord's item id). */
  readonly itemNumber: string;
  readonly kind: NetworkLineKind;
  readonly ordered: string;
  /** What it confirms: the ordered quantity, or the allocation (half, rounded up) for `allocate`. */
  readonly quantity: string;
  readonly reason?: string;
}

/** FNV-1a, salted so the network's buckets are not the distributor's (an item both sell differs). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The network's rule, by item number: FNV-1a(`network:<item>`) mod 10 = 0 → rejected (discontinued
 * at the supplier); 1 or 2 → allocated (short stock: it confirms half the ordered quantity, rounded
 * up); anything else accepted. About one line in ten is rejected and one in five allocated, always
 * for the same items, so a demo and a test can pick lines by what will happen to them.
 */
export function networkRuleFor(itemNumber: string): NetworkLineKind {
  const bucket = fnv1a(`network:${itemNumber}`) % 10;
  return bucket === 0 ? "reject" : bucket <= 2 ? "allocate" : "accept";
}

/** Half of a whole quantity, rounded up; a fraction or a quantity of 1 cannot be split. */
function allocation(quantity: string): string {
  const q = Number(quantity);
  return Number.isInteger(q) && q > 1 ? String(Math.ceil(q / 2)) : quantity;
}

export function answerOrderLine(line: PurchaseOrder["lines"][number]): NetworkLineAnswer {
  // An empty SupplierPartID (the DTD requires the element; Concord sends its id as BuyerPartID) is none.
  const itemNumber = line.item.supplierPartNo || line.item.buyerPartNo || line.item.itemId || line.lineId;
  const rule = networkRuleFor(itemNumber);
  const quantity = rule === "allocate" ? allocation(line.quantity) : line.quantity;
  // An allocation that would not change anything is an accept: the hub must see no change.
  const kind = rule === "allocate" && quantity === line.quantity ? "accept" : rule;
  const reason =
    kind === "reject"
      ? `${itemNumber} is discontinued by the supplier`
      : kind === "allocate"
        ? `short stock: ${quantity} of ${line.quantity} allocated`
        : undefined;
  return {
    lineId: line.lineId,
    itemNumber,
    kind,
    ordered: line.quantity,
    quantity,
    ...(reason === undefined ? {} : { reason }),
  };
}

/** The ConfirmationRequest document for an order: every line listed, the header summing them up. */
export function confirmationFor(
  po: PurchaseOrder,
  answers: readonly NetworkLineAnswer[],
  confirmationDate: string,
): Omit<OrderConfirmation, "parties"> {
  const lines: OrderConfirmationLine[] = po.lines.map((line, i) => {
    const a = answers[i]!;
    const status = a.kind === "accept" ? "accepted" : a.kind === "reject" ? "rejected" : "accepted-with-changes";
    return {
      lineId: line.lineId,
      status,
      quantity: a.quantity,
      uom: line.uom,
      ...(a.reason === undefined ? {} : { note: a.reason }),
    };
  });
  const every = (kind: NetworkLineKind) => answers.every((a) => a.kind === kind);
  return {
    kind: "order-confirmation",
    id: `NC-${po.id}`,
    purchaseOrderId: po.id,
    confirmationDate,
    status: every("accept") ? "accepted" : every("reject") ? "rejected" : "accepted-with-changes",
    lines,
  };
}
